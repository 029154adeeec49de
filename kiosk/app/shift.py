"""The end-of-shift (Z) report: what this till took, and the server's truth beside it.

A shift runs from the last Z report (a ``z_report`` line in the journal) or else local
midnight, to now. Beside the outbox's own figures, every voucher the till touched in the
shift is read again from the server and its ``redeemHistory`` is matched against the
outbox's applied entries by amount and minute — the rule of
``kiosk.backends.vouchercart.reconcile``,
used here in both directions:

* one of ours that the server does not show is a real **mismatch** (missing on the server);
* a server line in the shift that none of ours explains was **redeemed elsewhere** (another
  till or the web shop): information, not an error;
* one of ours missing and an unexplained line in the same minute: a **different amount**.

Offline (or signed out) the report says which vouchers could not be checked.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from kiosk.app.clock import local_midnight
from kiosk.app.engine import Engine
from kiosk.app.reports import ShiftSummary, Totals, shift_summary
from kiosk.backends.vouchercart.reconcile import Claim, applied_claims, minute
from kiosk.domain.errors import AuthError, Refusal, RefusalReason, TransportError
from kiosk.domain.masking import mask_code
from kiosk.domain.outcomes import EntryState, OutboxEntry
from kiosk.domain.voucher import HistoryEntry, Voucher
from kiosk.store.database import from_db, utc_now
from kiosk.store.journal import Z_REPORT

log = logging.getLogger(__name__)

Z_ACTION = Z_REPORT


class Finding(StrEnum):
    """How the server's history and the outbox differ for one redemption."""

    MISSING_ON_SERVER = "missing_on_server"  # ours, applied, not in the server's history
    DIFFERENT_AMOUNT = "different_amount"  # ours and the server's differ in the same minute
    ELSEWHERE = "redeemed_elsewhere"  # the server's, not ours: another till or the web shop


class Unchecked(StrEnum):
    """Why the server check stopped (worded by ``kiosk.app.shift_text``)."""

    OFFLINE_MODE = "offline_mode"
    UNREACHABLE = "unreachable"
    SIGNED_OUT = "signed_out"


@dataclass(frozen=True, slots=True)
class Line:
    """One difference between the server and the outbox; ``code`` is masked."""

    finding: Finding
    code: str
    at: datetime  # UTC minute
    ours: int | None = None  # our amount, when one of ours is involved
    server: int | None = None  # the server's amount, when a server line is involved
    entry_id: str = ""
    currency: str | None = None  # the amounts' currency; None: they are uses

    @property
    def mismatch(self) -> bool:
        """Whether the books disagree (ours are not all on the server)."""
        return self.finding is not Finding.ELSEWHERE


@dataclass(frozen=True, slots=True)
class ServerCheck:
    """The server's truth beside ours."""

    checked: int = 0  # vouchers re-read from the server
    unchecked: tuple[str, ...] = ()  # masked codes that could not be checked
    lines: tuple[Line, ...] = ()
    history_available: bool = True  # False on platforms without a redemption history
    why: Unchecked | None = None  # why ``unchecked`` could not be
    detail: str = ""  # the error behind ``why``, as the till words it

    @property
    def mismatches(self) -> tuple[Line, ...]:
        """The real mismatches."""
        return tuple(line for line in self.lines if line.mismatch)


@dataclass(frozen=True, slots=True)
class ShiftReport:
    """The Z report of one till."""

    shop: str
    kiosk: str
    since: datetime
    until: datetime
    summary: ShiftSummary
    per_staff: dict[str, ShiftSummary]
    at_risk: Totals  # still queued: money not yet confirmed
    conflicts: tuple[OutboxEntry, ...]
    write_offs: tuple[OutboxEntry, ...]
    check: ServerCheck = field(default_factory=ServerCheck)
    undoing: tuple[OutboxEntry, ...] = ()  # an undo sent, its answer lost: still counted


def shift_start(engine: Engine, now: datetime | None = None) -> datetime:
    """When the current shift began: the last Z report, else local midnight (UTC)."""
    with engine.store.read() as db:
        rows = list(db.query(
            "SELECT at FROM journal WHERE action = ? ORDER BY id DESC LIMIT 1", [Z_ACTION]))
    if rows:
        return from_db(rows[0]["at"])
    return local_midnight(now or utc_now()).astimezone(UTC)


def close_shift(engine: Engine, report: ShiftReport) -> None:
    """Mark the end of the shift: the next report starts at ``report.until``."""
    engine.journal.add(Z_ACTION, "", "closed", message=f"from {report.since.isoformat()}")


def _claims(entries: list[OutboxEntry]) -> list[Claim]:
    return [Claim(e.id, e.amount, e.redeemed_at) for e in entries]


