"""The backend-neutral voucher model and its redemption rules."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from kiosk.domain.discount import Discount
from kiosk.domain.errors import Refusal, RefusalReason
from kiosk.domain.money import Money

UNLIMITED_USES = 10**9  # ``total`` of a voucher without a usage limit


def unlimited(uses: int) -> bool:
    """Whether a count of uses stands for "no usage limit" (``UNLIMITED_USES``, less what
    has been used of it)."""
    return uses >= UNLIMITED_USES // 2


class VoucherKind(StrEnum):
    """What a voucher's units are."""

    MONETARY = "monetary"  # units are minor currency units
    QUANTITY = "quantity"  # units are uses


class VoucherState(StrEnum):
    """What staff need to know at a glance."""

    VALID = "valid"
    PARTLY_USED = "partly_used"
    FULLY_REDEEMED = "fully_redeemed"
    EXPIRED = "expired"
    NOT_YET_VALID = "not_yet_valid"
    CANCELLED = "cancelled"
    NOT_FOR_THIS_SHOP = "not_for_this_shop"
    UNKNOWN = "unknown"
    UNSEEN_OFFLINE = "unseen_offline"  # offline, and never checked on this till: status unknown

    @property
    def redeemable(self) -> bool:
        """Whether a voucher in this state can be redeemed now."""
        return self in (VoucherState.VALID, VoucherState.PARTLY_USED)


@dataclass(frozen=True, slots=True)
class ValidityWindow:
    """A period in which the voucher may be redeemed; open ends are None."""

    start: datetime | None
    end: datetime | None

    def contains(self, when: datetime) -> bool:
        """Whether ``when`` lies inside the window."""
        return (self.start is None or self.start <= when) and (self.end is None or when <= self.end)


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One redemption as the server recorded it."""

    amount: int
    at: datetime


@dataclass(frozen=True, slots=True)
class Voucher:
    """A voucher as the kiosk understands it, whatever server it came from.

    ``total`` and ``used`` are in the voucher's units: minor currency units for a monetary
    voucher, uses for a quantity voucher.
    """

    code: str
    kind: VoucherKind
    multi_use: bool
    total: int
    used: int
    currency: str | None = None
    windows: tuple[ValidityWindow, ...] = ()
    server_status: str = "in_progress"  # the backend's own word, for display and diagnostics
    cancelled: bool = False
    redeemable_on: tuple[int, ...] | None = None  # domain ids; None = anywhere
    product_name: str = ""
    product_description: str = ""
    message: str = ""
    buyer_name: str = ""
    buyer_email: str = ""
    recipient_name: str = ""
    recipient_email: str = ""
    order_reference: str = ""
    purchased_at: datetime | None = None
    fully_redeemed_at: datetime | None = None
    history: tuple[HistoryEntry, ...] = field(default=())
    # A discount voucher (its units are uses; it needs the basket total to be applied).
    discount: Discount | None = None
    ref: str = ""  # the platform's own id of the voucher (opaque), when it has one

    @property
    def remaining(self) -> int:
        """Units left to redeem (never negative)."""
        return max(self.total - self.used, 0)

    @property
    def money_currency(self) -> str | None:
        """The currency its units are in: None for a use-counted voucher (its units are
        uses, whatever currency the shop has)."""
        return self.currency if self.kind is VoucherKind.MONETARY else None

    def money(self, units: int) -> Money | None:
        """``units`` as Money for a monetary voucher with a currency, else None."""
        if self.kind is VoucherKind.MONETARY and self.currency:
            return Money(units, self.currency)
        return None

    def state(self, now: datetime, domain_id: int | None = None) -> VoucherState:
        """The voucher's state at ``now`` on ``domain_id``."""
        if self.cancelled:
            return VoucherState.CANCELLED
        if self.remaining <= 0:
            return VoucherState.FULLY_REDEEMED
        if (
            domain_id is not None
            and self.redeemable_on is not None
            and domain_id not in self.redeemable_on
        ):
            return VoucherState.NOT_FOR_THIS_SHOP
        if self.server_status == "expired":
            return VoucherState.EXPIRED
        if self.windows and not any(w.contains(now) for w in self.windows):
            # Before a window that is still to come (the first, or the next after a gap).
            if any(w.start is not None and now < w.start for w in self.windows):
                return VoucherState.NOT_YET_VALID
            return VoucherState.EXPIRED
        # A discount code's uses are shared by many customers (a promotion): its earlier
        # uses say nothing for staff to check, unlike a gift card's spent balance.
        if self.used > 0 and self.discount is None:
            return VoucherState.PARTLY_USED
        return VoucherState.VALID

    def valid_until(self) -> datetime | None:
        """End of the latest validity window, if any."""
        ends = [w.end for w in self.windows if w.end is not None]
        return max(ends) if ends and len(ends) == len(self.windows) else None

    def valid_from(self) -> datetime | None:
        """Start of the earliest validity window, if any."""
        starts = [w.start for w in self.windows if w.start is not None]
        return min(starts) if starts and len(starts) == len(self.windows) else None

    def next_start(self, now: datetime) -> datetime | None:
        """Start of the next validity window after ``now``, if any."""
        starts = [w.start for w in self.windows if w.start is not None and now < w.start]
        return min(starts) if starts else None

    def check_redeem(self, amount: int, now: datetime, domain_id: int | None = None) -> None:
        """Raise ``Refusal`` unless ``amount`` units can be redeemed at ``now``."""
        state = self.state(now, domain_id)
        if not state.redeemable:
            raise Refusal(_STATE_REASONS[state], state_message(self, state, now))
        if amount <= 0:
            raise Refusal(RefusalReason.INVALID_AMOUNT, "The amount must be more than zero.")
        if amount > self.remaining:
            raise Refusal(
                RefusalReason.CANNOT_REDUCE,
                f"Only {self.format_units(self.remaining)} left on this voucher.",
            )
        if not self.multi_use and amount != self.remaining:
            raise Refusal(
                RefusalReason.CANNOT_REDUCE,
                "This voucher can only be used once, for its full value.",
            )

    def format_units(self, units: int) -> str:
        """``units`` in words: money for a monetary voucher, uses otherwise."""
        money = self.money(units)
        if money is not None:
            return money.format()
        if unlimited(units):
            return "unlimited uses"
        return f"{units} use" if units == 1 else f"{units} uses"


