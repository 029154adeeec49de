"""The camera as Qt signals: capture and decode off the UI thread.

:class:`CameraWorker` lives on the UI thread; ``start(source)`` runs a
:class:`~kiosk.scan.camera.FrameGrabber` (capture thread, newest frame only) and a
decode loop on a ``QThread``. The loop converts each new frame to gray, decodes it
with the combined decoder, and emits a debounced ``code_scanned`` plus a throttled,
downscaled preview. A :class:`~kiosk.scan.motion.MotionGate` skips decoding frames of a
still scene, so an idle counter costs little CPU. ``stop()`` returns only when both threads
are finished.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

import cv2
import numpy as np
from PySide6.QtCore import QObject, QThread, Signal, Slot
from PySide6.QtGui import QImage

from kiosk.scan.camera import (
    CameraState,
    CaptureSettings,
    FrameGrabber,
    FrameSource,
    Image,
    OpenCVSource,
    SourceSpec,
)
from kiosk.scan.codes import CAMERA_DEBOUNCE_S, Debouncer
from kiosk.scan.decoders import Decoder, DecoderName, as_gray, make_decoder
from kiosk.scan.motion import MotionGate

SourceOpener = Callable[[], FrameSource]
IDLE_PREVIEW_S = 0.5  # preview refresh while nothing moves in front of the camera


def to_qimage(frame: Image, max_width: int) -> QImage:
    """A downscaled RGB copy of a BGR or gray frame, owning its pixels."""
    height, width = frame.shape[:2]
    if width > max_width:
        scale = max_width / width
        frame = np.asarray(cv2.resize(frame, (max_width, max(1, int(height * scale))),
                                      interpolation=cv2.INTER_AREA), dtype=np.uint8)
    if frame.ndim == 2:
        rgb = np.ascontiguousarray(cv2.cvtColor(frame, cv2.COLOR_GRAY2RGB))
    else:
        rgb = np.ascontiguousarray(cv2.cvtColor(frame, cv2.COLOR_BGR2RGB))
    h, w = rgb.shape[:2]
    return QImage(rgb.data, w, h, 3 * w, QImage.Format.Format_RGB888).copy()


class _DecodeLoop(QObject):
    """Runs on the worker's QThread until cancelled or the source ends."""

    frame_ready = Signal(QImage)
    code_scanned = Signal(str, str)
    finished = Signal()

    def __init__(self, grabber: FrameGrabber, decoder: Decoder, debouncer: Debouncer,
                 preview_interval: float, preview_width: int) -> None:
        super().__init__()
        self._grabber = grabber
        self._decoder = decoder
        self._debouncer = debouncer
        self._preview_interval = preview_interval
        self._preview_width = preview_width
        self._gate = MotionGate()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the loop to finish (thread-safe)."""
        self._cancel.set()

    @Slot()
    def run(self) -> None:
        """Decode the newest frame, again and again."""
        seq = 0
        last_preview = 0.0
        while not self._cancel.is_set():
            frame = self._grabber.latest(after=seq, timeout=0.1)
            if frame is None:
                if self._grabber.ended:
                    break
                continue
            seq = frame.seq
            now = time.monotonic()
            decode = self._gate.should_decode(frame.image, now)
            # A still picture needs no fresh preview 15 times a second.
            interval = self._preview_interval if self._gate.moving(now) else IDLE_PREVIEW_S
            if now - last_preview >= interval:
                last_preview = now
                self.frame_ready.emit(to_qimage(frame.image, self._preview_width))
            if not decode:
                continue
            for symbol in self._decoder.decode(as_gray(frame.image)):
                if self._debouncer.accept(symbol.text):
                    self.code_scanned.emit(symbol.text, symbol.format.value)
        self.finished.emit()


class CameraWorker(QObject):
    """Frames and codes from a camera, file or stream, as signals on the UI thread."""

    frame_ready = Signal(QImage)  # a downscaled preview, at most ``preview_fps`` per second
    code_scanned = Signal(str, str)  # text as decoded, format name (e.g. "QR_CODE"); debounced
    camera_state = Signal(str)  # "running" | "no_camera" | "reconnecting" | "stopped"

    def __init__(self, parent: QObject | None = None, *, decoder: DecoderName = "combined",
                 settings: CaptureSettings | None = None, debounce_s: float = CAMERA_DEBOUNCE_S,
                 preview_fps: float = 15.0, preview_width: int = 640) -> None:
        super().__init__(parent)
        self._decoder_name = decoder
        self._settings = settings or CaptureSettings()
        self._debounce_s = debounce_s
        self._preview_interval = 1.0 / preview_fps
        self._preview_width = preview_width
        self._grabber: FrameGrabber | None = None
        self._thread: QThread | None = None
        self._loop: _DecodeLoop | None = None

    def is_running(self) -> bool:
        """Whether a source is open (or being reopened)."""
        return self._thread is not None

    def start(self, source: SourceSpec | SourceOpener) -> None:
        """Open ``source`` (device index, file, pattern or URL, or a callable opening one)."""
        self.stop()
        settings = self._settings
        opener: SourceOpener = (
            source if callable(source) else (lambda: OpenCVSource(source, settings))
        )
        decoder = make_decoder(self._decoder_name)
        self._grabber = FrameGrabber(opener, on_state=self._state_changed)
        self._loop = _DecodeLoop(self._grabber, decoder, Debouncer(self._debounce_s),
                                 self._preview_interval, self._preview_width)
        self._thread = QThread()
        self._loop.moveToThread(self._thread)
        self._thread.started.connect(self._loop.run)
        self._loop.finished.connect(self._thread.quit)
        self._loop.frame_ready.connect(self.frame_ready)
        self._loop.code_scanned.connect(self.code_scanned)
        self._grabber.start()
        self._thread.start()

    def stop(self) -> None:
        """Stop capturing and decoding; returns when both threads have finished."""
        if self._loop is not None:
            self._loop.cancel()
        if self._grabber is not None:
            self._grabber.stop()
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
        self._thread = None
        self._loop = None
        self._grabber = None

    def _state_changed(self, state: CameraState) -> None:
        # Called on the capture thread; a signal emission is queued to the UI thread.
        self.camera_state.emit(state.value)
