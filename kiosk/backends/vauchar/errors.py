"""Vauchar error answers → the kiosk's typed errors, in plain words for staff.

Vauchar answers ``{"status": HTTP, "code": n, "message": text}`` (docs/api-decisions.md); the
``code`` of a refused redemption is the validation status (1001 expired …).
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

VALID = 1000
CREDENTIALS_REFUSED = ("Vauchar refused the shop's merchant id or API key. Ask the manager "
                       "to sign the till in again.")
STATUS_REFUSALS: dict[int, tuple[RefusalReason, str]] = {
    1001: (RefusalReason.EXPIRED, "This voucher has expired."),
    1002: (RefusalReason.NOT_YET_VALID, "This voucher is not valid yet."),
    1003: (RefusalReason.FULLY_REDEEMED, "This voucher has already been redeemed."),
    1004: (RefusalReason.CANNOT_REDUCE, "That is more than is left on this voucher."),
}


def api_errors(response: httpx.Response, body: Mapping[str, Any]) -> KioskError | None:
    """The typed error for one of Vauchar's own error answers, else None."""
    code, status = body.get("code"), body.get("status")
    if not isinstance(code, int) or status != response.status_code:
        return None
    if response.status_code == 401:
        return SessionExpired(CREDENTIALS_REFUSED)
    if code in STATUS_REFUSALS:
        reason, words = STATUS_REFUSALS[code]
        return Refusal(reason, words, code=code)
    if response.status_code == 404:
        return Refusal(RefusalReason.NOT_FOUND, "No voucher with this code.", code=code)
    if response.status_code in (400, 405):
        return InvalidRequest(f"Vauchar refused the request ({body.get('message')}).")
    return None
