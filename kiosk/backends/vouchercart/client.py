"""``VoucherCartClient``: one method per VoucherCart endpoint, nothing more.

Low level on purpose: it holds no session. Authenticated calls take the access token as an
argument; ``Session`` decides which token to pass and refreshes it. Every failure is raised
as a ``kiosk.domain.errors`` type (see ``errors.py`` for the code table).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime
from typing import Any

import httpx

from kiosk import __version__
from kiosk.backends.http import DEADLINE, HttpChannel, ServerClock, answer_json
from kiosk.backends.vouchercart.dates import format_redeem_date
from kiosk.backends.vouchercart.errors import api_error
from kiosk.backends.vouchercart.models import (
    AuthResult,
    Domain,
    Permission,
    Tokens,
    User,
    parse_domains,
    parse_profile,
    parse_tokens,
    parse_user,
)
from kiosk.backends.vouchercart.vouchers import parse_voucher
from kiosk.domain.errors import ServerUnavailable
from kiosk.domain.voucher import Voucher

log = logging.getLogger(__name__)


class VoucherCartClient:
    """A thread-safe client for one VoucherCart server (``base_url`` includes ``/v1``).

    ``timeout`` is an ``httpx.Timeout`` or seconds to wait for an answer (connecting
    always fails after ~3 s). ``transport`` is for tests that need an edge case no real
    server produces on demand.
    """

    def __init__(
        self,
        base_url: str,
        *,
        timeout: httpx.Timeout | float | None = None,
        verify: bool | str = True,
        transport: httpx.BaseTransport | None = None,
        deadline: float = DEADLINE,
    ) -> None:
        self._channel = HttpChannel(
            base_url, api_error, timeout=timeout, verify=verify, transport=transport,
            deadline=deadline,
            headers={"Accept": "application/json", "User-Agent": f"voucher-kiosk/{__version__}"})
        self.base_url = self._channel.base_url

    @property
    def server_clock(self) -> ServerClock:
        """The server's clock offset, measured on every answer."""
        return self._channel.clock

    def close(self) -> None:
        """Close the connection pool."""
        self._channel.close()

    def __enter__(self) -> VoucherCartClient:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # --- plumbing ---------------------------------------------------------------------

    def _send(
        self,
        method: str,
        path: str,
        *,
        token: str | None = None,
        signing_in: bool = False,
        **kwargs: Any,
    ) -> httpx.Response:
        if token is not None:
            kwargs["headers"] = {"Authorization": f"Bearer {token}"}
        if signing_in:
            return self._channel.request(
                method, path, api_errors=lambda r, b: api_error(r, b, signing_in=True),
                **kwargs)
        return self._channel.request(method, path, **kwargs)

    @staticmethod
    def _json(response: httpx.Response) -> Any:
        return answer_json(response)

    def _object(self, response: httpx.Response) -> Mapping[str, Any]:
        data = self._json(response)
        if not isinstance(data, Mapping):
            raise ServerUnavailable("The server sent an unexpected answer.")
        return data

    # --- sign-in ----------------------------------------------------------------------

    def authorize(self, email: str, password: str, subdomain: str) -> AuthResult:
        """``POST /authorize``: sign a staff member in on ``subdomain`` (a domain's name)."""
        response = self._send("POST", "authorize", auth=(email, password),
                              data={"subdomain": subdomain}, signing_in=True)
        data = self._object(response)
        if data.get("status", "authenticated") != "authenticated":
            raise ServerUnavailable("The server's sign-in answer is not 'authenticated'.")
        return AuthResult(parse_tokens(data), parse_profile(data.get("profile")))

    def user_domains(self, email: str) -> list[Domain]:
        """``GET /user-domains``: the shops ``email`` is registered on (no sign-in needed)."""
        response = self._send("GET", "user-domains", params={"email": email}, signing_in=True)
        return parse_domains(self._object(response).get("domains"))

    def refresh(self, tokens: Tokens) -> Tokens:
        """``PUT /refresh``: trade the (expired) tokens for new ones. The old refresh token
        is spent once the server has seen this request."""
        response = self._send("PUT", "refresh", data={"accessToken": tokens.access_token,
                                                      "refreshToken": tokens.refresh_token})
        return parse_tokens(self._object(response))

    # --- shop -------------------------------------------------------------------------

    def domains(self, token: str) -> list[Domain]:
        """``GET /domains``: the shops the signed-in account can see."""
        return parse_domains(self._object(self._send("GET", "domains", token=token)).get("domains"))

    def status(self, token: str, code: str, domain: int) -> Voucher:
        """``GET /status``: a voucher's current state on ``domain``."""
        response = self._send("GET", "status", token=token,
                              params={"code": code, "domain": domain})
        return parse_voucher(self._json(response))

    def redeem(
        self, token: str, code: str, domain: int, reductor: int, redeem_date: datetime
    ) -> Voucher:
        """``POST /redeem``: take ``reductor`` units at ``redeem_date`` (sent in UTC).

        ``reductor`` is always sent, so a replay can never take "everything" that has
        grown or changed since staff saw it.
        """
        response = self._send("POST", "redeem", token=token, data={
            "code": code,
            "domain": domain,
            "reductor": reductor,
            "redeemDate": format_redeem_date(redeem_date),
        })
        try:
            return parse_voucher(self._json(response))
        except ServerUnavailable as exc:
            # A 2xx means the server took the request: an unreadable answer may hide success.
            raise ServerUnavailable(exc.message, maybe_applied=True) from exc

    # --- users (administrators) -------------------------------------------------------

    def list_users(self, token: str) -> list[User]:
        """``GET /users``."""
        data = self._json(self._send("GET", "users", token=token))
        if not isinstance(data, list):
            raise ServerUnavailable("The server sent an unexpected list of users.")
        return [parse_user(item) for item in data if isinstance(item, Mapping)]

    def get_user(self, token: str, user_id: int) -> User:
        """``GET /users/{id}``."""
        return parse_user(self._object(self._send("GET", f"users/{user_id}", token=token)))

    def create_user(
        self,
        token: str,
        *,
        email: str,
        password: str,
        full_name: str,
        permissions: list[Permission],
        phone: str | None = None,
    ) -> int:
        """``POST /users``; returns the new user's id."""
        body: dict[str, Any] = {"email": email, "password": password, "fullName": full_name,
                                "permissions": [p.to_json() for p in permissions]}
        if phone is not None:
            body["phone"] = phone
        data = self._object(self._send("POST", "users", token=token, json=body))
        user_id = data.get("userId")
        if not isinstance(user_id, int):
            raise ServerUnavailable("The server did not say which user it created.")
        return user_id

    def update_user(
        self,
        token: str,
        user_id: int,
        *,
        email: str,
        full_name: str,
        permissions: list[Permission],
        phone: str | None = None,
    ) -> None:
        """``PUT /users/{id}``."""
        body: dict[str, Any] = {"email": email, "fullName": full_name,
                                "permissions": [p.to_json() for p in permissions]}
        if phone is not None:
            body["phone"] = phone
        self._send("PUT", f"users/{user_id}", token=token, json=body)

    def change_password(self, token: str, user_id: int, password: str) -> None:
        """``PATCH /users/{id}/password``."""
        self._send("PATCH", f"users/{user_id}/password", token=token,
                   json={"password": password, "password2": password})

    def delete_user(self, token: str, user_id: int) -> None:
        """``DELETE /users/{id}``."""
        self._send("DELETE", f"users/{user_id}", token=token)
