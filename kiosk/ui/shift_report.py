"""The end-of-shift (Z) report screen: the till's figures with the server's truth beside them,
printed on the receipt printer (summary) or saved as PDF (full); "Close shift" starts the next.

Building the report re-reads every voucher of the shift from the server, so it runs off the
UI thread; while the server is down the report still comes, saying what it could not check.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QFileDialog,
    QGridLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.printing.escpos import PrinterError
from kiosk.app.printing.service import ReceiptService, shop_name
from kiosk.app.qt.runner import Runner
from kiosk.app.shift import ShiftReport, build_report, close_shift
from kiosk.domain.errors import KioskError
from kiosk.ui.dialogs import keys_back
from kiosk.ui.screens.base import Screen
from kiosk.ui.shift_text import report_lines
from kiosk.ui.style import kinetic, set_role, set_tone


def pdf_suggestion(today: date | None = None) -> Path:
    """Where the save dialogue starts: the home folder (not wherever the kiosk was started
    from, e.g. its install folder), a name with the day, so no day's report overwrites
    another's."""
    day = today or datetime.now(UTC).astimezone().date()  # the till's own day
    return Path.home() / f"z-report-{day.isoformat()}.pdf"


def ask_pdf_path(parent: QWidget) -> Path | None:
    """Ask where to save the PDF."""
    title = QCoreApplication.translate("ShiftReportScreen", "Save the report as PDF")
    name, _ = QFileDialog.getSaveFileName(parent, title, str(pdf_suggestion()),
                                          "PDF (*.pdf)")
    keys_back(parent)
    return Path(name) if name else None


