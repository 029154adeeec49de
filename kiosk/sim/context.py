"""What every route needs: the state, the clock and the token issuer."""

from __future__ import annotations

import base64
import binascii
from dataclasses import dataclass
from typing import Any

from kiosk.sim.clock import SimClock
from kiosk.sim.errors import ApiError
from kiosk.sim.protocol import Request
from kiosk.sim.store import SimStore
from kiosk.sim.tokens import TokenIssuer


@dataclass
class Context:
    """Shared by the API routes and the test controls."""

    store: SimStore
    clock: SimClock
    tokens: TokenIssuer

    def current_user(self, request: Request) -> dict[str, Any]:
        """The user behind the request's Bearer token (401 1001/1006–1009 otherwise)."""
        scheme, _, token = request.headers.get("authorization", "").partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token:
            raise ApiError(1001)
        if token.count(".") != 2:  # not a JWT: an (unknown) API key
            raise ApiError(1001)
        session = self.tokens.verify(token, self.clock.now())
        user = self.store.user_by_id(session.user_id)
        if user is None:
            raise ApiError(1001)
        return user


def basic_credentials(request: Request) -> tuple[str, str]:
    """E-mail and password from an HTTP Basic header (401 1001 if absent or garbled)."""
    scheme, _, encoded = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        raise ApiError(1001)
    try:
        decoded = base64.b64decode(encoded.strip(), validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError) as exc:
        raise ApiError(1001) from exc
    email, sep, password = decoded.partition(":")
    if not sep:
        raise ApiError(1001)
    return email, password
