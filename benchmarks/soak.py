"""Soak: many mixed redemptions under random faults, then a clean sync: 0 lost, 0 doubled.

Runs ``tests/app/test_engine_soak.py`` (the same code ``make test`` runs with 120
redemptions) at a larger size. Faults: 500/502 before the server, 503/504 after it applied,
dropped connections after applying, 429, late applies, maintenance redirects, answers about
another voucher, trickled answers, working offline, and real ``kiosk redeem`` processes
killed with SIGKILL mid-request.

    .venv/bin/python benchmarks/soak.py [REDEMPTIONS] [KILLS] [SEED]
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main() -> int:
    redemptions, kills, seed = (sys.argv[1:] + ["1000", "20", "10"][len(sys.argv) - 1:])[:3]
    env = {**os.environ, "KIOSK_SOAK_REDEMPTIONS": redemptions, "KIOSK_SOAK_KILLS": kills,
           "KIOSK_SOAK_SEED": seed, "QT_QPA_PLATFORM": "offscreen"}
    started = time.monotonic()
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:randomly", "--timeout=3600",
         str(REPO / "tests" / "app" / "test_engine_soak.py")],
        cwd=REPO, env=env, text=True, capture_output=True, check=False)
    for line in done.stdout.splitlines():
        if line.startswith("soak:") or "passed" in line or "failed" in line:
            print(line)
    if done.returncode:
        print(done.stdout[-4000:], done.stderr[-2000:], sep="\n")
    elapsed = time.monotonic() - started
    print(f"{redemptions} redemptions, {kills} kills, seed {seed}: "
          f"{'0 lost, 0 doubled' if done.returncode == 0 else 'FAILED'} in {elapsed:.0f} s "
          f"({elapsed / int(redemptions) * 1000:.0f} ms per redemption incl. faults)")
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())