_STATE_REASONS = {
    VoucherState.FULLY_REDEEMED: RefusalReason.FULLY_REDEEMED,
    VoucherState.EXPIRED: RefusalReason.EXPIRED,
    VoucherState.NOT_YET_VALID: RefusalReason.NOT_YET_VALID,
    VoucherState.CANCELLED: RefusalReason.CANCELLED,
    VoucherState.NOT_FOR_THIS_SHOP: RefusalReason.NOT_FOR_THIS_SHOP,
    VoucherState.UNKNOWN: RefusalReason.NOT_FOUND,
    VoucherState.UNSEEN_OFFLINE: RefusalReason.OFFLINE_UNSEEN,
}


def _day(when: datetime | None) -> str:
    return f"{when.day} {when:%b %Y}" if when else ""


def state_message(voucher: Voucher, state: VoucherState, now: datetime | None = None) -> str:
    """Plain English for staff: why a voucher in ``state`` can or cannot be used."""
    if state is VoucherState.FULLY_REDEEMED:
        when = voucher.fully_redeemed_at or (voucher.history[-1].at if voucher.history else None)
        return f"Fully redeemed on {_day(when)}." if when else "Fully redeemed."
    if state is VoucherState.EXPIRED:
        end = voucher.valid_until()
        return f"This voucher expired on {_day(end)}." if end else "This voucher has expired."
    if state is VoucherState.NOT_YET_VALID:
        return f"Not valid until {_day(voucher.next_start(now))}." if now else "Not valid yet."
    if state is VoucherState.CANCELLED:
        return "This voucher has been cancelled."
    if state is VoucherState.NOT_FOR_THIS_SHOP:
        return "This voucher cannot be redeemed at this shop."
    if state is VoucherState.UNKNOWN:
        return "Voucher not found."
    if state is VoucherState.UNSEEN_OFFLINE:
        return "Offline: this voucher has not been checked on this till."
    return f"{voucher.format_units(voucher.remaining)} left."


MAX_UNITS = 10**12  # no voucher holds more units than this (a billion pounds in pence)


def _code_key(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def answer_problem(voucher: Voucher, asked: str) -> str | None:
    """Why a server's answer about ``asked`` cannot be believed, or None when it is sane.

    An answer for another code, or with impossible numbers, must never be shown or cached:
    a voucher shown as "fully redeemed" by a broken answer would be refused offline later.
    """
    if voucher.code != asked and _code_key(voucher.code) != _code_key(asked):
        return "it is about another voucher"
    if not 0 <= voucher.total <= MAX_UNITS or voucher.used < 0 or voucher.used > voucher.total:
        return "its amounts are impossible"
    return None
