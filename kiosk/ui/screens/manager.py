"""The manager check: asked before the queue's actions, the settings and leaving kiosk mode.

The manager PIN opens it; while no PIN is set, the signed-in user's password does, and the
screen says to set a PIN in Settings.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from kiosk.ui.screens.base import Screen

if TYPE_CHECKING:
    from kiosk.app.qt.runner import Runner
from kiosk.ui.style import pixmap, set_role
from kiosk.ui.texts import error_text

SecretCheck = Callable[[str], bool]  # blocking; runs on a worker thread


class ManagerScreen(Screen):
    """Asks for the manager PIN (or, with none set, the user's password), off the UI thread."""

    granted = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner: Runner | None = None  # the signed-in session's
        self.check: SecretCheck | None = None
        self.has_pin = True
        self.reason = ""
        self.icon = QLabel(self)
        self.icon.setPixmap(pixmap("lock", 72))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(self)
        self.title.setObjectName("title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason_label = QLabel(self)
        self.reason_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.reason_label.setWordWrap(True)
        self.hint_label = QLabel(self)
        self.hint_label.setObjectName("offlineNote")
        self.hint_label.setWordWrap(True)
        self.secret_field = QLineEdit(self)
        self.secret_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error")
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_label.setWordWrap(True)
        self.cancel_button = QPushButton(self)  # first: Tab goes left to right
        self.ok_button = QPushButton(self)
        set_role(self.ok_button, "primary")
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button, 2)
        box = QVBoxLayout(self)
        box.setContentsMargins(120, 24, 120, 24)
        box.addStretch(1)
        box.addWidget(self.icon)
        box.addWidget(self.title)
        box.addWidget(self.reason_label)
        box.addWidget(self.hint_label)
        box.addWidget(self.secret_field)
        box.addWidget(self.error_label)
        box.addLayout(buttons)
        box.addStretch(2)
        self.ok_button.clicked.connect(self.submit)
        self.secret_field.returnPressed.connect(self.submit)
        self.cancel_button.clicked.connect(self.cancelled.emit)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.title.setText(self.tr("Manager authorisation"))
        self.reason_label.setText(self.reason)
        if self.has_pin:
            self.secret_field.setPlaceholderText(self.tr("Manager PIN"))
            self.hint_label.hide()
        else:
            self.secret_field.setPlaceholderText(self.tr("Your password"))
            self.hint_label.setText(self.tr(
                "No manager PIN yet: enter your own password. Set a manager PIN in Settings."))
            self.hint_label.show()
        self.ok_button.setText(self.tr("OK"))
        self.cancel_button.setText(self.tr("Cancel"))

    def ask(self, reason: str, check: SecretCheck, *, runner: Runner, has_pin: bool) -> None:
        """Prepare to authorise ``reason``; ``check`` verifies what is typed (blocking, on
        ``runner``)."""
        self.reason, self.check, self.has_pin, self.runner = reason, check, has_pin, runner
        self.secret_field.clear()
        self.error_label.clear()
        self.ok_button.setEnabled(True)
        self.retranslate()
        self.secret_field.setFocus()

    def focus_target(self) -> QWidget:
        """The PIN or password."""
        return self.secret_field

    def escape(self) -> bool:
        """Escape: give up."""
        self.cancelled.emit()
        return True

    def submit(self) -> None:
        """Check what was typed."""
        secret, check, runner = self.secret_field.text(), self.check, self.runner
        if not secret or check is None or runner is None or not self.ok_button.isEnabled():
            return
        self.ok_button.setEnabled(False)
        self.error_label.clear()
        runner.run(lambda: check(secret), success=self._checked, failure=self._failed)

    def _checked(self, ok: bool) -> None:
        self.ok_button.setEnabled(True)
        self.secret_field.clear()
        if ok:
            self.granted.emit()
        else:
            self.error_label.setText(self.tr("Wrong PIN.") if self.has_pin
                                     else self.tr("Wrong password."))

    def _failed(self, error: BaseException) -> None:
        self.ok_button.setEnabled(True)
        self.error_label.setText(error_text(error))
