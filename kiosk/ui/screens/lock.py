"""The lock screen: shown after idle minutes or on demand; the staff password opens it.

On a platform without staff sign-in (the till's local staff list) it lists the staff by name
with a PIN pad: whoever picks their name and types their PIN works the till from then on.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.screens.base import Screen
from kiosk.ui.widgets.pinpad import PinPad

if TYPE_CHECKING:
    from kiosk.app.local_staff import StaffMember
    from kiosk.app.qt.runner import Runner
from kiosk.ui.style import kinetic, pixmap, set_role
from kiosk.ui.texts import error_text

PasswordCheck = Callable[[str], bool]  # blocking; runs on a worker thread
# Local staff: (staff id, PIN) -> (the member or None, wrong PINs left); blocking.
PinCheck = Callable[[str, str], "tuple[StaffMember | None, int]"]


class LockScreen(Screen):
    """Asks for the password of the staff member signed in (checked off the UI thread)."""

    unlocked = Signal()
    switch_staff = Signal()  # sign in as someone else
    unlocked_as = Signal(object)  # local staff: the StaffMember whose PIN opened it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner: Runner | None = None  # the signed-in session's
        self.check: PasswordCheck | None = None
        self.staff_name = ""
        self.pin = False  # a manager PIN is set: it opens the lock too
        self.pin_check: PinCheck | None = None  # set: the local staff list's lock
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
        self.staff_list = QListWidget(self)
        self.staff_list.setObjectName("staffList")
        kinetic(self.staff_list)
        self.pad = PinPad(self.password_field, self)
        local = QHBoxLayout()
        local.addWidget(self.staff_list, 1)
        local.addWidget(self.pad, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addWidget(self.unlock_button, 2)
        box = QVBoxLayout(self)
        box.setContentsMargins(48, 24, 48, 24)
        box.addStretch(1)
        box.addWidget(self.icon)
        box.addWidget(self.title)
        box.addLayout(local)
        box.addWidget(self.password_field)
        box.addWidget(self.error_label)
        box.addLayout(buttons)
        box.addStretch(2)
        self.unlock_button.clicked.connect(self.submit)
        self.password_field.returnPressed.connect(self.submit)
        self.switch_button.clicked.connect(self.switch_staff.emit)
        self.staff_list.currentItemChanged.connect(lambda *_: self._picked())
        # A tap on a name (or Return on it) goes on to the PIN; the arrow keys stay in the
        # list, so a keyboard can walk down it (Tab then goes on to the PIN).
        self.staff_list.itemClicked.connect(lambda _item: self.password_field.setFocus())
        self.staff_list.itemActivated.connect(lambda _item: self.password_field.setFocus())
        self._show_local(False)
        self.retranslate()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """Tab in screen order: the name (arrow keys pick it), the PIN, the buttons. Set
        here, in the window: an order set before the screen was put in it does not hold."""
        for first, second in itertools.pairwise((self.staff_list, self.password_field,
                                                 self.switch_button, self.unlock_button)):
            QWidget.setTabOrder(first, second)
        super().showEvent(event)

    def retranslate(self) -> None:
        """Set every text in the current language."""
        if self.pin_check is not None:
            self.title.setText(self.tr("Locked — choose your name and enter your PIN"))
            self.password_field.setPlaceholderText(self.tr("PIN"))
            self.unlock_button.setText(self.tr("Unlock"))
            self.switch_button.setText(self.tr("Switch staff"))
            return
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
        self.pin_check = None
        self._show_local(False)
        self.password_field.clear()
        self.error_label.clear()
        self.unlock_button.setEnabled(True)
        self.retranslate()
        self.password_field.setFocus()

    def lock_local(self, members: list[StaffMember], selected: str, check: PinCheck, *,
                   runner: Runner) -> None:
        """The local staff list's lock: ``members`` by name (``selected``: the id picked
        first), ``check`` verifies a member's PIN (blocking, on ``runner``)."""
        self.pin_check, self.check, self.runner, self.staff_name = check, None, runner, ""
        self.staff_list.clear()
        for member in members:
            item = QListWidgetItem(member.name, self.staff_list)
            item.setData(Qt.ItemDataRole.UserRole, member.id)
            if member.id == selected:
                self.staff_list.setCurrentItem(item)
        self._show_local(True)
        self.password_field.clear()
        self.error_label.clear()
        self.unlock_button.setEnabled(True)
        self.retranslate()
        self.password_field.setFocus()

    def pick(self, name: str) -> None:
        """Choose ``name`` on the staff list (as a tap does)."""
        for row in range(self.staff_list.count()):
            item = self.staff_list.item(row)
            if item.text() == name:
                self.staff_list.setCurrentItem(item)

    def _picked(self) -> None:
        self.password_field.clear()
        self.error_label.clear()

    def _show_local(self, on: bool) -> None:
        self.icon.setVisible(not on)  # the room goes to the names and the pad
        self.staff_list.setVisible(on)
        self.pad.setVisible(on)
        self.switch_button.setVisible(not on)  # the names are the switch
        self.password_field.setMaxLength(8 if on else 32767)

    def focus_target(self) -> QWidget:
        """The password."""
        return self.password_field

    def scan_refused(self) -> None:
        """A scanner burst arrived while locked: nothing was typed into the password."""
        self.error_label.setText(self.tr("That was a scan. Unlock first, then scan again."))

    def submit(self) -> None:
        """Check the password typed."""
        if self.pin_check is not None:
            self._submit_pin()
            return
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

    def _submit_pin(self) -> None:
        item = self.staff_list.currentItem()
        pin, check, runner = self.password_field.text(), self.pin_check, self.runner
        if item is None:
            self.error_label.setText(self.tr("Choose your name first."))
            return
        if not pin or check is None or runner is None or not self.unlock_button.isEnabled():
            return
        staff_id = str(item.data(Qt.ItemDataRole.UserRole))
        self.unlock_button.setEnabled(False)
        self.error_label.clear()
        runner.run(lambda: check(staff_id, pin), success=self._pin_checked,
                   failure=self._failed)

    def _pin_checked(self, answer: tuple[StaffMember | None, int]) -> None:
        member, left = answer
        self.unlock_button.setEnabled(True)
        self.password_field.clear()
        if member is not None:
            self.unlocked_as.emit(member)
        else:
            self.error_label.setText(self.tr(
                "Wrong PIN. %n more wrong PIN(s) and the till waits.", None, left))
