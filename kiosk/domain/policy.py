"""The offline policy: may a redemption be accepted while the server cannot be asked?

While offline the kiosk checks a code against its local cache (the last status the server
gave) minus what this kiosk has already queued for it, under limits a manager sets.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime, timedelta

from kiosk.domain.errors import Refusal, RefusalReason
from kiosk.domain.voucher import Voucher


@dataclass(frozen=True, slots=True)
class OfflinePolicy:
    """Limits on offline redemptions. Caps are in voucher units; 0 means "no limit"."""

    seen_within_hours: int = 72  # the cached status must be at most this old
    cap_per_voucher: int = 10_000  # units queued for one voucher (e.g. £100.00)
    cap_per_shift: int = 50_000  # units accepted offline during one shift (e.g. £500.00)
    allow_unseen: bool = False  # accept codes this kiosk has never seen (amount must be given)


@dataclass(frozen=True, slots=True)
class OfflineContext:
    """What the kiosk knows locally about one code when it cannot ask the server."""

    cached: Voucher | None  # last known status, None if never seen
    seen_at: datetime | None  # when the server last confirmed ``cached``
    queued: int  # units this kiosk queued for the code and has not sent yet
    shift_offline_total: int  # units accepted offline since the shift began


def with_queued(voucher: Voucher, queued: int) -> Voucher:
    """``voucher`` as it will be once ``queued`` units already promised are taken."""
    return dataclasses.replace(voucher, used=voucher.used + max(queued, 0)) if queued else voucher


def check_offline(
    policy: OfflinePolicy,
    context: OfflineContext,
    amount: int | None,
    now: datetime,
    domain_id: int | None = None,
) -> int:
    """The concrete amount to queue for an offline redemption; raises ``Refusal`` if not allowed.

    ``amount`` None means "everything still available".
    """
    if context.cached is None or context.seen_at is None:
        if not policy.allow_unseen:
            raise Refusal(
                RefusalReason.OFFLINE_UNSEEN,
                "Offline: this voucher has not been checked on this till before, "
                "so it cannot be accepted until the server is back.",
            )
        if amount is None:
            raise Refusal(
                RefusalReason.INVALID_AMOUNT,
                "Offline: enter the amount to take; the voucher's balance is not known.",
            )
        concrete = amount
    else:
        if policy.seen_within_hours and now - context.seen_at > timedelta(
            hours=policy.seen_within_hours
        ):
            raise Refusal(
                RefusalReason.OFFLINE_STALE,
                f"Offline: this voucher was last checked more than "
                f"{policy.seen_within_hours} hours ago, so it cannot be accepted offline.",
            )
        effective = with_queued(context.cached, context.queued)
        concrete = effective.remaining if amount is None else amount
        effective.check_redeem(concrete, now, domain_id)
    if concrete <= 0:
        raise Refusal(RefusalReason.INVALID_AMOUNT, "The amount must be more than zero.")
    if policy.cap_per_voucher and context.queued + concrete > policy.cap_per_voucher:
        raise Refusal(
            RefusalReason.OFFLINE_LIMIT,
            "Offline: this is more than may be taken from one voucher until the server is back.",
        )
    if policy.cap_per_shift and context.shift_offline_total + concrete > policy.cap_per_shift:
        raise Refusal(
            RefusalReason.OFFLINE_LIMIT,
            "Offline: the limit for offline redemptions in this shift has been reached.",
        )
    return concrete
