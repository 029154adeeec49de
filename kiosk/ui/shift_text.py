"""The Z report as the till's staff read it: ``kiosk.app.shift_text``'s layout in the till's
language, money as the language writes it. The screen, the printed summary and the PDF all
take these; the command line (``kiosk report shift``) keeps the English of the app layer."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from kiosk.app.shift import ShiftReport
from kiosk.app.shift_text import ShiftText
from kiosk.ui.texts import amount_text


def report_lines(report: ShiftReport, *, full: bool = True) -> list[str]:
    """The report as text: the summary, then (``full``) every conflict and difference."""
    return ShiftText(QCoreApplication.translate, amount_text).lines(report, full=full)
