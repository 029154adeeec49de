"""Starting the GUI: the QApplication, style, translations, demo server, and screenshots."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QWidget

from kiosk import APP_ID, APP_NAME, paths
from kiosk.app.qt.runner import Runner
from kiosk.ui.demo import DEMO_LOGIN, demo_backend, start_demo
from kiosk.ui.first_paint import after_first_paint, mark_wanted, print_mark
from kiosk.ui.i18n import Translations
from kiosk.ui.main_window import MainWindow, Page
from kiosk.ui.opening import Opening
from kiosk.ui.server_thread import BackgroundServer
from kiosk.ui.single_instance import SingleInstance
from kiosk.ui.style import icon, load_stylesheet, screen_scale

DEFAULT_SIZE = (1280, 800)
SWITCH_INTERVAL_S = 0.001
LISTEN_AFTER_MS = 1000  # the single-instance socket (QtNetwork): after the first screen
LISTEN_RETRY_MS = 50  # a scanner's burst under way: listen after it


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once) with the kiosk's name, style and icon."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_ID)
    app.setWindowIcon(icon("scan"))
    load_stylesheet(app)
    # The UI thread waits for Python's GIL whenever a worker holds it (every look-up hands
    # its answer back across threads); by default a waiting thread asks for it only after
    # 5 ms, which shows as latency between a scan and its card. 1 ms keeps that small.
    sys.setswitchinterval(min(sys.getswitchinterval(), SWITCH_INTERVAL_S))
    return app


def initial_language() -> str:
    """The language setting, read before anyone is signed in."""
    from kiosk.store.settings import Settings  # noqa: PLC0415

    return str(Settings.open(paths.data_dir()).language)


def args_size(args: argparse.Namespace) -> tuple[int, int] | None:
    """The size asked for: ``args.size`` or ``KIOSK_WINDOW_SIZE`` ("1024x600"), else None."""
    text = str(getattr(args, "size", None) or os.environ.get("KIOSK_WINDOW_SIZE", ""))
    width, _, height = text.lower().partition("x")
    if width.isdigit() and height.isdigit():
        return max(int(width), 800), max(int(height), 480)
    return None


def place_window(window: QWidget, asked: tuple[int, int] | None) -> None:
    """Fit the window to the screen's available area (a size asked for never exceeds it)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(*(asked or DEFAULT_SIZE))
        return
    area = screen.availableGeometry()
    if asked is None:
        window.setGeometry(area)
        return
    width, height = min(asked[0], area.width()), min(asked[1], area.height())
    window.setGeometry(area.x() + (area.width() - width) // 2,
                       area.y() + (area.height() - height) // 2, width, height)


def apply_scale(app: QApplication) -> float:
    """Scale type and touch targets with the screen (1.0 up to 1280×800)."""
    screen = app.primaryScreen()
    if screen is None or os.environ.get("QT_QPA_PLATFORM") == "offscreen":
        return 1.0
    area = screen.availableGeometry()
    scale = screen_scale(area.width(), area.height())
    if scale != 1.0:
        load_stylesheet(app, scale)
    return scale


def bring_to_front(window: QWidget) -> None:
    """Show ``window`` over everything (a second start of the kiosk asked for it)."""
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()


def run_gui(args: argparse.Namespace, demo: BackgroundServer | None = None) -> int:
    """Run the kiosk GUI until the window closes; returns the exit code. ``demo``: the demo
    server ``kiosk.ui.demo.start_demo`` started already (else it starts here)."""
    if getattr(args, "play_sounds", False):
        from kiosk.ui.feedback import play_each_sound  # noqa: PLC0415

        make_app()
        return play_each_sound()
    backend = demo_backend(args)
    with contextlib.ExitStack() as stack:
        # The demo server starts on a thread of its own while the UI thread builds the window.
        demo = demo or start_demo(args)
        if demo is not None:
            stack.callback(demo.close)
        app = make_app()
        translations = Translations()
        language = getattr(args, "language", None)
        translations.install(language or initial_language())
        runner = Runner()  # the window's, for signing in
        if args.screenshot:
            window = MainWindow(translations=translations, runner=runner)
            window.language_override = language
            return _screenshot(app, window, args, demo, stack)
        guard = SingleInstance(paths.data_dir())
        # One kiosk per data folder: a second start brings the running one forward.
        if not guard.acquire(listen=False):  # it listens a moment later (listen_later)
            woke = guard.wake_running()
            print("The kiosk is already running on this data folder"  # noqa: T201
                  + ("; brought it to the front." if woke else ", but it does not answer."),
                  flush=True)
            return 0 if woke else 1
        stack.callback(guard.release)
        # Signing in (the demo) or finding the saved account, then opening the engine, starts
        # now on the runner's worker: its waits overlap the building of the window.
        opening = Opening(runner, server=demo.url if demo is not None else None,
                          login=DEMO_LOGIN if demo is not None and backend == "vouchercart"
                          else None)
        window = MainWindow(translations=translations, camera=True, runner=runner,
                            first_page=Page.START)
        guard.activated.connect(lambda: bring_to_front(window))
        listen_later(guard, window)
        window.language_override = language
        return _run_window(app, window, args, opening)
    return 0


def listen_later(guard: SingleInstance, window: MainWindow) -> None:
    """Let ``guard`` listen for a second start once the first screen is up (loading
    QtNetwork blocks the UI thread: never while a scanner's burst is coming in)."""
    def listen() -> None:
        if window.wedge.holding:
            QTimer.singleShot(LISTEN_RETRY_MS, guard, listen)
        else:
            guard.listen()

    QTimer.singleShot(LISTEN_AFTER_MS, guard, listen)


def _screenshot(app: QApplication, window: MainWindow, args: argparse.Namespace,
                demo: BackgroundServer | None, stack: contextlib.ExitStack) -> int:
    """``--screenshot``: render a screen to a PNG and exit."""
    from kiosk.ui.screenshot import Screenshot  # noqa: PLC0415

    backend = demo_backend(args)
    demo_login = None
    if demo is not None:
        url = demo.url()
        demo_login = {"server": url, **DEMO_LOGIN} if backend == "vouchercart" else None
        print(f"Demo server: {url}", flush=True)  # noqa: T201 - tests and staff read it
    window.resize(*(args_size(args) or DEFAULT_SIZE))
    shot = Screenshot(window, args.screenshot, args.screen, backend)
    stack.callback(window.shutdown)
    window.start(demo_login=demo_login)
    return shot.run(app)


def _run_window(app: QApplication, window: MainWindow, args: argparse.Namespace,
                opening: Opening) -> int:
    """Show ``window``, sign in (or ask to), run the event loop; the exit code."""
    apply_scale(app)
    place_window(window, args_size(args))
    window.install_filters(once_signed_in=True)
    if mark_wanted():
        after_first_paint(window.scan_screen, print_mark, fallback_ms=None, ready=lambda: (
            window.session is not None and window.page is Page.SCAN))
    window.start(opening=opening)  # its work runs on a thread while the window shows
    if args.fullscreen:
        window.showFullScreen()
    else:
        window.show()
    # Take the keyboard: with no window manager (a kiosk often has none) nobody else
    # gives the window focus, and a keyboard-wedge scanner would type into nothing.
    window.raise_()
    window.activateWindow()
    code = app.exec()
    window.shutdown()
    return code
