"""Start-up from source: launch -> usable scan screen of ``kiosk --demo`` on a real X display,
against a bare PySide6 window launched in the same run.

Both run on one Xvfb screen (1024×600, no window manager, ``QT_QPA_PLATFORM=xcb``), one
after the other, ``--runs`` times each. "Usable" is what the app itself says with
``KIOSK_STARTUP_MARK=1`` (``kiosk.ui.startup_mark``): signed in on the embedded demo server,
the scan screen painted and the event loop idle. The bare window prints the same mark after
its first paint. Times are ``time.monotonic()`` (one clock for all processes) from just
before ``Popen`` to the mark. After each timed kiosk start the benchmark proves the screen
takes input: an xdotool scanner burst must reach the simulator as a status look-up.

The data folder is kept between runs (a till restarts on its own data); the first start on
an empty folder (database created, demo server seeded) is reported apart. Prints medians,
the ratio of the medians and the median of the per-pair ratios, and how long after the
mark the probe scan (typed at once) reached the simulator.

Usage: ``.venv/bin/python benchmarks/startup.py [--runs 7] [--no-input-check] [--compare DIR]
[--bundle dist/kiosk/kiosk]``
(needs Xvfb and xdotool: ``make test`` installs them).
"""

from __future__ import annotations

import argparse
import json
import os
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
MARK = "KIOSK_STARTUP_MARK"
SCREEN = "1024x600x24"
PROBE_CODE = "GB10-0PRT-LY8D-2WQC"
BARE = f"""
import sys, time
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv[:1])
window = QLabel("Voucher Kiosk")
window.resize(1024, 600)

class Mark(QObject):
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            obj.removeEventFilter(self)
            QTimer.singleShot(0, lambda: print("{MARK}", time.monotonic(), flush=True))
        return False

mark = Mark()
window.installEventFilter(mark)
window.show()
app.exec()
"""


