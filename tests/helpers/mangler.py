"""A mangling HTTP proxy for tests: what gateways, load balancers and broken servers do.

It sits between the kiosk and the simulator on 127.0.0.1 and, for the next matching
requests, forwards them and then mangles the answer (a 503 after the server applied it, a
rewritten JSON body, a body trickled one byte at a time, an endless body) or answers itself
without forwarding (a maintenance redirect). Nothing of the kiosk is mocked: the kiosk talks
real HTTP to this proxy, which talks real HTTP to the simulator.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import httpx

Upstream = tuple[int, dict[str, str], bytes]  # status, headers, body


@dataclass
class Rule:
    """Mangle the next ``count`` requests whose path starts with ``path`` (and ``method``)."""

    path: str
    action: str  # "status" | "rewrite" | "redirect" | "trickle" | "trickle-all" | "endless"
    count: int = 1
    method: str | None = None
    status: int = 503
    body: bytes = b""
    content_type: str = "text/html"
    rewrite: Callable[[Any], Any] | None = None
    interval: float = 0.5  # trickle: seconds between bytes
    forward: bool = True  # status: forward to the server first (it applies the request)
    skip: int = 0  # let this many matching requests through untouched first


class ManglingProxy:
    """``with ManglingProxy(sim.base_url) as proxy:`` — ``proxy.api_url`` for the kiosk."""

    def __init__(self, upstream: str) -> None:
        self.upstream = upstream.rstrip("/")
        self.rules: list[Rule] = []
        self.seen: list[tuple[str, str, str]] = []  # (method, path, what was done)
        self._lock = threading.Lock()
        self._client = httpx.Client(base_url=self.upstream, timeout=60)
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self) -> None:
                proxy._serve(self)

            def do_POST(self) -> None:
                proxy._serve(self)

            def do_PUT(self) -> None:
                proxy._serve(self)

            def do_DELETE(self) -> None:
                proxy._serve(self)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def api_url(self) -> str:
        """The ``/v1`` base URL through the proxy."""
        return self.url("/v1")

    def url(self, prefix: str) -> str:
        """A base URL through the proxy: ``prefix`` = the API's (``/v1``; Vauchar: "")."""
        return f"http://127.0.0.1:{self._server.server_address[1]}{prefix}"

    def __enter__(self) -> ManglingProxy:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._client.close()

    # --- rules ----------------------------------------------------------------------------

    def add(self, rule: Rule) -> Rule:
        """Apply ``rule`` to the next matching requests."""
        with self._lock:
            self.rules.append(rule)
        return rule

    def _take(self, method: str, path: str) -> Rule | None:
        with self._lock:
            for rule in self.rules:
                if rule.count > 0 and path.startswith(rule.path) and (
                        rule.method is None or rule.method == method):
                    if rule.skip > 0:
                        rule.skip -= 1
                        return None
                    rule.count -= 1
                    return rule
        return None

    # --- serving --------------------------------------------------------------------------

    def _forward(self, handler: BaseHTTPRequestHandler, body: bytes) -> Upstream:
        headers = {k: v for k, v in handler.headers.items()
                   if k.lower() not in ("host", "content-length", "connection",
                                        "accept-encoding")}
        answer = self._client.request(handler.command, handler.path, headers=headers,
                                      content=body)
        kept = {k: v for k, v in answer.headers.items()
                if k.lower() in ("content-type", "date", "location", "retry-after")}
        return answer.status_code, kept, answer.content

    def _serve(self, handler: BaseHTTPRequestHandler) -> None:
        length = int(handler.headers.get("Content-Length") or 0)
        body = handler.rfile.read(length) if length else b""
        path = handler.path.split("?", 1)[0]
        rule = self._take(handler.command, path)
        action = rule.action if rule else "forward"
        self.seen.append((handler.command, path, action))
        try:
            if rule is None:
                self._reply(handler, *self._forward(handler, body))
            elif rule.action == "status":
                if rule.forward:
                    self._forward(handler, body)
                self._reply(handler, rule.status, {"Content-Type": rule.content_type},
                            rule.body)
            elif rule.action == "redirect":
                self._reply(handler, rule.status if rule.status != 503 else 302,
                            {"Content-Type": "text/html",
                             "Location": "https://status.example/maintenance"},
                            b"<html><body>Down for maintenance</body></html>")
            elif rule.action == "rewrite":
                status, headers, content = self._forward(handler, body)
                assert rule.rewrite is not None
                mangled = json.dumps(rule.rewrite(json.loads(content))).encode()
                self._reply(handler, status, headers, mangled)
            elif rule.action == "trickle":
                status, headers, content = self._forward(handler, body)
                self._trickle(handler, status, headers, content, rule.interval)
            elif rule.action == "trickle-all":  # the status line and headers too
                status, headers, content = self._forward(handler, body)
                raw = (f"HTTP/1.1 {status} OK\r\nContent-Type: application/json\r\n"
                       f"Content-Length: {len(content)}\r\n\r\n").encode() + content
                for byte in raw:
                    handler.wfile.write(bytes([byte]))
                    handler.wfile.flush()
                    time.sleep(rule.interval)
                handler.close_connection = True
            elif rule.action == "endless":
                self._endless(handler)
        except (BrokenPipeError, ConnectionResetError, OSError):
            handler.close_connection = True

    @staticmethod
    def _reply(handler: BaseHTTPRequestHandler, status: int, headers: dict[str, str],
               body: bytes) -> None:
        handler.send_response(status)
        for name, value in headers.items():
            if name.lower() != "date":
                handler.send_header(name, value)
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.write(body)

    @staticmethod
    def _trickle(handler: BaseHTTPRequestHandler, status: int, headers: dict[str, str],
                 body: bytes, interval: float) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", headers.get("content-type", "application/json"))
        handler.send_header("Content-Length", str(len(body)))
        handler.end_headers()
        handler.wfile.flush()
        for byte in body:
            handler.wfile.write(bytes([byte]))
            handler.wfile.flush()
            time.sleep(interval)  # the fault itself: a server that dribbles its answer

    @staticmethod
    def _endless(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "application/json")
        handler.send_header("Transfer-Encoding", "chunked")
        handler.end_headers()
        chunk = b"[" + b'"x",' * 16000
        frame = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
        with contextlib.suppress(OSError):
            while True:
                handler.wfile.write(frame)
        handler.close_connection = True


def dropping(key: str) -> Callable[[Any], Any]:
    """A ``rewrite`` for a ``Rule``: the JSON answer without ``key``."""
    def rewrite(data: Any) -> Any:
        data.pop(key, None)
        return data
    return rewrite


@contextlib.contextmanager
def mangling(upstream: str) -> Iterator[ManglingProxy]:
    """A running proxy to ``upstream`` (the simulator's base URL) for the block."""
    with ManglingProxy(upstream) as proxy:
        yield proxy

