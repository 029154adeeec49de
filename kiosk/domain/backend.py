"""The one interface every voucher server adapter implements."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from kiosk.domain.voucher import Voucher


@dataclass(frozen=True, slots=True)
class RedeemRequest:
    """One redemption to send, as recorded in the outbox.

    ``amount`` is always concrete (never "everything"): staff redeem what they saw, so a
    replay can never take more than that. ``at`` is the original redemption time in UTC.
    ``local_id`` is the outbox entry's UUID, used as the idempotency key by backends that
    have one.
    """

    local_id: str
    code: str
    amount: int
    at: datetime


class VoucherBackend(Protocol):
    """A voucher server, seen from the engine. Methods block; call them off the UI thread.

    They raise the errors of ``kiosk.domain.errors``: ``Refusal`` (final, with a reason),
    ``TransportError`` (retry; ``maybe_applied`` when a write may have landed), ``AuthError``
    and ``InvalidRequest``.
    """

    name: str  # e.g. "vouchercart"

    def status(self, code: str) -> Voucher:
        """The voucher's current state on the server."""
        ...

    def redeem(self, request: RedeemRequest) -> Voucher:
        """Redeem ``request.amount`` units at ``request.at``; returns the updated voucher."""
        ...
