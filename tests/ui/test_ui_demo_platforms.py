"""``kiosk --demo --backend NAME``: the GUI opens signed in to that platform's simulator, in a
data folder of its own, and renders (here offscreen, to a PNG)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest


def screenshot(tmp_path: Path, backend: str, shot: Path, *screen: str) -> None:
    """``kiosk --demo --backend BACKEND --screenshot SHOT [--screen S]`` offscreen: exit 0."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_SECRETS": "file",
           "KIOSK_HOME": str(tmp_path / "home")}
    done = subprocess.run([sys.executable, "-m", "kiosk", "--demo", "--backend", backend,
                           "--screenshot", str(shot), *screen], env=env, capture_output=True,
                          text=True, timeout=60, check=False)
    assert done.returncode == 0, done.stderr
    assert shot.stat().st_size > 10_000


@pytest.mark.parametrize("backend", ["shopwired"])
def test_demo_on_another_platform(tmp_path: Path, backend: str) -> None:
    screenshot(tmp_path, backend, tmp_path / "scan.png")
    account = json.loads((tmp_path / "home" / f"demo-{backend}" / "account.json").read_text())
    assert (account["backend"], account["staff_name"]) == (backend, "Demo till")
    assert not (tmp_path / "home" / "account.json").exists()  # the real till is untouched


def test_result_screenshot_applies_a_discount(tmp_path: Path) -> None:
    # A discount card has no "Redeem part…": the screenshot tool applies it to an order
    # total (it used to wait for a part redemption until its time-out and exit 1).
    screenshot(tmp_path, "vouchers-api", tmp_path / "result.png", "--screen", "result")
