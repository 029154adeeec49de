"""Resident memory of the kiosk with the camera on (issue 14: RSS with camera ≤ 150 MB).

A simulator runs in its own process (as a real server would: not inside the kiosk); the
kiosk signs in to it once with ``kiosk login`` and then starts its window signed in (with
``--demo``: ``kiosk --demo`` instead, its demo server a child process, whose RSS is shown
apart: the target is the till's process), with its
camera reading an MJPG video of an empty counter (640×480 @ 15 fps, fresh sensor noise in
every frame, as ``idle_cpu.py`` plays) through the real camera worker. Once the video is open
(seen in ``/proc/PID/fd``) and has played for ``--settle`` seconds, the RSS is sampled every
0.5 s for ``--seconds``; the median is reported with its split (``/proc/PID/smaps_rollup``:
file-backed pages of the libraries, anonymous memory). The baseline, measured in the same
run, is a bare PySide6 window (a ``QWidget`` shown, nothing else). Every process runs in a
clean environment (``PATH``, a fresh ``HOME``, ``QT_QPA_PLATFORM=offscreen``), the bundle
(``dist/kiosk/kiosk``, when built) and the source tree (this venv's Python) alike.

Run: ``.venv/bin/python benchmarks/memory.py [--seconds 10] [--settle 8] [--bundle DIR]``
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import synth_frames  # noqa: E402

from tests.helpers.demo import TILL  # noqa: E402

BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QLabel
app = QApplication(sys.argv)
window = QLabel("bare window")
window.resize(1024, 600)
window.show()
sys.exit(app.exec())
"""


def clean_env(home: Path) -> dict[str, str]:
    """What a till's session passes on, and no more (as the bundle smoke test does)."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen",
            "LANG": "C.UTF-8"}


def rss_split(pid: int) -> dict[str, float]:
    """MB resident now: total, file-backed (libraries, data files) and anonymous."""
    fields: dict[str, float] = {}
    with open(f"/proc/{pid}/smaps_rollup") as rollup:
        for line in rollup:
            name, _, value = line.partition(":")
            if value.strip().endswith("kB"):
                fields[name] = int(value.split()[0]) / 1024
    anon = fields.get("Anonymous", 0.0)
    return {"rss": fields.get("Rss", 0.0), "anon": anon, "file": fields.get("Rss", 0.0) - anon}


def children_rss(pid: int) -> float:
    """MB resident in the direct child processes of ``pid`` (the demo simulator of
    ``kiosk --demo``): reported apart, since a till's own process is what the target counts."""
    total = 0.0
    for task in Path(f"/proc/{pid}/task").iterdir():
        for child in (task / "children").read_text().split():
            with contextlib.suppress(OSError):  # ended meanwhile
                total += rss_split(int(child))["rss"]
    return total


