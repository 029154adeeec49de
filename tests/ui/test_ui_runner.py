"""The background runner: results and failures come back on the UI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread
from pytestqt.qtbot import QtBot

from kiosk.app.qt.runner import Runner


def test_success_and_failure_arrive_on_the_ui_thread(qtbot: QtBot) -> None:
    runner = Runner()
    ui_thread = QThread.currentThread()
    seen: list[tuple[str, object, bool]] = []
    worker_threads: list[str] = []

    def op() -> int:
        worker_threads.append(threading.current_thread().name)
        return 42

    def boom() -> int:
        raise ValueError("no")

    runner.run(op, success=lambda v: seen.append(("ok", v, QThread.currentThread() is ui_thread)))
    runner.run(boom, failure=lambda e: seen.append(("err", str(e),
                                                     QThread.currentThread() is ui_thread)))
    qtbot.waitUntil(lambda: len(seen) == 2)
    assert sorted(seen) == [("err", "no", True), ("ok", 42, True)]
    assert worker_threads
    assert worker_threads[0] != threading.main_thread().name
    assert not runner.busy
    assert runner.close()
    assert runner.run(op) is False
