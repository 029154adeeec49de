
"""Start-up time and memory of the bundled kiosk, against the same run from source.

Each run is ``kiosk --demo --screenshot out.png``: start, build the window on the embedded
demo server, render it once, exit — start to a drawn, interactive window. Five runs each;
prints the median wall time, the peak RSS and the bundle/source ratio. The page cache is
warm after the first run (dropping it would disturb everyone on the machine): run 1 is
reported separately as the cold-ish start.
Usage: ``.venv/bin/python packaging/bench_startup.py [--runs 5]``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def timed_run(cmd: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one run; raises if it fails."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        if proc.returncode != 0:
            errors.seek(0)
            detail = errors.read().decode(errors="replace")[-600:]
            raise SystemExit(f"{cmd[0]} failed ({proc.returncode}): {detail}")
    return seconds, usage.ru_maxrss / 1024


def measure(name: str, cmd: list[str], env_extra: dict[str, str], runs: int) -> float:
    times, rss = [], []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="kiosk-bench-") as home:
            env = {"PATH": "/usr/bin:/bin", "HOME": home, "QT_QPA_PLATFORM": "offscreen",
                   **env_extra}
            seconds, peak = timed_run([*cmd, "--demo", "--screenshot", f"{home}/out.png"],
                                      env, Path(home))
            times.append(seconds)
            rss.append(peak)
    median = statistics.median(times)
    print(f"{name:7} median {median:.2f} s  (first {times[0]:.2f} s, min {min(times):.2f}, "
          f"max {max(times):.2f})  peak RSS median {statistics.median(rss):.0f} MB")
    return median


def main() -> int:
    """Measure the bundle and the source tree; print the ratio."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "kiosk")
    args = parser.parse_args()
    bundle = measure("bundle", [str(args.bundle.resolve() / "kiosk")], {}, args.runs)
    source = measure("source", [sys.executable, "-m", "kiosk"],
                     {"PYTHONPATH": str(REPO)}, args.runs)
    print(f"bundle/source start-up ratio: {bundle / source:.2f}  (target: bundle <= 3 s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
