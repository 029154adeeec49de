"""Access tokens (HS256 JWTs) and rotating refresh tokens."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import jwt

from kiosk.sim.errors import ApiError


@dataclass(frozen=True)
class Session:
    """Who a valid access token speaks for."""

    user_id: int
    jti: str
    claims: dict[str, Any]


def access_hash(token: str) -> str:
    """What the store keeps to pair a refresh token with its access token."""
    return hashlib.sha256(token.encode()).hexdigest()


def new_refresh_token() -> str:
    """An opaque refresh token; VoucherCart's start with ``RT``."""
    return "RT" + secrets.token_urlsafe(40)


class TokenIssuer:
    """Signs and checks access tokens against the simulator's clock."""

    def __init__(self, secret: str, ttl: float, audience: str = "client1") -> None:
        self._secret = secret
        self.ttl = ttl
        self._audience = audience

    def issue(self, user_id: int, now: datetime, jti: str | None = None) -> tuple[str, str]:
        """A new access token and its jti (kept across refreshes: the session id)."""
        jti = jti or str(uuid.uuid4())
        issued = int(now.timestamp())
        claims = {"jti": jti, "iat": issued, "exp": issued + round(self.ttl),
                  "aud": self._audience, "user": user_id}
        return jwt.encode(claims, self._secret, algorithm="HS256"), jti

    def decode(self, token: str) -> dict[str, Any]:
        """Check the signature only: 1008 malformed, 1009 invalid signature."""
        try:
            claims: dict[str, Any] = jwt.decode(
                token, self._secret, algorithms=["HS256"],
                options={"verify_exp": False, "verify_nbf": False, "verify_iat": False,
                         "verify_aud": False})
        except jwt.InvalidSignatureError as exc:
            raise ApiError(1009) from exc
        except jwt.PyJWTError as exc:
            raise ApiError(1008) from exc
        if not isinstance(claims.get("user"), int) or not isinstance(claims.get("jti"), str):
            raise ApiError(1008)
        return claims

    def verify(self, token: str, now: datetime) -> Session:
        """A session for a valid token: also 1006 expired, 1007 not yet valid."""
        claims = self.decode(token)
        stamp = now.timestamp()
        try:
            expires = float(claims["exp"])
            not_before = max(float(claims.get("iat", 0)), float(claims.get("nbf", 0)))
        except (KeyError, TypeError, ValueError) as exc:
            raise ApiError(1008) from exc
        if stamp >= expires:
            raise ApiError(1006)
        if stamp < not_before:
            raise ApiError(1007)
        return Session(user_id=int(claims["user"]), jti=str(claims["jti"]), claims=claims)
