"""Queue & conflicts (manager): outbox entries, retry now, resolve conflicts, CSV, shift summary."""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabBar,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.errors import RefusalReason
from kiosk.domain.outcomes import EntryState, OutboxEntry
from kiosk.ui.dialogs import keys_back
from kiosk.ui.screens.base import Screen
from kiosk.ui.style import set_role
from kiosk.ui.texts import amount_text as units_text
from kiosk.ui.texts import entry_state_text, money_text, refusal_text, stamp
from kiosk.ui.widgets.tables import row_table

FILTERS: tuple[tuple[EntryState, ...] | None, ...] = (
    (EntryState.PENDING, EntryState.SENDING),
    (EntryState.REJECTED,),
    (EntryState.APPLIED, EntryState.WRITTEN_OFF, EntryState.REVERSING, EntryState.REVERSED),
    None,
)


def amount_text(entry: OutboxEntry, amount: int | None = None) -> str:
    """An entry's amount (or ``amount``) in its units, in the current language's format."""
    return units_text(entry.amount if amount is None else amount, entry.money_currency)


class QueueScreen(Screen):
    """Lists the outbox; asks the controller to sync, retry, write off or export."""

    refresh_requested = Signal(object)  # the states to list (None = all)
    sync_requested = Signal()
    retry_requested = Signal(str)  # entry id
    write_off_requested = Signal(str, str)  # entry id, note
    export_requested = Signal(str)  # file path
    export_clicked = Signal()  # staff asked to export (the window checks the manager first)
    summary_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entries: list[OutboxEntry] = []
        self._listed = False  # the selected tab's entries have arrived (else "empty" would lie)
        self.title = QLabel(self)
        self.title.setObjectName("title")
        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.tabs = QTabBar(self)
        for _ in FILTERS:
            self.tabs.addTab("")
        self.table = row_table(5, self, stretch=False)
        self.table.verticalHeader().setDefaultSectionSize(48)
        header = self.table.horizontalHeader()
        for column in range(4):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.empty_label = QLabel(self)  # instead of an empty table: what an empty tab means
        self.empty_label.setObjectName("hint")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_label.hide()
        self.status_label = QLabel(self)
        self.status_label.setObjectName("notice")
        self.status_label.setWordWrap(True)
        self.status_label.hide()
        self.detail_label = QLabel(self)  # the selected entry in full: nothing cut off
        self.detail_label.setObjectName("hint")
        self.detail_label.setWordWrap(True)
        self.detail_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.resolve_row = QWidget(self)  # shown while a conflict is selected
        self.note_field = QLineEdit(self.resolve_row)
        self.sync_button = QPushButton(self)
        self.retry_button = QPushButton(self.resolve_row)
        set_role(self.retry_button, "primary")
        self.write_off_button = QPushButton(self.resolve_row)
        set_role(self.write_off_button, "danger")
        self.export_button = QPushButton(self)

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.sync_button)
        top.addWidget(self.export_button)
        resolve = QHBoxLayout(self.resolve_row)
        resolve.setContentsMargins(0, 0, 0, 0)
        resolve.addWidget(self.retry_button)
        resolve.addWidget(self.note_field, 1)
        resolve.addWidget(self.write_off_button)
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 12, 16, 12)
        box.addLayout(top)
        box.addWidget(self.summary_label)
        box.addWidget(self.tabs)
        box.addWidget(self.table, 1)
        box.addWidget(self.empty_label, 1)
        box.addWidget(self.detail_label)
        box.addWidget(self.status_label)
        box.addWidget(self.resolve_row)
        self.extras = QHBoxLayout()  # e.g. reprint, end of shift (kiosk.ui.flows.counter)
        box.addLayout(self.extras)

        # Tab in reading order: the top buttons, the tabs, the table, a conflict's actions.
        chain = (self.sync_button, self.export_button, self.tabs, self.table,
                 self.retry_button, self.note_field, self.write_off_button)
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

        self.tabs.currentChanged.connect(lambda _index: self._tab_changed())
        self.table.itemSelectionChanged.connect(self.update_buttons)
        self.sync_button.clicked.connect(self.sync_requested.emit)
        self.retry_button.clicked.connect(self._retry)
        self.write_off_button.clicked.connect(self._write_off)
        self.export_button.clicked.connect(self.export_clicked.emit)
        self.note_field.textChanged.connect(lambda _text: self.update_buttons())
        self.retranslate()
        self.update_buttons()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.title.setText(self.tr("Queue and conflicts"))
        for index, text in enumerate((self.tr("Waiting"), self.tr("Conflicts"),
                                      self.tr("Done"), self.tr("All"))):
            self.tabs.setTabText(index, text)
        self.table.setHorizontalHeaderLabels([
            self.tr("Time"), self.tr("Code"), self.tr("Amount"), self.tr("State"),
            self.tr("Reason")])
        self.sync_button.setText(self.tr("Send now"))
        self.export_button.setText(self.tr("Export CSV…"))
        self._retry_text()
        self.write_off_button.setText(self.tr("Write off"))
        self.note_field.setPlaceholderText(self.tr("Note for the write-off (required)"))
        self._fill()

    # -- data in ------------------------------------------------------------------------

    def refresh(self) -> None:
        """Ask for the entries of the selected tab and the shift summary."""
        self.refresh_requested.emit(FILTERS[self.tabs.currentIndex()])
        self.summary_requested.emit()

    def _tab_changed(self) -> None:
        self._listed = False
        self.entries = []
        self._fill()
        self.refresh()

    def show_entries(
        self, states: tuple[EntryState, ...] | None, entries: Sequence[OutboxEntry]
    ) -> None:
        """Display ``entries`` if they answer the selected tab (answers may come out of order)."""
        if states != FILTERS[self.tabs.currentIndex()]:
            return
        self.entries = list(entries)
        self._listed = True
        self._fill()

    def show_summary(self, summary: Any) -> None:
        """Display the engine's ``ShiftSummary``."""
        total = summary.total
        parts = [money_text(minor, currency) for currency, minor in total.money.items()]
        if total.uses:
            parts.append(self.tr("%n use(s)", None, total.uses))
        self.summary_label.setText(
            self.tr("This shift: %n redemption(s)", None, total.count)
            + (" — " + ", ".join(parts) if parts else "")
            + "\n" + self.tr("online %1, offline %2").replace(
                "%1", self._totals(summary.online)).replace("%2", self._totals(summary.offline)))

    def _totals(self, totals: Any) -> str:
        parts = [money_text(minor, currency) for currency, minor in totals.money.items()]
        if totals.uses:
            parts.append(self.tr("%n use(s)", None, totals.uses))
        return f"{totals.count} ({', '.join(parts)})" if parts else str(totals.count)

    def show_message(self, text: str) -> None:
        """A line under the table: result of the last action."""
        self.status_label.setText(text)
        self.status_label.setVisible(bool(text))

    def reason(self, entry: OutboxEntry) -> str:
        """Why an entry is where it is, in full and in the current language."""
        if entry.state is EntryState.WRITTEN_OFF:
            retry = next((e for e in self.entries if e.replaces == entry.id), None)
            if retry is not None:
                short = entry.amount - retry.amount
                text = self.tr("Retried with %1 (the voucher's remaining balance).").replace(
                    "%1", amount_text(retry))
                if short > 0:
                    text += " " + self.tr("%1 not collected.").replace(
                        "%1", amount_text(entry, short))
                return text
            return self.tr("Written off: %1").replace("%1", entry.note) if entry.note \
                else self.tr("Written off.")
        if entry.state is EntryState.REVERSED:
            return self.tr("Undone by a manager: not counted.")
        if entry.state is EntryState.REVERSING:
            return self.tr("Undo not confirmed by the server yet: undo again to finish it.")
        if entry.state is EntryState.APPLIED:
            return self.tr("Sent (redeemed offline, confirmed later).") if entry.offline else ""
        if entry.reason:
            try:
                return refusal_text(RefusalReason(entry.reason))
            except ValueError:
                return entry.reason
        if entry.last_error:
            return self.tr("Not sent yet: the server could not be reached. It is retried "
                           "automatically.")
        return ""

    def _fill(self) -> None:
        selected = self.selected()
        self.table.setRowCount(len(self.entries))
        for row, entry in enumerate(self.entries):
            reason = self.reason(entry)
            state = entry_state_text(entry.state)
            if entry.offline:
                state += " · " + self.tr("offline")
            cells = (stamp(entry.redeemed_at), entry.code, amount_text(entry), state, reason)
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, entry.id)
                self.table.setItem(row, col, item)
            if selected is not None and entry.id == selected.id:
                self.table.selectRow(row)
        empty = self._listed and not self.entries
        self.empty_label.setText(self._empty_text() if empty else "")
        self.empty_label.setVisible(empty)
        self.table.setVisible(not empty)
        self.update_buttons()

    def _empty_text(self) -> str:
        return (self.tr("Nothing waiting: every redemption has reached the server."),
                self.tr("No conflicts: nothing the server refused."),
                self.tr("Nothing sent yet."),
                self.tr("No redemptions yet."))[self.tabs.currentIndex()]

    def focus_target(self) -> QWidget:
        """The tabs (arrow keys pick one; Tab goes on to the list and the actions)."""
        return self.tabs

    # -- actions ------------------------------------------------------------------------

    def selected(self) -> OutboxEntry | None:
        """The entry whose row is selected."""
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        if not rows or rows[0].row() >= len(self.entries):
            return None
        return self.entries[rows[0].row()]

    def select_entry(self, entry_id: str) -> bool:
        """Select the row of ``entry_id``; False if it is not listed."""
        for row, entry in enumerate(self.entries):
            if entry.id == entry_id:
                self.table.selectRow(row)
                return True
        return False

    def update_buttons(self) -> None:
        """Enable what can be done with the selected entry."""
        entry = self.selected()
        conflict = entry is not None and entry.state is EntryState.REJECTED
        self.retry_button.setEnabled(conflict)
        self.write_off_button.setEnabled(conflict and bool(self.note_field.text().strip()))
        self.note_field.setEnabled(conflict)
        self.resolve_row.setVisible(conflict)
        self._retry_text()
        self.detail_label.setText(
            "" if entry is None else f"{entry.code} · {amount_text(entry)} · "
            f"{entry_state_text(entry.state)}\n{self.reason(entry)}".strip())
        self.detail_label.setVisible(entry is not None)

    def _retry_text(self) -> None:
        entry = self.selected()
        if entry is not None and entry.state is EntryState.REJECTED:
            self.retry_button.setText(self.tr("Retry: take what is left, up to %1").replace(
                "%1", amount_text(entry)))
        else:
            self.retry_button.setText(self.tr("Retry with remaining balance"))

    def _retry(self) -> None:
        entry = self.selected()
        if entry is not None and entry.state is EntryState.REJECTED:
            self.retry_button.setEnabled(False)
            self.retry_requested.emit(entry.id)

    def _write_off(self) -> None:
        entry = self.selected()
        note = self.note_field.text().strip()
        if entry is not None and entry.state is EntryState.REJECTED and note:
            self.write_off_button.setEnabled(False)
            self.write_off_requested.emit(entry.id, note)

    def ask_export(self) -> None:
        """Ask where to save the CSV, then request the export."""
        path, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export redemptions"), str(Path.home() / "redemptions.csv"),
            self.tr("CSV files (*.csv)"))
        keys_back(self)
        if path:
            self.export_requested.emit(path)
