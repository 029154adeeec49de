"""UI test fixtures: the real simulator on loopback, a signed-in main window, thread guards."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QThread, QThreadPool
from pytestqt.qtbot import QtBot

from kiosk.app import signin
from kiosk.app.qt.runner import live_runners
from kiosk.paths import resource
from kiosk.sim.testing import SimServer, serve_in_thread
from kiosk.ui.i18n import compile_translations
from kiosk.ui.main_window import MainWindow, Page

TILL = ("till@demo-shop.example", "till1234")
MANAGER = ("manager@demo-shop.example", "manager1234")
DOMAIN = "demo-shop"
FIXTURE = resource("demo-fixture.json")


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


class Sim:
    """The simulator with a persistent database, so it can be stopped and started again."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.port = 0
        self.server: SimServer | None = None
        self._stack = ExitStack()

    def start(self) -> SimServer:
        """Serve (again, on the same port once it has one)."""
        self.server = self._stack.enter_context(
            serve_in_thread(FIXTURE, db=self.db, port=self.port))
        self.port = self.server.port
        return self.server

    def stop(self) -> None:
        """Stop serving: the kiosk now sees connection refused."""
        self._stack.close()
        self._stack = ExitStack()
        self.server = None

    @property
    def url(self) -> str:
        """The API base URL."""
        return f"http://127.0.0.1:{self.port}/v1"

    def voucher(self, code: str) -> dict[str, object]:
        """The server's state of ``code``."""
        assert self.server is not None
        return dict(self.server.voucher(code))


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[Sim]:
    """A running simulator with the demo fixture."""
    control = Sim(tmp_path / "sim.sqlite")
    control.start()
    yield control
    control.stop()


def make_window(qtbot: QtBot, **options: int) -> MainWindow:
    """A main window with fast timers, registered with qtbot, filters installed."""
    window = MainWindow(result_seconds=options.get("result_seconds", 0),
                        poll_ms=options.get("poll_ms", 150),
                        idle_unit_ms=options.get("idle_unit_ms", 60_000))
    qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
    window.resize(1024, 600)
    window.show()
    window.install_filters()
    return window


@pytest.fixture
def window(qtbot: QtBot, sim: Sim) -> MainWindow:
    """A window signed in as the demo till user, on the scan screen."""
    signin.sign_in(sim.url, *TILL, DOMAIN)
    main = make_window(qtbot)
    with qtbot.waitSignal(main.engine_ready, timeout=10_000):
        main.start()
    assert main.page is Page.SCAN
    return main


def authorise(qtbot: QtBot, window: MainWindow, secret: str = TILL[1]) -> None:
    """Answer the manager check now on screen (the PIN, or with none set the password)."""
    assert window.page is Page.MANAGER
    screen = window.manager_screen
    screen.secret_field.setText(secret)
    with qtbot.waitSignal(screen.granted, timeout=10_000):
        screen.ok_button.click()


def open_settings(qtbot: QtBot, window: MainWindow, secret: str = TILL[1]) -> None:
    """Open the settings through the manager check."""
    window.open_settings()
    authorise(qtbot, window, secret)
    assert window.page is Page.SETTINGS
