"""Helpers for the UI tests: demo logins, a main window with fast timers, the manager check."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.ui.main_window import MainWindow, Page
from tests.helpers.demo import TILL


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
