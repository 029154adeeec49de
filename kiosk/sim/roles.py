"""Who may do what on which domain (roles: see docs/api-decisions.md)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

NO_ACCESS, ADMIN, STAFF, CUSTOM = 0, 1, 2, 3
REDEEM = "redeem.voucher"
MANAGE_USERS = "manage.users"
MANAGE_ORDERS = "manage.orders"

_STAFF_RIGHTS = frozenset({REDEEM})


def _permission(user: Mapping[str, Any], domain_id: int) -> Mapping[str, Any] | None:
    for permission in user["permissions"]:
        if int(permission["domainId"]) == domain_id:
            return permission  # type: ignore[no-any-return]
    return None


def can(user: Mapping[str, Any], right: str, domain_id: int) -> bool:
    """True when ``user`` holds ``right`` on ``domain_id``."""
    permission = _permission(user, domain_id)
    if permission is None:
        return False
    role = int(permission["roleId"])
    if role == ADMIN:
        return True
    if role == STAFF:
        return right in _STAFF_RIGHTS
    if role == CUSTOM:
        return right in permission.get("customPermissions", [])
    return False


def can_anywhere(user: Mapping[str, Any], right: str, domain_ids: Iterable[int]) -> bool:
    """True when ``user`` holds ``right`` on at least one of ``domain_ids``."""
    return any(can(user, right, domain_id) for domain_id in domain_ids)


def has_access(user: Mapping[str, Any], domain_id: int) -> bool:
    """True when the user has any role other than 0 on the domain."""
    permission = _permission(user, domain_id)
    return permission is not None and int(permission["roleId"]) != NO_ACCESS
