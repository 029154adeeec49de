"""VoucherCart's error answers → the kiosk's typed errors, with plain words for staff.

The API answers ``{code, errors, message, status: "failed"}``; the table below covers every
code the seed lists. Which answers are final, transient or uncertain is decided by the shared
rules (``kiosk.backends.http.failed_answer``): only a body this module recognises is final.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import httpx

from kiosk.backends.http import failed_answer
from kiosk.domain.errors import (
    AccessDenied,
    InvalidRequest,
    KioskError,
    LoginFailed,
    Refusal,
    RefusalReason,
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


_KNOWN_CODES = frozenset({*_REFUSALS, *_SESSION_CODES, *_INVALID, 1003})


def api_error(
    response: httpx.Response, body: Mapping[str, Any], *, signing_in: bool = False
) -> KioskError | None:
    """The typed error for VoucherCart's own error body, or None when ``body`` is not one.

    Its own shape is ``{code, errors, message, status}`` with a code of the seed's table,
    whatever the content type says (a 1011 labelled ``text/html`` is still a 1011). Anything
    else (a proxy's JSON, an unknown code) is left to the shared rules: transient, and
    uncertain on a write. ``signing_in``: the request carried a password.
    """
    raw_code = body.get("code")
    code = raw_code if isinstance(raw_code, int) and not isinstance(raw_code, bool) else None
    if code not in _KNOWN_CODES or not isinstance(body.get("message", ""), str):
        return None
    details = _details(body.get("errors"))
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
    if response.status_code == 302 and not details:
        # The seed's users endpoints answer 302 for "data validation not passed".
        return InvalidRequest("The server did not accept the details "
                              "(check the email, password and required fields).", code=code)
    message = _INVALID.get(code, f"The server refused the request (error {code}).")
    return InvalidRequest(f"{message} {details}".strip(), code=code)


def error_from_response(
    response: httpx.Response, *, signing_in: bool = False
) -> KioskError:
    """The typed error for a failed answer, under the shared rules of ``kiosk.backends.http``."""
    return failed_answer(
        response, lambda r, body: api_error(r, body, signing_in=signing_in))
