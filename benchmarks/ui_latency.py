"""UI latency figures (DESIGN §5): code entered -> card shown, UI-thread stall while the server
hangs, start-up to interactive window, and RSS with the camera worker on a video file.

The window is set up as the kiosk sets it up (``make_app``: stylesheet, thread hand-over;
the window's input filters installed); scans follow one another, each over the card
of the one before, as at a counter. A card counts as shown when its first paint after the
answer has ended (what a person sees; ``--repaint``: the first figures' end point instead,
``processEvents()`` and then a second, forced ``repaint()``). ``--sim child`` runs the
simulator as its own process, as a real server is (by default it is a thread of this one,
sharing the GIL with the kiosk's threads). ``--source DIR`` measures another checkout of the
kiosk with this same script (before/after figures from one machine). ``--gap-ms N`` waits
N ms after each card before the next scan: at a counter scans are seconds apart, the last
card's trailing work and the flash's end are over (back to back they fall into the next
scan's look-up), and each scan shows the flash again.

Run: ``QT_QPA_PLATFORM=offscreen .venv/bin/python benchmarks/ui_latency.py [--scans 200]``
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # for tests.helpers.corpus
CODES = ["GB50-K7QX-9M2F-4TZB", "GB10-0PRT-LY8D-2WQC", "YOGA-5X2U-Q8WM-J4LT",
         "OLD5-W6TB-3QHZ-8MEK", "MEAL-2R7H-CY4P-9GDN"]


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def after_paint(widget: Any, done: Callable[[], None]) -> Any:
    """An event filter on ``widget``: once ``armed``, its next paint calls ``done`` when that
    paint is over (a zero timer set during the paint fires after the window's whole paint
    pass: the children's paints and the flush to the screen)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class AfterPaint(QObject):
        armed = False

        def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
            if self.armed and event.type() == QEvent.Type.Paint:
                self.armed = False
                QTimer.singleShot(0, done)
            return False

    watcher = AfterPaint(widget)
    widget.installEventFilter(watcher)
    return watcher


@contextmanager
def simulator(where: str, home: Path) -> Iterator[tuple[str, Callable[[float], None], int]]:
    """The demo simulator, on a thread of this process or as a child process: its API URL,
    a way to set its latency, its port."""
    from kiosk.paths import resource as res

    if where == "thread":
        from kiosk.sim.testing import serve_in_thread

        with serve_in_thread(res("demo-fixture.json"), db=home / "sim.sqlite") as server:
            yield server.api_url, server.set_latency, server.port
        return
    import httpx

    from kiosk.sim.testing import serve_in_subprocess

    with serve_in_subprocess(res("demo-fixture.json"), db=home / "sim.sqlite") as child:
        def set_latency(seconds: float) -> None:
            httpx.post(f"{child.base_url}/_sim/latency", json={"seconds": seconds})

        yield child.api_url, set_latency, int(child.base_url.rsplit(":", 1)[1])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--scans", type=int, default=200)
    parser.add_argument("--video", default="", help="video file for the camera RSS figure")
    parser.add_argument("--source", type=Path, default=REPO, help="the kiosk checkout to measure")
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up figures")
    parser.add_argument("--no-camera", action="store_true", help="skip the camera RSS figure")
    parser.add_argument("--sim", choices=("thread", "child"), default="thread",
                        help="the simulator on a thread of this process or as a child process")
    parser.add_argument("--repaint", action="store_true",
                        help="card shown = processEvents() then repaint() (the first figures' "
                             "end point: two paints) instead of the end of its first paint")
    parser.add_argument("--gap-ms", type=int, default=0,
                        help="wait this long after each card before the next scan (a counter: "
                             "the last card's trailing work and the flash are over by then)")
    parser.add_argument("--plain", action="store_true",
                        help="a bare QApplication without stylesheet or event filters (the "
                             "set-up of this benchmark's first figures)")
    args = parser.parse_args()
    sys.path.insert(0, str(args.source.resolve()))
    home = Path(tempfile.mkdtemp(prefix="kiosk-bench-"))
    os.environ["KIOSK_HOME"] = str(home)

    from PySide6.QtCore import QElapsedTimer, QEventLoop, QTimer

    from kiosk.app import signin
    from kiosk.ui.application import make_app
    from kiosk.ui.main_window import MainWindow

    if args.plain:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance() or QApplication([])
    else:
        app = make_app()
    with simulator(args.sim, home) as (api_url, set_latency, port):
        signin.sign_in(api_url, "till@demo-shop.example", "till1234", "demo-shop")
        # baseline: the raw status round-trip through the backend
        backend = signin.open_backend(signin.current_account())  # type: ignore[arg-type]
        raw = []
        cpu_started = time.process_time()
        for i in range(args.scans):
            started = time.perf_counter()
            backend.status(CODES[i % len(CODES)])
            raw.append((time.perf_counter() - started) * 1000)
        raw_cpu = (time.process_time() - cpu_started) * 1000 / args.scans

        window = MainWindow(poll_ms=60_000)
        window.resize(1024, 600)
        window.show()
        if not args.plain:
            window.install_filters()
        loop = QEventLoop()
        window.engine_ready.connect(loop.quit)
        window.start()
        loop.exec()
        controller = window.controller
        assert controller is not None
        shown: list[float] = []
        wait = QEventLoop()
        painted = after_paint(window.card_screen, wait.quit)

        def answered(_lookup: object) -> None:  # connected after the flow's: the card is set
            if args.repaint:
                wait.quit()
            else:
                painted.armed = True

        controller.lookup_done.connect(answered)
        cpu_started = time.process_time()
        for i in range(args.scans):
            if args.gap_ms:
                pause = QEventLoop()
                QTimer.singleShot(args.gap_ms, pause.quit)
                pause.exec()
            started = time.perf_counter()
            window.scan_code(CODES[i % len(CODES)])
            wait.exec()
            if args.repaint:
                app.processEvents()  # the card's paint
                window.card_screen.repaint()
            shown.append((time.perf_counter() - started) * 1000)
        # With a gap the CPU includes each card's trailing work and the idle window's.
        shown_cpu = (time.process_time() - cpu_started) * 1000 / args.scans

        # UI-thread stall while the server delays every answer by 5 s
        controller.lookup_done.disconnect(answered)
        set_latency(5.0)
        lags: list[float] = []
        tick = QElapsedTimer()
        tick.start()
        timer = QTimer()
        timer.setInterval(10)

        def beat() -> None:
            lags.append(max(0.0, tick.restart() - 10))

        timer.timeout.connect(beat)
        timer.start()
        done = QEventLoop()
        controller.lookup_done.connect(done.quit)
        window.go_home()
        window.scan_code(CODES[0])
        QTimer.singleShot(12_000, done.quit)
        done.exec()
        timer.stop()
        set_latency(0)
        window.shutdown()

    print(f"scan->card over {args.scans} scans: p50 {pct(shown, .5):.1f} ms, "
          f"p95 {pct(shown, .95):.1f} ms (target p95 <= 150 ms)")
    print(f"raw status round-trip:        p50 {pct(raw, .5):.1f} ms, p95 {pct(raw, .95):.1f} ms")
    print(f"UI overhead ratio (p50 card / p50 raw): {pct(shown, .5) / pct(raw, .5):.2f}x")
    print(f"CPU per scan (every thread of the process, the simulator's too): card "
          f"{shown_cpu:.1f} ms, raw {raw_cpu:.1f} ms ({shown_cpu / raw_cpu:.2f}x)")
    print(f"max event-loop lag while the server hangs 5 s: {max(lags):.1f} ms "
          f"(mean {statistics.mean(lags):.1f} ms, target < 50 ms)")

    if not args.no_startup:
        startup_figures(home, port, args.source.resolve())
    if not args.no_camera:
        camera_rss(args.video, home)


def startup_figures(home: Path, port: int, source: Path) -> None:
    """Process start -> interactive window (see benchmarks/startup.py for the real X figure)."""
    from kiosk.paths import resource as res
    from kiosk.sim.testing import serve_in_thread

    env = {**os.environ, "PYTHONPATH": str(source)}

    # start-up: process start -> interactive window, best of 3 (screenshots are taken once the
    # screen is up: sign-in for a new till; scan screen with engine and recent scans loaded for
    # a signed-in one, against the simulator still running)
    def startup(screen: str, folder: Path) -> float:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "kiosk", "--home", str(folder),
                            "--screenshot", str(home / f"{screen}.png"), "--screen", screen],
                           check=True, capture_output=True, env=env)
            times.append(time.perf_counter() - started)
        return min(times)

    cold = startup("signin", home / "s")
    with serve_in_thread(res("demo-fixture.json"), db=home / "sim.sqlite", port=port):
        signed_in = startup("scan", home)
    base_started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "import PySide6.QtWidgets"], check=True)
    base = time.perf_counter() - base_started
    print(f"process start -> sign-in window rendered: {cold:.2f} s; signed in -> scan screen "
          f"with data: {signed_in:.2f} s (bare PySide6 import {base:.2f} s, ratios "
          f"{cold / base:.1f}x / {signed_in / base:.1f}x; target <= 2 s)")



def camera_rss(video_arg: str, home: Path) -> None:
    """Peak RSS with the camera worker running on a video file."""
    from PySide6.QtCore import QEventLoop, QTimer

    video = video_arg or make_video(home / "bench.avi")
    if video:
        from kiosk.app.qt.camera_worker import CameraWorker

        worker = CameraWorker()
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        worker.start(video)
        wait = QEventLoop()
        QTimer.singleShot(3000, wait.quit)
        wait.exec()
        worker.stop()
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"max RSS with the camera worker on {Path(video).name}: {after:.0f} MB "
              f"(before camera {before:.0f} MB)")
    else:
        print(f"max RSS (no camera video given): "
              f"{resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


def make_video(path: Path) -> str:
    """A 5 s 640x480 MJPG video of a QR code photo from the corpus (empty if none)."""
    import cv2

    from tests.helpers.corpus import best_corpus, images

    photos = images(best_corpus() / "qrcode-1")
    if not photos:
        return ""
    frame = cv2.resize(cv2.imread(str(photos[0])), (640, 480))
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), 30, (640, 480))
    for _ in range(150):
        writer.write(frame)
    writer.release()
    return str(path)


if __name__ == "__main__":
    main()
