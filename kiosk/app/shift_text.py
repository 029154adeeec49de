"""The Z report as lines of text: one layout, in the words of whoever reads it.

``kiosk report shift`` prints it in English (``ShiftText()``); the till's screen, its printed
summary and the PDF pass Qt's translation and the till's way of writing amounts
(``kiosk.ui.shift_text``). The class's name is the translations' context: lupdate reads the
phrases from its ``self.tr`` calls, as it does from a widget's.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

from kiosk.app.printing.receipt import units
from kiosk.app.reports import Totals
from kiosk.app.shift import Finding, ServerCheck, ShiftReport, Unchecked
from kiosk.domain.masking import mask_code
from kiosk.domain.outcomes import OutboxEntry
from kiosk.domain.voucher import VoucherKind
from kiosk.store.settings import Settings

DEFAULT_KIOSK = Settings.__dict__["kiosk_name"].default  # "Till 1"

Translate = Callable[[str, str, str, int], str]  # QCoreApplication.translate's shape
Amount = Callable[[int, str | None], str]  # an amount in its currency; uses when None


def english(_context: str, source: str, _disambiguation: str = "", n: int = -1) -> str:
    """``source`` as written, its "%n" filled and its "(s)"/"(es)" plurals resolved."""
    if n < 0:
        return source
    return re.sub(r"\((\w+)\)", "" if n == 1 else r"\1", source).replace("%n", str(n))


def english_amount(amount: int, currency: str | None) -> str:
    """"£12.50", "1 use", "3 uses"."""
    return units(amount, VoucherKind.MONETARY.value if currency else "", currency)


def _fill(pattern: str, *values: str) -> str:
    """``pattern`` with %1, %2… replaced by ``values`` in one pass."""
    return re.sub(r"%(\d)", lambda m: values[int(m[1]) - 1], pattern)


def _local(at: datetime) -> str:
    return f"{at.astimezone():%Y-%m-%d %H:%M}"


class ShiftText:
    """Writes a ``ShiftReport`` with ``translate`` and ``amount`` (English by default)."""

    def __init__(self, translate: Translate = english, amount: Amount = english_amount) -> None:
        self._translate, self.amount = translate, amount

    def tr(self, source: str, disambiguation: str = "", n: int = -1) -> str:
        """``source`` in the reader's language."""
        return self._translate(type(self).__name__, source, disambiguation, n)

    def totals(self, totals: Totals) -> str:
        """"£12.50 + 1 use (2 redemptions)"; "none" when empty."""
        if not totals.count:
            return self.tr("none")
        parts = [self.amount(minor, currency) for currency, minor in sorted(totals.money.items())]
        if totals.uses:
            parts.append(self.amount(totals.uses, None))
        return _fill(self.tr("%1 (%n redemption(s))", "", totals.count), " + ".join(parts))

    def lines(self, report: ShiftReport, *, full: bool = True) -> list[str]:
        """The report: the summary, then (``full``) every conflict and difference."""
        s, t = report.summary, self.totals
        rows = [(self.tr("Online:"), t(s.online)), (self.tr("Offline:"), t(s.offline)),
                (self.tr("Total:"), t(s.total)),
                (self.tr("Still queued:"), _fill(self.tr("%1 — not yet confirmed"),
                                                 t(report.at_risk))),
                (self.tr("Conflicts:"), _fill(self.tr("%1   Written off: %2"),
                                              str(len(report.conflicts)),
                                              str(len(report.write_offs))))]
        if s.undone.count:
            rows.append((self.tr("Undone:"), _fill(self.tr("%1 — taken back, not counted"),
                                                   t(s.undone))))
        width = max(len(label) for label, _value in rows) + 2  # the figures in one column
        kiosk = report.kiosk
        if kiosk == DEFAULT_KIOSK:
            kiosk = self.tr("Till 1")  # the default name in the till's language, as on top
        lines = [f"{report.shop} — {kiosk}", self.tr("End-of-shift report (Z)"),
                 _fill(self.tr("From %1 to %2"), _local(report.since), _local(report.until)),
                 "", *(f"{label:<{width}}{value}" for label, value in rows)]
        if report.undoing:
            lines.append(_fill(self.tr(
                "Undo unconfirmed: %1 — counted as taken until the server confirms it (the "
                "till asks again at the next sync)"), str(len(report.undoing))))
        if report.per_staff:
            lines += ["", self.tr("Per staff member:")]
            for name, summary in report.per_staff.items():
                lines.append("  " + _fill(self.tr("%1: online %2, offline %3"), name or "?",
                                          t(summary.online), t(summary.offline)))
        lines += ["", self.tr("Server check:"), *self._check(report.check, full=full)]
        if full:
            for entry in report.conflicts:
                lines.append(self._entry(self.tr("Conflict %1 %2 %3: %4"), entry,
                                         entry.last_error))
            for entry in report.write_offs:
                lines.append(self._entry(self.tr("Written off %1 %2 %3: %4"), entry,
                                         entry.note))
        return lines

    def _entry(self, pattern: str, entry: OutboxEntry, why: str) -> str:
        return _fill(pattern, _local(entry.redeemed_at), mask_code(entry.code),
                     self.amount(entry.amount, entry.money_currency), why)

    def finding(self, finding: Finding) -> str:
        """What one difference between the server and the till means."""
        return {
            Finding.MISSING_ON_SERVER: self.tr("MISMATCH: ours, not on the server"),
            Finding.DIFFERENT_AMOUNT: self.tr("MISMATCH: different amount on the server"),
            Finding.ELSEWHERE: self.tr("redeemed elsewhere (another till or the web shop)"),
        }[finding]

    def unchecked(self, check: ServerCheck) -> str:
        """Why vouchers went unchecked, with the error behind it ("" when all were)."""
        if check.why is None:
            return ""
        why = {
            Unchecked.OFFLINE_MODE: self.tr("Not checked: work offline is switched on"),
            Unchecked.UNREACHABLE: self.tr("Not checked: the server could not be reached"),
            Unchecked.SIGNED_OUT: self.tr("Not checked: the till is signed out"),
        }[check.why]
        return f"{why} ({check.detail})" if check.detail else why

    def _check(self, check: ServerCheck, *, full: bool) -> list[str]:
        if not check.history_available:
            return ["  " + self.tr(
                "This voucher platform keeps no redemption history: not checked.")]
        elsewhere = sum(not line.mismatch for line in check.lines)
        out = ["  " + _fill(self.tr(
            "%1 voucher(s) checked, %2 mismatch(es), %3 redeemed elsewhere"),
            str(check.checked), str(len(check.mismatches)), str(elsewhere))]
        if check.unchecked:
            out.append("  " + _fill(self.tr("%1: %2 voucher(s) — "), self.unchecked(check),
                                    str(len(check.unchecked))) + ", ".join(check.unchecked))
        if not check.unchecked and not check.mismatches:
            out.append("  " + self.tr("The server's records match this till's."))
        if full:
            for line in check.lines:
                ours = "" if line.ours is None else _fill(
                    self.tr("ours %1"), self.amount(line.ours, line.currency))
                server = "" if line.server is None else _fill(
                    self.tr("server %1"), self.amount(line.server, line.currency))
                amounts = " / ".join(part for part in (ours, server) if part)
                out.append(f"  {_local(line.at)} {line.code} {amounts}: "
                           f"{self.finding(line.finding)}")
        return out


def report_lines(report: ShiftReport, *, full: bool = True) -> list[str]:
    """The report in English, as ``kiosk report shift`` prints it."""
    return ShiftText().lines(report, full=full)
