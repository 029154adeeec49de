"""Plain-text and JSON views of the engine's answers, for the headless command line."""

from __future__ import annotations

import dataclasses
import json
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Any

from kiosk.domain.discount import Quote
from kiosk.domain.money import Money
from kiosk.domain.outcomes import Lookup, OutboxEntry, RedeemOutcome
from kiosk.domain.voucher import Voucher, VoucherKind


def jsonable(value: Any) -> Any:
    """``value`` (dataclasses, enums, datetimes, containers) as JSON-ready data."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        data = {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
        if isinstance(value, Voucher):
            data["remaining"] = value.remaining
        if isinstance(value, Lookup):
            data["available"] = value.available
        return data
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    return value


def dumps(value: Any) -> str:
    """``value`` as indented JSON."""
    return json.dumps(jsonable(value), indent=2, ensure_ascii=False)


def _day(when: datetime | None) -> str:
    return f"{when.day} {when:%b %Y}" if when else "…"


def lookup_json(lookup: Lookup, order_total: int | None = None) -> dict[str, Any]:
    """A look-up as one JSON object: ``code``, ``state``, ``offline``, ``currency``,
    ``available`` and, for a discount voucher with a basket, ``discount`` and ``to_pay``."""
    data: dict[str, Any] = jsonable(lookup)
    voucher = lookup.voucher
    data["currency"] = voucher.currency if voucher else None
    quote = basket_quote(lookup, order_total)
    if quote is not None:
        data["order_total"], data["discount"], data["to_pay"] = \
            quote.order_total, quote.discount, quote.to_pay
    return data


def basket_quote(lookup: Lookup, order_total: int | None) -> Quote | None:
    """The discount a discount voucher gives on ``order_total``, if it is one."""
    voucher = lookup.voucher
    if order_total is None or voucher is None or voucher.discount is None:
        return None
    terms = voucher.discount
    off = terms.amount_off(order_total) if terms.meets_minimum(order_total) else 0
    return Quote(order_total, off)


def lookup_lines(lookup: Lookup, order_total: int | None = None) -> list[str]:
    """A look-up in a few lines for staff."""
    where = "offline, from this till's records" if lookup.offline else "online"
    lines = [f"{lookup.code}: {lookup.state.value.replace('_', ' ')} ({where})"]
    voucher = lookup.voucher
    if voucher is not None:
        if voucher.product_name:
            lines.append(f"Product:   {voucher.product_name}")
        quote = basket_quote(lookup, order_total)
        if voucher.discount is not None:
            currency = voucher.currency or ""
            lines.append(f"Discount:  {voucher.discount.describe(currency)}"
                         + (f" ({quote.describe(voucher.discount, currency)})" if quote else ""))
        lines.append(f"Available: {voucher.format_units(lookup.available)} "
                     f"of {voucher.format_units(voucher.total)}")
        if lookup.queued:
            lines.append(f"Queued:    {voucher.format_units(lookup.queued)} waiting to be sent")
        for window in voucher.windows:
            lines.append(f"Valid:     {_day(window.start)} – {_day(window.end)}")
        if voucher.recipient_name or voucher.buyer_name:
            lines.append(f"For:       {voucher.recipient_name or '?'} "
                         f"from {voucher.buyer_name or '?'}")
        if voucher.message:
            lines.append("Message:   " + voucher.message.replace("\n", " / "))
    lines.append(lookup.message)
    return lines


def outcome_line(outcome: RedeemOutcome) -> str:
    """A redemption's result in one line."""
    return f"{outcome.status.value}: {outcome.message}"


def entry_line(entry: OutboxEntry) -> str:
    """One outbox entry in one line."""
    if entry.kind == VoucherKind.MONETARY.value and entry.currency:
        units = Money(entry.amount, entry.currency).format()
    else:
        units = f"{entry.amount} use" if entry.amount == 1 else f"{entry.amount} uses"
    flags = "".join((" uncertain" if entry.uncertain else "", " offline" if entry.offline else ""))
    detail = f" — {entry.last_error}" if entry.last_error else ""
    when = entry.redeemed_at.astimezone()  # stored in UTC, shown in the till's time zone
    return (f"{when:%Y-%m-%d %H:%M:%S %Z} {entry.state.value:<11} {entry.code} "
            f"{units}{flags} [{entry.id}]{detail}")
