"""Manager reports from the outbox: the shift summary and the CSV export."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from kiosk.domain.outcomes import EntryState, OutboxEntry
from kiosk.domain.voucher import VoucherKind

# Taken (or to be taken) from vouchers. An undo under way still counts until the server
# confirms it; a reversed (undone) entry is counted out, in ``ShiftSummary.undone``.
COUNTED = (EntryState.APPLIED, EntryState.PENDING, EntryState.SENDING, EntryState.REVERSING)
CSV_FIELDS = (
    "id", "code", "amount", "kind", "currency", "redeemed_at", "state", "uncertain", "offline",
    "attempts", "reason", "last_error", "applied_at", "staff_name", "staff_id", "kiosk_id",
    "domain", "backend", "note", "replaces",
)


@dataclass(frozen=True, slots=True)
class Totals:
    """Redemptions counted and summed: money per currency (minor units), and uses."""

    count: int = 0
    money: dict[str, int] = field(default_factory=dict)
    uses: int = 0


@dataclass(frozen=True, slots=True)
class ShiftSummary:
    """What a till took since ``since``: confirmed or queued redemptions, online vs offline."""

    since: datetime
    online: Totals
    offline: Totals
    pending: int  # of those, still waiting to be sent
    conflicts: int  # offline redemptions the server refused
    undone: Totals = field(default_factory=Totals)  # taken back by a manager (not counted)

    @property
    def total(self) -> Totals:
        """Online and offline together."""
        money = dict(self.online.money)
        for currency, minor in self.offline.money.items():
            money[currency] = money.get(currency, 0) + minor
        return Totals(self.online.count + self.offline.count, money,
                      self.online.uses + self.offline.uses)


def _totals(entries: Iterable[OutboxEntry]) -> Totals:
    count, uses = 0, 0
    money: dict[str, int] = {}
    for entry in entries:
        count += 1
        if entry.kind == VoucherKind.MONETARY.value and entry.currency:
            money[entry.currency] = money.get(entry.currency, 0) + entry.amount
        else:
            uses += entry.amount
    return Totals(count, money, uses)


def shift_summary(since: datetime, entries: list[OutboxEntry]) -> ShiftSummary:
    """Summarise ``entries`` (those redeemed since ``since``)."""
    counted = [e for e in entries if e.state in COUNTED]
    return ShiftSummary(
        since=since,
        online=_totals(e for e in counted if not e.offline),
        offline=_totals(e for e in counted if e.offline),
        pending=sum(e.state in (EntryState.PENDING, EntryState.SENDING) for e in counted),
        conflicts=sum(e.state is EntryState.REJECTED and e.offline for e in entries),
        undone=_totals(e for e in entries if e.state is EntryState.REVERSED),
    )


def write_csv(path: Path, entries: Iterable[OutboxEntry]) -> int:
    """Write ``entries`` to ``path`` as CSV (UTF-8, header row); returns the row count."""
    rows = 0
    # Voucher codes are worth money: the export is 0600 whatever the umask.
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    if os.name == "posix":
        os.fchmod(fd, 0o600)
    with os.fdopen(fd, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(CSV_FIELDS)
        for entry in entries:
            values = {
                **{name: getattr(entry, name, "") for name in CSV_FIELDS},
                "redeemed_at": entry.redeemed_at.isoformat(),
                "applied_at": entry.applied_at.isoformat() if entry.applied_at else "",
                "state": entry.state.value,
                "staff_name": entry.staff,
                "uncertain": int(entry.uncertain),
                "offline": int(entry.offline),
            }
            writer.writerow(["" if values[n] is None else values[n] for n in CSV_FIELDS])
            rows += 1
    return rows