class ShiftReportScreen(Screen):
    """Shows the Z report of the engine's till."""

    back = Signal()  # staff are done here
    closed = Signal()  # the shift was closed (Z): the next report starts now
    shown = Signal()  # a report (or why there is none) is on screen

    def __init__(self, service: ReceiptService, runner: Runner, parent: QWidget | None = None,
                 *, ask_path: Callable[[QWidget], Path | None] = ask_pdf_path) -> None:
        super().__init__(parent)
        self.service = service
        self.runner = runner
        self.report: ShiftReport | None = None
        self._ask_path = ask_path
        self._confirming = False
        self.title_label = QLabel(self)
        self.title_label.setObjectName("title")
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.text = QPlainTextEdit(self)
        self.text.setReadOnly(True)
        self.text.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        kinetic(self.text)
        self.refresh_button = QPushButton(self)
        self.print_button = QPushButton(self)
        self.pdf_button = QPushButton(self)
        self.close_button = QPushButton(self)
        set_role(self.close_button, "primary")
        self.back_button = QPushButton(self)
        # Two rows: five buttons in one were cut at 1024x600 ("usammenfassung drucke").
        buttons = QGridLayout()
        for column, button in enumerate((self.refresh_button, self.print_button,
                                         self.pdf_button)):
            buttons.addWidget(button, 0, column)
        buttons.addWidget(self.back_button, 1, 0)
        buttons.addWidget(self.close_button, 1, 1, 1, 2)
        box = QVBoxLayout(self)
        box.addWidget(self.title_label)
        box.addWidget(self.status_label)
        box.addWidget(self.text, 1)
        box.addLayout(buttons)
        self.refresh_button.clicked.connect(self.load)
        self.print_button.clicked.connect(self.print_summary)
        self.pdf_button.clicked.connect(self.save_pdf)
        self.close_button.clicked.connect(self.close_shift)
        self.back_button.clicked.connect(self.back)
        self.retranslate()
        self._enable(False)

    def focus_target(self) -> QWidget:
        """"Back" (Tab goes on to print, save and close)."""
        return self.back_button

    def escape(self) -> bool:
        """Escape: back to the queue."""
        self.back.emit()
        return True

    def _enable(self, ready: bool) -> None:
        for button in (self.print_button, self.pdf_button, self.close_button):
            button.setEnabled(ready)
        self.refresh_button.setEnabled(True)

    def load(self) -> None:
        """Build the report again (off the UI thread)."""
        engine = self.service.engine
        self._enable(False)
        self.refresh_button.setEnabled(False)
        self._confirming = False
        self.retranslate()
        self.status_label.setText(self.tr("Checking this shift with the server…"))
        self.runner.run(lambda: build_report(engine, shop=shop_name(engine)),
                        success=self.show_report, failure=self._failed)

    def show_report(self, report: ShiftReport) -> None:
        """Display ``report``."""
        self.report = report
        self.text.setPlainText("\n".join(report_lines(report)))
        check = report.check
        if check.mismatches:
            set_tone(self.status_label, "bad")
            self.status_label.setText(self.tr(
                "%n redemption(s) of this till do not match the server: see MISMATCH below.",
                "", len(check.mismatches)))
        elif check.unchecked:
            set_tone(self.status_label, "careful")
            self.status_label.setText(self.tr(
                "%n voucher(s) could not be checked with the server (offline): the figures "
                "below are this till's own.", "", len(check.unchecked)))
        elif not check.history_available:
            set_tone(self.status_label, "careful")
            self.status_label.setText(self.tr(
                "This voucher platform keeps no redemption history: the server check is "
                "not available."))
        else:
            set_tone(self.status_label, "good")
            self.status_label.setText(self.tr("The server's records match this till's."))
        self._enable(True)
        self.shown.emit()

    def _failed(self, error: BaseException) -> None:
        set_tone(self.status_label, "bad")
        message = error.message if isinstance(error, KioskError) else str(error)
        self.status_label.setText(self.tr("The report could not be built: %1").replace(
            "%1", message))
        self._enable(False)
        self.shown.emit()

    def print_summary(self) -> None:
        """Print the summary on the receipt printer."""
        if self.report is None:
            return
        lines = report_lines(self.report, full=False)
        self.print_button.setEnabled(False)

        def done(_: object) -> None:
            self.print_button.setEnabled(True)
            self.status_label.setText(self.tr("Summary printed."))

        def failed(error: BaseException) -> None:
            self.print_button.setEnabled(True)
            text = error.message if isinstance(error, PrinterError) else str(error)
            self.status_label.setText(self.tr("Not printed: %1").replace("%1", text))

        self.runner.run(lambda: self.service.send(lines), success=done, failure=failed)

    def save_pdf(self) -> None:
        """Save the full report as PDF where staff choose."""
        if self.report is None:
            return
        path = self._ask_path(self)
        if path is None:
            return
        from kiosk.app.qt.pdf import write_pdf  # noqa: PLC0415 - QPdfWriter on first use

        try:  # drawing uses fonts: on the UI thread; a report is a few pages
            write_pdf(path, report_lines(self.report))
        except (PrinterError, OSError) as exc:
            text = exc.message if isinstance(exc, PrinterError) else str(exc)
            self.status_label.setText(self.tr("The PDF was not saved: %1").replace("%1", text))
            return
        self.status_label.setText(self.tr("Saved as %1").replace("%1", str(path)))

    def close_shift(self) -> None:
        """Close the shift: the first tap asks, the second closes."""
        if self.report is None:
            return
        if not self._confirming:
            self._confirming = True
            self.close_button.setText(self.tr("Tap again to close the shift"))
            return
        report = self.report
        self._enable(False)
        self.runner.run(lambda: close_shift(self.service.engine, report),
                        success=lambda _: self._shift_closed(), failure=self._failed)

    def _shift_closed(self) -> None:
        self._confirming = False
        self.retranslate()
        self.closed.emit()
        self.load()

    def retranslate(self) -> None:
        """Set the texts."""
        self.title_label.setText(self.tr("End of shift (Z report)"))
        self.refresh_button.setText(self.tr("Check again"))
        self.print_button.setText(self.tr("Print summary"))
        self.pdf_button.setText(self.tr("Save PDF"))
        if not self._confirming:
            self.close_button.setText(self.tr("Close shift"))
        self.back_button.setText(self.tr("Back"))
