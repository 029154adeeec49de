"""The simulator itself: state + clock + faults, and one entry point per request."""

from __future__ import annotations

import json
import secrets
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from kiosk.sim import api, users
from kiosk.sim.clock import SimClock, format_iso
from kiosk.sim.context import Context
from kiosk.sim.controls import CONTROL_ROUTES
from kiosk.sim.errors import ApiError
from kiosk.sim.faults import HTML_ERROR_PAGE, MAINTENANCE_PAGE, Faults, RequestLog
from kiosk.sim.fixtures import Fixture, load_fixture, normalise_fixture, normalise_voucher
from kiosk.sim.protocol import Request, Response
from kiosk.sim.router import Route, Router
from kiosk.sim.store import SimStore
from kiosk.sim.tokens import TokenIssuer
from kiosk.sim.users import CREATED_AT_FORMAT
from kiosk.sim.vouchers import Voucher, present

CONTROL_PREFIX = "/_sim"

VOUCHERCART_ROUTES = Router([
    Route("POST", "/v1/authorize", api.authorize),
    Route("GET", "/v1/user-domains", api.user_domains),
    Route("PUT", "/v1/refresh", api.refresh),
    Route("GET", "/v1/domains", api.domains),
    Route("GET", "/v1/status", api.status),
    Route("POST", "/v1/redeem", api.redeem_voucher),
    Route("GET", "/v1/users", users.list_users),
    Route("POST", "/v1/users", users.create_user),
    Route("GET", "/v1/users/([^/]+)", users.get_user),
    Route("PUT", "/v1/users/([^/]+)", users.update_user),
    Route("DELETE", "/v1/users/([^/]+)", users.delete_user),
    Route("PATCH", "/v1/users/([^/]+)/password", users.change_password),
])


def _fixture_from(source: Mapping[str, Any] | str | Path | None) -> Fixture:
    if source is None or isinstance(source, str | Path):
        return load_fixture(source)
    return normalise_fixture(source)


class Simulator:
    """A stateful VoucherCart server without the socket: ``handle(request) -> response``.

    A new (or in-memory) database is seeded from ``fixture`` (the demo fixture if None);
    an already seeded database keeps its state and ignores ``fixture``.
    """

    def __init__(self, fixture: Mapping[str, Any] | str | Path | None = None, *,
                 db: str | Path | None = None, token_ttl: float = 86400) -> None:
        self.store = SimStore(db)
        self.clock = SimClock()
        self.faults = Faults()
        self.log = RequestLog()
        self._stopping = threading.Event()
        secret = self.store.get_meta("jwt_secret")
        if secret is None:
            secret = secrets.token_hex(32)
            self.store.set_meta("jwt_secret", secret)
        self.context = Context(self.store, self.clock, TokenIssuer(secret, token_ttl))
        if not self.store.is_seeded():
            self.store.seed(_fixture_from(fixture), self._created_at())

    def _created_at(self) -> str:
        return self.clock.now().strftime(CREATED_AT_FORMAT)

    def close(self) -> None:
        """Wake any request sleeping on injected latency, and close the database."""
        self._stopping.set()
        self.store.close()

    # --- serving ------------------------------------------------------------------------
    def handle(self, request: Request) -> Response:
        """Serve one request, applying injected faults to ``/v1`` ones."""
        path = request.path
        if self._stopping.is_set():
            return Response(503, drop=True)
        if path == CONTROL_PREFIX or path.startswith(CONTROL_PREFIX + "/"):
            return self._serve(CONTROL_ROUTES, self, request)
        delay = self.faults.take_latency(path)
        if delay and self._stopping.wait(delay):
            return Response(503, drop=True)
        stamp = format_iso(self.clock.now())
        failure = self.faults.take_failure(path)
        if failure is not None and not failure.after:
            self.log.add(request.method, path, failure.status, "failed", stamp)
            return self._failure_response(failure.mode, failure.status)
        response = self._serve(VOUCHERCART_ROUTES, self.context, request)
        if failure is not None:
            self.log.add(request.method, path, failure.status, "failed after serving", stamp)
            return self._failure_response(failure.mode, failure.status)
        if request.method == "POST" and self.faults.take_drop(path):
            self.log.add(request.method, path, response.status, "dropped", stamp)
            return Response(response.status, drop=True)
        self.log.add(request.method, path, response.status, "served", stamp)
        return response

    def _serve(self, router: Router, context: object, request: Request) -> Response:
        try:
            with self.store.transaction():
                return router.dispatch(context, request)
        except ApiError as error:
            return Response.error(error)

    @staticmethod
    def _failure_response(mode: str, status: int) -> Response:
        if mode == "redirect":
            return Response(status, MAINTENANCE_PAGE.encode(), "text/html",
                            headers={"Location": "/maintenance.html"})
        if mode == "html":
            page = HTML_ERROR_PAGE.format(status=status)
            return Response(status, page.encode(), "text/html")
        return Response.json(status, {"code": status, "errors": {},
                                      "message": "Internal server error", "status": "failed"})

    # --- controls (also reachable over HTTP under /_sim/) -------------------------------
    def add_vouchers(self, vouchers: list[Mapping[str, Any]]) -> list[str]:
        """Add or replace vouchers (see fixtures.normalise_voucher for defaults)."""
        domain_ids = [d["id"] for d in self.store.domains()]
        normalised = [normalise_voucher(v, domain_ids) for v in vouchers]
        with self.store.transaction():
            for voucher in normalised:
                self.store.put_voucher(voucher)
        return [v["code"] for v in normalised]

    def voucher(self, code: str) -> Voucher | None:
        """A voucher's full current state (the ``/status`` shape), or None."""
        stored = self.store.voucher(code)
        return present(stored) if stored is not None else None

    def reset(self) -> None:
        """Back to the fixture this database was first seeded with; faults, log, clock cleared."""
        fixture = json.loads(self.store.get_meta("fixture") or "{}")
        self.faults.reset()
        self.log.clear()
        self.clock.reset()
        self.store.seed(normalise_fixture(fixture), self._created_at())
