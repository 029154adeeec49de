"""``/status`` and ``/redeem`` answers → the backend-neutral ``Voucher``.

Parsing is liberal: optional keys may be missing or null. Decisions (see docs/backends.md):
``stock`` is the total and ``current`` the used part, in minor units for monetary vouchers;
``refunded`` and ``regenerated`` both mean the code can no longer be used (cancelled);
``completed`` (or ``redeemed: true``) means nothing is left, whatever the numbers say.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kiosk.backends.vouchercart.dates import parse_datetime
from kiosk.domain.errors import ServerUnavailable
from kiosk.domain.voucher import HistoryEntry, ValidityWindow, Voucher, VoucherKind

CANCELLED_STATUSES = frozenset({"refunded", "regenerated"})


def _map(value: object) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def _units(value: object, what: str) -> int:
    if isinstance(value, bool):
        raise ServerUnavailable(f"The server sent an unreadable voucher ({what}).")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and value.strip().lstrip("-").isdigit():
        return int(value)
    raise ServerUnavailable(f"The server sent an unreadable voucher ({what}).")


def _message(product: Mapping[str, Any], recipient: Mapping[str, Any]) -> str:
    """The gift message: the product's text and the recipient comment (HTML), without repeats."""
    # html.parser on the first voucher read, not on the sign-in path (start-up).
    from kiosk.backends.text import html_to_text  # noqa: PLC0415

    texts: list[str] = []
    for text in (_text(product.get("message")), html_to_text(_text(recipient.get("comment")))):
        if text and " ".join(text.split()) not in {" ".join(t.split()) for t in texts}:
            texts.append(text)
    return "\n\n".join(texts)


def _windows(items: object) -> tuple[ValidityWindow, ...]:
    if not isinstance(items, list):
        return ()
    return tuple(
        ValidityWindow(parse_datetime(_map(w).get("from")), parse_datetime(_map(w).get("to")))
        for w in items
        if isinstance(w, Mapping)
    )


def _parse_history(items: list[Any]) -> tuple[HistoryEntry, ...]:
    entries: list[HistoryEntry] = []
    for item in items:
        at = parse_datetime(_map(item).get("redeemAt"))
        if at is not None:
            entries.append(HistoryEntry(_units(_map(item).get("amount", 0), "history amount"), at))
    return tuple(entries)


# The last history read per code: every answer repeats the voucher's whole history and a new
# one only appends to it, so a replay sending 100 redemptions of one voucher parses each line
# once, not 50 times on average. Only an identical prefix is reused (compared line by line).
_HISTORY_MEMO: dict[str, tuple[list[Any], tuple[HistoryEntry, ...]]] = {}
_MEMO_CODES = 256


def _history(items: object, code: str) -> tuple[HistoryEntry, ...]:
    if not isinstance(items, list):
        return ()
    memo = _HISTORY_MEMO.get(code)
    if memo is not None and len(items) >= len(memo[0]) and items[:len(memo[0])] == memo[0]:
        parsed = memo[1] + _parse_history(items[len(memo[0]):])
    else:
        parsed = _parse_history(items)
    if len(_HISTORY_MEMO) >= _MEMO_CODES and code not in _HISTORY_MEMO:
        _HISTORY_MEMO.clear()
    _HISTORY_MEMO[code] = (items, parsed)
    return parsed


def parse_voucher(data: object) -> Voucher:
    """A ``Voucher`` from a ``/status`` or ``/redeem`` answer; ServerUnavailable if unreadable."""
    if not isinstance(data, Mapping) or not _text(data.get("code")):
        raise ServerUnavailable("The server's answer is not a voucher.")
    order = _map(data.get("order"))
    product = _map(order.get("product"))
    buyer = _map(order.get("buyer"))
    recipient = _map(order.get("recipient"))
    status = _text(data.get("status")) or "in_progress"
    # Both numbers must be there: a voucher read as "0 of 0" would look fully redeemed.
    total = _units(data.get("stock"), "stock")
    used = _units(data.get("current"), "current")
    if status == "completed" or data.get("redeemed") is True:
        used = max(used, total)
    redeemable_on = data.get("redeemableOn")
    return Voucher(
        code=_text(data.get("code")),
        kind=VoucherKind.MONETARY if data.get("monetary") else VoucherKind.QUANTITY,
        multi_use=bool(data.get("multiUsable")),
        total=total,
        used=used,
        currency=(_text(order.get("currency")) or _text(product.get("currency"))).upper() or None,
        windows=_windows(data.get("expirations")),
        server_status=status,
        cancelled=status in CANCELLED_STATUSES,
        redeemable_on=(
            tuple(_units(i, "domain id") for i in redeemable_on)
            if isinstance(redeemable_on, list) else None
        ),
        product_name=_text(product.get("name")),
        product_description=_text(product.get("description")),
        message=_message(product, recipient),
        buyer_name=_text(buyer.get("name")),
        buyer_email=_text(buyer.get("email")),
        recipient_name=_text(recipient.get("name")),
        recipient_email=_text(recipient.get("email")),
        order_reference=_text(order.get("reference")),
        purchased_at=parse_datetime(order.get("purchasedAt")),
        fully_redeemed_at=parse_datetime(order.get("redeemedDate")),
        history=_history(data.get("redeemHistory"), _text(data.get("code"))),
    )
