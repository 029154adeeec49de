"""Idle camera cost (DESIGN §5: camera idle on an empty scene ≤ 5% of one core).

Plays a video of an empty shop counter (a still scene with fresh sensor noise in every frame,
MJPG like many USB webcams) through the real :class:`CameraWorker` at its real frame rate,
and measures the CPU time of the whole process (capture, decode, preview) per second of wall
time. The baseline is the same run with the motion gate switched off (every frame decoded),
measured in the same process, so the ratio is the stable figure.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/idle_cpu.py [--seconds 60]``
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth_frames


def measure(video: Path, seconds: float, *, gated: bool) -> tuple[float, int]:
    """(% of one core, frames decoded) while the worker plays ``video`` for ``seconds``."""
    from PySide6.QtCore import QEventLoop, QTimer

    from kiosk.app.qt.camera_worker import CameraWorker
    from kiosk.scan import motion

    decoded = 0
    original, original_moving = motion.MotionGate.should_decode, motion.MotionGate.moving

    def counting(gate: motion.MotionGate, frame: motion.Image, now: float) -> bool:
        nonlocal decoded
        go = original(gate, frame, now) if gated else True
        decoded += go
        return go

    motion.MotionGate.should_decode = counting  # type: ignore[method-assign]
    if not gated:  # as before the gate: full-rate preview too
        motion.MotionGate.moving = lambda _gate, _now: True  # type: ignore[method-assign]
    worker = CameraWorker()
    loop = QEventLoop()
    try:
        worker.start(str(video))
        QTimer.singleShot(1000, loop.quit)  # let the capture settle
        loop.exec()
        decoded = 0
        cpu0, wall0 = time.process_time(), time.perf_counter()
        QTimer.singleShot(int(seconds * 1000), loop.quit)
        loop.exec()
        cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    finally:
        worker.stop()
        motion.MotionGate.should_decode = original  # type: ignore[method-assign]
        motion.MotionGate.moving = original_moving  # type: ignore[method-assign]
    return 100 * cpu / wall, decoded


def measure_capture(video: Path, seconds: float) -> float:
    """% of one core for the capture thread alone: what any camera app pays."""
    from kiosk.scan.camera import FrameGrabber, OpenCVSource

    grabber = FrameGrabber(lambda: OpenCVSource(str(video)))
    grabber.start()
    try:
        time.sleep(1.0)
        cpu0, wall0 = time.process_time(), time.perf_counter()
        time.sleep(seconds)
        return 100 * (time.process_time() - cpu0) / (time.perf_counter() - wall0)
    finally:
        grabber.stop()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--fps", type=float, default=15.0)
    args = parser.parse_args()

    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv)
    with tempfile.TemporaryDirectory(prefix="kiosk-idle-") as folder:
        video = Path(folder) / "empty-counter.avi"
        synth_frames.empty_counter_video(video, args.seconds + 5, args.fps, (640, 480))
        floor = measure_capture(video, args.seconds)
        baseline, base_frames = measure(video, args.seconds, gated=False)
        gated, gated_frames = measure(video, args.seconds, gated=True)
    app.quit()
    print(f"empty counter 640x480 @ {args.fps:g} fps for {args.seconds:g} s, whole process CPU")
    print(f"  capture only (floor): {floor:5.1f}% of one core (reading and decoding the MJPG)")
    print(f"  every frame decoded: {baseline:5.1f}% of one core ({base_frames} frames decoded)")
    print(f"  motion gate:         {gated:5.1f}% of one core ({gated_frames} frames decoded)")
    print(f"  ratio gate/every frame: {gated / baseline:.2f}x, gate/capture floor: "
          f"{gated / floor:.2f}x; target <= 5% of one core: "
          f"{'PASS' if gated <= 5.0 else 'FAIL'}")


if __name__ == "__main__":
    main()
