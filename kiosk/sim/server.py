"""The simulator on a socket: a ``ThreadingHTTPServer`` around :class:`Simulator`."""

from __future__ import annotations

import contextlib
import socket
import sqlite3
import sys
import threading
from collections.abc import Mapping
from datetime import datetime
from email.utils import format_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from kiosk.sim.clock import format_iso, parse_iso
from kiosk.sim.protocol import Request, Response
from kiosk.sim.simulator import Simulator
from kiosk.sim.vouchers import Voucher


class _HTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], simulator: Simulator) -> None:
        self.simulator = simulator
        self._open: set[socket.socket] = set()
        self._open_lock = threading.Lock()
        super().__init__(address, _Handler)

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._open_lock:
            self._open.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._open_lock:
            self._open.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that went away (killed, timed out) is no error of the server's."""
        if isinstance(sys.exc_info()[1], ConnectionError):
            return
        super().handle_error(request, client_address)

    def open_connections(self) -> int:
        """Client connections accepted and not closed yet."""
        with self._open_lock:
            return len(self._open)

    def cut_connections(self) -> None:
        """Close every open client connection, as a server that went away would."""
        with self._open_lock:
            connections = list(self._open)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "VoucherCartSim/1.0"
    disable_nagle_algorithm = True  # headers and body go out separately: avoid 40 ms stalls
    server: _HTTPServer

    def _serve(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length > 0 else b""
        request = Request(self.command, self.path,
                          {k.lower(): v for k, v in self.headers.items()}, body)
        try:
            response = self.server.simulator.handle(request)
        except sqlite3.ProgrammingError:  # the database closed under us: we are stopping
            response = Response(503, drop=True)
        if response.drop:
            self.close_connection = True
            with contextlib.suppress(OSError):
                self.connection.shutdown(socket.SHUT_RDWR)
            return
        self._send(response)

    def _send(self, response: Response) -> None:
        self.send_response(response.status)
        if response.content_type:
            charset = "; charset=utf-8" if "charset" not in response.content_type else ""
            self.send_header("Content-Type", response.content_type + charset)
        for name, value in response.headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        self.wfile.write(response.body)

    def date_time_string(self, timestamp: float | None = None) -> str:
        """The ``Date`` header: the simulator's clock (``/_sim/clock``), not the machine's."""
        if timestamp is not None:
            return super().date_time_string(timestamp)
        return format_datetime(self.server.simulator.clock.now(), usegmt=True)

    def do_GET(self) -> None:
        """Serve a GET."""
        self._serve()

    def do_POST(self) -> None:
        """Serve a POST."""
        self._serve()

    def do_PUT(self) -> None:
        """Serve a PUT."""
        self._serve()

    def do_PATCH(self) -> None:
        """Serve a PATCH."""
        self._serve()

    def do_DELETE(self) -> None:
        """Serve a DELETE."""
        self._serve()

    def do_OPTIONS(self) -> None:
        """Serve an OPTIONS (always 405: the API has none)."""
        self._serve()

    def log_message(self, format: str, *args: Any) -> None:
        """Quiet: the request log is under ``/_sim/requests``."""


class SimServer:
    """A running simulator: its URLs, ``stop()``, and shortcuts to the ``/_sim/`` controls."""

    def __init__(self, simulator: Simulator, host: str = "127.0.0.1", port: int = 0) -> None:
        self.simulator = simulator
        self._http = _HTTPServer((host, port), simulator)
        self.host = host
        self.port: int = self._http.server_address[1]
        self._thread: threading.Thread | None = None
        self._state_lock = threading.Lock()
        self._serving = False
        self._shutdown_requested = False
        self._stopped = False

    @property
    def base_url(self) -> str:
        """``http://HOST:PORT``."""
        return f"http://{self.host}:{self.port}"

    @property
    def api(self) -> str:
        """The API served (``vouchercart``, ``vouchers-api``, ``vauchar``, ``shopwired``)."""
        return self.simulator.api

    @property
    def api_url(self) -> str:
        """What the kiosk calls ``--server``: ``http://HOST:PORT/v1`` (``…PORT`` for Vauchar)."""
        return f"{self.base_url}{self.simulator.platform.base_path}"

    def serve_forever(self) -> None:
        """Serve in the calling thread until :meth:`shutdown` or :meth:`stop`."""
        with self._state_lock:
            if self._shutdown_requested:
                return
            self._serving = True
        self._http.serve_forever(poll_interval=0.02)

    def start(self) -> SimServer:
        """Serve in a background thread."""
        self._thread = threading.Thread(target=self.serve_forever, name=f"{self.api}-sim",
                                        daemon=True)
        self._thread.start()
        return self

    def shutdown(self) -> None:
        """Make :meth:`serve_forever` return (call from another thread)."""
        with self._state_lock:
            self._shutdown_requested = True
            serving, self._serving = self._serving, False
        if serving:
            self._http.shutdown()

    def stop(self) -> None:
        """Stop serving, cut open connections, close the database (safe to call twice)."""
        if self._stopped:
            return
        self._stopped = True
        self.shutdown()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None
        self._http.server_close()
        self.simulator.close()
        self._http.cut_connections()

    # --- control shortcuts (same effect as the /_sim/ endpoints) -----------------------
    def set_clock(self, at: datetime | str | None = None, *, offset: float | None = None,
                  advance: float | None = None, frozen: bool = False) -> datetime:
        """Move the clock: to ``at``, to real time + ``offset``, or ``advance`` seconds."""
        clock = self.simulator.clock
        if advance is not None:
            return clock.advance(advance)
        if isinstance(at, str):
            at = parse_iso(at)
        return clock.set(at, offset=offset, frozen=frozen)

    def now(self) -> str:
        """The simulator's current time, formatted as the API does."""
        return format_iso(self.simulator.clock.now())

    def add_voucher(self, voucher: Mapping[str, Any]) -> str:
        """Add or replace a voucher; returns its (normalised) code."""
        return self.simulator.add_vouchers([voucher])[0]

    def voucher(self, code: str) -> Voucher:
        """A voucher's current state in the API's own shape (``KeyError`` if unknown)."""
        state = self.simulator.voucher(code)
        if state is None:
            raise KeyError(code)
        return state

    def fail_next(self, count: int = 1, mode: str = "json", status: int | None = None,
                  path: str | None = None, after: bool = False, *,
                  method: str | None = None, location: str | None = None) -> None:
        """Fail the next ``count`` API requests (500 JSON, an HTML 502 page, or a 302
        maintenance redirect, to ``location`` if given), only ``method`` ones if given;
        ``after``: serve them first, then answer with the failure."""
        self.simulator.faults.fail_next(count, mode, status, path, after, method=method,
                                        location=location)

    def clear_faults(self) -> None:
        """No more injected faults (vouchers, log and clock are kept)."""
        self.simulator.faults.reset()

    def drop_next(self, count: int = 1) -> None:
        """Apply the next ``count`` redeem/apply writes, then cut the connection unanswered."""
        self.simulator.faults.drop_next(count)

    def set_rate_limits(self, enabled: bool = True) -> None:
        """Enforce the API's documented rate limits (Vouchers API only)."""
        self.simulator.set_rate_limits(enabled)

    def set_latency(self, seconds: float, count: int | None = None,
                    path: str | None = None, *, method: str | None = None) -> None:
        """Delay the next ``count`` API requests (all when None), only those under ``path``
        and of ``method`` if given; 0 clears."""
        self.simulator.faults.set_latency(seconds, count, path, method=method)

    def requests(self, method: str | None = None, path: str | None = None) -> list[dict[str, Any]]:
        """The ``/v1`` requests that reached the server, e.g. ``requests("POST", "/v1/redeem")``."""
        return self.simulator.log.entries(method, path)

    def reset(self) -> None:
        """Back to the initial fixture; no faults, empty log, real time."""
        self.simulator.reset()

    def quiet(self) -> bool:
        """No API request being served and no client connection open: whatever a killed
        client sent has been served (or never will be)."""
        return self.simulator.in_flight == 0 and self._http.open_connections() == 0


def make_server(fixture: Mapping[str, Any] | str | Path | None = None, *,
                db: str | Path | None = None, token_ttl: float = 86400,
                host: str = "127.0.0.1", port: int = 0, api: str = "vouchercart",
                auth: str | None = None) -> SimServer:
    """A bound (not yet serving) simulator of ``api``."""
    simulator = Simulator(fixture, db=db, token_ttl=token_ttl, api=api, auth=auth)
    try:
        return SimServer(simulator, host, port)
    except OSError:
        simulator.close()
        raise
