"""The kiosk's error tree. Every failure the engine can meet is one of these::

    KioskError
    ├── TransportError          the server could not be reached or answered garbage: retry later
    │   ├── ServerUnavailable   5xx, or an HTML error page where JSON was expected
    │   └── RateLimited         429; ``retry_after`` seconds
    ├── AuthError               the session cannot be used: sign in again
    │   ├── LoginFailed         wrong email or password
    │   ├── SessionExpired      access and refresh tokens are no longer valid
    │   └── AccessDenied        signed in, but not allowed on that domain or action
    ├── Refusal                 the voucher cannot be redeemed: final, show ``reason`` to staff
    ├── InvalidRequest          a request the server calls malformed: our bug or bad input
    └── StorageError            the till's own database cannot be written (disk full, I/O
                                error, read-only): nothing was recorded; ``full`` if out of space

``TransportError.maybe_applied`` is True when a write may have reached the server before the
failure (timeout or connection lost after sending); such a redemption is *uncertain* and is
reconciled against the voucher's history before it is ever re-sent.
"""

from __future__ import annotations

from enum import StrEnum


class KioskError(Exception):
    """Base of every error the kiosk raises on purpose. ``message`` is plain words for staff."""

    def __init__(self, message: str, *, code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.code = code  # the server's error code, when there is one


class TransportError(KioskError):
    """Network failure, timeout, or a garbled answer. Transient: retry later."""

    def __init__(
        self, message: str, *, maybe_applied: bool = False, code: int | None = None
    ) -> None:
        super().__init__(message, code=code)
        self.maybe_applied = maybe_applied


class ServerUnavailable(TransportError):
    """The server answered 5xx or with something that is not its API (an HTML error page)."""


class RateLimited(TransportError):
    """The server asked us to slow down (HTTP 429)."""

    def __init__(self, message: str, *, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class AuthError(KioskError):
    """The session cannot be used as it is."""


class LoginFailed(AuthError):
    """Wrong email or password."""


class SessionExpired(AuthError):
    """The session is over: staff must sign in again."""


class AccessDenied(AuthError):
    """Signed in, but not allowed to do this on this domain."""


class RefusalReason(StrEnum):
    """Why a voucher cannot be redeemed (server's or the offline policy's)."""

    NOT_FOUND = "not_found"
    NOT_FOR_THIS_SHOP = "not_for_this_shop"
    CANNOT_REDUCE = "cannot_reduce"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    FULLY_REDEEMED = "fully_redeemed"
    CANCELLED = "cancelled"
    INVALID_AMOUNT = "invalid_amount"
    OFFLINE_UNSEEN = "offline_unseen"
    OFFLINE_STALE = "offline_stale"
    OFFLINE_LIMIT = "offline_limit"
    CLOCK_WRONG = "clock_wrong"  # offline, and the till's clock cannot be trusted
    NOT_SUPPORTED = "not_supported"  # the platform cannot do this (e.g. reverse a redemption)


class Refusal(KioskError):
    """The voucher cannot be redeemed as asked; final until something changes."""

    def __init__(self, reason: RefusalReason, message: str, *, code: int | None = None) -> None:
        super().__init__(message, code=code)
        self.reason = reason


class InvalidRequest(KioskError):
    """The server called our request malformed (validation error, missing parameter)."""


class StorageError(KioskError):
    """The kiosk's database could not be written: whatever was being recorded was not.

    ``full`` is True when the disk (or the database's size limit) is full. A redemption whose
    outbox commit fails raises this and is never sent to the server.
    """

    def __init__(self, message: str, *, full: bool = False) -> None:
        super().__init__(message)
        self.full = full