def cpu_seconds(pid: int) -> float:
    """User + system CPU time the process has used so far."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def has_open(pid: int, path: Path) -> bool:
    """Whether process ``pid`` has ``path`` open."""
    folder = Path(f"/proc/{pid}/fd")
    try:
        return any(os.readlink(fd) == str(path) for fd in folder.iterdir())
    except OSError:
        return False


def sample(cmd: list[str], env: dict[str, str], *, ready: Path | None, settle: float,
           seconds: float) -> dict[str, float]:
    """Start ``cmd``; once it has ``ready`` open (or at once), wait ``settle`` s, then the
    medians of 0.5 s RSS samples over ``seconds``."""
    proc = subprocess.Popen(cmd, env=env, cwd=env["HOME"], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while ready is not None and not has_open(proc.pid, ready):
            if proc.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"{cmd[-1]}: camera never opened {ready}: "
                                 f"{(proc.communicate()[1] or '')[-600:]}")
            time.sleep(0.1)
        time.sleep(settle)
        samples = []
        cpu0, wall0 = cpu_seconds(proc.pid), time.monotonic()
        for _ in range(int(seconds * 2)):
            if proc.poll() is not None:  # e.g. the bundle's stub FFmpeg aborted it
                raise SystemExit(f"{cmd} ended early: {(proc.communicate()[1] or '')[-600:]}")
            samples.append({**rss_split(proc.pid), "children": children_rss(proc.pid)})
            time.sleep(0.5)
        cpu = 100 * (cpu_seconds(proc.pid) - cpu0) / (time.monotonic() - wall0)
        if ready is not None and not has_open(proc.pid, ready):
            raise SystemExit(f"{cmd}: the camera closed {ready} while measured")
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    return {**{key: statistics.median(s[key] for s in samples) for key in samples[0]},
            "cpu": cpu}


def kiosk(exe: list[str], folder: Path, server: str, video: Path, settle: float,
          seconds: float, extra_env: dict[str, str], *, demo: bool = False) -> dict[str, float]:
    """The kiosk's RSS, signed in on ``server`` (or with ``demo``, on its embedded demo
    server), camera on ``video``."""
    home = folder / "home"
    home.mkdir()
    data = folder / "data"
    env = {**clean_env(home), **extra_env}
    if demo:
        data.mkdir()
        (data / "settings.json").write_text(json.dumps({"camera_device": str(video)}))
        return sample([*exe, "--demo", "--home", str(data), "--size", "1024x600"], env,
                      ready=video, settle=settle, seconds=seconds)
    email, password = TILL
    login = subprocess.run([*exe, "--home", str(data), "login", "--server", server, "--email",
                            email, "--password", password, "--domain", "demo-shop"],
                           env=env, capture_output=True, text=True, check=False, cwd=home)
    if login.returncode != 0:
        raise SystemExit(f"login failed: {login.stderr[-600:]}")
    (data / "settings.json").write_text(json.dumps({"camera_device": str(video)}))
    return sample([*exe, "--home", str(data), "--size", "1024x600"], env, ready=video,
                  settle=settle, seconds=seconds)


def main() -> int:
    """Measure and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seconds", type=float, default=10.0, help="sampling time")
    parser.add_argument("--settle", type=float, default=8.0,
                        help="seconds of camera before sampling")
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "kiosk")
    parser.add_argument("--before", type=Path, metavar="DIR",
                        help="another bundle to measure in the same run (e.g. an older build)")
    parser.add_argument("--demo", action="store_true",
                        help="run `kiosk --demo` (its demo server a child process) instead of "
                             "signing in")
    args = parser.parse_args()

    from kiosk.sim.testing import serve_in_subprocess

    results: dict[str, dict[str, float]] = {}
    with tempfile.TemporaryDirectory(prefix="kiosk-memory-") as tmp:
        folder = Path(tmp)
        video = folder / "empty-counter.avi"
        synth_frames.empty_counter_video(video, args.settle + args.seconds + 40)
        with serve_in_subprocess(db=folder / "server.sqlite") as server:
            bare_home = folder / "bare"
            bare_home.mkdir()
            results["bare PySide6 window"] = sample(
                [sys.executable, "-c", BARE_WINDOW], clean_env(bare_home), ready=None,
                settle=args.settle, seconds=args.seconds)
            runs = [("kiosk from source", [sys.executable, "-m", "kiosk"],
                     {"PYTHONPATH": str(REPO)})]
            if args.before:
                runs.append(("kiosk bundle, before", [str(args.before.resolve() / "kiosk")], {}))
            if (args.bundle / "kiosk").is_file():
                runs.append(("kiosk bundle", [str(args.bundle.resolve() / "kiosk")], {}))
            for index, (name, exe, extra) in enumerate(runs):
                run_folder = folder / f"run{index}"
                run_folder.mkdir()
                results[name] = kiosk(exe, run_folder, server.api_url, video, args.settle,
                                      args.seconds, extra, demo=args.demo)
    bare = results["bare PySide6 window"]["rss"]
    print(f"RSS (and CPU, % of one core) with the camera on (640x480 MJPG @ 15 fps, empty "
          f"counter), median of {int(args.seconds * 2)} samples after {args.settle:g} s of camera")
    print(f"  {'':22} {'RSS':>8} {'libraries':>10} {'anonymous':>10} {'ratio':>6} {'CPU':>6} "
          f"{'child processes':>16}")
    for name, values in results.items():
        print(f"  {name:22} {values['rss']:6.1f} MB {values['file']:7.1f} MB "
              f"{values['anon']:7.1f} MB {values['rss'] / bare:5.2f}x {values['cpu']:5.1f}% "
              f"{values['children']:13.1f} MB")
    target = results.get("kiosk bundle", results["kiosk from source"])["rss"]
    print(f"  target <= 150 MB (bundle when built): {'PASS' if target <= 150 else 'FAIL'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
