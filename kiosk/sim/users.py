"""The VoucherCart users endpoints (``/v1/users``), for administrators only.

Validation failures answer HTTP 302 with the API's error body, as the seed's tables say.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from kiosk.sim import roles
from kiosk.sim.context import Context
from kiosk.sim.errors import ApiError
from kiosk.sim.passwords import hash_password
from kiosk.sim.protocol import Request, Response

CREATED_AT_FORMAT = "%d/%m/%Y %H:%M"
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_VALIDATION_STATUS = 302


class _Invalid:
    """Collects field errors; raises one 302 ApiError for all of them."""

    def __init__(self) -> None:
        self.errors: dict[str, list[str]] = {}

    def add(self, field: str, text: str) -> None:
        self.errors.setdefault(field, []).append(text)

    def raise_if_any(self) -> None:
        if self.errors:
            raise ApiError(1000, self.errors, http_status=_VALIDATION_STATUS)


def password_problem(password: object) -> str | None:
    """Why a password breaks the rules (6+ characters, a letter and a digit), or None."""
    if not isinstance(password, str) or len(password) < 6:
        return "The password must be at least 6 characters long."
    if not re.search(r"[A-Za-z]", password) or not re.search(r"\d", password):
        return "The password must contain a letter and a digit."
    return None


def public_user(user: Mapping[str, Any]) -> dict[str, Any]:
    """A user object as the API shows it (never the password)."""
    return {"id": user["id"], "fullName": user["fullName"], "email": user["email"],
            "phone": user["phone"], "createdAt": user["createdAt"],
            "permissions": user["permissions"]}


def _admin(ctx: Context, request: Request) -> dict[str, Any]:
    user = ctx.current_user(request)
    domain_ids = [d["id"] for d in ctx.store.domains()]
    if not roles.can_anywhere(user, roles.MANAGE_USERS, domain_ids):
        raise ApiError(1003)
    return user


def _user_id(raw: str) -> int | None:
    return int(raw) if raw.isdigit() else None


def _existing(ctx: Context, raw_id: str) -> dict[str, Any]:
    user_id = _user_id(raw_id)
    user = ctx.store.user_by_id(user_id) if user_id is not None else None
    if user is None:
        raise ApiError(1004)
    return user


def _validated(ctx: Context, data: Mapping[str, Any], *, user_id: int | None,
               with_password: bool) -> dict[str, Any]:
    problems = _Invalid()
    email = data.get("email")
    if not isinstance(email, str) or not _EMAIL.match(email.strip()):
        problems.add("email", "This value is not a valid email address.")
    else:
        other = ctx.store.user_by_email(email)
        if other is not None and other["id"] != user_id:
            problems.add("email", "This email address is already used.")
    if not isinstance(data.get("fullName"), str) or not data["fullName"].strip():
        problems.add("fullName", "This value should not be blank.")
    phone = data.get("phone")
    if phone is not None and not isinstance(phone, str):
        problems.add("phone", "This value should be a string.")
    if with_password and (reason := password_problem(data.get("password"))):
        problems.add("password", reason)
    permissions = _permissions(data.get("permissions"), problems)
    problems.raise_if_any()
    domain_ids = {d["id"] for d in ctx.store.domains()}
    if {p["domainId"] for p in permissions} != domain_ids:
        raise ApiError(1000, {"permissions": ["Permissions must cover every domain."]},
                       http_status=500, message="Internal server error")
    return {"email": str(email).strip(), "fullName": data["fullName"].strip(),
            "phone": phone or "", "permissions": permissions}


def _permissions(raw: object, problems: _Invalid) -> list[dict[str, Any]]:
    if not isinstance(raw, list):
        problems.add("permissions", "This value should be a list of permissions.")
        return []
    result = []
    for item in raw:
        if (not isinstance(item, dict) or not isinstance(item.get("domainId"), int)
                or item.get("roleId") not in (0, 1, 2, 3)
                or not isinstance(item.get("customPermissions", []), list)):
            problems.add("permissions", "Each permission needs domainId, roleId 0-3 and "
                                        "customPermissions.")
            continue
        result.append({"domainId": item["domainId"], "roleId": item["roleId"],
                       "customPermissions": [str(p) for p in item.get("customPermissions", [])]})
    return result


def list_users(ctx: Context, request: Request) -> Response:
    """``GET /v1/users``."""
    _admin(ctx, request)
    return Response.json(200, [public_user(u) for u in ctx.store.users()])


def create_user(ctx: Context, request: Request) -> Response:
    """``POST /v1/users`` → ``{"userId": N}``."""
    _admin(ctx, request)
    data = request.json()
    user = _validated(ctx, data, user_id=None, with_password=True)
    created = ctx.clock.now().strftime(CREATED_AT_FORMAT)
    user_id = ctx.store.insert_user(user, hash_password(data["password"]), created)
    return Response.json(200, {"userId": user_id})


def get_user(ctx: Context, request: Request, user_id: str) -> Response:
    """``GET /v1/users/{id}``."""
    _admin(ctx, request)
    return Response.json(200, public_user(_existing(ctx, user_id)))


def update_user(ctx: Context, request: Request, user_id: str) -> Response:
    """``PUT /v1/users/{id}`` → 204."""
    _admin(ctx, request)
    user = _existing(ctx, user_id)
    ctx.store.update_user(user["id"], _validated(ctx, request.json(), user_id=user["id"],
                                                 with_password=False))
    return Response.empty()


def change_password(ctx: Context, request: Request, user_id: str) -> Response:
    """``PATCH /v1/users/{id}/password`` with ``password`` and matching ``password2`` → 204."""
    _admin(ctx, request)
    user = _existing(ctx, user_id)
    data = request.json()
    problems = _Invalid()
    if reason := password_problem(data.get("password")):
        problems.add("password", reason)
    if data.get("password2") != data.get("password"):
        problems.add("password2", "The passwords do not match.")
    problems.raise_if_any()
    ctx.store.set_password_hash(user["id"], hash_password(data["password"]))
    return Response.empty()


def delete_user(ctx: Context, request: Request, user_id: str) -> Response:
    """``DELETE /v1/users/{id}`` → 204; 422 for an invalid id."""
    _admin(ctx, request)
    numeric = _user_id(user_id)
    if numeric is None or not ctx.store.delete_user(numeric):
        raise ApiError(1000, {"id": ["Invalid user id"]})
    return Response.empty()
