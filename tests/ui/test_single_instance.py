"""One kiosk per data directory: the lock, the knock that raises the running window, and
coming back after a crash (kill -9 leaves the lock file behind)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.app.instance import gui_holder, lock_path
from kiosk.ui.single_instance import SingleInstance

HOLD = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication
from kiosk.ui.single_instance import SingleInstance
app = QCoreApplication([])
guard = SingleInstance(Path(sys.argv[1]))
assert guard.acquire()
print("locked", flush=True)
time.sleep(60)
"""


def test_second_start_knocks_and_the_first_comes_to_the_front(
    qtbot: QtBot, kiosk_home: Path,
) -> None:
    kiosk_home.mkdir(parents=True, exist_ok=True)
    first = SingleInstance(kiosk_home)
    assert first.acquire()
    second = SingleInstance(kiosk_home)
    try:
        assert not second.acquire()
        with qtbot.waitSignal(first.activated, timeout=5000):
            assert second.wake_running()
    finally:
        first.release()
    assert second.acquire()  # released: the next start gets it
    second.release()


def test_a_crashed_kiosk_does_not_lock_the_till_out(kiosk_home: Path) -> None:
    kiosk_home.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(kiosk_home)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        assert gui_holder(kiosk_home) == holder.pid
        assert not SingleInstance(kiosk_home).acquire()
    finally:
        holder.kill()
        holder.wait()
    assert lock_path(kiosk_home).exists()  # kill -9 left it behind
    assert gui_holder(kiosk_home) is None
    guard = SingleInstance(kiosk_home)
    assert guard.acquire()
    guard.release()
