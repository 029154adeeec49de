"""Guards against a Qt binding that miscounts references on signal emission.

PySide6 6.12.0 drops one reference to ``True`` on every emit; a camera preview emits
15 frames a second, so the kiosk aborted ("bool_dealloc") after a few minutes of use.
"""

from __future__ import annotations

import gc
import sys

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage


class _Emitter(QObject):
    frame = Signal(QImage)
    text = Signal(str)


def test_emitting_signals_keeps_reference_counts(qapp: object) -> None:
    emitter = _Emitter()
    received: list[object] = []
    emitter.frame.connect(received.append)
    emitter.text.connect(received.append)
    image = QImage(8, 8, QImage.Format.Format_RGB888)
    # A garbage collection during the loop frees earlier tests' objects (thousands of
    # references to None gone at once): collected first, and none while counting.
    gc.collect()
    gc.disable()
    try:
        before = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
        for _ in range(2000):
            emitter.frame.emit(image)
            emitter.text.emit("running")
        received.clear()
        after = sys.getrefcount(True), sys.getrefcount(False), sys.getrefcount(None)
    finally:
        gc.enable()
    # Unrelated objects come and go meanwhile; the bug shows as thousands, not dozens.
    drift = [a - b for a, b in zip(after, before, strict=True)]
    assert all(abs(d) < 200 for d in drift), drift
