"""Camera sources (OpenCV ``VideoCapture``) and a capture thread that keeps only the newest frame.

A *source spec* is a device index (``0``), a video file, an image sequence
(``frames/frame_%03d.png``) or a stream URL (``rtsp://…``, ``http://…``).

:class:`FrameGrabber` reads continuously on its own thread so that the decoder
always gets the newest frame (the V4L2 queue otherwise hands out frames ~130 ms
old), reopens an unplugged camera with back-off, and reports a :class:`CameraState`.
"""

from __future__ import annotations

import contextlib
import glob
import sys
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Protocol

import cv2
import numpy as np
import numpy.typing as npt

Image = npt.NDArray[np.uint8]
SourceSpec = int | str


class CameraState(StrEnum):
    """What the camera is doing, as the worker reports it to the UI."""

    RUNNING = "running"
    NO_CAMERA = "no_camera"
    RECONNECTING = "reconnecting"
    STOPPED = "stopped"


class SourceUnavailable(OSError):
    """The camera, file or stream cannot be opened (or stopped delivering)."""


@dataclass(frozen=True)
class CameraInfo:
    """A camera found on this machine."""

    index: int
    name: str
    path: str = ""


@dataclass(frozen=True)
class CaptureSettings:
    """Requested capture format for live cameras; the driver may give something else."""

    width: int = 1280
    height: int = 720
    fps: float = 30.0
    fourcc: str = "MJPG"


class FrameSource(Protocol):
    """Something that yields frames: a camera, file or stream (or a test's fake camera)."""

    live: bool
    fps: float

    def read(self) -> Image | None:
        """The next BGR (or gray) frame; ``None`` on failure or end of file."""
        ...

    def release(self) -> None:
        """Free the device or file."""
        ...


def parse_source(text: str) -> SourceSpec:
    """``"0"`` → device 0; anything else is a path, pattern or URL."""
    stripped = text.strip()
    return int(stripped) if stripped.isdigit() else stripped


@contextlib.contextmanager
def _quiet_opencv() -> Iterator[None]:
    """Silence OpenCV's warnings while probing devices that may not exist."""
    logging = cv2.utils.logging
    previous = logging.getLogLevel()
    logging.setLogLevel(logging.LOG_LEVEL_SILENT)
    try:
        yield
    finally:
        logging.setLogLevel(previous)


def _device_api() -> int:
    if sys.platform.startswith("linux"):
        return int(cv2.CAP_V4L2)
    if sys.platform == "win32":
        return int(cv2.CAP_DSHOW)
    return int(cv2.CAP_ANY)


class OpenCVSource:
    """A ``cv2.VideoCapture`` on a device, file, image sequence or URL."""

    def __init__(self, spec: SourceSpec, settings: CaptureSettings | None = None) -> None:
        self.spec = spec
        self.live = isinstance(spec, int) or "://" in str(spec)
        self._first: Image | None = None
        with _quiet_opencv():
            self._cap = self._open(settings if isinstance(spec, int) else None)
        fps = float(self._cap.get(cv2.CAP_PROP_FPS) or 0.0)
        self.fps = fps if 1.0 <= fps <= 240.0 else 25.0

    def _open(self, settings: CaptureSettings | None) -> cv2.VideoCapture:
        spec = self.spec
        if isinstance(spec, int):
            cap = cv2.VideoCapture(spec, _device_api())
        elif "://" in spec or "%" in spec or Path(spec).exists():
            cap = cv2.VideoCapture(spec)
        else:
            raise SourceUnavailable(f"no such file: {spec}")
        if not cap.isOpened():
            raise SourceUnavailable(f"cannot open {spec!r}")
        if settings is None:
            return cap
        cap.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*settings.fourcc))
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, settings.width)
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, settings.height)
        cap.set(cv2.CAP_PROP_FPS, settings.fps)
        cap.set(cv2.CAP_PROP_BUFFERSIZE, 1)
        ok, frame = cap.read()
        if ok:
            self._first = np.asarray(frame, dtype=np.uint8)
            return cap
        # The driver accepted the settings but delivers nothing: fall back to its defaults.
        cap.release()
        cap = cv2.VideoCapture(spec, _device_api())
        if not cap.isOpened():
            raise SourceUnavailable(f"cannot open {spec!r}")
        return cap

    def read(self) -> Image | None:
        """The next frame, ``None`` at end of file or when the device fails."""
        if self._first is not None:
            first, self._first = self._first, None
            return first
        ok, frame = self._cap.read()
        return np.asarray(frame, dtype=np.uint8) if ok and frame is not None else None

    def release(self) -> None:
        """Close the capture."""
        self._cap.release()


