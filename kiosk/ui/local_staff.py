"""Settings → Staff on a platform without staff sign-in: the till's local staff list, kept by
its managers (the settings are behind the manager check). Add someone, give them a new PIN,
make them a manager (or staff again), deactivate them. Every change runs off the UI thread
(each PIN is a slow scrypt hash); every refusal is shown in plain words."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.app.local_staff import LocalStaff, StaffMember
from kiosk.app.qt.runner import Runner
from kiosk.ui.style import kinetic, set_role
from kiosk.ui.texts import error_text


class LocalStaffPanel(QWidget):
    """The till's staff: a table and the form that changes it."""

    def __init__(self, staff: LocalStaff, runner: Runner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.staff = staff
        self.runner = runner
        self.members: list[StaffMember] = []
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        kinetic(self.table)
        self.name_field = QLineEdit(self)
        self.name_field.setMaxLength(40)
        self.pin_field = QLineEdit(self)
        self.confirm_field = QLineEdit(self)
        for field in (self.pin_field, self.confirm_field):
            field.setEchoMode(QLineEdit.EchoMode.Password)
            field.setMaxLength(8)
        self.manager_box = QCheckBox(self)
        self.labels = [QLabel(self) for _ in range(3)]
        form = QFormLayout()
        for label, field in zip(self.labels, (self.name_field, self.pin_field,
                                              self.confirm_field), strict=True):
            form.addRow(label, field)
        form.addRow("", self.manager_box)
        self.add_button = QPushButton(self)
        set_role(self.add_button, "primary")
        self.pin_button = QPushButton(self)
        self.role_button = QPushButton(self)
        self.deactivate_button = QPushButton(self)
        buttons = QGridLayout()
        for index, button in enumerate((self.add_button, self.pin_button, self.role_button,
                                        self.deactivate_button)):
            buttons.addWidget(button, index // 2, index % 2)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        # Names on the left, the form on the right; the whole scrolls on a small screen.
        self.table.setMinimumHeight(200)
        right = QVBoxLayout()
        right.addLayout(form)
        right.addLayout(buttons)
        right.addWidget(self.message_label)
        right.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(right, 1)
        body = QWidget(self)
        inner = QVBoxLayout(body)
        inner.addWidget(self.hint)
        inner.addLayout(row, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(body)
        kinetic(scroll)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(scroll)
        self.add_button.clicked.connect(self.add)
        self.pin_button.clicked.connect(self.change_pin)
        self.role_button.clicked.connect(self.toggle_manager)
        self.deactivate_button.clicked.connect(self.deactivate)
        self.table.itemSelectionChanged.connect(self._selected)
        self.retranslate()
        self._selected()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        """Retranslate when the language changes."""
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        """The list as it is now, whenever the tab comes up."""
        super().showEvent(event)
        self.load()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.hint.setText(self.tr(
            "This platform signs in the shop, not people: staff sign in on this till with "
            "their own PIN, and their name goes on receipts and reports. Nobody is deleted: "
            "a deactivated member keeps their name in the history."))
        self.table.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Role"),
                                              self.tr("Status")])
        for label, text in zip(self.labels, (self.tr("Name"), self.tr("PIN"),
                                             self.tr("PIN again")), strict=True):
            label.setText(text)
        self.manager_box.setText(self.tr("Manager"))
        self.add_button.setText(self.tr("Add"))
        self.pin_button.setText(self.tr("Change PIN"))
        self.deactivate_button.setText(self.tr("Deactivate"))
        self._selected()
        self._fill()

    # --- the list --------------------------------------------------------------------

    def load(self) -> None:
        """Read the list again (off the UI thread)."""
        self.runner.run(lambda: self.staff.members(everyone=True), success=self._loaded,
                        failure=self._failed)

    def _loaded(self, members: list[StaffMember]) -> None:
        self.members = members
        self._fill()

    def _fill(self) -> None:
        chosen = self.selected()
        self.table.setRowCount(len(self.members))
        for row, member in enumerate(self.members):
            cells = (member.name, self.tr("Manager") if member.manager else self.tr("Staff"),
                     self.tr("Active") if member.active else self.tr("Deactivated"))
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, member.id)
                if not member.active:
                    item.setFlags(Qt.ItemFlag.NoItemFlags)
                self.table.setItem(row, column, item)
            if chosen is not None and member.id == chosen.id:
                self.table.selectRow(row)

    def selected(self) -> StaffMember | None:
        """The active member picked in the table, or None."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() \
            else []
        if not rows or rows[0].row() >= len(self.members):
            return None
        member = self.members[rows[0].row()]
        return member if member.active else None

    def select(self, name: str) -> None:
        """Pick ``name`` in the table (as a tap does)."""
        for row, member in enumerate(self.members):
            if member.name == name:
                self.table.selectRow(row)

    def _selected(self) -> None:
        member = self.selected()
        for button in (self.pin_button, self.role_button, self.deactivate_button):
            button.setEnabled(member is not None)
        self.role_button.setText(self.tr("Make staff") if member is not None and member.manager
                                 else self.tr("Make manager"))

    # --- changes ---------------------------------------------------------------------

    def add(self) -> None:
        """Add the member typed in the form."""
        name, pin, confirm = (self.name_field.text(), self.pin_field.text(),
                              self.confirm_field.text())
        manager = self.manager_box.isChecked()
        self._change(lambda: self.staff.add(name, pin, manager=manager, confirm=confirm),
                     lambda member: self.tr("%1 was added.").replace("%1", member.name),
                     clear_name=True)

    def change_pin(self) -> None:
        """Give the picked member the PIN typed in the form."""
        member = self.selected()
        if member is None:
            return
        pin, confirm = self.pin_field.text(), self.confirm_field.text()
        self._change(lambda: self.staff.set_pin(member.id, pin, confirm),
                     lambda _none: self.tr("%1 has a new PIN.").replace("%1", member.name))

    def toggle_manager(self) -> None:
        """Make the picked member a manager, or staff again."""
        member = self.selected()
        if member is None:
            return
        self._change(lambda: self.staff.set_manager(member.id, not member.manager),
                     lambda _none: (self.tr("%1 is staff now.") if member.manager else
                                    self.tr("%1 is a manager now.")).replace("%1", member.name))

    def deactivate(self) -> None:
        """Take the picked member off the till (kept in the history)."""
        member = self.selected()
        if member is None:
            return
        self._change(lambda: self.staff.deactivate(member.id),
                     lambda _none: self.tr("%1 was deactivated.").replace("%1", member.name))

    def _change(self, work: Callable[[], Any], said: Callable[[Any], str], *,
                clear_name: bool = False) -> None:
        self._busy(True)
        self.message_label.clear()

        def done(result: Any) -> None:
            self._busy(False)
            self.pin_field.clear()
            self.confirm_field.clear()
            if clear_name:
                self.name_field.clear()
                self.manager_box.setChecked(False)
            self.message_label.setText(said(result))
            self.load()

        self.runner.run(work, success=done, failure=self._failed)

    def _busy(self, busy: bool) -> None:
        self.add_button.setEnabled(not busy)
        if busy:
            for button in (self.pin_button, self.role_button, self.deactivate_button):
                button.setEnabled(False)
        else:
            self._selected()

    def _failed(self, error: BaseException) -> None:
        self._busy(False)
        self.pin_field.clear()
        self.confirm_field.clear()
        self.message_label.setText(error_text(error))
