"""``VaucharBackend``: fixed-value vouchers as gift balances, percentage ones as discounts.

Look-up by code is ``GET /vouchers/validate?voucher_code=``; the balance is the value minus
the redemptions listed; a redemption carries the staff id (``user_id``) and the outbox entry
id (``transaction_id``), by which an uncertain one is confirmed; deleting it reverses it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

import httpx

from kiosk.backends.http import ChannelBackend, HttpChannel, after_write, answer_json
from kiosk.backends.vauchar.errors import STATUS_REFUSALS, VALID, api_errors
from kiosk.domain.backend import Capabilities, Redeemed, RedeemRequest, confirm_by_ids
from kiosk.domain.discount import Discount, DiscountKind, to_major, to_minor
from kiosk.domain.errors import InvalidRequest, Refusal, RefusalReason, ServerUnavailable
from kiosk.domain.voucher import HistoryEntry, ValidityWindow, Voucher, VoucherKind

_SERVER_STATUS = {VALID: "valid", 1001: "expired", 1002: "not_started", 1003: "redeemed"}


def _epoch(value: object) -> datetime | None:
    if isinstance(value, bool) or not isinstance(value, int) or value <= 0:
        return None
    return datetime.fromtimestamp(value, UTC)


def parse_voucher(data: Mapping[str, Any], status: int, redemptions: list[Any]) -> Voucher:
    """A Vauchar voucher (and its redemptions) as the kiosk's voucher."""
    try:
        code = str(data["voucher_code"])
        unit = str(data["value_unit"])
        currency = str(data["currency"]).upper()
        value = Decimal(str(data["value"]))
        used = sum(to_minor(str(r["value_used"]), currency) for r in redemptions
                   if isinstance(r, Mapping))
    except (KeyError, TypeError, ValueError, InvalidOperation) as exc:
        raise ServerUnavailable("Vauchar's voucher could not be read.") from exc
    start, end = _epoch(data.get("start_time")), _epoch(data.get("expiry_time"))
    redeemed = bool(data.get("redeemed"))
    history = tuple(HistoryEntry(to_minor(str(r["value_used"]), currency), at)
                    for r in redemptions
                    if isinstance(r, Mapping) and (at := _epoch(r.get("created"))) is not None)
    common: dict[str, Any] = {
        "code": code, "currency": currency, "ref": str(data.get("id") or ""),
        "windows": (ValidityWindow(start, end),) if start or end else (),
        "server_status": _SERVER_STATUS.get(status, str(status)),
        "fully_redeemed_at": _epoch(data.get("redeemed_date")) if redeemed else None,
        "product_name": str(data.get("tag") or ""),
    }
    if unit == "percentage":
        return Voucher(kind=VoucherKind.QUANTITY, multi_use=False, total=1,
                       used=1 if redeemed or redemptions else 0, history=history,
                       discount=Discount(DiscountKind.PERCENT, value), **common)
    total = to_minor(value, currency)
    return Voucher(kind=VoucherKind.MONETARY, multi_use=True, total=total,
                   used=total if redeemed else min(used, total), history=history, **common)


# Counting on from the cached line: for gift balances only. The line gives the voucher's id
# and currency; the server checks status, dates and balance. A percentage voucher's
# ``value_used`` is computed here from its terms and the server checks nothing of it, so its
# terms are always read fresh (docs/engine.md, "Counting on from the cached line").
def _agrees(redemption: Mapping[str, Any], voucher: Voucher, value: int) -> bool:
    """Whether a redemption answer is what was sent on ``voucher`` (its id, the value) and
    says when it was made: else the voucher after it is read, not counted on."""
    named = redemption.get("voucher_id")
    try:
        used = to_minor(str(redemption["value_used"]), voucher.currency or "GBP")
    except (KeyError, ValueError, InvalidOperation):
        return False
    return used == value and _epoch(redemption.get("created")) is not None \
        and (named is None or str(named) == voucher.ref)


CAPABILITIES = Capabilities(partial_amounts=True, uses=True, discounts=True, reversal=True,
                            idempotent=False, backdated=False, staff_sign_in=False,
                            count_on_line=True)


