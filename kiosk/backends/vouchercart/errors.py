"""VoucherCart's error answers → the kiosk's typed errors, with plain words for staff.

The API answers ``{code, errors, message, status: "failed"}``; the table below covers every
code the seed lists. Anything that is not that shape (an HTML error page, a proxy's 502)
is ``ServerUnavailable``: the server is not itself right now, try again later.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from kiosk.backends.http import WRITE_METHODS, retry_after
from kiosk.domain.errors import (
    AccessDenied,
    InvalidRequest,
    KioskError,
    LoginFailed,
    RateLimited,
    Refusal,
    RefusalReason,
    ServerUnavailable,
    SessionExpired,
)

TOKEN_EXPIRED = 1006  # the one code a refresh can cure
SIGN_IN_AGAIN = "Your session has ended. Please sign in again."

_REFUSALS: dict[int, tuple[RefusalReason, str]] = {
    1010: (RefusalReason.NOT_FOUND, "No voucher with this code at this shop."),
    1011: (RefusalReason.CANNOT_REDUCE, "This amount cannot be taken from this voucher."),
    1012: (RefusalReason.EXPIRED, "This voucher has expired."),
    1013: (RefusalReason.FULLY_REDEEMED, "This voucher has already been fully redeemed."),
    1014: (RefusalReason.CANCELLED, "This voucher has been cancelled."),
    1015: (RefusalReason.NOT_FOUND, "No coupon with this code."),
    1017: (RefusalReason.NOT_FOUND, "This voucher no longer exists (it may have been reissued)."),
}
_SESSION_CODES: dict[int, str] = {
    1001: SIGN_IN_AGAIN,
    1006: "Your session has expired. Please sign in again.",
    1007: "The server does not accept this session yet (check the till's clock), "
          "then sign in again.",
    1008: SIGN_IN_AGAIN,
    1009: SIGN_IN_AGAIN,
}
_INVALID: dict[int, str] = {
    1000: "The server did not accept the request.",
    1002: "The server does not allow this action.",
    1004: "Not found on the server.",
    1016: "The server does not allow this for the voucher's current status.",
    1018: "A required detail was missing from the request.",
}


def _details(errors: object) -> str:
    """The server's per-field messages, e.g. ``"We do not recognize given email address."``."""
    if not isinstance(errors, Mapping):
        return ""
    texts: list[str] = []
    for value in errors.values():
        items = value if isinstance(value, list) else [value]
        texts.extend(str(item).strip() for item in items if str(item).strip())
    return " ".join(texts)


def _body(response: httpx.Response) -> Mapping[str, Any] | None:
    """The JSON error body, or None when the answer is not the API's (HTML page, garbage)."""
    if "json" not in response.headers.get("content-type", "json"):
        return None
    try:
        data = response.json()
    except ValueError:
        return None
    return data if isinstance(data, Mapping) else None


def error_from_response(
    response: httpx.Response, *, signing_in: bool = False
) -> KioskError:
    """The typed error for a failed answer. ``signing_in``: the request carried a password."""
    method = response.request.method
    write = method in WRITE_METHODS
    if response.status_code == 429:
        wait = retry_after(response.headers.get("retry-after"))
        hint = f" Trying again in {wait:.0f} s." if wait else ""
        return RateLimited(f"The server is busy.{hint}", retry_after=wait)
    body = _body(response)
    raw_code = body.get("code") if body is not None else None
    code = raw_code if isinstance(raw_code, int) and not isinstance(raw_code, bool) else None
    if response.status_code >= 500 or code is None:
        # 503 means "not now": the request was not processed. Any other failure to a write
        # might have happened after the server applied it, so the engine reconciles first.
        return ServerUnavailable(
            f"The server is not answering properly (HTTP {response.status_code}).",
            maybe_applied=write and response.status_code != 503,
            code=code,
        )
    details = _details(body.get("errors")) if body is not None else ""
    if signing_in and code in (1001, 1008, 1009):
        return LoginFailed("Wrong email or password.", code=code)
    if code in _SESSION_CODES:
        return SessionExpired(_SESSION_CODES[code], code=code)
    if code == 1003:
        return AccessDenied("This account is not allowed to do that on this shop.", code=code)
    if code in _REFUSALS:
        reason, message = _REFUSALS[code]
        return Refusal(reason, message, code=code)
    if signing_in and code == 1000 and details:
        return LoginFailed(details, code=code)
    message = _INVALID.get(code, f"The server refused the request (error {code}).")
    return InvalidRequest(f"{message} {details}".strip(), code=code)
