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

from kiosk.scan.codes import HARDWARE_DEBOUNCE_S, Debouncer
from kiosk.scan.wedge import ENTER, TAB, Complete, Release, Swallow, WedgeDetector, WedgeEvent

_KEYS = {ENTER: (Qt.Key.Key_Return, "\r"), TAB: (Qt.Key.Key_Tab, "\t"),
         " ": (Qt.Key.Key_Space, " ")}


class WedgeFilter(QObject):
    """Install on the QApplication; ``scanned`` fires with each scanner-typed code."""

    scanned = Signal(str)  # the code as the scanner typed it (layout-mapped, not normalised)
    burst = Signal(str, float)  # every completed burst, repeats too: code, slowest gap (ms)

    def __init__(self, parent: QObject | None = None, *,
                 detector: WedgeDetector | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        """``clock``: seconds for the detector's timing (tests pass one they control)."""
        super().__init__(parent)
        self.detector = detector or WedgeDetector()
        self.clock = clock
        self.enabled = True
        # A scanner that re-sends the same code (a double trigger) counts once.
        self.debouncer = Debouncer(HARDWARE_DEBOUNCE_S, self._now)
        self._gap_ms = 0.0  # slowest gap between keys of the burst being typed
        self._last_key: float | None = None
        self._target: QObject | None = None
        self._window_event: tuple[int, int] | None = None  # (event address, timestamp)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._flush)

    def _now(self) -> float:
        return self.clock()  # read at each call: tests swap the clock

    def set_max_gap_ms(self, gap_ms: int) -> None:
        """Accept bursts whose keys come at most ``gap_ms`` apart (the scanner's speed)."""
        self.detector.max_gap = gap_ms / 1000.0

    def forget(self, code: str) -> None:
        """A scan of ``code`` was not acted on: the next scan of it counts again."""
        self.debouncer.reset()

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
        now = self.clock()
        if self._last_key is not None and now - self._last_key <= self.detector.max_gap:
            self._gap_ms = max(self._gap_ms, (now - self._last_key) * 1000)
        else:
            self._gap_ms = 0.0
        self._last_key = now
        return self._apply(self.detector.feed(key, now))

    @staticmethod
    def _key_text(event: QKeyEvent) -> str | None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) or event.text() in ("\r", "\n"):
            return ENTER  # scanners end with Enter, some with a line feed
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
            self._complete(result.code)
        elif isinstance(result, Release):
            self._redeliver(result.keys)
            self._arm()
        elif isinstance(result, Swallow):
            self._arm()
        return True

    def _complete(self, code: str) -> None:
        self.burst.emit(code, self._gap_ms)
        self._gap_ms, self._last_key = 0.0, None
        if self.debouncer.accept(code):
            self.scanned.emit(code)

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
            self._complete(result.code)
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
