"""What the engine answers the UI and CLI: look-ups, redemptions, queue entries, connectivity."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from kiosk.domain.errors import RefusalReason
from kiosk.domain.voucher import Voucher, VoucherState


@dataclass(frozen=True, slots=True)
class Lookup:
    """The answer to "what is this voucher?"."""

    code: str
    voucher: Voucher | None  # None when unknown (not found, or unseen while offline)
    state: VoucherState
    offline: bool  # True when answered from the local cache, not the server
    checked_at: datetime  # when the server last confirmed this state (UTC)
    queued: int  # units this kiosk has queued offline for this code and not yet sent
    message: str  # plain words for staff (English; the UI builds its own translated text)

    @property
    def available(self) -> int:
        """Units that can still be redeemed here: remaining minus what is queued."""
        return max((self.voucher.remaining if self.voucher else 0) - self.queued, 0)


class RedeemStatus(StrEnum):
    """How a redemption ended, as staff see it."""

    APPLIED = "applied"  # the server confirmed it
    QUEUED = "queued"  # saved in the outbox, will be sent when back online
    REFUSED = "refused"  # not redeemed; ``reason`` says why


@dataclass(frozen=True, slots=True)
class RedeemOutcome:
    """The result of one redeem action."""

    status: RedeemStatus
    code: str
    amount: int  # units redeemed (or asked for, when refused)
    entry_id: str | None  # the outbox entry, when one was written
    voucher: Voucher | None  # the voucher after the redemption (server's, or cache minus queue)
    message: str
    reason: RefusalReason | None = None
    # An earlier redemption of this voucher whose outcome staff had not heard (the till
    # crashed mid-way): it was settled first, and this outcome is about it, not a new one.
    earlier: OutboxEntry | None = None
    order_total: int | None = None  # the basket, for a discount voucher
    discount: int | None = None  # taken off the basket (minor units); to pay = total - this

    @property
    def to_pay(self) -> int | None:
        """What the customer pays after a discount voucher, when there was a basket."""
        if self.order_total is None or self.discount is None:
            return None
        return self.order_total - self.discount


class EntryState(StrEnum):
    """Life of an outbox entry (DESIGN §3). Nothing is ever deleted."""

    PENDING = "pending"  # committed locally, not yet confirmed
    SENDING = "sending"  # a request is (or may be) in flight: uncertain after a crash
    APPLIED = "applied"  # the server confirmed it, or reconciliation found it in the history
    REJECTED = "rejected"  # refused for good: a conflict for a manager
    WRITTEN_OFF = "written_off"  # a conflict a manager closed without redeeming
    REVERSING = "reversing"  # a manager's undo was asked of the server, not yet confirmed
    REVERSED = "reversed"  # undone: reversed on the server, or cancelled before it was sent


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """One redemption in the write-ahead outbox (and the audit journal)."""

    id: str
    code: str
    domain: str
    amount: int
    kind: str  # VoucherKind value
    currency: str | None
    redeemed_at: datetime  # original redemption time, UTC
    staff: str
    kiosk_id: str
    backend: str
    state: EntryState
    attempts: int = 0
    uncertain: bool = False  # a request may have reached the server
    last_error: str = ""
    reason: str = ""  # RefusalReason value for rejected entries
    applied_at: datetime | None = None
    offline: bool = False  # True when it was accepted while offline
    note: str = ""  # manager's note when resolving a conflict
    replaces: str | None = None  # entry id this one retries, for conflict re-tries
    updated_at: datetime | None = None  # last state change (UTC)
    resend_after: datetime | None = None  # an uncertain entry is not re-sent before this
    reported: bool = True  # staff were told how it ended (False: e.g. the till crashed first)
    order_total: int | None = None  # the basket (minor units) a discount voucher applies to
    reference: str = ""  # the server's own reference for it, once applied (where it has one)
    discount: int | None = None  # what a discount voucher took off the basket (minor units)
    staff_id: str = ""  # the till's local staff id (key-based platforms), else ""

    @property
    def money_currency(self) -> str | None:
        """The currency its amount is in: None when the amount is uses."""
        return self.currency if self.kind == "monetary" else None


@dataclass(frozen=True, slots=True)
class Connectivity:
    """What the connection indicator shows."""

    online: bool
    since: datetime  # when the current online/offline period began (UTC)
    syncing: bool
    pending: int  # outbox entries not yet applied or rejected
    conflicts: int  # rejected entries awaiting a manager
    auth_required: bool = False  # the session expired: staff must sign in for sync to resume
    forced: bool | None = None  # manual override: True forced offline, False forced online
    clock_warning: str = ""  # the till's clock is off (plain words for staff), else empty
    other_shops: int = 0  # open entries of another shop: sent only when signed in there


class UndoStatus(StrEnum):
    """How an "undo last redemption" ended."""

    REVERSED = "reversed"  # the server took the redemption back
    CANCELLED = "cancelled"  # it was still queued: cancelled on the till, never to be sent
    UNCONFIRMED = "unconfirmed"  # the undo was sent, its answer lost: not known yet
    REFUSED = "refused"  # nothing was undone (platform cannot, nothing to undo, offline)


class UndoWhy(StrEnum):
    """Why an undo was refused (for the UI's own words)."""

    NOTHING = "nothing"  # no redemption on this till since the shift began
    ALREADY = "already"  # the one staff confirmed is undone already
    CHANGED = "changed"  # the last redemption is another one by now
    IN_FLIGHT = "in_flight"  # it is being sent or may have landed: wait for the answer
    OFFLINE = "offline"  # reversing needs the server
    PLATFORM = "platform"  # the platform cannot reverse (``message`` says what to do)
    SERVER = "server"  # the server refused or did not take the undo (``message``)


@dataclass(frozen=True, slots=True)
class UndoOutcome:
    """The result of one undo; ``entry`` is the redemption it was about (None: none)."""

    status: UndoStatus
    entry: OutboxEntry | None
    message: str  # plain words for staff (English; the UI builds its own translated text)
    voucher: Voucher | None = None  # the voucher after the undo, when the server told us
    reason: RefusalReason | None = None  # the server's (or platform's) refusal reason
    why: UndoWhy | None = None  # why it was refused