@contextmanager
def xvfb() -> Iterator[str]:
    """A fresh Xvfb screen with no window manager; yields its DISPLAY."""
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    if missing:
        raise SystemExit(f"needs {missing} (make test installs them)")
    read, write = os.pipe()
    server = subprocess.Popen(["Xvfb", "-displayfd", str(write), "-screen", "0", SCREEN,
                               "-nolisten", "tcp"], pass_fds=(write,),
                              stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as numbers:
        display = ":" + numbers.readline().strip()
    try:
        yield display
    finally:
        server.terminate()
        server.wait(10)


class Launch:
    """One started process whose stdout lines are collected on a thread."""

    def __init__(self, cmd: list[str], env: dict[str, str], cwd: Path = REPO) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        self.started = time.monotonic()
        self.process = subprocess.Popen(cmd, env=env, cwd=cwd, text=True,
                                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self.lines.put(line.strip())

    def wait_for(self, prefix: str, timeout: float = 60.0) -> str:
        """The rest of the first line starting with ``prefix``."""
        deadline = time.monotonic() + timeout
        while True:
            try:
                line = self.lines.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                self.stop()
                raise SystemExit(f"no {prefix!r} line within {timeout:.0f} s") from None
            if line.startswith(prefix):
                return line.removeprefix(prefix).strip()

    def seconds_to_mark(self) -> tuple[float, float]:
        """Seconds from launch to the process's startup mark, and the CPU seconds the
        process had used by then (less sensitive to a busy machine than the wall time)."""
        seconds = float(self.wait_for(MARK)) - self.started
        return seconds, cpu_seconds(self.process.pid)

    def stop(self) -> None:
        """Terminate and reap the process."""
        self.process.terminate()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` so far (Linux ``/proc``)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def sim_lookups(api_url: str) -> int:
    """GET /v1/status requests the demo server has seen."""
    base = api_url.removesuffix("/v1")
    url = f"{base}/_sim/requests?method=GET&path=/v1/status"
    with urllib.request.urlopen(url, timeout=10) as response:
        return int(json.loads(response.read())["count"])


def check_input(display: str, api_url: str) -> float:
    """A scanner burst typed into the X screen must be looked up (the screen takes input);
    returns the seconds from here (the mark just read) to the look-up reaching the
    simulator: work the kiosk put off until after the mark shows there."""
    started = time.monotonic()
    before = sim_lookups(api_url)
    subprocess.run(["xdotool", "key", "--delay", "3", *[
        {"-": "minus"}.get(char, char) for char in PROBE_CODE], "Return"],
        env={**os.environ, "DISPLAY": display}, check=True, timeout=30)
    deadline = time.monotonic() + 20
    while sim_lookups(api_url) <= before:
        if time.monotonic() > deadline:
            raise SystemExit("the scan screen did not take the scanner's input")
        time.sleep(0.005)
    return time.monotonic() - started


# Per kiosk: (mark -> the probe scan looked up, launch -> the same), seconds.
SCAN_TIMES: dict[str, list[tuple[float, float]]] = {}


def kiosk_start(env: dict[str, str], display: str, *, probe: bool,
                command: tuple[str, ...] = (sys.executable, "-m", "kiosk"),
                tree: Path = REPO, name: str = "kiosk") -> tuple[float, float]:
    """Seconds (wall, CPU) to a usable scan screen (and, with ``probe``, proof that it
    takes input, timed into ``SCAN_TIMES[name]``); ``command``: the kiosk to start (from
    source, or a bundle's executable); ``tree``: the checkout it runs from (its working
    folder: ``python -m`` puts that first on ``sys.path``, before ``PYTHONPATH``)."""
    launch = Launch([*command, "--demo"], env, tree)
    try:
        api_url = launch.wait_for("Demo server:")
        seconds = launch.seconds_to_mark()
        if probe:
            scan = check_input(display, api_url)
            SCAN_TIMES.setdefault(name, []).append((scan, seconds[0] + scan))
        return seconds
    finally:
        launch.stop()


def bare_start(env: dict[str, str]) -> tuple[float, float]:
    """Seconds to a bare PySide6 window's first paint, idle."""
    launch = Launch([sys.executable, "-c", BARE], env)
    try:
        return launch.seconds_to_mark()
    finally:
        launch.stop()


def summary(name: str, runs: list[tuple[float, float]]) -> str:
    wall = [w for w, _ in runs]
    return (f"{name:30} median {statistics.median(wall):.3f} s  (min {min(wall):.3f}, "
            f"max {max(wall):.3f}, n={len(wall)}); CPU median "
            f"{statistics.median(c for _, c in runs):.2f} s")


def ratios(name: str, runs: list[tuple[float, float]], base: list[tuple[float, float]]) -> str:
    wall = statistics.median(w for w, _ in runs) / statistics.median(w for w, _ in base)
    paired = statistics.median(r[0] / b[0] for r, b in zip(runs, base, strict=True))
    cpu = statistics.median(c for _, c in runs) / statistics.median(c for _, c in base)
    return (f"{name}: ratio of medians {wall:.2f}x, median of paired ratios {paired:.2f}x, "
            f"CPU {cpu:.2f}x")


def main() -> int:
    """Measure, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--no-input-check", action="store_true",
                        help="skip the xdotool scan after each timed kiosk start")
    parser.add_argument("--compare", type=Path, metavar="DIR",
                        help="also time the kiosk of another checkout (with the startup mark) "
                             "in the same run, e.g. the code before a change")
    parser.add_argument("--bundle", type=Path, metavar="EXE",
                        help="also time a PyInstaller bundle's executable (dist/kiosk/kiosk) "
                             "in the same run")
    args = parser.parse_args()
    probe = not args.no_input_check
    with tempfile.TemporaryDirectory(prefix="kiosk-startup-") as tmp, xvfb() as display:
        # Python's bytecode cache as on any machine (in the temporary folder, so the tree
        # stays clean), even where the caller's environment turns it off.
        env = {key: value for key, value in os.environ.items() if key not in (
            "QT_QPA_PLATFORM", "WAYLAND_DISPLAY", "KIOSK_HOME", "PYTHONDONTWRITEBYTECODE")}
        env.update(DISPLAY=display, QT_QPA_PLATFORM="xcb", KIOSK_HOME=str(Path(tmp) / "home"),
                   PYTHONPATH=str(REPO), PYTHONUNBUFFERED="1",
                   PYTHONPYCACHEPREFIX=str(Path(tmp) / "pycache"), **{MARK: "1"})
        other = None
        if args.compare is not None:
            other = {**env, "PYTHONPATH": str(args.compare.resolve()),
                     "KIOSK_HOME": str(Path(tmp) / "home-compare"),
                     "PYTHONPYCACHEPREFIX": str(Path(tmp) / "pycache-compare")}
        bundled_env = {**env, "KIOSK_HOME": str(Path(tmp) / "home-bundle")}
        bundle = (str(args.bundle.resolve()),) if args.bundle is not None else None
        first = kiosk_start(env, display, probe=probe)
        if other is not None:
            kiosk_start(other, display, probe=probe, tree=args.compare.resolve())
        bundle_first = kiosk_start(bundled_env, display, probe=probe, command=bundle) \
            if bundle is not None else None
        bare_start(env)  # warm the page cache for the bare window too
        kiosk: list[tuple[float, float]] = []
        bare: list[tuple[float, float]] = []
        compared: list[tuple[float, float]] = []
        bundled: list[tuple[float, float]] = []
        SCAN_TIMES.clear()  # the timed runs only
        for _ in range(args.runs):
            bare.append(bare_start(env))
            kiosk.append(kiosk_start(env, display, probe=probe))
            if other is not None:
                compared.append(kiosk_start(other, display, probe=probe,
                                            tree=args.compare.resolve(), name="compare"))
            if bundle is not None:
                bundled.append(kiosk_start(bundled_env, display, probe=probe, command=bundle,
                                           name="bundle"))
    print(f"kiosk --demo, first start (empty data folder, nothing compiled): {first[0]:.3f} s")
    if bundle_first is not None:
        print(f"bundle --demo, first start (empty data folder): {bundle_first[0]:.3f} s")
        print(summary("bundle --demo -> usable scan", bundled))
        print(ratios("bundle / bare window", bundled, bare) + "  (targets: <= 1.5 s, <= 3x)")
    print(summary("kiosk --demo -> usable scan", kiosk))
    if other is not None:
        print(summary(f"the same from {args.compare}", compared))
    print(summary("bare PySide6 window", bare))
    print(ratios("kiosk / bare window", kiosk, bare) + "  (targets: <= 1.0 s, <= 3x)")
    if other is not None:
        print(ratios(f"{args.compare} / bare window", compared, bare))
        print(ratios(f"kiosk / {args.compare}", kiosk, compared))
    for name, times in SCAN_TIMES.items():
        # xdotool types the 20 keys 3 ms apart: ~0.06 s of it is the typing itself.
        after, total = [t for t, _ in times], [t for _, t in times]
        print(f"{name}: a scan typed at the mark looked up {statistics.median(after):.3f} s "
              f"after it (min {min(after):.3f}, max {max(after):.3f}), "
              f"{statistics.median(total):.3f} s after launch")
    return 0


if __name__ == "__main__":
    sys.exit(main())
