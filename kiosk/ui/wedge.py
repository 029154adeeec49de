"""The application-wide keyboard-wedge filter: catches a USB scanner's key burst wherever
focus is, and never lets it leak into a text field.

The burst logic is ``kiosk.scan.wedge.WedgeDetector`` (Qt-free); this class only feeds it
key presses, eats what it says to eat, re-delivers keys that turned out to be typed by a
person, and emits ``scanned`` for a completed burst.
"""

from __future__ import annotations

import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.scan.wedge import ENTER, TAB, Complete, Release, Swallow, WedgeDetector, WedgeEvent

_KEYS = {ENTER: (Qt.Key.Key_Return, "\r"), TAB: (Qt.Key.Key_Tab, "\t")}


class WedgeFilter(QObject):
    """Install on the QApplication; ``scanned`` fires with each scanner-typed code."""

    scanned = Signal(str)  # the code as the scanner typed it (layout-mapped, not normalised)

    def __init__(self, parent: QObject | None = None, *,
                 detector: WedgeDetector | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        """``clock``: seconds for the detector's timing (tests pass one they control)."""
        super().__init__(parent)
        self.detector = detector or WedgeDetector()
        self.clock = clock
        self.enabled = True
        self._target: QObject | None = None
        self._window_event: tuple[int, int] | None = None  # (event address, timestamp)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._flush)

    def install(self, app: QCoreApplication) -> None:
        """Start filtering every key press of ``app``."""
        app.installEventFilter(self)

    def uninstall(self, app: QCoreApplication) -> None:
        """Stop filtering."""
        app.removeEventFilter(self)
        self._timer.stop()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Decide the fate of one key press (see ``WedgeDetector``)."""
        if event.type() != QEvent.Type.KeyPress or not self.enabled:
            return False
        assert isinstance(event, QKeyEvent)
        if not event.spontaneous():  # propagated to a parent, or one we re-delivered
            return False
        stamp = (shiboken6.getCppPointer(event)[0], event.timestamp())
        if isinstance(obj, QWindow):
            self._window_event = stamp
        elif not isinstance(obj, QWidget) or stamp == self._window_event:
            return False  # already decided when the window received it
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                | Qt.KeyboardModifier.AltModifier
                                | Qt.KeyboardModifier.MetaModifier):
            return False
        key = self._key_text(event)
        if key is None:
            return False
        self._target = obj
        return self._apply(self.detector.feed(key, self.clock()))

    @staticmethod
    def _key_text(event: QKeyEvent) -> str | None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            return ENTER
        if event.key() == Qt.Key.Key_Tab:
            return TAB
        text = event.text()
        return text if len(text) == 1 and text.isprintable() else None

    def _apply(self, result: WedgeEvent | None) -> bool:
        if result is None:
            self._arm()
            return False
        if isinstance(result, Complete):
            self._arm()
            self.scanned.emit(result.code)
        elif isinstance(result, Release):
            self._redeliver(result.keys)
            self._arm()
        elif isinstance(result, Swallow):
            self._arm()
        return True

    def _arm(self) -> None:
        deadline = self.detector.deadline()
        if deadline is None:
            self._timer.stop()
            return
        self._timer.start(max(1, int((deadline - self.clock()) * 1000) + 1))

    def _flush(self) -> None:
        result = self.detector.flush(self.clock())
        if result is None:
            self._arm()
        elif isinstance(result, Complete):
            self.scanned.emit(result.code)
        else:
            self._redeliver(result.keys)

    def _redeliver(self, keys: str) -> None:
        """Send held human keystrokes on to where they were going."""
        target = QApplication.focusWidget() or self._target
        if target is None:
            return
        for char in keys:
            key, text = _KEYS.get(char, (Qt.Key.Key_unknown, char))
            if key == Qt.Key.Key_unknown and char.isalnum() and char.isascii():
                key = Qt.Key(ord(char.upper()))
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QCoreApplication.sendEvent(
                    target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))
