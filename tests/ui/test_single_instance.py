"""One kiosk per data directory: the lock, the knock that raises the running window, and
coming back after a crash (kill -9 leaves the lock file behind)."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from pytestqt.qtbot import QtBot

from kiosk.app.instance import gui_holder, lock_path
from kiosk.ui import application
from kiosk.ui.main_window import MainWindow
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

HOLD_THEN_LISTEN = """
import sys, time
from pathlib import Path
from PySide6.QtCore import QCoreApplication, QTimer
from kiosk.ui.single_instance import SingleInstance
app = QCoreApplication([])
guard = SingleInstance(Path(sys.argv[1]))
assert guard.acquire(listen=False)  # as the kiosk starts: the lock now, the socket later
print("locked", flush=True)
time.sleep(0.8)
guard.listen()
guard.activated.connect(lambda: (print("woken", flush=True), app.quit()))
QTimer.singleShot(30_000, app.quit)
app.exec()
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


def test_a_second_kiosk_on_the_same_folder_raises_the_first_and_exits(kiosk_home: Path) -> None:
    kiosk_home.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "kiosk", "--home", str(kiosk_home)]
    first = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 30
        while gui_holder(kiosk_home) != first.pid:  # the GUI takes the lock as it starts
            assert first.poll() is None, "the first kiosk exited"
            assert time.monotonic() < deadline, "the first kiosk never took the lock"
            time.sleep(0.1)
        second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60,
                                check=False)
        assert second.returncode == 0
        assert "already running on this data folder; brought it to the front" in second.stdout
        assert first.poll() is None  # the first one runs on
    finally:
        first.kill()
        first.wait()


def test_a_second_start_knocks_until_a_kiosk_that_just_started_listens(
    kiosk_home: Path,
) -> None:
    # Start-up: the kiosk listens after its first screen (QtNetwork is not loaded before it).
    kiosk_home.mkdir(parents=True, exist_ok=True)
    holder = subprocess.Popen([sys.executable, "-c", HOLD_THEN_LISTEN, str(kiosk_home)],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "locked"
        second = SingleInstance(kiosk_home)
        assert not second.acquire()
        assert second.wake_running()  # not listening yet when it first knocked
        assert holder.stdout.readline().strip() == "woken"
    finally:
        holder.kill()
        holder.wait()


def test_the_kiosk_listens_after_start_but_not_during_a_burst(
    qtbot: QtBot, kiosk_home: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    # Loading QtNetwork blocks the UI thread: never while the wedge holds a burst's keys.
    kiosk_home.mkdir(parents=True, exist_ok=True)
    monkeypatch.setattr(application, "LISTEN_AFTER_MS", 0)
    window = MainWindow()
    qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
    guard = SingleInstance(kiosk_home)
    assert guard.acquire(listen=False)
    try:
        assert not guard.listening
        calls: list[bool] = []
        listen = guard.listen

        def noted() -> None:
            calls.append(window.wedge.holding)
            listen()

        monkeypatch.setattr(guard, "listen", noted)
        key = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_G, Qt.KeyboardModifier.NoModifier,
                        "G")
        window.wedge.feed(window.scan_screen.code_field, key)  # a burst's first key
        assert window.wedge.holding
        application.listen_later(guard, window)
        qtbot.waitUntil(lambda: guard.listening, timeout=5_000)
        assert calls == [False]  # once the held key was let go, not before
    finally:
        guard.release()
