"""UI test fixtures: the real simulator on loopback, a signed-in main window, thread guards."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QThread, QThreadPool
from pytestqt.qtbot import QtBot

from kiosk.app import signin
from kiosk.app.qt.runner import live_runners
from kiosk.ui.i18n import compile_translations
from kiosk.ui.main_window import MainWindow, Page
from tests.helpers.demo import DOMAIN, TILL
from tests.helpers.sim import Sim
from tests.helpers.ui import make_window


@pytest.fixture(scope="session", autouse=True)
def compiled_translations() -> list[Path]:
    """Build the ``.qm`` files once, as the Makefile does."""
    return compile_translations()


@pytest.fixture(autouse=True)
def no_leaked_threads() -> Iterator[None]:
    """Fail a test that leaves a QThread running or a thread pool busy."""
    yield
    busy = []
    for runner in live_runners():
        try:
            if not runner.wait(5000) or runner.active_threads():
                busy.append(runner)
        except RuntimeError:  # its C++ side is already deleted: nothing can run
            continue
    assert not busy, f"runners still busy after the test: {busy}"
    assert QThreadPool.globalInstance().waitForDone(5000)
    # Free finished workers (camera threads) now, not during interpreter shutdown.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    running = [t for t in gc.get_objects() if isinstance(t, QThread) and _running(t)]
    assert not running, f"QThreads left running: {running}"


def _running(thread: QThread) -> bool:
    try:
        return thread.isRunning()
    except RuntimeError:
        return False


@pytest.fixture
def window(qtbot: QtBot, sim: Sim) -> MainWindow:
    """A window signed in as the demo till user, on the scan screen."""
    signin.sign_in(sim.api_url, *TILL, DOMAIN)
    main = make_window(qtbot)
    with qtbot.waitSignal(main.engine_ready, timeout=10_000):
        main.start()
    assert main.page is Page.SCAN
    return main
