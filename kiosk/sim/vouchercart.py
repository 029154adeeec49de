"""VoucherCart (``vouchercart-api.txt``) on the simulator: sign-in, status, redeem, users."""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from typing import Any, ClassVar

from kiosk.sim import api, users
from kiosk.sim.clock import SimClock
from kiosk.sim.context import Context
from kiosk.sim.errors import ApiError
from kiosk.sim.fixtures import normalise_fixture, normalise_voucher
from kiosk.sim.platform import Json, Platform
from kiosk.sim.protocol import Request, Response, SimError
from kiosk.sim.router import Route, Router
from kiosk.sim.store import SimStore
from kiosk.sim.tokens import TokenIssuer
from kiosk.sim.users import CREATED_AT_FORMAT
from kiosk.sim.vouchers import present

ROUTES = Router([
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


class VoucherCart(Platform):
    """VoucherCart under ``/v1``: JWT sessions per user, domains, roles (DESIGN.md §4)."""

    name: ClassVar[str] = "vouchercart"
    base_path: ClassVar[str] = "/v1"
    demo_fixture: ClassVar[str] = "demo-fixture.json"
    write_paths: ClassVar[tuple[tuple[str, str], ...]] = (("POST", "/v1/redeem"),)

    def __init__(self, store: SimStore, clock: SimClock, token_ttl: float = 86400) -> None:
        super().__init__(store, clock)
        secret = store.get_meta("jwt_secret")
        if secret is None:
            secret = secrets.token_hex(32)
            store.set_meta("jwt_secret", secret)
        self.context = Context(store, clock, TokenIssuer(secret, token_ttl))

    def dispatch(self, request: Request) -> Response:
        """Serve one ``/v1`` request."""
        return ROUTES.dispatch(self.context, request)

    def bad_body(self, text: str) -> SimError:
        """422 1000 naming the body."""
        return ApiError(1000, {"body": [text]})

    def no_route(self, path_known: bool) -> SimError:
        """405 1002 or 404 1004."""
        return ApiError(1002 if path_known else 1004)

    def internal_error(self, status: int) -> Response:
        """VoucherCart's error body with the injected status."""
        return Response.json(status, {"code": status, "errors": {},
                                      "message": "Internal server error", "status": "failed"})

    def normalise_fixture(self, data: Mapping[str, Any]) -> Json:
        """Domains, users and vouchers (DESIGN.md §4)."""
        return normalise_fixture(data)

    def seed(self, fixture: Json) -> None:
        """Replace domains, users, vouchers and refresh tokens by the fixture's."""
        self.store.seed(fixture, self.clock.now().strftime(CREATED_AT_FORMAT))

    def add_vouchers(self, vouchers: list[Mapping[str, Any]]) -> list[str]:
        """Add or replace vouchers (see fixtures.normalise_voucher for defaults)."""
        domain_ids = [d["id"] for d in self.store.domains()]
        normalised = [normalise_voucher(v, domain_ids) for v in vouchers]
        with self.store.transaction():
            for voucher in normalised:
                self.store.put_voucher(voucher)
        return [v["code"] for v in normalised]

    def voucher(self, code: str) -> Json | None:
        """A voucher's full current state (the ``/status`` shape), or None."""
        stored = self.store.voucher(code)
        return present(stored) if stored is not None else None
