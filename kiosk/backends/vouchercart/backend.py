"""``VoucherCartBackend``: the engine's ``VoucherBackend`` for one VoucherCart domain."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from datetime import UTC, datetime

from kiosk.backends.http import ServerClock
from kiosk.backends.vouchercart.client import VoucherCartClient
from kiosk.backends.vouchercart.reconcile import Claim, applied_claims
from kiosk.backends.vouchercart.session import Session
from kiosk.domain.backend import Capabilities, Redeemed, RedeemRequest, no_reversal
from kiosk.domain.errors import KioskError, Refusal, RefusalReason
from kiosk.domain.voucher import Voucher

log = logging.getLogger(__name__)

# Refusals whose generic wording a fresh look at the voucher can make precise
# ("expired on 2 Mar 2017", "only £3.00 left", "fully redeemed on ...").
_EXPLAINABLE = frozenset({RefusalReason.CANNOT_REDUCE, RefusalReason.EXPIRED,
                          RefusalReason.FULLY_REDEEMED})


CAPABILITIES = Capabilities(partial_amounts=True, uses=True, discounts=False, reversal=False,
                            idempotent=False, backdated=True, staff_sign_in=True)


class VoucherCartBackend:
    """Status and redeem on ``domain_id``, through a ``Session`` that refreshes tokens.

    VoucherCart has no idempotency key: an uncertain redemption must be reconciled against
    the voucher's ``redeemHistory`` by the engine before it is ever re-sent.
    """

    name = "vouchercart"
    capabilities = CAPABILITIES

    def __init__(self, client: VoucherCartClient, session: Session, domain_id: int) -> None:
        self.client = client
        self.session = session
        self.domain_id = domain_id

    @property
    def server_clock(self) -> ServerClock:
        """The server's clock offset, from every answer's ``Date`` header."""
        return self.client.server_clock

    @property
    def shop_id(self) -> str:
        """The opaque shop id: the domain id as text."""
        return str(self.domain_id)

    def probe(self) -> None:
        """``GET /domains`` with the session: the server answers and the login holds."""
        self.session.call(self.client.domains)

    def reverse(self, code: str, reference: str, local_id: str = "") -> Voucher:
        """VoucherCart has no way to take a redemption back: refused, saying what to do."""
        raise no_reversal("VoucherCart cannot reverse a redemption: ask the shop's "
                          "administrator to credit the voucher in the VoucherCart dashboard.")

    def confirm(self, uncertain: Sequence[RedeemRequest],
                applied: Sequence[RedeemRequest] = (),
                known: Voucher | None = None) -> set[str]:
        """Which uncertain redemptions the vouchers' ``redeemHistory`` shows: VoucherCart has
        no idempotency key, so a line with the same amount in the same minute, counted
        (``applied`` entries use up their lines first). ``known``: a state just fetched (no
        new request for that voucher)."""
        found: set[str] = set()
        for code in dict.fromkeys(r.code for r in uncertain):
            if known is not None and known.code.upper() == code.upper():
                history = known.history
            else:
                try:
                    history = self.status(code).history
                except Refusal:  # the voucher is gone: nothing of ours is in its history
                    continue
            found |= applied_claims(
                [Claim(r.local_id, r.amount, r.at) for r in uncertain if r.code == code],
                [Claim(r.local_id, r.amount, r.at) for r in applied if r.code == code],
                history)
        return found

    def status(self, code: str, order_total: int | None = None) -> Voucher:
        """The voucher's current state on the server (VoucherCart has no discounts)."""
        return self.session.call(lambda token: self.client.status(token, code, self.domain_id))

    def redeem(self, request: RedeemRequest) -> Redeemed:
        """Redeem ``request.amount`` units at ``request.at`` (``redeemDate``: backdated).

        VoucherCart gives a redemption no id: the reference is its ``redeemAt`` minute. A
        refusal is re-worded from the voucher's current state when that says more.
        """
        at = _utc(request.at)
        try:
            voucher = self.session.call(lambda token: self.client.redeem(
                token, request.code, self.domain_id, request.amount, at))
            return Redeemed(voucher, at.strftime("%Y-%m-%d %H:%M"))
        except Refusal as refusal:
            raise self._explain(refusal, request.code, request.amount, at) from refusal

    def close(self) -> None:
        """Release the connection pool."""
        self.client.close()

    def _explain(self, refusal: Refusal, code: str, amount: int, at: datetime) -> Refusal:
        if refusal.reason not in _EXPLAINABLE:
            return refusal
        try:
            voucher = self.status(code)
        except KioskError:
            log.info("could not fetch the voucher to explain refusal %s", refusal.code)
            return refusal
        try:
            voucher.check_redeem(amount, at, self.domain_id)
        except Refusal as precise:
            return Refusal(precise.reason, precise.message, code=refusal.code)
        return refusal


def _utc(moment: datetime) -> datetime:
    """``moment`` as an aware UTC time; naive times are UTC by the kiosk's convention."""
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
