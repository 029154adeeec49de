"""The first start on a platform without staff sign-in: the till's staff list is empty, so
the first manager is set up here (name, PIN twice) before anyone can work the till."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.screens.base import Screen
from kiosk.ui.style import set_role
from kiosk.ui.widgets.pinpad import PinPad


class StaffSetupScreen(Screen):
    """Name and PIN (twice) of the till's first manager."""

    submitted = Signal(str, str, str)  # name, PIN, the PIN again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setObjectName("title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.name_field = QLineEdit(self)
        self.name_field.setMaxLength(40)
        self.pin_field = QLineEdit(self)
        self.confirm_field = QLineEdit(self)
        for field in (self.pin_field, self.confirm_field):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(8)
        self.pad = PinPad(self.pin_field, self)
        self.labels = [QLabel(self) for _ in range(3)]
        form = QFormLayout()
        for label, field in zip(self.labels, (self.name_field, self.pin_field,
                                              self.confirm_field), strict=True):
            form.addRow(label, field)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.save_button = QPushButton(self)
        set_role(self.save_button, "primary")
        row = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.hint)
        left.addLayout(form)
        left.addWidget(self.error_label)
        left.addWidget(self.save_button)
        left.addStretch(1)
        row.addLayout(left, 3)
        row.addWidget(self.pad, 2)
        box = QVBoxLayout(self)
        box.setContentsMargins(48, 16, 48, 16)
        box.addWidget(self.title)
        box.addLayout(row, 1)
        self.save_button.clicked.connect(self.submit)
        self.confirm_field.returnPressed.connect(self.submit)
        # The pad types into whichever PIN field has the keyboard.
        self.pin_field.installEventFilter(self)
        self.confirm_field.installEventFilter(self)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        """The PIN pad follows the focused PIN field."""
        if isinstance(watched, QLineEdit) and event.type() == QEvent.Type.FocusIn:
            self.pad.target = watched
        return False

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.title.setText(self.tr("Set up the first manager"))
        self.hint.setText(self.tr(
            "This platform signs in the shop, not people: the till keeps its own staff list. "
            "Enter the first manager's name and a PIN of 4 to 8 digits. Managers add the "
            "rest of the staff in Settings → Staff."))
        for label, text in zip(self.labels, (self.tr("Name"), self.tr("PIN"),
                                             self.tr("PIN again")), strict=True):
            label.setText(text)
        self.save_button.setText(self.tr("Save and start"))

    def prepare(self, name: str = "") -> None:
        """Empty fields (the name suggested), ready to type."""
        self.name_field.setText(name)
        self.pin_field.clear()
        self.confirm_field.clear()
        self.error_label.clear()
        self.save_button.setEnabled(True)
        (self.pin_field if name else self.name_field).setFocus()

    def focus_target(self) -> QWidget:
        """The name, or the PIN when a name is suggested."""
        return self.pin_field if self.name_field.text() else self.name_field

    def submit(self) -> None:
        """Ask to save the first manager."""
        if self.save_button.isEnabled():
            self.save_button.setEnabled(False)
            self.error_label.clear()
            self.submitted.emit(self.name_field.text(), self.pin_field.text(),
                                self.confirm_field.text())

    def show_error(self, text: str) -> None:
        """Why it was not saved; the PINs are typed again."""
        self.save_button.setEnabled(True)
        self.error_label.setText(text)
        self.pin_field.clear()
        self.confirm_field.clear()
        self.pin_field.setFocus()