def compare(code: str, ours: list[OutboxEntry], history: tuple[HistoryEntry, ...],
            since: datetime, currency: str | None, *,
            undoing: Sequence[OutboxEntry] = ()) -> list[Line]:
    """Differences between ``ours`` (applied entries of voucher ``code``, all time) and the
    server's ``history`` of it, for the shift starting at ``since``; amounts in ``currency``
    (None: uses). ``undoing``: our entries whose undo is not confirmed — the server may show
    them or not, and neither is a finding."""
    shown = mask_code(code)
    found = applied_claims(_claims(ours), (), history)
    as_claims = [Claim(str(i), h.amount, h.at) for i, h in enumerate(history)]
    explained = applied_claims(as_claims, (), [HistoryEntry(e.amount, e.redeemed_at)
                                               for e in [*ours, *undoing]])
    start = minute(since)
    missing = [e for e in ours if e.id not in found and e.redeemed_at >= since]
    extra = [c for c in as_claims if c.id not in explained and minute(c.at) >= start]
    lines: list[Line] = []
    for entry in missing:
        twin = next((c for c in extra if minute(c.at) == minute(entry.redeemed_at)), None)
        if twin is not None:
            extra.remove(twin)
            lines.append(Line(Finding.DIFFERENT_AMOUNT, shown, minute(entry.redeemed_at),
                              entry.amount, twin.amount, entry.id, currency))
        else:
            lines.append(Line(Finding.MISSING_ON_SERVER, shown, minute(entry.redeemed_at),
                              entry.amount, None, entry.id, currency))
    lines += [Line(Finding.ELSEWHERE, shown, minute(c.at), None, c.amount, currency=currency)
              for c in extra]
    return lines


def _server_voucher(engine: Engine, code: str) -> Voucher | None:
    """The server's state of ``code``; None when it does not know the voucher."""
    try:
        return engine.backend.status(code)
    except Refusal as refusal:
        if refusal.reason is RefusalReason.NOT_FOUND:
            return None
        raise


def check_server(engine: Engine, entries: list[OutboxEntry], since: datetime) -> ServerCheck:
    """Re-read every voucher ``entries`` touched and compare histories."""
    if not getattr(engine.backend, "has_history", True):
        return ServerCheck(history_available=False)
    codes = list(dict.fromkeys(e.code for e in entries))
    if engine.watch.forced_offline:  # "work offline": the till asks the server nothing
        return ServerCheck(0, tuple(mask_code(c) for c in codes), why=Unchecked.OFFLINE_MODE)
    lines: list[Line] = []
    checked = 0
    undoing = engine.outbox.reversing()
    for index, code in enumerate(codes):
        try:
            voucher = _server_voucher(engine, code)
        except (TransportError, AuthError) as exc:
            why = Unchecked.UNREACHABLE if isinstance(exc, TransportError) \
                else Unchecked.SIGNED_OUT
            log.info("shift report: server check stopped: %s", type(exc).__name__)
            return ServerCheck(checked, tuple(mask_code(c) for c in codes[index:]), tuple(lines),
                               why=why, detail=exc.message)
        except Refusal:
            continue  # the server refuses to show it (cancelled…): its history is not ours
        checked += 1
        ours = engine.outbox.applied_for(code)
        sample = ours[0] if ours else next(e for e in entries if e.code == code)
        lines += compare(code, ours, voucher.history if voucher else (), since,
                         sample.money_currency,
                         undoing=[e for e in undoing if e.code == code])
    lines.sort(key=lambda line: line.at)
    return ServerCheck(checked, (), tuple(lines))


def build_report(engine: Engine, *, since: datetime | None = None, shop: str = "",
                 check: bool = True) -> ShiftReport:
    """The Z report since ``since`` (default: :func:`shift_start`), with the server check."""
    now = utc_now()
    start = since or shift_start(engine, now)
    entries = engine.outbox.since(start)
    staff = sorted({e.staff for e in entries})
    pending = [e for e in entries if e.state in (EntryState.PENDING, EntryState.SENDING)]
    touched = [e for e in entries if e.state in (EntryState.APPLIED, EntryState.PENDING,
                                                 EntryState.SENDING)]
    return ShiftReport(
        shop=shop, kiosk=engine.settings.kiosk_name, since=start, until=now,
        summary=shift_summary(start, entries),
        per_staff={name: shift_summary(start, [e for e in entries if e.staff == name])
                   for name in staff},
        at_risk=shift_summary(start, pending).total,
        conflicts=tuple(e for e in entries if e.state is EntryState.REJECTED),
        write_offs=tuple(e for e in entries if e.state is EntryState.WRITTEN_OFF),
        undoing=tuple(e for e in entries if e.state is EntryState.REVERSING),
        check=check_server(engine, touched, start) if check else ServerCheck(),
    )
