"""Vouchers API error answers → the kiosk's typed errors, in plain words for staff.

The API answers ``{"error": {"code", "message", "details"}}``; any other body (a proxy's page,
a JSON with a code the API does not have) is not the API's and the shared HTTP layer treats
it as transient (uncertain on a write).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from kiosk.domain.errors import (
    InvalidRequest,
    KioskError,
    Refusal,
    RefusalReason,
    SessionExpired,
)

ALREADY_APPLIED = "VOUCHER_ALREADY_APPLIED"
NOT_APPLICABLE = "VOUCHER_NOT_APPLICABLE"
KEY_REFUSED = ("The server refused the shop's API key. Ask the manager to sign the till in "
               "again with the current key.")

_REASONS = {
    "inactive": (RefusalReason.CANCELLED, "This voucher has been switched off by the shop."),
    "outside_date_range": (RefusalReason.EXPIRED, "This voucher is not valid today."),
    "min_order_value_not_met": (RefusalReason.CANNOT_REDUCE,
                                "The order is below this voucher's minimum."),
}


class AlreadyApplied(Refusal):
    """409: the voucher's uses are taken; ``order_id`` names the order it was applied to."""

    def __init__(self, order_id: str | None) -> None:
        super().__init__(RefusalReason.FULLY_REDEEMED,
                         "This voucher has already been used as often as it may be"
                         + (f" (last on order {order_id})." if order_id else "."))
        self.order_id = order_id


def error_of(body: Mapping[str, Any]) -> tuple[str, str, Any] | None:
    """``(code, message, details)`` of an API error body, or None if it is not one."""
    error = body.get("error")
    if not isinstance(error, Mapping) or not isinstance(error.get("code"), str):
        return None
    return error["code"], str(error.get("message") or ""), error.get("details")


def api_errors(response: httpx.Response, body: Mapping[str, Any]) -> KioskError | None:
    """The typed error for one of the API's own error answers, else None."""
    parsed = error_of(body)
    if parsed is None:
        return None
    code, message, details = parsed
    status = response.status_code
    if code == "UNAUTHORIZED" or status in (401, 403):
        return SessionExpired(KEY_REFUSED)
    if code == "VOUCHER_NOT_FOUND":
        return Refusal(RefusalReason.NOT_FOUND, "No voucher with this code.")
    if code == ALREADY_APPLIED:
        order = details.get("order_id") if isinstance(details, Mapping) else None
        return AlreadyApplied(str(order) if order is not None else None)
    if code == NOT_APPLICABLE:
        reason = details.get("reason") if isinstance(details, Mapping) else None
        kind, words = _REASONS.get(str(reason), (RefusalReason.CANNOT_REDUCE,
                                                 message or "This voucher cannot be applied."))
        return Refusal(kind, words)
    if code in ("INVALID_REQUEST", "NOT_FOUND", "METHOD_NOT_ALLOWED") and status < 500:
        return InvalidRequest(_details_text(message, details))
    return None


def _details_text(message: str, details: Any) -> str:
    if isinstance(details, list):
        parts = [f"{d.get('field')}: {d.get('message')}" for d in details
                 if isinstance(d, Mapping)]
        if parts:
            return f"The server refused the request ({'; '.join(parts)})."
    return f"The server refused the request ({message or 'invalid request'})."
