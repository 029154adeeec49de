"""The window's input filters as one, on the windows: only the event types a filter looks at
reach it, the first filter that eats an event stops it, only what reaches a window (a
person's input) crosses into Python, and windows opened later (a dialog, a popup) are
filtered too."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.main_window import InputFilters
from kiosk.ui.wedge import WedgeFilter
from tests.helpers.ui import Clock, char_key, key, window_of


class Recorder(QObject):
    """A filter that records what reaches it and eats what it is told to."""

    def __init__(self, types: set[QEvent.Type], eats: set[QEvent.Type] | None = None) -> None:
        super().__init__()
        self.event_types = frozenset(types)
        self.eats = eats or set()
        self.seen: list[QEvent.Type] = []
        self.where: list[QObject] = []

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        self.seen.append(event.type())
        self.where.append(obj)
        return event.type() in self.eats


@pytest.fixture
def installed() -> Iterator[tuple[InputFilters, Recorder]]:
    """Filters looking at key and mouse presses, installed as the main window does."""
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    owner = QObject()
    recorder = Recorder({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Paint})
    filters = InputFilters(owner, recorder)
    filters.install(app)
    yield filters, recorder
    filters.uninstall(app)


def shown(qtbot: QtBot, widget: QWidget) -> QWidget:
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def shown_with_field(qtbot: QtBot, window: QWidget) -> QLineEdit:
    """``window`` shown with a text field in it; the field."""
    field = QLineEdit(window)
    QVBoxLayout(window).addWidget(field)
    shown(qtbot, window)
    return field


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


def test_a_key_is_seen_on_its_window_and_widgets_events_never(
        qtbot: QtBot, installed: tuple[InputFilters, Recorder]) -> None:
    _filters, recorder = installed
    top = QWidget()  # kept: the field's window
    field = shown_with_field(qtbot, top)
    installed[0].watch_windows()  # shown after the filters: found at the next look
    field.setFocus()
    recorder.seen.clear()
    field.repaint()  # a widget's paint: not a window's event, Python never hears of it
    key(field, char_key("a"), "a")
    assert recorder.seen == [QEvent.Type.KeyPress]
    assert recorder.where == [window_of(field)]
    assert field.text() == "a"  # the window passed it on to the focused field


def test_a_dialog_opened_later_is_filtered(
        qtbot: QtBot, installed: tuple[InputFilters, Recorder]) -> None:
    _filters, recorder = installed
    dialog = QDialog()
    field = shown_with_field(qtbot, dialog)
    dialog.activateWindow()
    field.setFocus()  # the focus moves into the new window: it is found
    qtbot.waitUntil(lambda: QGuiApplication.focusWindow() is window_of(dialog))
    recorder.seen.clear()
    QTest.keyClick(window_of(dialog), Qt.Key.Key_B, Qt.KeyboardModifier.NoModifier)
    assert QEvent.Type.KeyPress in recorder.seen
    assert window_of(dialog) in recorder.where


def test_a_popup_opened_by_a_tap_is_filtered(
        qtbot: QtBot, installed: tuple[InputFilters, Recorder]) -> None:
    _filters, recorder = installed
    top = QWidget()
    box = QComboBox(top)
    box.addItems(["one", "two", "three"])
    QVBoxLayout(top).addWidget(box)
    shown(qtbot, top)
    installed[0].watch_windows()
    QTest.mouseClick(window_of(box), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     box.mapTo(top, box.rect().center()))
    view = box.view()
    qtbot.waitUntil(view.isVisible)
    popup = view.window()
    assert popup is not top
    qtbot.wait(10)  # the windows are looked for once the tap has been handled
    recorder.seen.clear()
    recorder.where.clear()
    QTest.mousePress(window_of(popup), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, popup.rect().center())
    assert window_of(popup) in recorder.where
    QTest.mouseRelease(window_of(popup), Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier, popup.rect().center())


def test_held_keys_sent_on_to_a_window_are_not_taken_again(qtbot: QtBot) -> None:
    # With no focused widget, typing held back by the wedge goes on to the window it was
    # typed into, whose filter is the wedge: it must not hold it again (and again).
    top = shown(qtbot, QWidget())
    assert QApplication.focusWidget() is None
    clock = Clock()
    wedge = WedgeFilter(top, clock=clock)
    window_of(top).installEventFilter(wedge)
    assert wedge.eventFilter(window_of(top), QKeyEvent(
        QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a"))
    assert wedge.holding
    clock.now += 1.0  # no key follows: typing, sent on
    qtbot.waitUntil(lambda: not wedge.holding)
    qtbot.wait(50)
    assert not wedge.holding