class VaucharBackend(ChannelBackend):
    """Vauchar for one merchant (HTTP Basic ``merchant_id:api_key``)."""

    name = "vauchar"
    capabilities = CAPABILITIES

    def __init__(self, base_url: str, merchant_id: str, api_key: str, *,
                 timeout: httpx.Timeout | float | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.channel = HttpChannel(base_url, api_errors, timeout=timeout, transport=transport)
        self._auth = httpx.BasicAuth(merchant_id, api_key)
        self.shop_id = merchant_id

    def probe(self) -> None:
        """Look up a code that cannot exist: "not found" proves the server takes our key."""
        try:
            self._look_up("KIOSK-PROBE")
        except Refusal:
            return

    def _json(self, method: str, path: str, **kwargs: Any) -> Mapping[str, Any]:
        data = answer_json(self.channel.request(method, path, auth=self._auth, **kwargs))
        if not isinstance(data, Mapping):
            raise ServerUnavailable("Vauchar sent something that is not its API.",
                                    maybe_applied=method != "GET")
        return data

    def _look_up(self, code: str) -> tuple[Mapping[str, Any], int]:
        answer = self._json("GET", "vouchers/validate", params={"voucher_code": code})
        data, status = answer.get("data"), answer.get("validation_status")
        if not isinstance(data, Mapping) or not isinstance(status, Mapping) \
                or not isinstance(status.get("status"), int) or not data.get("id"):
            raise ServerUnavailable("Vauchar's answer did not name the voucher.")
        return data, int(status["status"])

    def _redemptions(self, voucher_id: str) -> list[Any]:
        listed = self._json("GET", f"vouchers/{voucher_id}/redemptions").get("data")
        if not isinstance(listed, list):
            raise ServerUnavailable("Vauchar's redemptions could not be read.")
        return listed

    def status(self, code: str, order_total: int | None = None) -> Voucher:
        """The voucher, its validation status and what its redemptions took."""
        data, status = self._look_up(code)
        return parse_voucher(data, status, self._redemptions(str(data["id"])))

    def redeem(self, request: RedeemRequest, known: Voucher | None = None) -> Redeemed:
        """One redemption: ``value_used`` = the amount (gift balance) or the discount on the
        basket (percentage); ``user_id`` = the staff member; ``transaction_id`` = the entry.

        A gift balance's id comes from ``known`` (the previous answer or the cached line) when
        given, and the voucher after it is counted on from it when the answer agrees
        (``counted_on``); the server itself refuses what the balance or the status forbids.
        A discount voucher's terms are always read (``value_used`` is computed from them)."""
        line = known is not None and bool(known.ref) and known.discount is None \
            and known.code.upper() == request.code.upper()
        voucher = known if line and known is not None else self.status(request.code)
        if voucher.discount is not None:
            if request.order_total is None:
                raise InvalidRequest("A discount voucher needs the order total.")
            discount: int | None = voucher.discount.amount_off(request.order_total)
            value, taken = discount or 0, 1
        else:
            discount = None
            value, taken = request.amount, request.amount
        redemption = self._json("POST", f"vouchers/{voucher.ref}/redemptions", json={
            "user_id": request.staff_id or request.staff or "kiosk",
            "transaction_id": request.local_id,
            "value_used": to_major(value, voucher.currency or "GBP")})
        named = redemption.get("transaction_id")
        if not redemption.get("id") or (named is not None and str(named) != request.local_id):
            # A 2xx that is not this redemption (a proxy's or portal's page): it may or may
            # not have reached the server - confirmed by transaction id, never trusted.
            raise ServerUnavailable("Vauchar's answer was not about this redemption.",
                                    maybe_applied=True)
        reference = str(redemption.get("id") or "")
        if line and not _agrees(redemption, voucher, value):
            # A partial answer, or not what was sent on the line: read what the server holds.
            with after_write("The redemption"):
                return Redeemed(self.status(request.code), reference, discount)
        # The voucher after it, without asking again (the next look-up refreshes it).
        after = replace(voucher, used=min(voucher.total, voucher.used + taken),
                        history=(*voucher.history, HistoryEntry(value, request.at)))
        return Redeemed(after, reference, discount, counted_on=line)

    def confirm(self, uncertain: Sequence[RedeemRequest],
                applied: Sequence[RedeemRequest] = (),
                known: Voucher | None = None) -> set[str]:
        """Which uncertain redemptions landed? Their ``transaction_id`` among the voucher's."""
        return confirm_by_ids(uncertain, self._transactions)

    def _transactions(self, code: str) -> set[str]:
        try:
            data, _ = self._look_up(code)
        except Refusal:
            return set()
        return {str(r.get("transaction_id")) for r in self._redemptions(str(data["id"]))
                if isinstance(r, Mapping)}

    def reverse(self, code: str, reference: str, local_id: str = "") -> Voucher:
        """Delete redemption ``reference`` of the voucher (its value is available again);
        without a ``reference``, the redemption whose ``transaction_id`` is ``local_id``."""
        data, _ = self._look_up(code)
        gone = Refusal(RefusalReason.NOT_FOUND, "Vauchar no longer has this redemption: it "
                       "may have been reversed already.")
        if not reference:
            reference = next((str(r.get("id")) for r in self._redemptions(str(data["id"]))
                              if isinstance(r, Mapping) and local_id
                              and str(r.get("transaction_id")) == local_id), "")
            if not reference:
                raise gone
        try:
            self.channel.request("DELETE", f"vouchers/{data['id']}/redemptions/{reference}",
                                 auth=self._auth)
        except Refusal as refusal:
            if refusal.reason is RefusalReason.NOT_FOUND:
                raise gone from refusal
            raise
        with after_write("The reversal"):  # it happened: confirmed by listing if this fails
            return self.status(code)


__all__ = ["STATUS_REFUSALS", "VaucharBackend", "parse_voucher"]
