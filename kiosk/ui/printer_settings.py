"""Printer settings: which printer, its address and paper, cut and drawer, auto-print, the
receipt's footer — and a test print. The settings screen's Save saves them too (one Save on
the screen, not one per tab); saving and printing run off the UI thread."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.printing.service import PrintResult
from kiosk.ui.receipts import ReceiptPresenter, result_text

KINDS = ("none", "network", "usb", "serial", "file", "system")


class PrinterSettingsPage(QWidget):
    """Edits the receipt printer options of the presenter's engine."""

    saved = Signal()  # the options were written

    def __init__(self, presenter: ReceiptPresenter, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.presenter = presenter
        self.kind_box = QComboBox(self)
        self.address_field = QLineEdit(self)
        self.width_box = QComboBox(self)
        self.cut_box = QCheckBox(self)
        self.drawer_box = QCheckBox(self)
        self.auto_box = QCheckBox(self)
        self.footer_field = QLineEdit(self)
        self.test_button = QPushButton(self)
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self.form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(7)]
        for label, widget in zip(self.labels, (
                self.kind_box, self.address_field, self.width_box, self.cut_box,
                self.drawer_box, self.auto_box, self.footer_field), strict=True):
            self.form.addRow(label, widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.test_button)
        buttons.addStretch(1)
        box = QVBoxLayout(self)
        box.addLayout(self.form)
        box.addWidget(self.status_label)
        box.addStretch(1)
        box.addLayout(buttons)
        self.kind_box.currentIndexChanged.connect(self._kind_changed)
        self.test_button.clicked.connect(self.test_print)
        presenter.finished.connect(self._printed)
        self.retranslate()
        self.load()

    def load(self) -> None:
        """Show the saved options."""
        s = self.presenter.service.engine.settings
        self.kind_box.setCurrentIndex(KINDS.index(s.printer_kind))
        self.address_field.setText(s.printer_address)
        self.width_box.setCurrentIndex(0 if s.printer_width_mm == 58 else 1)
        self.cut_box.setChecked(s.printer_cut)
        self.drawer_box.setChecked(s.printer_drawer)
        self.auto_box.setChecked(s.receipt_auto_print)
        self.footer_field.setText(s.receipt_footer)
        self._kind_changed()

    def values(self) -> dict[str, object]:
        """The options as edited."""
        return {
            "printer_kind": KINDS[self.kind_box.currentIndex()],
            "printer_address": self.address_field.text().strip(),
            "printer_width_mm": 58 if self.width_box.currentIndex() == 0 else 80,
            "printer_cut": self.cut_box.isChecked(),
            "printer_drawer": self.drawer_box.isChecked(),
            "receipt_auto_print": self.auto_box.isChecked(),
            "receipt_footer": self.footer_field.text().strip(),
        }

    def _write(self) -> None:
        settings = self.presenter.service.engine.settings
        for name, value in self.values().items():
            settings.set(name, value)

    def save(self, then_test: bool = False) -> None:
        """Save the options (off the UI thread); with ``then_test`` print a test slip after."""

        def done(_: object) -> None:
            self.status_label.setText(self.tr("Printer settings saved."))
            self.saved.emit()
            if then_test:
                self.presenter.test_print()

        def failed(error: BaseException) -> None:
            self.status_label.setText(self.tr("Not saved: %1").replace("%1", str(error)))

        self.presenter.runner.run(self._write, success=done, failure=failed)

    def test_print(self) -> None:
        """Save what is on screen, then print a test slip on it."""
        self.status_label.setText(self.tr("Printing a test page…"))
        self.save(then_test=True)

    def _printed(self, result: PrintResult) -> None:
        if result.printed:
            self.status_label.setText(self.tr("The printer answered: test page printed."))
        elif result.reason == "not_answering":
            self.status_label.setText(self.tr(
                "The printer is not answering: check that it is on, connected, and that the "
                "address is right."))
        elif result.reason == "paper_out":
            self.status_label.setText(self.tr("The printer is out of paper."))
        else:
            self.status_label.setText(result_text(result))

    def _kind_changed(self) -> None:
        kind = KINDS[self.kind_box.currentIndex()]
        hints = {
            "network": self.tr("host or host:port, e.g. 192.168.1.50:9100"),
            "usb": self.tr("vendor:product in hex, e.g. 04b8:0202"),
            "serial": self.tr("device, e.g. /dev/ttyUSB0 or COM3"),
            "file": self.tr("device file, e.g. /dev/usb/lp0"),
            "system": self.tr("printer name (empty: the default printer)"),
        }
        self.address_field.setPlaceholderText(hints.get(kind, ""))
        self.address_field.setEnabled(kind != "none")
        escpos = kind in ("network", "usb", "serial", "file")
        for box in (self.cut_box, self.drawer_box, self.width_box):
            box.setEnabled(escpos)
        self.test_button.setEnabled(kind != "none")

    def retranslate(self) -> None:
        """Set the texts."""
        index = self.kind_box.currentIndex()
        self.kind_box.clear()
        self.kind_box.addItems([
            self.tr("No receipt printer"), self.tr("Network printer (ESC/POS)"),
            self.tr("USB printer (ESC/POS)"), self.tr("Serial printer (ESC/POS)"),
            self.tr("Printer device file (ESC/POS)"), self.tr("System printer"),
        ])
        self.kind_box.setCurrentIndex(max(index, 0))
        width = self.width_box.currentIndex()
        self.width_box.clear()
        self.width_box.addItems([self.tr("58 mm paper"), self.tr("80 mm paper")])
        self.width_box.setCurrentIndex(max(width, 0))
        labels = [self.tr("Printer"), self.tr("Address"), self.tr("Paper"), "", "", "",
                  self.tr("Receipt footer")]
        for label, text in zip(self.labels, labels, strict=True):
            label.setText(text)
        self.cut_box.setText(self.tr("Cut the paper after each receipt"))
        self.drawer_box.setText(self.tr("Open the cash drawer with each receipt"))
        self.auto_box.setText(self.tr("Print a receipt after every redemption"))
        self.test_button.setText(self.tr("Test print"))
