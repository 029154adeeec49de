"""The kiosk's list tables: read-only, picked a whole row at a time, scrolled by touch."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QWidget

from kiosk.ui.style import kinetic


def row_table(columns: int, parent: QWidget, *, stretch: bool = True) -> QTableWidget:
    """A table of ``columns`` without row numbers; ``stretch``: the columns share the width."""
    table = QTableWidget(0, columns, parent)
    table.verticalHeader().hide()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab leaves the table (arrows move between rows)
    if stretch:
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    kinetic(table)
    return table
