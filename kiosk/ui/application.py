"""Starting the GUI: the QApplication, style, translations, demo server, and screenshots."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk import APP_ID, APP_NAME, paths
from kiosk.ui.i18n import Translations
from kiosk.ui.main_window import MainWindow
from kiosk.ui.style import icon, load_stylesheet

DEFAULT_SIZE = (1280, 800)
DEMO_LOGIN = {"email": "till@demo-shop.example", "password": "till1234", "domain": "demo-shop"}


def make_app(argv: list[str] | None = None) -> QApplication:
    """The QApplication (created once) with the kiosk's name, style and icon."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_ID)
    app.setWindowIcon(icon("scan"))
    load_stylesheet(app)
    return app


def initial_language() -> str:
    """The language setting, read before anyone is signed in."""
    from kiosk.store.settings import Settings  # noqa: PLC0415

    return str(Settings.open(paths.data_dir()).language)


@contextlib.contextmanager
def demo_server() -> Iterator[str]:
    """The embedded simulator with the demo fixture; yields its API URL."""
    from kiosk.sim.testing import serve_in_thread  # noqa: PLC0415

    db = paths.data_dir() / "demo-server.sqlite"
    with serve_in_thread(fixture=paths.resource("demo-fixture.json"), db=db) as server:
        yield server.api_url


def args_size(args: argparse.Namespace) -> tuple[int, int]:
    """The window size: ``args.size`` or ``KIOSK_WINDOW_SIZE`` ("1024x600"), else 1280×800."""
    text = str(getattr(args, "size", None) or os.environ.get("KIOSK_WINDOW_SIZE", ""))
    width, _, height = text.lower().partition("x")
    if width.isdigit() and height.isdigit():
        return max(int(width), 1024), max(int(height), 600)
    return DEFAULT_SIZE


def run_gui(args: argparse.Namespace) -> int:
    """Run the kiosk GUI until the window closes; returns the exit code."""
    app = make_app()
    if getattr(args, "play_sounds", False):
        from kiosk.ui.feedback import play_each_sound  # noqa: PLC0415

        return play_each_sound()
    translations = Translations()
    translations.install(initial_language())
    with contextlib.ExitStack() as stack:
        demo_login = None
        if args.demo:
            url = stack.enter_context(demo_server())
            demo_login = {"server": url, **DEMO_LOGIN}
        window = MainWindow(translations=translations, camera=not args.screenshot)
        window.resize(*args_size(args))
        if args.screenshot:
            from kiosk.ui.screenshot import Screenshot  # noqa: PLC0415

            shot = Screenshot(window, args.screenshot, args.screen)
            stack.callback(window.shutdown)
            window.start(demo_login=demo_login)
            return shot.run(app)
        window.install_filters()
        if args.fullscreen:
            window.showFullScreen()
        else:
            window.show()
        QTimer.singleShot(0, lambda: window.start(demo_login=demo_login))
        code = app.exec()
        window.shutdown()
        return code
    return 0
