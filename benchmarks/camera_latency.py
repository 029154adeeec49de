"""Barcode enters the camera view → code on the UI thread (DESIGN §5: a readable code is
decoded in the first frame it is sharp in).

Each trial plays a video through the real :class:`CameraWorker` at its real frame rate: an
empty counter with sensor noise for ``--idle`` seconds (so the motion gate has settled into
its idle rhythm), then the voucher slides in (frame K: half in view and motion-blurred,
K+1: in view, blurred), and is held still and sharp from frame K+2. It records which frame
the decoder read the code in and when the code reached the UI thread, against the frame's
capture time. The figure to hold against the bar is "frames after the first sharp frame"
(0 = read in the first sharp frame) and the capture → UI latency in frame intervals.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/camera_latency.py [--trials 5]``
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import cv2
import numpy as np

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth_frames

VOUCHER = "GB50-K7QX-9M2F-4TZB"
SIZE = (640, 480)


def _code() -> np.ndarray:
    import zxingcpp

    barcode = zxingcpp.create_barcode(VOUCHER, zxingcpp.BarcodeFormat.QRCode)
    return np.asarray(zxingcpp.write_barcode_to_image(barcode, scale=5), dtype=np.uint8)


def make_video(path: Path, fps: float, idle_s: float, seed: int) -> int:
    """Write the trial's video; returns the index of the first sharp frame."""
    scene = synth_frames.empty_frame(SIZE, seed=seed).astype(np.float32)
    code = _code().astype(np.float32)
    h, w = code.shape
    x_final, y = (SIZE[0] - w) // 2, (SIZE[1] - h) // 2
    rng = np.random.default_rng(seed)
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, SIZE)
    enter = int(idle_s * fps)
    frames = enter + int(1.5 * fps)
    for index in range(frames):
        frame = scene.copy()
        if index >= enter:
            step = index - enter
            x = x_final - (w // 2 if step == 0 else 0)
            visible = frame[y:y + h, max(0, x):x + w]
            patch = code[:, max(0, -x):][:, :visible.shape[1]]
            if step < 2:  # moving: blurred along the motion
                patch = cv2.blur(patch, (15, 1))
            visible[:] = patch
        frame += rng.normal(0, 3, frame.shape)
        gray = np.clip(frame, 0, 255).astype(np.uint8)
        writer.write(cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR))
    writer.release()
    return enter + 2


def trial(fps: float, idle_s: float, seed: int) -> dict[str, Any]:
    """One video through the worker: which frame was read, and how late it reached the UI."""
    from PySide6.QtCore import QEventLoop, QTimer

    from kiosk.app.qt import camera_worker
    from kiosk.scan.camera import FrameGrabber

    handed: dict[str, Any] = {}
    read: dict[str, Any] = {}
    real_latest, real_make = FrameGrabber.latest, camera_worker.make_decoder

    def latest(self: FrameGrabber, after: int = 0, timeout: float = 0.0) -> Any:
        frame = real_latest(self, after, timeout)
        if frame is not None:
            handed["frame"] = frame
        return frame

    def make_decoder(*args: Any, **kwargs: Any) -> Any:
        decoder = real_make(*args, **kwargs)
        decode = decoder.decode

        def recording(gray: Any) -> Any:
            symbols = decode(gray)
            if symbols and "frame" not in read:
                read["frame"] = handed["frame"]
            return symbols

        decoder.decode = recording  # type: ignore[method-assign]
        return decoder

    FrameGrabber.latest = latest  # type: ignore[method-assign]
    camera_worker.make_decoder = make_decoder
    with tempfile.TemporaryDirectory(prefix="kiosk-camlat-") as folder:
        video = Path(folder) / "trial.avi"
        sharp = make_video(video, fps, idle_s, seed)
        worker = camera_worker.CameraWorker()
        loop = QEventLoop()
        arrived: list[float] = []

        def on_code(_text: str, _fmt: str) -> None:
            arrived.append(time.monotonic())
            loop.quit()

        worker.code_scanned.connect(on_code)
        worker.camera_state.connect(lambda state: loop.quit() if state == "stopped" else None)
        try:
            worker.start(str(video))
            QTimer.singleShot(int((idle_s + 5) * 1000), loop.quit)
            loop.exec()
        finally:
            worker.stop()
            FrameGrabber.latest = real_latest  # type: ignore[method-assign]
            camera_worker.make_decoder = real_make
    if not arrived or "frame" not in read:
        return {"read": False}
    frame = read["frame"]
    index = frame.seq - 1  # seq counts from 1
    # The first sharp frame's capture time: frames are paced 1/fps apart from the read one.
    sharp_at = frame.captured_at - (index - sharp) / fps
    return {"read": True, "frames_late": index - sharp,
            "latency_frames": (arrived[0] - sharp_at) * fps}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=5)
    parser.add_argument("--idle", type=float, default=3.0, help="seconds of empty counter")
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv)
    print("voucher slides into view (2 blurred frames), then held sharp; real CameraWorker")
    for fps in (15.0, 30.0):
        results = [trial(fps, args.idle, seed) for seed in range(args.trials)]
        good = [r for r in results if r["read"]]
        late = [r["frames_late"] for r in good]
        lat = [r["latency_frames"] for r in good]
        if not good:
            print(f"  {fps:g} fps: never read")
            continue
        print(f"  {fps:g} fps: read {len(good)}/{len(results)}; frames after the first sharp "
              f"frame: {sorted(late)} (<= 0 is the bar); first sharp frame captured -> code on "
              f"the UI thread: median {statistics.median(lat):.2f}, max {max(lat):.2f} frame "
              f"intervals ({statistics.median(lat) * 1000 / fps:.0f} ms)")
    app.quit()


if __name__ == "__main__":
    main()
