"""Vouchers to and from JSON, for the local cache."""

from __future__ import annotations

import json
from datetime import datetime
from decimal import Decimal
from operator import attrgetter
from typing import Any

from kiosk.domain.discount import Discount, DiscountKind
from kiosk.domain.voucher import HistoryEntry, ValidityWindow, Voucher, VoucherKind


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _parse(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


# The fields written as they are (the others are converted below), and a getter of them all
# at once: a replay writes a cache line per voucher.
_PLAIN = tuple(name for name in Voucher.__dataclass_fields__
               if name not in ("windows", "history", "purchased_at", "fully_redeemed_at", "kind",
                               "redeemable_on", "discount"))
_plain_values = attrgetter(*_PLAIN)
_FIELDS = frozenset(Voucher.__dataclass_fields__)


def voucher_to_json(voucher: Voucher, **extra: object) -> str:
    """Serialise ``voucher`` losslessly, with ``extra`` keys beside its fields (what the cache
    says of the line; ``voucher_from_json`` ignores them)."""
    data: dict[str, Any] = dict(zip(_PLAIN, _plain_values(voucher), strict=True))
    terms = voucher.discount
    data["discount"] = None if terms is None else {
        "kind": terms.kind.value, "value": str(terms.value), "min_order": terms.min_order,
        "strict_minimum": terms.strict_minimum, "targeted": terms.targeted}
    data["kind"] = voucher.kind.value
    on = voucher.redeemable_on
    data["redeemable_on"] = list(on) if on is not None else None
    data["purchased_at"] = _time(voucher.purchased_at)
    data["fully_redeemed_at"] = _time(voucher.fully_redeemed_at)
    data["windows"] = [[_time(w.start), _time(w.end)] for w in voucher.windows]
    data["history"] = [[h.amount, _time(h.at)] for h in voucher.history]
    data.update(extra)
    return json.dumps(data, ensure_ascii=False)


def voucher_from_json(text: str) -> Voucher:
    """The inverse of ``voucher_to_json``."""
    return voucher_from_data(json.loads(text))


def voucher_from_data(data: dict[str, Any]) -> Voucher:
    """``voucher_from_json`` of JSON already parsed (``data`` is changed)."""
    data["kind"] = VoucherKind(data["kind"])
    on = data.get("redeemable_on")
    data["redeemable_on"] = tuple(on) if on is not None else None
    data["purchased_at"] = _parse(data.get("purchased_at"))
    data["fully_redeemed_at"] = _parse(data.get("fully_redeemed_at"))
    data["windows"] = tuple(ValidityWindow(_parse(s), _parse(e)) for s, e in data["windows"])
    history = []
    for amount, at in data["history"]:
        parsed = _parse(at)
        if parsed is not None:
            history.append(HistoryEntry(int(amount), parsed))
    data["history"] = tuple(history)
    terms = data.get("discount")
    data["discount"] = None if not isinstance(terms, dict) else Discount(
        DiscountKind(terms["kind"]), Decimal(terms["value"]), terms.get("min_order"),
        bool(terms.get("strict_minimum")), bool(terms.get("targeted")))
    known = {k: v for k, v in data.items() if k in _FIELDS}
    return Voucher(**known)
