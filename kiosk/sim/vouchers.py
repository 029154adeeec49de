"""Voucher rules: how a stored voucher is shown and how a redemption changes it."""

from __future__ import annotations

import copy
import re
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from kiosk.sim.clock import format_iso, parse_iso
from kiosk.sim.errors import ApiError

Voucher = dict[str, Any]

CURRENCY_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$"}
CANCELLED_STATUSES = frozenset({"refunded", "regenerated"})
_INTEGER = re.compile(r"^[+-]?\d+$")


def normalise_code(code: str) -> str:
    """Codes are matched case-insensitively, ignoring surrounding blanks."""
    return code.strip().upper()


def remaining(voucher: Mapping[str, Any]) -> int:
    """Units (minor currency units or uses) still available."""
    return max(int(voucher["stock"]) - int(voucher["current"]), 0)


def remaining_string(voucher: Mapping[str, Any]) -> str:
    """``"£12.50 left"`` for money, ``"1 time left"`` / ``"3 times left"`` for uses."""
    left = remaining(voucher)
    if voucher["monetary"]:
        currency = str(voucher["order"].get("currency") or "")
        amount = f"{left // 100}.{left % 100:02d}"
        symbol = CURRENCY_SYMBOLS.get(currency)
        return f"{symbol}{amount} left" if symbol else f"{amount} {currency} left".strip()
    return f"{left} {'time' if left <= 1 else 'times'} left"


def present(voucher: Mapping[str, Any]) -> Voucher:
    """The ``/status`` and ``/redeem`` response body, keys in the seed's order."""
    return {
        "code": voucher["code"],
        "current": voucher["current"],
        "expirations": copy.deepcopy(voucher["expirations"]),
        "monetary": voucher["monetary"],
        "multiUsable": voucher["multiUsable"],
        "order": copy.deepcopy(voucher["order"]),
        "redeemableOn": list(voucher["redeemableOn"]),
        "redeemed": voucher["status"] == "completed",
        "redeemHistory": copy.deepcopy(voucher["redeemHistory"]),
        "remainingString": remaining_string(voucher),
        "status": voucher["status"],
        "stock": voucher["stock"],
    }


def in_window(voucher: Mapping[str, Any], moment: datetime) -> bool:
    """True when ``moment`` is inside one of the voucher's expiration windows (or it has none)."""
    windows = voucher["expirations"]
    if not windows:
        return True
    return any(parse_iso(w["from"]) <= moment <= parse_iso(w["to"]) for w in windows)


def parse_reductor(raw: str | None, voucher: Mapping[str, Any]) -> int:
    """The units to take: everything left by default; refuses 1011 if not a valid amount."""
    left = remaining(voucher)
    if raw is None or raw.strip() == "":
        return left
    if not _INTEGER.match(raw.strip()):
        raise ApiError(1011, {"reductor": ["The reductor must be a whole number of units."]})
    amount = int(raw)
    if amount <= 0 or amount > left:
        raise ApiError(1011, {"reductor": [f"The reductor must be between 1 and {left}."]})
    if not voucher["multiUsable"] and amount != left:
        raise ApiError(1011, {"reductor": ["A single-use voucher can only be redeemed whole."]})
    return amount


def check_redeemable(voucher: Mapping[str, Any], at: datetime, *, dated: bool) -> None:
    """Refuse a voucher that is cancelled (1014), used up (1013) or outside its window (1012).

    A voucher whose stored status is ``expired`` needs an explicit (``dated``) redeemDate
    inside one of its windows."""
    if voucher["status"] in CANCELLED_STATUSES:
        raise ApiError(1014)
    if voucher["status"] == "completed" or remaining(voucher) <= 0:
        raise ApiError(1013)
    if not in_window(voucher, at) or (voucher["status"] == "expired" and not dated):
        raise ApiError(1012)


def redeem(voucher: Mapping[str, Any], raw_reductor: str | None, at: datetime, *,
           dated: bool = False) -> Voucher:
    """A copy of ``voucher`` after taking ``raw_reductor`` units at ``at`` (``dated``: ``at``
    came from the request's redeemDate); raises ApiError."""
    check_redeemable(voucher, at, dated=dated)
    amount = parse_reductor(raw_reductor, voucher)
    updated: Voucher = copy.deepcopy(dict(voucher))
    stamp = format_iso(at)
    updated["current"] = int(updated["current"]) + amount
    updated["redeemHistory"].append({"redeemAt": stamp, "amount": amount})
    if remaining(updated) == 0:
        updated["status"] = "completed"
        updated["order"]["redeemedDate"] = stamp
    return updated
