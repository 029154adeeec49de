"""Idle detection for the lock screen: no touch, click or key for N minutes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal

_ACTIVITY = frozenset({
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove,
    QEvent.Type.TouchBegin, QEvent.Type.Wheel,
})
MINUTE_MS = 60_000


class IdleWatcher(QObject):
    """Emits ``idle`` once after ``minutes`` without user input (0 = never)."""

    event_types = _ACTIVITY  # the only events it looks at

    idle = Signal()

    def __init__(self, parent: QObject | None = None, *, unit_ms: int = MINUTE_MS) -> None:
        super().__init__(parent)
        self.unit_ms = unit_ms  # tests shorten a "minute"
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle.emit)
        self.minutes = 0

    def set_minutes(self, minutes: int) -> None:
        """Lock after ``minutes`` idle; 0 switches the lock off."""
        self.minutes = minutes
        self.restart()

    def restart(self) -> None:
        """Start counting again from now."""
        if self.minutes > 0:
            self._timer.start(self.minutes * self.unit_ms)
        else:
            self._timer.stop()

    def stop(self) -> None:
        """Stop counting (while locked or signed out)."""
        self._timer.stop()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """Any user input restarts the count."""
        if event.type() in _ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False
