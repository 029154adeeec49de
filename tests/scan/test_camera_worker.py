"""The Qt camera worker on a real video file: previews, one debounced code, clean stop."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtGui import QImage
from pytestqt.qtbot import QtBot

from kiosk.app.qt.camera_worker import CameraWorker
from tests.helpers.scan import VOUCHER, bgr, on_canvas, render


@pytest.fixture
def voucher_video(tmp_path: Path) -> Path:
    path = tmp_path / "voucher.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 20.0, (640, 480))
    frame = bgr(on_canvas(render(VOUCHER, scale=4)))
    for _ in range(12):
        writer.write(frame)
    writer.release()
    return path


def test_decodes_a_video_once_and_stops_cleanly(qtbot: QtBot, voucher_video: Path) -> None:
    worker = CameraWorker(preview_width=320)
    codes: list[tuple[str, str]] = []
    states: list[str] = []
    previews: list[QImage] = []
    worker.code_scanned.connect(lambda text, fmt: codes.append((text, fmt)))
    worker.camera_state.connect(states.append)
    worker.frame_ready.connect(previews.append)

    worker.start(str(voucher_video))
    qtbot.waitUntil(lambda: "stopped" in states, timeout=10_000)  # the file ended
    worker.stop()
    assert not worker.is_running()

    assert codes == [(VOUCHER, "QR_CODE")]  # 12 frames with the code, one scan
    assert states == ["running", "stopped"]
    assert previews
    assert previews[0].width() == 320
    assert previews[0].height() == 240


def test_missing_camera_reports_no_camera_and_stop_joins(qtbot: QtBot, tmp_path: Path) -> None:
    worker = CameraWorker()
    with qtbot.waitSignal(worker.camera_state, timeout=5_000) as blocker:
        worker.start(str(tmp_path / "unplugged.avi"))
    assert blocker.args == ["no_camera"]
    with qtbot.waitSignal(worker.camera_state, timeout=5_000) as blocker:
        worker.stop()
    assert blocker.args == ["stopped"]
    assert not worker.is_running()


def test_a_code_arriving_after_an_idle_spell_is_read(qtbot: QtBot, tmp_path: Path) -> None:
    """The motion gate skips the still scene but never the voucher moving into view."""
    path = tmp_path / "counter.avi"
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter.fourcc(*"MJPG"), 15.0, (640, 480))
    rng = np.random.default_rng(5)
    empty = on_canvas(np.full((40, 40), 120, dtype=np.uint8))
    held = on_canvas(render(VOUCHER, scale=4))
    for index in range(45):  # 2 s of an empty counter, then the voucher held for 1 s
        base = empty if index < 30 else held
        noisy = np.clip(base + rng.normal(0, 3, base.shape), 0, 255).astype(np.uint8)
        writer.write(bgr(noisy))
    writer.release()
    worker = CameraWorker()
    codes: list[str] = []
    states: list[str] = []
    worker.code_scanned.connect(lambda text, _fmt: codes.append(text))
    worker.camera_state.connect(states.append)
    worker.start(str(path))
    qtbot.waitUntil(lambda: "stopped" in states, timeout=15_000)
    worker.stop()
    assert codes == [VOUCHER]
