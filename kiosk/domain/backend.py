"""The one interface every voucher platform adapter implements, and what it exchanges."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from kiosk.domain.errors import Refusal, RefusalReason
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
    order_total: int | None = None  # the basket (minor units), for a discount voucher
    staff: str = ""  # who redeemed it: their name
    staff_id: str = ""  # and the till's local staff id (sent where the platform records a user)


@dataclass(frozen=True, slots=True)
class Capabilities:
    """What a platform allows; the UI shows only what the platform can do."""

    partial_amounts: bool  # take part of a gift balance
    uses: bool  # vouchers counted in uses
    discounts: bool  # discount vouchers, applied to an order total
    reversal: bool  # a redemption can be undone on the server
    idempotent: bool  # the server itself never counts a re-sent redemption twice
    backdated: bool  # a replay is judged at the redemption's original time
    staff_sign_in: bool  # staff sign in on the platform (else: the till's local staff list)
    # The server takes a redemption in one step; False: the till reads the count and writes it
    # back (ShopWired), so another till's use at the same moment can go uncounted.
    atomic: bool = True
    # A queued redemption may be sent on the voucher's cached line (an earlier read, of any
    # pass: ``redeem(known=…)``) and the voucher after it counted on from that line instead of
    # read again: the server checks again everything the request takes from the line, so a
    # stale line can only be refused, never counted wrong on the server. False where a request
    # carries the line's count (ShopWired stores the ``used`` it is sent: a stale base would
    # erase another till's use) or the answer is the voucher anyway (VoucherCart).
    # docs/engine.md, "Counting on from the cached line".
    count_on_line: bool = False


@dataclass(frozen=True, slots=True)
class Redeemed:
    """A redemption the server confirmed: the voucher after it, the server's own reference
    for it (application/redemption id; "" where the platform has none), and for a discount
    voucher what was taken off the basket (minor units).

    ``counted_on``: ``voucher`` is ``known`` (the line the redemption was sent on) with this
    redemption counted on, not read: it is as old as ``known``'s read. False: it is the
    server's answer or a read made by this call."""

    voucher: Voucher
    reference: str = ""
    discount: int | None = None
    counted_on: bool = False


class VoucherBackend(Protocol):
    """What every platform adapter offers (VoucherCart, Vouchers API, Vauchar, ShopWired).

    Methods block; call them off the UI thread. Errors are those of ``kiosk.domain.errors``.
    ``shop_id`` is opaque (a VoucherCart domain id, a merchant id, a key's fingerprint).
    """

    name: str
    capabilities: Capabilities

    @property
    def shop_id(self) -> str:
        """The opaque shop id."""
        ...

    def probe(self) -> None:
        """One cheap authenticated request: raises if the server or the credentials fail."""
        ...

    def status(self, code: str, order_total: int | None = None) -> Voucher:
        """The voucher's current state (a discount voucher's terms need no basket)."""
        ...

    def redeem(self, request: RedeemRequest, known: Voucher | None = None) -> Redeemed:
        """Redeem (or apply) once; the server's reference comes back.

        ``known``: this voucher as this adapter's previous ``redeem`` answer left it, moments
        ago (a replay sending a voucher's queued entries one after another under its lock),
        or, where ``capabilities.count_on_line``, the voucher's cached line, read earlier (by
        a look-up, the till's redeem, a previous pass). An adapter may take what it needs from
        it instead of reading the voucher again; it must still leave every check the server
        does not do to a fresh read, and read again when the answer disagrees with ``known``
        or leaves out what counting on needs (``Redeemed.counted_on``)."""
        ...

    def confirm(self, uncertain: Sequence[RedeemRequest],
                applied: Sequence[RedeemRequest] = (),
                known: Voucher | None = None) -> set[str]:
        """Which of these uncertain redemptions (of one voucher or several) landed: their
        ``local_id``s. Each platform answers its own way; ``applied`` are entries already
        known to have landed, ``known`` the voucher's state just fetched (VoucherCart needs
        both to count its history lines; the others look their own entry ids up)."""
        ...

    def reverse(self, code: str, reference: str, local_id: str = "") -> Voucher:
        """Take back one redemption of ``code`` on the server (``capabilities.reversal``):
        ``reference`` is the server's id for it, or "" to find it by our ``local_id``.
        Returns the voucher after it. A platform that cannot reverse raises
        ``Refusal(NOT_SUPPORTED)`` saying why and what to do instead (no request is sent);
        ``Refusal(NOT_FOUND)`` when the server no longer has that redemption."""
        ...

    def close(self) -> None:
        """Release connections."""
        ...


def confirm_by_ids(uncertain: Sequence[RedeemRequest],
                   landed_ids: Callable[[str], set[str]]) -> set[str]:
    """``confirm`` for platforms that record our entry id with the redemption: one look per
    voucher code, ``landed_ids(code)`` = the entry ids the server holds for it."""
    found: set[str] = set()
    for code in dict.fromkeys(r.code for r in uncertain):
        ids = landed_ids(code)
        found |= {r.local_id for r in uncertain if r.code == code and r.local_id in ids}
    return found




def no_reversal(message: str) -> Refusal:
    """The refusal of a platform that cannot reverse a redemption: why, and what to do."""
    return Refusal(RefusalReason.NOT_SUPPORTED, message)
