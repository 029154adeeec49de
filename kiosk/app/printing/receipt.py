"""A redemption receipt (customer slip and merchant copy): what it says, as plain lines.

The same lines go to a thermal printer (``escpos``), a PDF or a system printer
(``kiosk.app.qt.pdf``) and the command line, so every output says the same thing.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.masking import mask_code
from kiosk.domain.money import Money
from kiosk.domain.outcomes import EntryState, OutboxEntry
from kiosk.domain.voucher import Voucher, VoucherKind

# Characters per line of a thermal printer's standard font (Font A, 12×24 dots).
COLUMNS = {58: 32, 80: 48}

STATUS_TEXT = {
    EntryState.APPLIED: "Confirmed by the server",
    EntryState.PENDING: "Queued — to be confirmed",
    EntryState.SENDING: "Queued — to be confirmed",
    EntryState.REJECTED: "REFUSED by the server — not redeemed",
    EntryState.WRITTEN_OFF: "Written off — not redeemed",
    EntryState.REVERSING: "Undo asked — not confirmed yet",
    EntryState.REVERSED: "UNDONE — taken back, not redeemed",
}


@dataclass(frozen=True, slots=True)
class Receipt:
    """Everything printed on one receipt; ``code`` is already masked."""

    shop: str
    kiosk: str
    staff: str
    at: datetime  # local time of the redemption
    code: str
    product: str
    amount: str  # "£12.50" or "2 uses"
    remaining: str  # "" when not known
    status: str
    offline: bool
    reference: str  # the outbox entry id
    footer: str = ""


def units(amount: int, kind: str, currency: str | None) -> str:
    """``amount`` in words: money in its currency, else uses."""
    if kind == VoucherKind.MONETARY.value and currency:
        return Money(amount, currency).format()
    return "1 use" if amount == 1 else f"{amount} uses"


def build_receipt(
    entry: OutboxEntry, voucher: Voucher | None, *, shop: str, kiosk: str, footer: str = "",
    queued_after: int = 0,
) -> Receipt:
    """The receipt of outbox ``entry``; ``voucher`` is the latest known state of its voucher
    (None when never seen), ``queued_after`` the units still queued for it on this till."""
    remaining = ""
    if voucher is not None:
        left = max(voucher.remaining - queued_after, 0)
        remaining = units(left, entry.kind or voucher.kind.value,
                          entry.currency or voucher.currency)
    return Receipt(
        shop=shop, kiosk=kiosk, staff=entry.staff, at=entry.redeemed_at.astimezone(),
        code=mask_code(entry.code), product=voucher.product_name if voucher else "",
        amount=units(entry.amount, entry.kind, entry.currency), remaining=remaining,
        status=STATUS_TEXT[entry.state], offline=entry.offline, reference=entry.id,
        footer=footer,
    )


def _pair(label: str, value: str, width: int) -> list[str]:
    """``label`` left and ``value`` right on one line, or value on its own lines."""
    if len(label) + 1 + len(value) <= width:
        return [label + value.rjust(width - len(label))]
    return [label, *(textwrap.wrap(value, width) or [""])]


def receipt_lines(receipt: Receipt, width: int = COLUMNS[80]) -> list[str]:
    """The receipt as text lines of at most ``width`` characters."""
    lines = [receipt.shop.center(width).rstrip(), receipt.kiosk.center(width).rstrip(),
             "-" * width]
    lines += _pair("Date:", f"{receipt.at:%Y-%m-%d %H:%M}", width)
    lines += _pair("Staff:", receipt.staff or "?", width)
    lines += _pair("Voucher:", receipt.code, width)
    if receipt.product:
        lines += textwrap.wrap(receipt.product, width)
    lines.append("-" * width)
    lines += _pair("REDEEMED:", receipt.amount, width)
    if receipt.remaining:
        lines += _pair("Left on voucher:", receipt.remaining, width)
    lines.append("-" * width)
    lines += textwrap.wrap(receipt.status + (" (taken offline)" if receipt.offline else ""),
                           width)
    lines += _pair("Ref:", receipt.reference, width)
    if receipt.footer:
        lines.append("")
        lines += [line.center(width).rstrip()
                  for line in textwrap.wrap(receipt.footer, width)]
    return lines
