"""A new screen ignores taps for a moment, so the second tap of a double tap never lands on
whatever appeared under the finger (a confirm button, "Scan next")."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

GUARD_MS = 400
_TAPS = frozenset({
    QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick, QEvent.Type.TouchBegin, QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
})


class TapGuard(QObject):
    """Application event filter: eats taps inside ``area`` for ``ms`` after ``arm``."""

    event_types = _TAPS  # the only events it looks at

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
        """Eat a tap on the guarded area while armed."""
        if event.type() not in _TAPS or not isinstance(obj, QWidget) or not self.armed:
            return False
        return obj is self.area or self.area.isAncestorOf(obj)
