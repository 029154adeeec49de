"""``VouchersApiBackend``: check a discount code with the basket, apply it once per order.

There is no look-up by code: ``validate`` (with the basket, or 0) gives the voucher's id, then
``GET /vouchers/{id}`` its conditions and uses. ``apply`` is idempotent per ``order_id`` (the
outbox entry id), so a replay can never count twice. See docs/api-decisions.md.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

import httpx

from kiosk.backends.http import ChannelBackend, HttpChannel, after_write, answer_json
from kiosk.backends.vouchersapi.errors import AlreadyApplied, api_errors
from kiosk.domain.backend import Capabilities, Redeemed, RedeemRequest, confirm_by_ids, no_reversal
from kiosk.domain.discount import Discount, DiscountKind
from kiosk.domain.errors import InvalidRequest, Refusal, ServerUnavailable
from kiosk.domain.voucher import (
    UNLIMITED_USES,
    HistoryEntry,
    ValidityWindow,
    Voucher,
    VoucherKind,
)

log = logging.getLogger(__name__)


def _time(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        moment = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def _count(value: object) -> int | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        return None
    return int(value)


def parse_voucher(data: Mapping[str, Any], currency: str) -> Voucher:
    """A retrieve answer (``GET /vouchers/{id}``) as the kiosk's voucher (liberal: missing
    conditions are fine; an unreadable type, value or count is not the API)."""
    try:
        kind = {"percentage": DiscountKind.PERCENT, "fixed": DiscountKind.AMOUNT}[data["type"]]
        value = Decimal(str(data["value"]))
        code = str(data["code"])
    except (KeyError, TypeError, InvalidOperation) as exc:
        raise ServerUnavailable("The server's voucher could not be read.") from exc
    conditions = data.get("conditions") if isinstance(data.get("conditions"), Mapping) else {}
    assert isinstance(conditions, Mapping)
    limit = _count(conditions.get("max_uses"))
    used = _count(data.get("usage_count")) or 0
    start, end = _time(conditions.get("valid_from")), _time(conditions.get("valid_until"))
    history = tuple(
        HistoryEntry(1, at) for h in data.get("usage_history") or []
        if isinstance(h, Mapping) and (at := _time(h.get("applied_at"))) is not None)
    status = str(data.get("status") or "active")
    return Voucher(
        code=code, kind=VoucherKind.QUANTITY, multi_use=limit != 1,
        total=limit if limit is not None else max(UNLIMITED_USES, used + 1), used=used,
        currency=currency,
        windows=(ValidityWindow(start, end),) if start or end else (),
        server_status=status, cancelled=status == "inactive",
        discount=Discount(kind, value, _count(conditions.get("min_order_value"))),
        history=history, ref=str(data.get("id") or ""),
        product_name=f"{value.normalize():f}% off" if kind is DiscountKind.PERCENT else "",
    )


def _one_more(voucher: Voucher, at: datetime) -> Voucher:
    """``voucher`` after one more use (applied at ``at``), as a fresh read would show it."""
    used = voucher.used + 1
    total = max(voucher.total, used + 1) if voucher.total >= UNLIMITED_USES else voucher.total
    return replace(voucher, used=used, total=total,
                   history=(*voucher.history, HistoryEntry(1, at)))


def counted_on(known: Voucher, applied: Mapping[str, Any], order_total: int) -> Voucher | None:
    """``known`` after this application, or None when the answer leaves out what that needs
    (when it was applied, the discount taken) or disagrees with ``known`` (the discount its
    terms give on this basket, the currency, the voucher): then the voucher is read again.
    The answer carries no use count: another till's use since ``known`` was read is only
    seen by the next read (the line keeps its read's time; docs/engine.md)."""
    at = _time(applied.get("applied_at"))
    discount = _count(applied.get("discount_amount"))
    currency = applied.get("currency")
    target = applied.get("voucher")
    code = target.get("code") if isinstance(target, Mapping) else None
    if at is None or discount is None or known.discount is None \
            or known.discount.amount_off(order_total) != discount \
            or (currency is not None and str(currency).upper() != (known.currency or "")) \
            or (code is not None and str(code).upper() != known.code.upper()):
        return None
    return _one_more(known, at)



def _about_order(applied: object, order_id: str) -> bool:
    """Whether an apply answer is an application (its ``id``) of ``order_id`` (when it names
    an order: the seed's does)."""
    if not isinstance(applied, Mapping) or not applied.get("id"):
        return False
    named = applied.get("order_id")
    return named is None or str(named) == order_id

# Counting on from the cached line is safe: ``apply`` names the voucher by code and the
# server checks its status, dates, uses and minimum order, and computes the discount itself.
CAPABILITIES = Capabilities(partial_amounts=False, uses=True, discounts=True, reversal=False,
                            idempotent=True, backdated=False, staff_sign_in=False,
                            count_on_line=True)


def key_fingerprint(api_key: str) -> str:
    """The opaque shop id of an API key: a short hash, never the key itself."""
    return "key-" + hashlib.sha256(api_key.encode()).hexdigest()[:12]


class VouchersApiBackend(ChannelBackend):
    """Vouchers API for one shop (one API key). Amounts are cents = the shop's minor units."""

    name = "vouchers-api"
    capabilities = CAPABILITIES

    def __init__(self, base_url: str, api_key: str, *, currency: str = "GBP",
                 timeout: httpx.Timeout | float | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.currency = currency.upper()
        self.shop_id = key_fingerprint(api_key)
        self.channel = HttpChannel(base_url, api_errors, timeout=timeout, transport=transport,
                                   headers={"Authorization": f"Bearer {api_key}"})

    def probe(self) -> None:
        """``GET /vouchers?limit=1``: the server answers and takes the key."""
        self._json("GET", "vouchers", params={"limit": 1})

    def _json(self, method: str, path: str, **kwargs: Any) -> Mapping[str, Any]:
        data = answer_json(self.channel.request(method, path, **kwargs))
        if not isinstance(data, Mapping):
            raise ServerUnavailable("The server sent something that is not its API.",
                                    maybe_applied=method != "GET")
        return data

    def _order(self, order_total: int | None) -> dict[str, Any]:
        return {"value": max(order_total or 0, 0), "currency": self.currency}

    def status(self, code: str, order_total: int | None = None) -> Voucher:
        """``validate`` with the basket (or 0) for the id, then the voucher itself."""
        checked = self._json("POST", "vouchers/validate",
                             json={"code": code, "order": self._order(order_total)})
        voucher = checked.get("voucher")
        if not isinstance(voucher, Mapping) or not voucher.get("id"):
            raise ServerUnavailable("The server's answer did not name the voucher.")
        return self.voucher_by_id(str(voucher["id"]))

    def voucher_by_id(self, voucher_id: str) -> Voucher:
        """``GET /vouchers/{id}``."""
        return parse_voucher(self._json("GET", f"vouchers/{voucher_id}"), self.currency)

    def redeem(self, request: RedeemRequest, known: Voucher | None = None) -> Redeemed:
        """Apply the voucher to order ``request.local_id`` with the basket total.

        A 409 naming our own order means an earlier attempt landed: applied, not a conflict.
        The server checks everything; the voucher after it is read again, or, given ``known``
        (the previous answer or the cached line), counted on from it without a request when
        the answer agrees with it (``counted_on``).
        """
        if request.order_total is None:
            raise InvalidRequest("A discount voucher needs the order total.")
        body = {"code": request.code, "order_id": request.local_id,
                "order": self._order(request.order_total)}
        try:
            applied = self._json("POST", "vouchers/apply", json=body)
        except AlreadyApplied as refusal:
            if refusal.order_id != request.local_id:
                raise
            log.info("apply of %s had already landed", request.local_id)
            with after_write("The apply"):
                return Redeemed(self.status(request.code, request.order_total))
        if not _about_order(applied, request.local_id):
            # A 2xx that is not this order's application (a proxy's or portal's page): it
            # may or may not have reached the server - confirmed by order id, never trusted.
            raise ServerUnavailable("The server's answer to the apply was not about this "
                                    "order.", maybe_applied=True)
        reference = str(applied.get("id") or "")
        discount = _count(applied.get("discount_amount"))
        target = applied.get("voucher")
        voucher_id = target.get("id") if isinstance(target, Mapping) else None
        if known is not None and voucher_id and known.ref == str(voucher_id):
            after = counted_on(known, applied, request.order_total)
            if after is not None:
                return Redeemed(after, reference, discount, counted_on=True)
        with after_write("The apply"):
            voucher = self.voucher_by_id(str(voucher_id)) if voucher_id \
                else self.status(request.code, request.order_total)
        return Redeemed(voucher, reference, discount)

    def reverse(self, code: str, reference: str, local_id: str = "") -> Voucher:
        """Vouchers API has no way to take a redemption back: refused, saying what to do."""
        raise no_reversal("Vouchers API cannot take back an applied voucher: cancel or refund the "
                          "order in the shop's own system; the voucher's use stays counted.")

    def confirm(self, uncertain: Sequence[RedeemRequest],
                applied: Sequence[RedeemRequest] = (),
                known: Voucher | None = None) -> set[str]:
        """Which uncertain applies landed? Their ``order_id`` in the voucher's usage history
        (re-sending would be safe too: apply is idempotent per order)."""
        return confirm_by_ids(uncertain, self._orders)

    def _orders(self, code: str) -> set[str]:
        try:
            checked = self._json("POST", "vouchers/validate",
                                 json={"code": code, "order": self._order(0)})
        except Refusal:
            return set()
        voucher = checked.get("voucher")
        if not isinstance(voucher, Mapping):
            raise ServerUnavailable("The server's answer did not name the voucher.")
        data = self._json("GET", f"vouchers/{voucher['id']}")
        return {str(h.get("order_id")) for h in data.get("usage_history") or []
                if isinstance(h, Mapping)}
