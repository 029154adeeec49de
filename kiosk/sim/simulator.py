"""The simulator itself: one API's state + clock + faults, and one entry point per request."""

from __future__ import annotations

import json
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kiosk.sim.clock import SimClock, format_iso
from kiosk.sim.controls import CONTROL_ROUTES
from kiosk.sim.errors import ApiError
from kiosk.sim.faults import HTML_ERROR_PAGE, MAINTENANCE_PAGE, Failure, Faults, RequestLog
from kiosk.sim.platform import Json, Platform
from kiosk.sim.protocol import BadBody, NoRoute, Request, Response, SimError
from kiosk.sim.shopwired import ShopWired
from kiosk.sim.store import SimStore
from kiosk.sim.vauchar import Vauchar
from kiosk.sim.vouchercart import VoucherCart
from kiosk.sim.vouchers_api import VouchersApi

CONTROL_PREFIX = "/_sim"
APIS: dict[str, type[Platform]] = {
    "vouchercart": VoucherCart,
    "vouchers-api": VouchersApi,
    "vauchar": Vauchar,
    "shopwired": ShopWired,
}


class Simulator:
    """A stateful server of one voucher API without the socket: ``handle(request) -> response``.

    A new (or in-memory) database is seeded from ``fixture`` (the API's demo fixture if None;
    with ``auth`` and no fixture, an empty store); an already seeded database keeps its state
    and ignores ``fixture``. ``auth`` is the credential of the key-based APIs (Bearer API key
    for ``vouchers-api``, ``user:password`` for ``vauchar`` and ``shopwired``).
    """

    def __init__(self, fixture: Mapping[str, Any] | str | Path | None = None, *,
                 db: str | Path | None = None, token_ttl: float = 86400,
                 api: str = "vouchercart", auth: str | None = None) -> None:
        if api not in APIS:
            raise ValueError(f"unknown API {api!r}: one of {', '.join(APIS)}")
        if api == "vouchercart" and auth is not None:
            raise ValueError("VoucherCart signs users in; --auth is for the key-based APIs")
        self.store = SimStore(db)
        self.clock = SimClock()
        self.faults = Faults()
        self.log = RequestLog()
        self._stopping = threading.Event()
        self._busy_lock = threading.Lock()
        self._in_flight = 0
        self.platform = self._platform(api, token_ttl, auth)
        try:
            if self.store.get_meta("api") not in (None, api):
                raise ValueError(f"{db} holds the {self.store.get_meta('api')} API, not {api}")
            if not self.store.is_seeded():
                if fixture is None and auth is not None and api != "vouchercart":
                    fixture = {"auth": auth, "vouchers": []}
                self.platform.seed(self.platform.load_fixture(fixture))
                self.store.set_meta("api", api)
        except BaseException:
            self.store.close()
            raise

    def _platform(self, api: str, token_ttl: float, auth: str | None) -> Platform:
        if api == "vouchercart":
            return VoucherCart(self.store, self.clock, token_ttl)
        keyed = APIS[api]
        return keyed(self.store, self.clock, auth)  # type: ignore[call-arg]

    @property
    def api(self) -> str:
        """The API served (``vouchercart``, ``vouchers-api``, ``vauchar``, ``shopwired``)."""
        return self.platform.name

    def close(self) -> None:
        """Wake any request sleeping on injected latency, and close the database."""
        self._stopping.set()
        self.store.close()

    # --- serving ------------------------------------------------------------------------
    def handle(self, request: Request) -> Response:
        """Serve one request, applying injected faults to the API's (not ``/_sim/``) ones."""
        path = request.path
        if self._stopping.is_set():
            return Response(503, drop=True)
        if path == CONTROL_PREFIX or path.startswith(CONTROL_PREFIX + "/"):
            return self._control(request)
        with self._busy_lock:
            self._in_flight += 1
        try:
            return self._serve_api(request)
        finally:
            with self._busy_lock:
                self._in_flight -= 1

    @property
    def in_flight(self) -> int:
        """API requests being served right now (delayed by injected latency included): a
        test waits for 0 before it judges what a killed client's requests did."""
        with self._busy_lock:
            return self._in_flight

    def _serve_api(self, request: Request) -> Response:
        path = request.path
        delay = self.faults.take_latency(path, request.method)
        if delay and self._stopping.wait(delay):
            return Response(503, drop=True)
        stamp = format_iso(self.clock.now())
        failure = self.faults.take_failure(path, request.method)
        if failure is not None and not failure.after:
            self.log.add(request.method, path, failure.status, "failed", stamp)
            return self._failure_response(failure)
        response = self.platform.serve(request)
        if failure is not None:
            self.log.add(request.method, path, failure.status, "failed after serving", stamp)
            return self._failure_response(failure)
        if self.platform.is_write(request.method, path) and self.faults.take_drop(path):
            self.log.add(request.method, path, response.status, "dropped", stamp)
            return Response(response.status, drop=True)
        self.log.add(request.method, path, response.status, "served", stamp)
        return response

    def _control(self, request: Request) -> Response:
        try:
            with self.store.transaction():
                return CONTROL_ROUTES.dispatch(self, request)
        except SimError as error:
            return Response.error(error)
        except BadBody as exc:
            return Response.error(ApiError(1000, {"body": [str(exc)]}))
        except NoRoute as exc:
            return Response.error(ApiError(1002 if exc.path_known else 1004))

    def _failure_response(self, failure: Failure) -> Response:
        mode, status = failure.mode, failure.status
        if mode == "redirect":
            return Response(status, MAINTENANCE_PAGE.encode(), "text/html",
                            headers={"Location": failure.location})
        if mode == "html":
            page = HTML_ERROR_PAGE.format(status=status)
            return Response(status, page.encode(), "text/html")
        return self.platform.internal_error(status)

    # --- controls (also reachable over HTTP under /_sim/) -------------------------------
    def add_vouchers(self, vouchers: list[Mapping[str, Any]]) -> list[str]:
        """Add or replace vouchers, in the API's own shape; returns their codes."""
        return self.platform.add_vouchers(vouchers)

    def voucher(self, code: str) -> Json | None:
        """A voucher's full current state in the API's own shape, or None."""
        return self.platform.voucher(code)

    def set_rate_limits(self, enabled: bool) -> None:
        """Enforce the API's documented rate limits (``ValueError`` if it has none)."""
        self.platform.set_rate_limits(enabled)

    def reset(self) -> None:
        """Back to the fixture this database was first seeded with; faults, log, clock cleared."""
        fixture = json.loads(self.store.get_meta("fixture") or "{}")
        self.faults.reset()
        self.log.clear()
        self.clock.reset()
        self.platform.set_rate_limits(False)
        with self.store.transaction():
            self.platform.seed(self.platform.normalise_fixture(fixture))
