"""The window's application-wide event filters as one: only the event types a filter looks
at reach it (every paint, layout and timer event of the application passes this filter),
and the first filter that eats an event stops it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from pytestqt.qtbot import QtBot

from kiosk.ui.main_window import InputFilters


class Recorder(QObject):
    """A filter that records what reaches it and eats what it is told to."""

    def __init__(self, types: set[QEvent.Type], eats: set[QEvent.Type] | None = None) -> None:
        super().__init__()
        self.event_types = frozenset(types)
        self.eats = eats or set()
        self.seen: list[QEvent.Type] = []

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        self.seen.append(event.type())
        return event.type() in self.eats


def test_only_the_types_a_filter_looks_at_reach_it(qtbot: QtBot) -> None:
    keys = Recorder({QEvent.Type.KeyPress}, eats={QEvent.Type.KeyPress})
    taps = Recorder({QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress})
    owner = QObject()
    filters = InputFilters(owner, keys, taps)
    assert not filters.eventFilter(owner, QEvent(QEvent.Type.Paint))
    assert not filters.eventFilter(owner, QEvent(QEvent.Type.MouseButtonPress))
    assert filters.eventFilter(owner, QEvent(QEvent.Type.KeyPress))  # eaten by the first
    assert keys.seen == [QEvent.Type.MouseButtonPress, QEvent.Type.KeyPress]
    assert taps.seen == [QEvent.Type.MouseButtonPress]  # the key press stopped at `keys`
