"""Run something once a widget has been painted and the event loop is idle again.

Start-up work that staff do not need to see the first screen (the camera, the background
replay) waits for that moment, so it never delays the first picture. With
``KIOSK_STARTUP_MARK=1`` the kiosk prints ``KIOSK_STARTUP_MARK <time.monotonic()>`` at the
first such moment of a usable scan screen (``benchmarks/startup.py`` reads it; one
``CLOCK_MONOTONIC`` serves every process of the machine).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

MARK_ENV = "KIOSK_STARTUP_MARK"


class _AfterPaint(QObject):
    def __init__(self, widget: QWidget, callback: Callable[[], None],
                 ready: Callable[[], bool], fallback_ms: int | None) -> None:
        super().__init__(widget)
        self._callback = callback
        self._ready = ready
        self._done = False
        widget.installEventFilter(self)
        if fallback_ms is not None:  # never painted (hidden, minimised): go on anyway
            QTimer.singleShot(fallback_ms if widget.isVisible() else 0, self, self._fire)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and not self._done and self._ready():
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self, self._fire)
        return False

    def _fire(self) -> None:
        if self._done:
            return
        self._done = True
        parent = self.parent()
        if parent is not None:
            parent.removeEventFilter(self)
        self._callback()
        self.deleteLater()


def after_first_paint(widget: QWidget, callback: Callable[[], None], *,
                      ready: Callable[[], bool] = lambda: True,
                      fallback_ms: int | None = 1000) -> None:
    """Call ``callback`` once, on the event loop's next turn after ``widget`` is painted
    while ``ready()`` holds; after ``fallback_ms`` (at once if ``widget`` is hidden) when no
    paint comes, unless ``fallback_ms`` is None."""
    _AfterPaint(widget, callback, ready, fallback_ms)


def print_mark() -> None:
    """The start-up mark line (see the module docstring)."""
    sys.stdout.write(f"{MARK_ENV} {time.monotonic():.6f}\n")
    sys.stdout.flush()


def mark_wanted() -> bool:
    """Whether ``KIOSK_STARTUP_MARK`` asks for the mark."""
    return bool(os.environ.get(MARK_ENV))
