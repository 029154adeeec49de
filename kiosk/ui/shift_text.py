"""The Z report as the till's staff read it: the lines of ``kiosk.app.shift.report_lines`` in
the till's language, money as the language writes it. The screen, the printed summary and the
PDF all take these; the command line (``kiosk report shift``) keeps the English of the app
layer."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QObject

from kiosk.app.reports import Totals
from kiosk.app.shift import Finding, ServerCheck, ShiftReport, Unchecked
from kiosk.domain.masking import mask_code
from kiosk.domain.outcomes import OutboxEntry
from kiosk.store.settings import Settings
from kiosk.ui.texts import amount_text, money_text

DEFAULT_KIOSK = Settings.__dict__["kiosk_name"].default  # "Till 1"


def report_lines(report: ShiftReport, *, full: bool = True) -> list[str]:
    """The report as text: the summary, then (``full``) every conflict and difference."""
    return ShiftText().lines(report, full=full)


def _local(at: datetime) -> str:
    return f"{at.astimezone():%Y-%m-%d %H:%M}"


def _units(entry: OutboxEntry) -> str:
    return amount_text(entry.amount, entry.money_currency)


class ShiftText(QObject):
    """Writes a ``ShiftReport`` in the current language (the translations' context)."""

    def totals(self, totals: Totals) -> str:
        """"£12.50 + 1 use (2 redemptions)"; "none" when empty."""
        if not totals.count:
            return self.tr("none")
        parts = [money_text(minor, currency) for currency, minor in sorted(totals.money.items())]
        if totals.uses:
            parts.append(amount_text(totals.uses, None))
        return self.tr("%1 (%n redemption(s))", "", totals.count).replace(
            "%1", " + ".join(parts))

    def lines(self, report: ShiftReport, *, full: bool = True) -> list[str]:
        """See ``report_lines``."""
        s, t = report.summary, self.totals
        rows = [(self.tr("Online:"), t(s.online)), (self.tr("Offline:"), t(s.offline)),
                (self.tr("Total:"), t(s.total)),
                (self.tr("Still queued:"),
                 self.tr("%1 — not yet confirmed").replace("%1", t(report.at_risk))),
                (self.tr("Conflicts:"), self.tr("%1   Written off: %2").replace(
                    "%1", str(len(report.conflicts))).replace("%2", str(len(report.write_offs))))]
        if s.undone.count:
            rows.append((self.tr("Undone:"), self.tr("%1 — taken back, not counted").replace(
                "%1", t(s.undone))))
        width = max(len(label) for label, _value in rows) + 2  # the figures in one column
        kiosk = report.kiosk
        if kiosk == DEFAULT_KIOSK:
            kiosk = self.tr("Till 1")  # the default name in the till's language, as on top
        lines = [f"{report.shop} — {kiosk}", self.tr("End-of-shift report (Z)"),
                 self.tr("From %1 to %2").replace("%1", _local(report.since)).replace(
                     "%2", _local(report.until)), "",
                 *(f"{label:<{width}}{value}" for label, value in rows)]
        if report.undoing:
            lines.append(self.tr(
                "Undo unconfirmed: %1 — counted as taken until the server confirms it (the "
                "till asks again at the next sync)").replace("%1", str(len(report.undoing))))
        if report.per_staff:
            lines += ["", self.tr("Per staff member:")]
            for name, summary in report.per_staff.items():
                lines.append("  " + self.tr("%1: online %2, offline %3").replace(
                    "%1", name or "?").replace("%2", t(summary.online)).replace(
                    "%3", t(summary.offline)))
        lines += ["", self.tr("Server check:"), *self._check(report.check, full=full)]
        if full:
            for entry in report.conflicts:
                lines.append(self._entry(self.tr("Conflict %1 %2 %3: %4"), entry,
                                         entry.last_error))
            for entry in report.write_offs:
                lines.append(self._entry(self.tr("Written off %1 %2 %3: %4"), entry,
                                         entry.note))
        return lines

    @staticmethod
    def _entry(pattern: str, entry: OutboxEntry, why: str) -> str:
        return pattern.replace("%1", _local(entry.redeemed_at)).replace(
            "%2", mask_code(entry.code)).replace("%3", _units(entry)).replace("%4", why)

    def finding(self, finding: Finding) -> str:
        """What one difference between the server and the till means."""
        return {
            Finding.MISSING_ON_SERVER: self.tr("MISMATCH: ours, not on the server"),
            Finding.DIFFERENT_AMOUNT: self.tr("MISMATCH: different amount on the server"),
            Finding.ELSEWHERE: self.tr("redeemed elsewhere (another till or the web shop)"),
        }[finding]

    def unchecked(self, check: ServerCheck) -> str:
        """Why vouchers went unchecked (with the error behind it, as the till words it)."""
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
        out = ["  " + self.tr("%1 voucher(s) checked, %2 mismatch(es), %3 redeemed elsewhere")
               .replace("%1", str(check.checked)).replace("%2", str(len(check.mismatches)))
               .replace("%3", str(elsewhere))]
        if check.unchecked:
            out.append("  " + self.tr("%1: %2 voucher(s) — ").replace("%1", self.unchecked(check))
                       .replace("%2", str(len(check.unchecked))) + ", ".join(check.unchecked))
        if not check.unchecked and not check.mismatches:
            out.append("  " + self.tr("The server's records match this till's."))
        if full:
            for line in check.lines:
                ours = "" if line.ours is None else self.tr("ours %1").replace(
                    "%1", amount_text(line.ours, line.currency))
                server = "" if line.server is None else self.tr("server %1").replace(
                    "%1", amount_text(line.server, line.currency))
                amounts = " / ".join(part for part in (ours, server) if part)
                out.append(f"  {_local(line.at)} {line.code} {amounts}: "
                           f"{self.finding(line.finding)}")
        return out