def list_cameras(max_probe: int = 6) -> list[CameraInfo]:
    """Cameras on this machine (for the settings screen and ``kiosk doctor``).

    On Linux the V4L2 capture nodes are listed from sysfs without opening them;
    elsewhere device indices ``0..max_probe-1`` are probed.
    """
    if sys.platform.startswith("linux"):
        return _linux_cameras()
    found = []
    with _quiet_opencv():
        for index in range(max_probe):
            cap = cv2.VideoCapture(index, _device_api())
            if cap.isOpened():
                found.append(CameraInfo(index, f"Camera {index}"))
            cap.release()
    return found


def _linux_cameras() -> list[CameraInfo]:
    cameras = []
    for node in sorted(glob.glob("/sys/class/video4linux/video*")):
        sys_path = Path(node)
        try:
            index = int(sys_path.name.removeprefix("video"))
            name = (sys_path / "name").read_text(encoding="utf-8", errors="replace").strip()
            # A UVC camera exposes a metadata node too; its "index" attribute is not 0.
            node_index = (sys_path / "index").read_text(encoding="utf-8").strip()
        except (OSError, ValueError):
            continue
        if node_index in ("", "0"):
            cameras.append(CameraInfo(index, name or f"Camera {index}", f"/dev/{sys_path.name}"))
    return cameras


@dataclass(frozen=True)
class Frame:
    """A captured frame; ``seq`` increases by one per frame read from the source."""

    seq: int
    image: Image
    captured_at: float


class Backoff:
    """Delays between reconnection attempts: ``initial`` doubling up to ``maximum``."""

    def __init__(self, initial: float = 0.5, maximum: float = 5.0) -> None:
        self.initial = initial
        self.maximum = maximum
        self._next = initial

    def next_delay(self) -> float:
        """The delay before the next attempt."""
        delay = self._next
        self._next = min(self.maximum, self._next * 2)
        return delay

    def reset(self) -> None:
        """Back to the initial delay (after a success)."""
        self._next = self.initial


class FrameGrabber:
    """Reads a source on a daemon thread and keeps only the newest frame.

    ``opener`` creates the source (called again to reconnect). Live sources that
    stop delivering are reopened with :class:`Backoff`; files end with
    :attr:`CameraState.STOPPED` and :attr:`ended` set. ``realtime`` paces files
    at their frame rate so that they behave like a camera.
    """

    def __init__(self, opener: Callable[[], FrameSource], *, realtime: bool = True,
                 backoff: Backoff | None = None, failures_before_reconnect: int = 3,
                 on_state: Callable[[CameraState], None] | None = None) -> None:
        self._opener = opener
        self._realtime = realtime
        self._backoff = backoff or Backoff()
        self._max_failures = failures_before_reconnect
        self._on_state = on_state
        self._cond = threading.Condition()
        self._stop = threading.Event()
        self._frame: Frame | None = None
        self._thread: threading.Thread | None = None
        self.state = CameraState.STOPPED
        self.ended = False

    def start(self) -> None:
        """Start capturing (returns at once)."""
        self._stop.clear()
        self._thread = threading.Thread(target=self._run, name="frame-grabber", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        """Stop capturing and wait for the thread to finish."""
        self._stop.set()
        with self._cond:
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def latest(self, after: int = 0, timeout: float = 0.0) -> Frame | None:
        """The newest frame with ``seq > after``, waiting up to ``timeout`` seconds for one."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._frame is None or self._frame.seq <= after:
                remaining = deadline - time.monotonic()
                if remaining <= 0 or self._stop.is_set() or self.ended:
                    return None
                self._cond.wait(remaining)
            return self._frame

    def _set_state(self, state: CameraState) -> None:
        if state != self.state:
            self.state = state
            if self._on_state is not None:
                self._on_state(state)

    def _run(self) -> None:
        seq = 0
        has_run = False
        while not self._stop.is_set():
            try:
                source = self._opener()
            except (SourceUnavailable, OSError, cv2.error):
                self._set_state(CameraState.RECONNECTING if has_run else CameraState.NO_CAMERA)
                self._stop.wait(self._backoff.next_delay())
                continue
            self._backoff.reset()
            has_run = True
            self._set_state(CameraState.RUNNING)
            try:
                seq = self._pump(source, seq)
            finally:
                source.release()
            if self.ended:
                break
            if not self._stop.is_set():
                self._set_state(CameraState.RECONNECTING)
                self._stop.wait(self._backoff.next_delay())
        self._set_state(CameraState.STOPPED)
        with self._cond:
            self._cond.notify_all()

    def _pump(self, source: FrameSource, seq: int) -> int:
        """Read until stopped, end of file or repeated failure; returns the last seq."""
        failures = 0
        period = 1.0 / source.fps if self._realtime and not source.live else 0.0
        while not self._stop.is_set():
            image = source.read()
            if image is None:
                if not source.live:
                    self.ended = True
                    return seq
                failures += 1
                if failures >= self._max_failures:
                    return seq
                continue
            failures = 0
            seq += 1
            with self._cond:
                self._frame = Frame(seq, image, time.monotonic())
                self._cond.notify_all()
            if period:
                self._stop.wait(period)
        return seq
