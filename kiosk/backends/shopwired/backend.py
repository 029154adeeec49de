"""``ShopWiredBackend``: discount codes whose use the kiosk counts itself.

ShopWired has no redeem endpoint: a use is ``PUT /vouchers/ID`` with ``used`` + 1, and the
server stores whatever it is sent. The kiosk makes that as safe as it can
(docs/api-decisions.md, "ShopWired"):

1. read the voucher fresh and refuse when it is inactive, outside its dates (at the
   redemption's own time) or ``used >= uses``; a marker ``kiosk:<entry id>`` already in
   ``comments`` means an earlier attempt landed;
2. ``PUT`` ``used`` = read + 1 with the marker appended to ``comments``;
3. read again: our marker there → applied. Gone → another till wrote after us from an older
   read, so our use was not counted: go back to 1 (re-apply on top of theirs, or refuse if
   that was the last use).

Residual risks (docs/backends.md; pinned in tests/app/test_engine_shopwired_guard.py): a
``PUT`` from a read older than our write that lands after it (a writer of ``used`` alone, or
another kiosk after our re-read) leaves us seeing our marker, and one use is not counted; a
confirmation after ``KEEP_MARKERS`` other uses no longer finds its marker, so the use is sent
again and counted twice. ShopWired offers nothing to close either window.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

import httpx

from kiosk.backends.http import ChannelBackend, HttpChannel, after_write, answer_json
from kiosk.domain.backend import Capabilities, Redeemed, RedeemRequest, confirm_by_ids, no_reversal
from kiosk.domain.discount import Discount, DiscountKind, to_minor
from kiosk.domain.errors import (
    InvalidRequest,
    KioskError,
    Refusal,
    RefusalReason,
    ServerUnavailable,
    SessionExpired,
)
from kiosk.domain.money import Money
from kiosk.domain.voucher import UNLIMITED_USES, ValidityWindow, Voucher, VoucherKind

log = logging.getLogger(__name__)

MARKER = "kiosk:"
KEEP_MARKERS = 20  # markers kept in ``comments`` (older ones are dropped)
ATTEMPTS = 3
LOST_RACE = ("Another till used this voucher's last use at the same moment: do not give "
             "the discount.")


def api_errors(response: httpx.Response, body: Mapping[str, Any]) -> KioskError | None:
    """ShopWired's own error answers ``{"error": {"status", "message"}}``, else None."""
    error = body.get("error")
    if not isinstance(error, Mapping) or error.get("status") != response.status_code:
        return None
    message = str(error.get("message") or "")
    if response.status_code == 401:
        return SessionExpired("ShopWired refused the shop's API key or secret. Ask the manager "
                              "to sign the till in again.")
    if response.status_code == 404:
        return Refusal(RefusalReason.NOT_FOUND, "No voucher with this code.")
    if response.status_code == 422 and "used" in message:
        return Refusal(RefusalReason.FULLY_REDEEMED, "All uses of this voucher are taken.")
    if response.status_code in (400, 405, 422):
        return InvalidRequest(f"ShopWired refused the request ({message}).")
    return None


def _date(value: object) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.strptime(value.split(", ", 1)[-1], "%d %b %Y %H:%M:%S %z")
    except ValueError:
        return None


def _count(value: object) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 \
        else None


def parse_voucher(data: Mapping[str, Any], currency: str) -> Voucher:
    """A ShopWired voucher (amounts in the shop's ``currency``, major units)."""
    try:
        code = str(data["code"])
        discount_data = data["discount"]
        kind = DiscountKind(str(discount_data["type"]))
        raw = discount_data.get("value", 0) or 0
        value = Decimal(str(raw)) if kind is DiscountKind.PERCENT \
            else Decimal(to_minor(raw, currency))
    except (KeyError, TypeError, ValueError, InvalidOperation, AttributeError) as exc:
        raise ServerUnavailable("ShopWired's voucher could not be read.") from exc
    target = data.get("target") if isinstance(data.get("target"), Mapping) else None
    minimum = None
    if target is not None and target.get("type") == "orders_over":
        try:
            minimum = to_minor(target.get("value") or 0, currency)
        except ValueError:
            minimum = None
    uses, used = _count(data.get("uses")), _count(data.get("used")) or 0
    start, end = _date(data.get("validFrom")), _date(data.get("expiresOn"))
    active = data.get("active") is not False
    return Voucher(
        code=code, kind=VoucherKind.QUANTITY, multi_use=uses != 1,
        total=uses if uses is not None else max(UNLIMITED_USES, used + 1), used=used,
        currency=currency, windows=(ValidityWindow(start, end),) if start or end else (),
        server_status="active" if active else "inactive", cancelled=not active,
        discount=Discount(kind, value, minimum, strict_minimum=True,
                          targeted=target is not None and target.get("type") != "orders_over"),
        ref=str(data.get("id") or ""),
    )


def _with_marker(comments: str, marker: str) -> str:
    words = comments.split()
    markers = [w for w in words if w.startswith(MARKER)]
    others = [w for w in words if not w.startswith(MARKER)]
    return " ".join(others + [*markers, marker][-KEEP_MARKERS:])


CAPABILITIES = Capabilities(partial_amounts=False, uses=True, discounts=True, reversal=False,
                            idempotent=False, backdated=True, staff_sign_in=False,
                            atomic=False)


