"""The staff-accounts screen (behind the manager check): an administrator signs in here in a
separate session that is never saved on the till, then lists, adds, edits, removes staff from
this shop and resets passwords. Every call runs off the UI thread; every refusal is shown in
plain words."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.qt.runner import Runner
from kiosk.app.signin import Account
from kiosk.app.staff import StaffError, StaffManager, StaffMember
from kiosk.backends.vouchercart.models import ROLE_ADMIN, ROLE_CUSTOM, ROLE_STAFF
from kiosk.ui.screens.base import Screen
from kiosk.ui.style import set_role, set_tone
from kiosk.ui.widgets.tables import row_table

T = TypeVar("T")
ROLES = (ROLE_STAFF, ROLE_ADMIN, ROLE_CUSTOM)


def _words(error: BaseException) -> str:
    """A staff error in the UI's language (messages are looked up as they are)."""
    if isinstance(error, StaffError):
        return QCoreApplication.translate("StaffScreen", error.message)
    return QCoreApplication.translate("StaffScreen", "Something went wrong: %1").replace(
        "%1", str(error))


class StaffScreen(Screen):
    """Sign in as an administrator, then manage this shop's staff."""

    back = Signal()  # staff are done here (the admin session is already closed)

    def __init__(self, account: Account, runner: Runner, parent: QWidget | None = None, *,
                 home: Path | None = None) -> None:
        super().__init__(parent)
        self.account = account
        self.runner = runner
        self.home = home
        self.manager: StaffManager | None = None
        self.members: list[StaffMember] = []
        self._confirm_remove: int | None = None
        self.pages = QStackedWidget(self)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("title")
        self.status_label = QLabel(self)
        self.status_label.setWordWrap(True)
        self._build_sign_in()
        self._build_manage()
        self.back_button = QPushButton(self)
        box = QVBoxLayout(self)
        box.addWidget(self.title_label)
        box.addWidget(self.status_label)
        box.addWidget(self.pages, 1)
        box.addWidget(self.back_button)
        self.back_button.clicked.connect(self.leave)
        self.retranslate()

    # --- building ----------------------------------------------------------------------

    def _build_sign_in(self) -> None:
        page = QWidget(self)
        self.email_field = QLineEdit(page)
        self.password_field = QLineEdit(page)
        self.password_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.sign_in_button = QPushButton(page)
        set_role(self.sign_in_button, "primary")
        self.sign_in_hint = QLabel(page)
        self.sign_in_hint.setWordWrap(True)
        self.sign_in_form = QFormLayout()
        self.sign_in_labels = [QLabel(page), QLabel(page)]
        self.sign_in_form.addRow(self.sign_in_labels[0], self.email_field)
        self.sign_in_form.addRow(self.sign_in_labels[1], self.password_field)
        box = QVBoxLayout(page)
        box.addWidget(self.sign_in_hint)
        box.addLayout(self.sign_in_form)
        box.addWidget(self.sign_in_button)
        box.addStretch(1)
        self.sign_in_button.clicked.connect(self.sign_in)
        self.password_field.returnPressed.connect(self.sign_in)
        self.pages.addWidget(page)

    def _build_manage(self) -> None:
        page = QWidget(self)
        self.table = row_table(3, page)
        self.name_field = QLineEdit(page)
        self.new_email_field = QLineEdit(page)
        self.role_box = QComboBox(page)
        self.new_password_field = QLineEdit(page)
        self.confirm_field = QLineEdit(page)
        for field in (self.new_password_field, self.confirm_field):
            field.setEchoMode(QLineEdit.EchoMode.Password)
        self.form = QFormLayout()
        self.form_labels = [QLabel(page) for _ in range(5)]
        for label, widget in zip(self.form_labels, (
                self.name_field, self.new_email_field, self.role_box, self.new_password_field,
                self.confirm_field), strict=True):
            self.form.addRow(label, widget)
        self.add_button = QPushButton(page)
        self.save_button = QPushButton(page)
        self.remove_button = QPushButton(page)
        set_role(self.remove_button, "danger")
        self.reset_button = QPushButton(page)
        buttons = QGridLayout()
        for index, button in enumerate((self.add_button, self.save_button, self.reset_button,
                                        self.remove_button)):
            buttons.addWidget(button, index // 2, index % 2)
        side = QVBoxLayout()
        side.addLayout(self.form)
        side.addStretch(1)
        side.addLayout(buttons)
        box = QHBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.table, 1)
        box.addLayout(side, 1)
        self.table.itemSelectionChanged.connect(self._selected)
        self.add_button.clicked.connect(self.add)
        self.save_button.clicked.connect(self.save)
        self.remove_button.clicked.connect(self.remove)
        self.reset_button.clicked.connect(self.reset_password)
        self.pages.addWidget(page)

    # --- running -----------------------------------------------------------------------

    def _run(self, op: Callable[[], T], done: Callable[[T], None]) -> None:
        self.setEnabled(False)
        self.status_label.setText(self.tr("Asking the server…"))
        set_tone(self.status_label, "careful")

        def success(result: T) -> None:
            self.setEnabled(True)
            done(result)

        def failure(error: BaseException) -> None:
            self.setEnabled(True)
            self.show_error(error)

        self.runner.run(op, success=success, failure=failure)

    def show_error(self, error: BaseException) -> None:
        """Say why the last action did not happen."""
        set_tone(self.status_label, "bad")
        self.status_label.setText(_words(error))

    def _say(self, text: str) -> None:
        set_tone(self.status_label, "good")
        self.status_label.setText(text)

    def sign_in(self) -> None:
        """Open the administrator's session (memory only) and load the staff."""
        email, password = self.email_field.text(), self.password_field.text()
        account, home = self.account, self.home
        self._run(lambda: StaffManager.open(account, email, password, home=home),
                  self._opened)

    def _opened(self, manager: StaffManager) -> None:
        self.manager = manager
        self.password_field.clear()
        self.pages.setCurrentIndex(1)
        self._show(manager.members())
        self._say(self.tr("Signed in as an administrator for this screen only."))

    def _show(self, members: list[StaffMember]) -> None:
        self.members = members
        self._confirm_remove = None
        self.table.setRowCount(len(members))
        for row, member in enumerate(members):
            for column, text in enumerate((member.full_name, member.email,
                                           self.role_text(member))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.retranslate()

    def role_text(self, member: StaffMember) -> str:
        """A member's role on this shop in words."""
        texts = {ROLE_ADMIN: self.tr("Administrator"), ROLE_STAFF: self.tr("Staff"),
                 ROLE_CUSTOM: self.tr("Redeem only")}
        return texts.get(member.role, member.role_name)

    def selected(self) -> StaffMember | None:
        """The member picked in the list."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.members[rows[0].row()] if rows else None

    def _selected(self) -> None:
        member = self.selected()
        self._confirm_remove = None
        self.retranslate()
        if member is None:
            return
        self.name_field.setText(member.full_name)
        self.new_email_field.setText(member.email)
        self.role_box.setCurrentIndex(ROLES.index(member.role) if member.role in ROLES else 0)

    def _manager(self) -> StaffManager:
        assert self.manager is not None
        return self.manager

    def add(self) -> None:
        """Add the person in the form with the chosen role on this shop."""
        manager = self._manager()
        name, email = self.name_field.text(), self.new_email_field.text()
        password, confirm = self.new_password_field.text(), self.confirm_field.text()
        role = ROLES[self.role_box.currentIndex()]

        def op() -> list[StaffMember]:
            manager.add(name, email, password, role=role, confirm=confirm)
            return manager.members()

        self._run(op, lambda members: self._changed(members, self.tr("%1 can now sign in on "
                                                                    "this shop.")
                                                    .replace("%1", name.strip())))

    def save(self) -> None:
        """Save name, e-mail and role of the selected person."""
        member = self.selected()
        if member is None:
            self.show_error(StaffError("Pick someone in the list first."))
            return
        manager = self._manager()
        name, email = self.name_field.text(), self.new_email_field.text()
        role = ROLES[self.role_box.currentIndex()]

        def op() -> list[StaffMember]:
            manager.edit(member.id, full_name=name, email=email, role=role)
            return manager.members()

        self._run(op, lambda members: self._changed(members, self.tr("Changes saved.")))

    def remove(self) -> None:
        """Take this shop away from the selected person (asks once more first)."""
        member = self.selected()
        if member is None:
            self.show_error(StaffError("Pick someone in the list first."))
            return
        if self._confirm_remove != member.id:
            self._confirm_remove = member.id
            self.remove_button.setText(self.tr("Tap again to remove %1").replace(
                "%1", member.full_name))
            return
        manager = self._manager()

        def op() -> list[StaffMember]:
            manager.remove(member.id)
            return manager.members()

        self._run(op, lambda members: self._changed(members, self.tr(
            "%1 can no longer sign in on this shop (other shops are unchanged).").replace(
            "%1", member.full_name)))

    def reset_password(self) -> None:
        """Set the selected person's new password (typed twice)."""
        member = self.selected()
        if member is None:
            self.show_error(StaffError("Pick someone in the list first."))
            return
        manager = self._manager()
        password, confirm = self.new_password_field.text(), self.confirm_field.text()

        def op() -> list[StaffMember]:
            manager.reset_password(member.id, password, confirm)
            return manager.members()

        self._run(op, lambda members: self._changed(members, self.tr(
            "New password set for %1.").replace("%1", member.full_name)))

    def _changed(self, members: list[StaffMember], message: str) -> None:
        self.new_password_field.clear()
        self.confirm_field.clear()
        self._show(members)
        self._say(message)

    def leave(self) -> None:
        """Close the administrator's session and go back."""
        if self.manager is not None:
            self.manager.close()
            self.manager = None
        self.members = []
        self.table.setRowCount(0)
        self.email_field.clear()
        self.password_field.clear()
        self.status_label.clear()
        self.pages.setCurrentIndex(0)
        self.back.emit()

    def escape(self) -> bool:
        """Escape: done here, as "Done"."""
        self.leave()
        return True

    def retranslate(self) -> None:
        """Set the texts."""
        self.title_label.setText(self.tr("Staff accounts — %1").replace(
            "%1", self.account.domain_name))
        self.sign_in_hint.setText(self.tr(
            "An administrator of this shop signs in here. This sign-in is used for this "
            "screen only and is not saved on the till."))
        for label, text in zip(self.sign_in_labels, (self.tr("Administrator e-mail"),
                                                     self.tr("Password")), strict=True):
            label.setText(text)
        self.sign_in_button.setText(self.tr("Sign in"))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("E-mail"),
                                              self.tr("Role here")])
        for label, text in zip(self.form_labels, (
                self.tr("Name"), self.tr("E-mail"), self.tr("Role here"),
                self.tr("New password"), self.tr("Password again")), strict=True):
            label.setText(text)
        index = self.role_box.currentIndex()
        self.role_box.clear()
        self.role_box.addItems([self.tr("Staff (check and redeem)"), self.tr("Administrator"),
                                self.tr("Redeem only")])
        self.role_box.setCurrentIndex(max(index, 0))
        self.add_button.setText(self.tr("Add"))
        self.save_button.setText(self.tr("Save changes"))
        self.reset_button.setText(self.tr("Set new password"))
        if self._confirm_remove is None:
            self.remove_button.setText(self.tr("Remove from this shop"))
        self.back_button.setText(self.tr("Done"))
