"""Receipts at the counter: print after a redemption (or automatically), reprint, and the
"printer not answering — receipt kept, tap to retry" line. Printing runs off the UI thread
and never blocks or undoes a redemption: the outbox has it before any receipt is printed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from kiosk.app.engine import Engine
from kiosk.app.printing.escpos import PrinterConfig
from kiosk.app.printing.service import PrintResult, ReceiptService
from kiosk.app.qt.runner import Runner
from kiosk.domain.errors import InvalidRequest
from kiosk.ui.style import set_role


def print_system(lines: Sequence[str], config: PrinterConfig) -> None:
    """Qt's system-printer path, loaded when first used (QtPrintSupport is big)."""
    from kiosk.app.qt.pdf import print_system as qt_print  # noqa: PLC0415

    qt_print(lines, config)


class ReceiptPresenter(QObject):
    """Runs print jobs for one engine on ``runner``; reports each result on the UI thread."""

    finished = Signal(object)  # the PrintResult of the job that just ended
    busy_changed = Signal(bool)  # True while a print job runs

    def __init__(self, engine: Engine, runner: Runner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = ReceiptService(engine, system_print=print_system)
        self.runner = runner
        self.busy = False
        self.last_result: PrintResult | None = None

    def _start(self, op: Callable[[], PrintResult]) -> bool:
        if self.busy:
            return False  # one job at a time: a double tap prints once
        self.busy = True
        self.busy_changed.emit(True)
        return self.runner.run(op, success=self._done, failure=self._failed)

    def print_entry(self, entry_id: str) -> bool:
        """Print ``entry_id``'s receipt (kept for retry when the printer fails)."""
        return self._start(lambda: self.service.print_receipt(entry_id))

    def print_last(self) -> bool:
        """Reprint the newest redemption's receipt."""
        def op() -> PrintResult:
            try:
                entry_id = self.service.last_entry_id()
            except InvalidRequest as exc:
                return PrintResult(False, exc.message, self.waiting(), "not_found")
            return self.service.print_receipt(entry_id)
        return self._start(op)

    def retry(self) -> bool:
        """Print every kept receipt."""
        return self._start(self.service.retry)

    def test_print(self) -> bool:
        """A test slip on the configured printer."""
        return self._start(self.service.test_print)

    def auto_print(self, entry_id: str | None) -> bool:
        """Print ``entry_id`` when the "print after every redemption" setting is on."""
        if entry_id is None or not self.service.engine.settings.receipt_auto_print:
            return False
        return self.print_entry(entry_id)

    def waiting(self) -> int:
        """Receipts kept for retry."""
        return len(self.service.retry_list)

    def _done(self, result: PrintResult) -> None:
        self.busy = False
        self.last_result = result
        self.busy_changed.emit(False)
        self.finished.emit(result)

    def _failed(self, error: BaseException) -> None:
        self._done(PrintResult(False, str(error), self.waiting(), "setup"))


class ReceiptPanel(QWidget):
    """"Print receipt" for the result on screen, and the retry line when receipts wait."""

    def __init__(self, presenter: ReceiptPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = presenter
        self.entry_id: str | None = None
        self.print_button = QPushButton(self)
        self.retry_button = QPushButton(self)  # the whole "kept, tap to retry" line is the button
        set_role(self.retry_button, "warning")
        self.status_label = QLabel(self)
        self.status_label.setObjectName("hint")
        self.status_label.setWordWrap(True)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.print_button)
        row.addWidget(self.retry_button, 1)
        row.addWidget(self.status_label, 1)
        self.print_button.clicked.connect(self._print)
        self.retry_button.clicked.connect(self.presenter.retry)
        presenter.finished.connect(self.show_result)
        presenter.busy_changed.connect(self._busy)
        self.retranslate()
        self.show_waiting()

    def set_entry(self, entry_id: str | None, *, auto: bool = True) -> None:
        """The redemption now on screen (None: nothing to print); prints it when the
        auto-print setting is on."""
        self.entry_id = entry_id
        self.print_button.setEnabled(entry_id is not None and not self.presenter.busy)
        self.status_label.clear()
        self.show_waiting()
        if auto:
            self.presenter.auto_print(entry_id)

    def _print(self) -> None:
        if self.entry_id is not None:
            self.presenter.print_entry(self.entry_id)

    def _busy(self, busy: bool) -> None:
        self.print_button.setEnabled(not busy and self.entry_id is not None)
        self.retry_button.setEnabled(not busy)
        if busy:
            self.status_label.setText(self.tr("Printing…"))

    def show_result(self, result: PrintResult) -> None:
        """Say how the last print job went."""
        self.status_label.setText(result_text(result))
        self.show_waiting(result)

    def show_waiting(self, result: PrintResult | None = None) -> None:
        """Show the retry line while receipts wait for the printer."""
        waiting = result.waiting if result is not None else self.presenter.waiting()
        self.retry_button.setVisible(waiting > 0)
        if waiting > 0:
            reason = result.reason if result is not None and not result.printed else ""
            heads = {"paper_out": self.tr("Printer out of paper"),
                     "no_printer": self.tr("No receipt printer set up")}
            head = heads.get(reason, self.tr("Printer not answering"))
            self.retry_button.setText(
                self.tr("%1 — %n receipt(s) kept, tap to retry", "", waiting).replace("%1", head))
            if result is not None and not result.printed:
                self.status_label.clear()

    def retranslate(self) -> None:
        """Set the texts."""
        self.print_button.setText(self.tr("Print receipt"))
        self.show_waiting(self.presenter.last_result)


def result_text(result: PrintResult) -> str:
    """A print result in the UI's (translated) words."""
    if result.printed:
        return QCoreApplication.translate("Receipts", "Printed.")
    texts = {
        "not_answering": QCoreApplication.translate(
            "Receipts", "Printer not answering — receipt kept, tap to retry"),
        "paper_out": QCoreApplication.translate(
            "Receipts", "Printer out of paper — receipt kept, tap to retry"),
        "no_printer": QCoreApplication.translate(
            "Receipts", "No receipt printer is set up (Settings → Printer)."),
        "not_found": QCoreApplication.translate(
            "Receipts", "There is no redemption to print yet."),
    }
    return texts.get(result.reason, result.message)
