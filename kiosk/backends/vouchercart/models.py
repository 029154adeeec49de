"""VoucherCart's account objects (tokens, profile, domains, users) and their JSON parsing."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from kiosk.backends.vouchercart.dates import parse_datetime
from kiosk.domain.errors import ServerUnavailable

# Roles (DESIGN §4): the seed names only 3 = custom; the rest are fixed by the team.
ROLE_NONE, ROLE_ADMIN, ROLE_STAFF, ROLE_CUSTOM = 0, 1, 2, 3


@dataclass(frozen=True, slots=True)
class Tokens:
    """A signed-in session's tokens. Secrets never appear in ``repr``."""

    access_token: str = field(repr=False)
    refresh_token: str = field(repr=False)
    identified_by: str = ""


@dataclass(frozen=True, slots=True)
class Profile:
    """The staff member who signed in."""

    id: int
    email: str
    full_name: str
    locale: str = "en"


@dataclass(frozen=True, slots=True)
class AuthResult:
    """The answer to ``POST /authorize``."""

    tokens: Tokens
    profile: Profile


@dataclass(frozen=True, slots=True)
class Domain:
    """A sales page (shop) the kiosk can redeem on."""

    id: int
    name: str
    url: str = ""


@dataclass(frozen=True, slots=True)
class Permission:
    """A user's role on one domain; ``custom`` applies only when ``role_id`` is 3."""

    domain_id: int
    role_id: int
    custom: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The API's permission object."""
        return {"domainId": self.domain_id, "roleId": self.role_id,
                "customPermissions": list(self.custom)}


@dataclass(frozen=True, slots=True)
class User:
    """A staff account as ``/users`` returns it."""

    id: int
    email: str
    full_name: str
    phone: str = ""
    created_at: datetime | None = None
    permissions: tuple[Permission, ...] = ()


def _text(value: object) -> str:
    return "" if value is None else str(value)


def _int(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ServerUnavailable(f"The server sent an unreadable {what}.")
    try:
        return int(value)
    except ValueError as exc:
        raise ServerUnavailable(f"The server sent an unreadable {what}.") from exc


def parse_tokens(data: Mapping[str, Any]) -> Tokens:
    """Tokens from ``/authorize`` or ``/refresh``; refuses an answer without them."""
    access, refresh = data.get("accessToken"), data.get("refreshToken")
    if not isinstance(access, str) or not access or not isinstance(refresh, str) or not refresh:
        raise ServerUnavailable("The server's sign-in answer has no tokens.")
    return Tokens(access, refresh, _text(data.get("identifiedBy")))


def parse_profile(data: Mapping[str, Any] | None) -> Profile:
    """The ``profile`` object of ``/authorize`` (missing keys tolerated)."""
    data = data or {}
    return Profile(
        id=_int(data.get("id", 0), "profile id"),
        email=_text(data.get("email")),
        full_name=_text(data.get("fullName")),
        locale=_text(data.get("locale")) or "en",
    )


def parse_domains(items: Sequence[Mapping[str, Any]] | None) -> list[Domain]:
    """The ``domains`` array of ``/user-domains`` or ``/domains``."""
    return [
        Domain(_int(item.get("id"), "domain id"), _text(item.get("name")), _text(item.get("url")))
        for item in items or []
    ]


def parse_permission(data: Mapping[str, Any]) -> Permission:
    """One permission object."""
    return Permission(
        domain_id=_int(data.get("domainId"), "domain id"),
        role_id=_int(data.get("roleId", ROLE_NONE), "role id"),
        custom=tuple(str(p) for p in data.get("customPermissions") or ()),
    )


def parse_user(data: Mapping[str, Any]) -> User:
    """A user object from ``/users`` or ``/users/{id}``."""
    return User(
        id=_int(data.get("id"), "user id"),
        email=_text(data.get("email")),
        full_name=_text(data.get("fullName")),
        phone=_text(data.get("phone")),
        created_at=parse_datetime(data.get("createdAt")),
        permissions=tuple(parse_permission(p) for p in data.get("permissions") or ()),
    )
