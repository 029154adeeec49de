"""The lock screen: shown after idle minutes or on demand; the staff password opens it."""

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

PasswordCheck = Callable[[str], bool]  # blocking; runs on a worker thread


class LockScreen(Screen):
    """Asks for the password of the staff member signed in (checked off the UI thread)."""

    unlocked = Signal()
    switch_staff = Signal()  # sign in as someone else

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner: Runner | None = None  # the signed-in session's
        self.check: PasswordCheck | None = None
        self.staff_name = ""
        self.pin = False  # a manager PIN is set: it opens the lock too
        self.icon = QLabel(self)
        self.icon.setPixmap(pixmap("lock", 96))
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel(self)
        self.title.setObjectName("title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.password_field = QLineEdit(self)
        self.password_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error")
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.error_label.setWordWrap(True)
        self.title.setWordWrap(True)
        self.unlock_button = QPushButton(self)
        set_role(self.unlock_button, "primary")
        self.switch_button = QPushButton(self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addWidget(self.unlock_button, 2)
        box = QVBoxLayout(self)
        box.setContentsMargins(48, 24, 48, 24)
        box.addStretch(1)
        box.addWidget(self.icon)
        box.addWidget(self.title)
        box.addWidget(self.password_field)
        box.addWidget(self.error_label)
        box.addLayout(buttons)
        box.addStretch(2)
        self.unlock_button.clicked.connect(self.submit)
        self.password_field.returnPressed.connect(self.submit)
        self.switch_button.clicked.connect(self.switch_staff.emit)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.title.setText(self.tr("Locked — %1, enter your password").replace(
            "%1", self.staff_name) if self.staff_name else self.tr("Locked"))
        self.password_field.setPlaceholderText(
            self.tr("Password or manager PIN") if self.pin else self.tr("Password"))
        self.unlock_button.setText(self.tr("Unlock"))
        self.switch_button.setText(self.tr("Switch staff"))

    def lock(self, staff_name: str, check: PasswordCheck, *, runner: Runner,
             pin: bool = False) -> None:
        """Prepare for ``staff_name``; ``check`` verifies a password or PIN (blocking, on
        ``runner``)."""
        self.staff_name, self.check, self.pin, self.runner = staff_name, check, pin, runner
        self.password_field.clear()
        self.error_label.clear()
        self.unlock_button.setEnabled(True)
        self.retranslate()
        self.password_field.setFocus()

    def focus_target(self) -> QWidget:
        """The password."""
        return self.password_field

    def scan_refused(self) -> None:
        """A scanner burst arrived while locked: nothing was typed into the password."""
        self.error_label.setText(self.tr("That was a scan. Unlock first, then scan again."))

    def submit(self) -> None:
        """Check the password typed."""
        password, check, runner = self.password_field.text(), self.check, self.runner
        if not password or check is None or runner is None or not self.unlock_button.isEnabled():
            return
        self.unlock_button.setEnabled(False)
        self.error_label.clear()
        runner.run(lambda: check(password), success=self._checked, failure=self._failed)

    def _checked(self, ok: bool) -> None:
        self.unlock_button.setEnabled(True)
        self.password_field.clear()
        if ok:
            self.unlocked.emit()
        else:
            self.error_label.setText(
                self.tr("Wrong password or PIN.") if self.pin else self.tr("Wrong password."))

    def _failed(self, error: BaseException) -> None:
        self.unlock_button.setEnabled(True)
        self.error_label.setText(error_text(error))
