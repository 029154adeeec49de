"""A new screen ignores taps for a moment, so the second tap of a double tap never lands on
whatever appeared under the finger (a confirm button, "Scan next"). The keys that press the
focused button (Return, Enter, Space) are taps too, and a held key's repeats never press
anything: a code typed and Enter pressed twice must not redeem the card that came up.

The guard filters the windows (``kiosk.ui.main_window.InputFilters``): a tap or a key reaches
the window first, and the guard finds the widget Qt passes it on to. It is asked after the
keyboard-wedge filter (``kiosk.ui.wedge``): the wedge sees every key first, so a scanner's
burst that ends with Return on a screen that has just appeared still completes, and the keys
it holds and re-delivers as typing (with their auto-repeat flag) are put to the guard then
(``eats_key``)."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QSinglePointEvent, QTouchEvent, QWindow
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

GUARD_MS = 400
_TAPS = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
})
# What presses a focused button: Space and Select (Qt's buttons), Return and Enter (a screen's
# ``keyPressEvent``).
PRESS_KEYS = frozenset({Qt.Key.Key_Space, Qt.Key.Key_Select, Qt.Key.Key_Return,
                        Qt.Key.Key_Enter})


class TapGuard(QObject):
    """Window event filter: eats taps inside ``area`` for ``ms`` after ``arm``, and a key
    press that would press a button there (also, at any time, a held key's repeat)."""

    event_types = _TAPS | {QEvent.Type.KeyPress}  # the only events it looks at

    def __init__(self, area: QWidget, *, ms: int = GUARD_MS,
                 clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__(area)
        self.area = area
        self.ms = ms
        self.clock = clock
        self._until = 0.0

    def arm(self) -> None:
        """A new screen is up: ignore taps on it for a moment."""
        self._until = self.clock() + self.ms / 1000

    @property
    def armed(self) -> bool:
        """Whether taps are being ignored now."""
        return self.clock() < self._until

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Eat a tap on the guarded area while armed (a button-pressing key: also a repeat)."""
        if not isinstance(obj, QWindow):
            return False
        if event.type() == QEvent.Type.KeyPress:
            return isinstance(event, QKeyEvent) and self.eats_key(key_target(obj), event)
        if event.type() not in _TAPS or not self.armed:
            return False
        return self._in_area(self._tap_target(obj, event))

    def eats_key(self, target: QObject | None, event: QKeyEvent) -> bool:
        """Whether a key press bound for ``target`` is eaten: one that presses a button of
        the area while armed, or a held key's repeat (the wedge asks it for the keys it held
        and sends on as typing)."""
        if event.key() not in PRESS_KEYS or not isinstance(target, QAbstractButton):
            return False
        return (event.isAutoRepeat() or self.armed) and self._in_area(target)

    def _in_area(self, widget: QWidget | None) -> bool:
        return widget is not None and (widget is self.area or self.area.isAncestorOf(widget))

    def _tap_target(self, window: QWindow, event: QEvent) -> QWidget | None:
        """The widget of the area's window a tap on ``window`` goes to (None: another
        window's, never the area's)."""
        top = self.area.window()
        if top.windowHandle() is not window:
            return None
        grabber = QWidget.mouseGrabber()
        if grabber is not None:
            return grabber
        at: QPoint | None = None
        if isinstance(event, QSinglePointEvent):
            at = event.position().toPoint()
        elif isinstance(event, QTouchEvent) and event.points():
            at = event.points()[0].position().toPoint()
        if at is None:
            return top
        return top.childAt(at) or top


def key_target(window: QWindow) -> QWidget | None:
    """The widget Qt passes a key press typed into ``window`` on to: the keyboard grabber, an
    open popup's focus, or the window's focused widget."""
    grabber = QWidget.keyboardGrabber()
    if grabber is not None:
        return grabber
    popup = QApplication.activePopupWidget()
    if popup is not None:
        return popup.focusWidget() or popup
    focus = window.focusObject()
    return focus if isinstance(focus, QWidget) else None
