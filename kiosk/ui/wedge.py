"""The keyboard-wedge filter: catches a USB scanner's key burst wherever focus is, and never
lets it leak into a text field. It filters the windows (``kiosk.ui.main_window.InputFilters``):
a key press reaches the window it is typed into before Qt passes it on to the focused widget.

The burst logic is ``kiosk.scan.wedge.WedgeDetector`` (Qt-free); this class only feeds it
key presses, eats what it says to eat, re-delivers keys that turned out to be typed by a
person, and emits ``scanned`` for a completed burst.

The gaps between keys come from the key events' own timestamps (milliseconds; the X server's
time under xcb), not from when the UI thread gets round to each event: keys a person typed
while the UI thread was busy for a moment (a sound loading, a screen being built) arrive
together but keep their real gaps, so they stay typing and never look like a scanner's
burst. Where events carry no timestamp (0: synthetic events, some platforms) the filter's
``clock`` measures the gap instead.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QApplication

from kiosk.scan.codes import HARDWARE_DEBOUNCE_S, Debouncer
from kiosk.scan.wedge import ENTER, TAB, Complete, Release, Swallow, WedgeDetector, WedgeEvent

_KEYS = {ENTER: (Qt.Key.Key_Return, "\r"), TAB: (Qt.Key.Key_Tab, "\t"),
         " ": (Qt.Key.Key_Space, " ")}


class WedgeFilter(QObject):
    """A filter of the windows' key presses; ``scanned`` fires with each scanner-typed code."""

    event_types = frozenset({QEvent.Type.KeyPress})  # the only events it looks at

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
        # The last key press: (its event timestamp in ms, its time on the detector's time
        # line, ``clock()`` when it was handled). The detector's time line advances by the
        # events' own gaps, and by ``clock()`` between keys and where timestamps are missing.
        self._anchor: tuple[int, float, float] | None = None
        self._target: QObject | None = None
        # Whether each held key was a held-down key's auto-repeat, oldest first: re-delivered
        # keys keep it, so the tap guard after this filter still tells a repeat from a press.
        self._repeats: list[bool] = []
        # Asked for each held key sent on as typing, before it goes (True: eaten): the tap
        # guard, which sees the window's keys after this filter.
        self.guard: Callable[[QObject | None, QKeyEvent], bool] | None = None
        self._redelivering = False  # sending held keys on: they are not fed again
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._flush)

    def _now(self) -> float:
        return self.clock()  # read at each call: tests swap the clock

    def set_max_gap_ms(self, gap_ms: int) -> None:
        """Accept bursts whose keys come at most ``gap_ms`` apart (the scanner's speed)."""
        self.detector.max_gap = gap_ms / 1000.0

    @property
    def holding(self) -> bool:
        """Whether keys of a burst (or of typing) are held, waiting for the next key. Work
        that blocks the UI thread waits until they are not: the filter's timer would fire
        late, count the wait as a gap between keys and cut a scanner's burst in two."""
        return self.detector.deadline() is not None

    def forget(self, code: str) -> None:
        """A scan of ``code`` was not acted on: the next scan of it counts again."""
        self.debouncer.reset()

    def stop(self) -> None:
        """Stop the timer of held keys (the window is closing)."""
        self._timer.stop()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Decide the fate of one key press typed into window ``obj`` (see
        ``WedgeDetector``)."""
        if event.type() != QEvent.Type.KeyPress or not self.enabled or self._redelivering \
                or not isinstance(obj, QWindow):
            return False
        assert isinstance(event, QKeyEvent)
        return self.feed(obj, event)

    def feed(self, obj: QObject, event: QKeyEvent) -> bool:
        """Decide one key press bound for ``obj`` (True: eaten, the filter re-delivers it
        if it was typed); ``eventFilter`` calls it once per real key press."""
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                | Qt.KeyboardModifier.AltModifier
                                | Qt.KeyboardModifier.MetaModifier):
            return False
        key = self._key_text(event)
        if key is None:
            return False
        self._target = obj
        now = self._key_time(int(event.timestamp()))
        if self._last_key is not None and now - self._last_key <= self.detector.max_gap:
            self._gap_ms = max(self._gap_ms, (now - self._last_key) * 1000)
        else:
            self._gap_ms = 0.0
        self._last_key = now
        self._repeats.append(event.isAutoRepeat())
        return self._apply(self.detector.feed(key, now))

    def _key_time(self, stamp: int) -> float:
        """The time of a key press with event timestamp ``stamp`` (ms, 0 when unknown) on
        the detector's time line, which then moves on to it."""
        handled = self.clock()
        anchor = self._anchor
        if anchor is None:
            at = handled
        elif stamp and anchor[0] and stamp >= anchor[0]:
            at = anchor[1] + (stamp - anchor[0]) / 1000  # the events' own gap
        else:  # no timestamps (or the X server's 32-bit clock wrapped): the clock's gap
            at = anchor[1] + max(0.0, handled - anchor[2])
        self._anchor = (stamp, at, handled)
        return at

    def _line_now(self) -> float:
        """Now on the detector's time line: the last key's time plus the clock since."""
        anchor = self._anchor
        if anchor is None:
            return self.clock()
        return anchor[1] + max(0.0, self.clock() - anchor[2])

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
            self._repeats.pop()  # this key goes through as it is, not held
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
        self._repeats.clear()
        self.burst.emit(code, self._gap_ms)
        self._gap_ms, self._last_key = 0.0, None
        if self.debouncer.accept(code):
            self.scanned.emit(code)

    def _arm(self) -> None:
        deadline = self.detector.deadline()
        if deadline is None:
            self._timer.stop()
            return
        self._timer.start(max(1, int((deadline - self._line_now()) * 1000) + 1))

    def _flush(self) -> None:
        result = self.detector.flush(self._line_now())
        if result is None:
            self._arm()
        elif isinstance(result, Complete):
            self._complete(result.code)
        else:
            self._redeliver(result.keys)

    def _redeliver(self, keys: str) -> None:
        """Send held human keystrokes on to where they were going (the oldest held keys):
        the focused widget, past its window's filters (``guard`` is asked instead)."""
        repeats = self._repeats[:len(keys)]
        del self._repeats[:len(keys)]
        repeats += [False] * (len(keys) - len(repeats))
        target = QApplication.focusWidget() or self._target
        if target is None:
            return
        self._redelivering = True  # with no focused widget, the target is a window
        try:
            for char, repeat in zip(keys, repeats, strict=True):
                key, text = _KEYS.get(char, (Qt.Key.Key_unknown, char))
                if key == Qt.Key.Key_unknown and char.isalnum() and char.isascii():
                    key = Qt.Key(ord(char.upper()))
                for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                    event = QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text, repeat)
                    if kind == QEvent.Type.KeyPress and self.guard is not None \
                            and self.guard(target, event):
                        continue
                    QCoreApplication.sendEvent(target, event)
        finally:
            self._redelivering = False
