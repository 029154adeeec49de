"""Camera sources on real OpenCV files, the newest-frame grabber, end of file and unplugging."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

from kiosk.scan.camera import (
    Backoff,
    CameraInfo,
    CameraState,
    FrameGrabber,
    Image,
    OpenCVSource,
    SourceUnavailable,
    list_cameras,
    parse_source,
)

FRAMES = 12


def _frame(i: int) -> Image:
    """A 320×240 BGR frame whose brightness encodes ``i`` (survives MJPG)."""
    return np.full((240, 320, 3), 20 + i * 15, dtype=np.uint8)


def _index(image: Image) -> int:
    return round((float(image.mean()) - 20) / 15)


@pytest.fixture
def mjpg_avi(tmp_path: Path) -> Path:
    path = tmp_path / "clip.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 10.0, (320, 240))
    assert writer.isOpened()
    for i in range(FRAMES):
        writer.write(_frame(i))
    writer.release()
    return path


@pytest.fixture
def image_sequence(tmp_path: Path) -> str:
    for i in range(FRAMES):
        assert cv2.imwrite(str(tmp_path / f"frame_{i:03d}.png"), _frame(i))
    return str(tmp_path / "frame_%03d.png")


def _read_all(source: OpenCVSource) -> list[int]:
    seen = []
    while (image := source.read()) is not None:
        seen.append(_index(image))
    source.release()
    return seen


def test_reads_an_mjpg_avi_to_the_end(mjpg_avi: Path) -> None:
    source = OpenCVSource(str(mjpg_avi))
    assert not source.live
    assert source.fps == pytest.approx(10.0)
    assert _read_all(source) == list(range(FRAMES))


def test_reads_an_image_sequence(image_sequence: str) -> None:
    assert _read_all(OpenCVSource(image_sequence)) == list(range(FRAMES))


def test_missing_file_and_device_are_unavailable(tmp_path: Path) -> None:
    with pytest.raises(SourceUnavailable, match="no such file"):
        OpenCVSource(str(tmp_path / "nope.avi"))
    with pytest.raises(SourceUnavailable):
        OpenCVSource(97)  # no such /dev/video97


def test_parse_source() -> None:
    assert parse_source(" 0 ") == 0
    assert parse_source("rtsp://cam/stream") == "rtsp://cam/stream"
    assert parse_source("frames/frame_%03d.png") == "frames/frame_%03d.png"


def test_list_cameras_returns_camera_infos() -> None:
    cameras = list_cameras()
    assert all(isinstance(c, CameraInfo) and c.index >= 0 for c in cameras)
    assert len({c.index for c in cameras}) == len(cameras)


class StateLog:
    """Collects grabber states from the capture thread."""

    def __init__(self) -> None:
        self.states: list[CameraState] = []
        self._lock = threading.Lock()

    def __call__(self, state: CameraState) -> None:
        with self._lock:
            self.states.append(state)

    def wait_for(self, state: CameraState, timeout: float = 5.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if state in self.states:
                    return
            time.sleep(0.005)
        raise AssertionError(f"never reached {state}: {self.states}")


def test_grabber_keeps_only_the_newest_frame_and_stops_at_end_of_file(mjpg_avi: Path) -> None:
    log = StateLog()
    grabber = FrameGrabber(lambda: OpenCVSource(str(mjpg_avi)), realtime=False, on_state=log)
    grabber.start()
    log.wait_for(CameraState.STOPPED)
    grabber.stop()
    assert grabber.ended
    assert log.states == [CameraState.RUNNING, CameraState.STOPPED]
    frame = grabber.latest()
    assert frame is not None
    assert frame.seq == FRAMES
    assert _index(frame.image) == FRAMES - 1  # older frames were dropped, not queued
    assert grabber.latest(after=frame.seq, timeout=0.2) is None


class FakeCamera:
    """A live camera at the true edge: numbered frames, then (optionally) it is unplugged."""

    live = True
    fps = 30.0

    def __init__(self, frames_before_unplug: int | None = None) -> None:
        self.count = 0
        self.limit = frames_before_unplug
        self.released = False

    def read(self) -> Image | None:
        if self.limit is not None and self.count >= self.limit:
            return None
        self.count += 1
        time.sleep(0.002)
        return _frame(self.count % 10)

    def release(self) -> None:
        self.released = True


def test_slow_consumer_gets_the_newest_frame_not_a_backlog() -> None:
    grabber = FrameGrabber(FakeCamera)
    grabber.start()
    try:
        first = grabber.latest(timeout=2.0)
        assert first is not None
        time.sleep(0.1)  # a slow decode: frames keep arriving meanwhile
        later = grabber.latest(after=first.seq, timeout=2.0)
        assert later is not None
        assert later.seq > first.seq + 5  # skipped straight to the newest
    finally:
        grabber.stop()
    assert grabber.state is CameraState.STOPPED


def test_unplugged_camera_is_reopened_with_backoff() -> None:
    cameras: list[FakeCamera] = []
    attempts = {"n": 0}

    def opener() -> FakeCamera:
        attempts["n"] += 1
        if attempts["n"] in (2, 3):  # unplugged: the device is gone for two attempts
            raise SourceUnavailable("no device")
        camera = FakeCamera(frames_before_unplug=5 if attempts["n"] == 1 else None)
        cameras.append(camera)
        return camera

    log = StateLog()
    grabber = FrameGrabber(opener, backoff=Backoff(0.01, 0.05), on_state=log)
    grabber.start()
    try:
        log.wait_for(CameraState.RECONNECTING)
        deadline = time.monotonic() + 5
        while len(log.states) < 3 and time.monotonic() < deadline:
            time.sleep(0.005)
        frame = grabber.latest(after=5, timeout=2.0)
        assert frame is not None  # frames flow again after the replug
    finally:
        grabber.stop()
    assert log.states == [CameraState.RUNNING, CameraState.RECONNECTING, CameraState.RUNNING,
                          CameraState.STOPPED]
    assert attempts["n"] == 4
    assert all(c.released for c in cameras)


def test_no_camera_state_when_nothing_can_be_opened() -> None:
    def opener() -> FakeCamera:
        raise SourceUnavailable("no camera")

    log = StateLog()
    grabber = FrameGrabber(opener, backoff=Backoff(0.01, 0.02), on_state=log)
    grabber.start()
    log.wait_for(CameraState.NO_CAMERA)
    assert grabber.latest(timeout=0.05) is None
    grabber.stop()
    assert log.states == [CameraState.NO_CAMERA, CameraState.STOPPED]