class ShopWiredBackend(ChannelBackend):
    """ShopWired for one shop (HTTP Basic ``api_key:api_secret``); ``currency`` is the shop's
    (ShopWired's amounts carry none)."""

    name = "shopwired"
    capabilities = CAPABILITIES

    def __init__(self, base_url: str, api_key: str, api_secret: str, *, currency: str = "GBP",
                 timeout: httpx.Timeout | float | None = None,
                 transport: httpx.BaseTransport | None = None) -> None:
        self.currency = currency.upper()
        self.channel = HttpChannel(base_url, api_errors, timeout=timeout, transport=transport)
        self._auth = httpx.BasicAuth(api_key, api_secret)
        self.shop_id = api_key
        # The last use's read-back, with the voucher returned for it (matched by identity).
        self._last: tuple[Voucher, Mapping[str, Any]] | None = None

    def probe(self) -> None:
        """``GET /vouchers/count``: the server answers and takes the key."""
        self._json("GET", "vouchers/count")

    def _json(self, method: str, path: str, **kwargs: Any) -> Any:
        return answer_json(self.channel.request(method, path, auth=self._auth, **kwargs))

    def _read(self, code: str) -> Mapping[str, Any]:
        found = self._json("GET", "vouchers", params={"code": code})
        if not isinstance(found, list):
            raise ServerUnavailable("ShopWired sent something that is not its API.")
        wanted = code.strip().lower()
        for item in found:
            if isinstance(item, Mapping) and str(item.get("code", "")).lower() == wanted:
                return item
        raise Refusal(RefusalReason.NOT_FOUND, "No voucher with this code.")

    def status(self, code: str, order_total: int | None = None) -> Voucher:
        """``GET /vouchers?code=``."""
        return parse_voucher(self._read(code), self.currency)

    def redeem(self, request: RedeemRequest, known: Voucher | None = None) -> Redeemed:
        """Count one use, guarded as the module docstring says.

        ``known`` = the voucher this adapter returned for the previous use: its read-back
        (step 3) then serves as this use's read (step 1), one request fewer per use."""
        if request.order_total is None:
            raise InvalidRequest("A discount voucher needs the order total.")
        marker = f"{MARKER}{request.local_id}"
        last, self._last = self._last, None
        for attempt in range(ATTEMPTS):
            if attempt == 0 and known is not None and last is not None and last[0] is known:
                # The previous use's read-back, moments ago (and the voucher read from it):
                # step 1 as is.
                voucher, data = last
            elif attempt:  # our PUT was answered: it may count (``after_write``)
                with after_write("The use"):
                    data = self._read(request.code)
                voucher = parse_voucher(data, self.currency)
            else:
                data = self._read(request.code)
                voucher = parse_voucher(data, self.currency)
            if marker in str(data.get("comments") or "").split():
                return self._redeemed(voucher, marker, request.order_total)
            if attempt and voucher.remaining <= 0:
                raise Refusal(RefusalReason.FULLY_REDEEMED, LOST_RACE)
            voucher.check_redeem(1, _utc(request.at))
            _check_minimum(voucher, request.order_total)
            self._json("PUT", f"vouchers/{voucher.ref}", json={
                "used": voucher.used + 1,
                "comments": _with_marker(str(data.get("comments") or ""), marker)})
            with after_write("The use"):
                after = self._read(request.code)
            if marker in str(after.get("comments") or "").split():
                redeemed = self._redeemed(parse_voucher(after, self.currency), marker,
                                          request.order_total)
                self._last = (redeemed.voucher, after)
                return redeemed
            log.warning("ShopWired use of %s was overwritten by another till; re-applying",
                        request.local_id)
        raise Refusal(RefusalReason.FULLY_REDEEMED, LOST_RACE)

    @staticmethod
    def _redeemed(voucher: Voucher, marker: str, order_total: int) -> Redeemed:
        assert voucher.discount is not None
        return Redeemed(voucher, marker, voucher.discount.amount_off(order_total))

    def reverse(self, code: str, reference: str, local_id: str = "") -> Voucher:
        """ShopWired has no way to take a redemption back: refused, saying what to do."""
        raise no_reversal("ShopWired cannot undo a use of a voucher: ask the shop's administrator "
                          "to lower the voucher's 'used' count in the ShopWired admin.")

    def confirm(self, uncertain: Sequence[RedeemRequest],
                applied: Sequence[RedeemRequest] = (),
                known: Voucher | None = None) -> set[str]:
        """Which uncertain uses landed? Their markers in the voucher's ``comments``."""
        return confirm_by_ids(uncertain, self._marked)

    def _marked(self, code: str) -> set[str]:
        try:
            data = self._read(code)
        except Refusal:
            return set()
        return {w.removeprefix(MARKER) for w in str(data.get("comments") or "").split()
                if w.startswith(MARKER)}


def _check_minimum(voucher: Voucher, order_total: int) -> None:
    terms = voucher.discount
    if terms is not None and terms.min_order is not None \
            and not terms.meets_minimum(order_total):
        minimum = Money(terms.min_order, voucher.currency or "GBP").format()
        raise Refusal(RefusalReason.CANNOT_REDUCE, f"This voucher is for orders over {minimum}.")


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
