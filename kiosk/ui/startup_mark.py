"""``KIOSK_STARTUP_MARK=1``: print when the kiosk first became usable, for
``benchmarks/startup.py``.

"Usable" is: someone is signed in, the scan screen is on display, it has been painted, and
the event loop is idle again (a zero timer after that paint fires), so a key press or a scan
is handled at once. The line is ``KIOSK_STARTUP_MARK <time.monotonic()>`` on stdout, once;
``CLOCK_MONOTONIC`` is shared by every process of the machine, so the benchmark subtracts
the moment it launched the kiosk.
"""

from __future__ import annotations

import os
import sys
import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer

from kiosk.ui.pages import Page

if TYPE_CHECKING:
    from kiosk.ui.main_window import MainWindow

ENV = "KIOSK_STARTUP_MARK"
PREFIX = "KIOSK_STARTUP_MARK"


class StartupMark(QObject):
    """Watches the scan screen's paints until the first one of a signed-in, usable till."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        window.scan_screen.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """After the first paint of a usable scan screen, print once the loop is idle."""
        window = self.window
        if (event.type() == QEvent.Type.Paint and window.session is not None
                and window.page is Page.SCAN and window.wedge.enabled):
            obj.removeEventFilter(self)
            QTimer.singleShot(0, self._print)
        return False

    @staticmethod
    def _print() -> None:
        sys.stdout.write(f"{PREFIX} {time.monotonic():.6f}\n")
        sys.stdout.flush()


def watch(window: MainWindow) -> None:
    """Print the mark for ``window`` when ``KIOSK_STARTUP_MARK`` is set."""
    if os.environ.get(ENV):
        StartupMark(window)
