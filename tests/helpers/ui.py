"""Helpers for the UI tests: demo logins, a main window with fast timers, the manager check."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk import paths
from kiosk.app.local_staff import open_local_staff
from kiosk.domain.outcomes import RedeemStatus
from kiosk.ui.main_window import MainWindow, Page
from tests.helpers.demo import TILL


def local_manager(name: str = "anna", pin: str = "1357") -> str:
    """Put a manager on the till's local staff list, signed in (a key-based platform's till
    then opens on the scan screen); their staff id."""
    staff, store = open_local_staff(paths.data_dir())
    try:
        member = staff.add(name, pin, manager=True)
        staff.set_current(member.id)
    finally:
        store.close()
    return member.id


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


class Clock:
    """The wedge filter's clock: moves only when the test says."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


W = TypeVar("W", bound=QWidget)


def window_of(widget: QWidget) -> QWindow:
    """The window a keyboard types into and a finger taps on, for ``widget``."""
    window = widget.window().windowHandle()
    assert window is not None, "the widget's window is not shown"
    return window


def key(widget: QWidget, code: Qt.Key, text: str = "", *, repeat: bool = False,
        modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key pressed (``repeat``: a held key's auto-repeat) and released, as a keyboard types
    it: into ``widget``'s window, which passes it on to its focused widget, ``widget``. The
    event carries no timestamp: the wedge filter times it with its clock."""
    window = window_of(widget)
    assert window.focusObject() is widget, f"the key would go to {window.focusObject()}"
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(window, QKeyEvent(kind, code, modifiers, text, repeat))


def char_key(char: str) -> Qt.Key:
    """The key that types ``char``."""
    return {"\r": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab}.get(char) or Qt.Key(ord(char.upper()))


def type_keys(widget: QWidget, text: str, clock: Clock, gap_s: float, *,
              enter: bool = False) -> None:
    """Key presses into focused ``widget``'s window, ``gap_s`` apart on the filter's clock."""
    for char in text + ("\r" if enter else ""):
        clock.now += gap_s
        key(widget, char_key(char), char)


def tap(widget: QWidget, at: QPoint | None = None) -> QPoint:
    """A mouse click on ``widget`` (its middle, or ``at`` in its coordinates), as a finger
    taps: on its window, which passes it on; returns where, in window coordinates."""
    where = widget.mapTo(widget.window(), widget.rect().center() if at is None else at)
    QTest.mouseClick(window_of(widget), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, where)
    return where


def focused(qtbot: QtBot, widget: W) -> W:
    widget.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is widget)
    return widget


def work_offline(qtbot: QtBot, window: MainWindow, on: bool) -> None:
    """Switch "Work offline" as the settings screen does, and wait until it is stored."""
    controller = window.controller
    assert controller is not None
    done: list[object] = []
    controller.save_settings({"work_offline": on}, None, done.append, done.append)
    qtbot.waitUntil(lambda: bool(done), timeout=10_000)
    assert done == [None], done


def look_up(qtbot: QtBot, window: MainWindow, code: str) -> None:
    """Scan ``code`` and wait for its card."""
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.lookup_done, timeout=10_000):
        window.scan_code(code)


def visit_every_screen(qtbot: QtBot, window: MainWindow,
                       see: Callable[[str, MainWindow], None]) -> None:
    """Drive a signed-in window through every screen and state staff meet, calling
    ``see(name, window)`` on each (cards of every kind, both redeem steps, the result,
    the queue, each settings tab, the manager check, lock, sign-in, offline-unseen)."""
    controller = window.controller
    assert controller is not None
    qtbot.waitUntil(window.scan_screen.recent_empty.isVisible, timeout=10_000)
    see("scan, nothing scanned yet", window)
    look_up(qtbot, window, "GB10-0PRT-LY8D-2WQC")
    window.go_home()
    qtbot.waitUntil(lambda: window.scan_screen.recent_list.count() > 0, timeout=10_000)
    see("scan", window)
    for code in ("GB10-0PRT-LY8D-2WQC", "OLD5-W6TB-3QHZ-8MEK", "REGN-3B8X-T5WJ-6PZQ",
                 "TWIN-6C1R-5VBN-9XHE", "NOPE-0000-0000-0000"):
        look_up(qtbot, window, code)
        see(f"card {code}", window)
    look_up(qtbot, window, "GB50-K7QX-9M2F-4TZB")
    window.card_screen.redeem_part_button.click()
    window.redeem_screen.keypad.type_text("12.50")
    see("redeem amount", window)
    window.redeem_screen.next_button.click()
    see("redeem confirm", window)
    with qtbot.waitSignal(controller.redeem_done, timeout=10_000):
        window.redeem_screen.confirm_button.click()
    see("result", window)
    window.open_queue()
    window.queue_screen.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: bool(window.queue_screen.entries), timeout=10_000)
    see("queue", window)
    assert window.session is not None
    window.session.counter.shift_button.click()  # the Z report, behind the manager check
    authorise(qtbot, window)
    shift = window.session.counter.shift_screen
    qtbot.waitUntil(shift.refresh_button.isEnabled, timeout=10_000)
    see("shift report", window)
    window.go_home()
    window.open_settings()
    see("manager check", window)
    authorise(qtbot, window)
    tabs = window.settings_screen.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        see(f"settings {window.settings_screen.tab_keys[index]}", window)
    window.go_home()
    work_offline(qtbot, window, True)
    look_up(qtbot, window, "SOON-4K9V-PX2C-7RFA")
    see("card offline unseen", window)
    work_offline(qtbot, window, False)
    window.lock()
    see("lock", window)
    window.show_page(Page.SIGNIN)
    see("signin", window)


def redeem_part(qtbot: QtBot, window: MainWindow, amount: str) -> RedeemStatus:
    """Redeem ``amount`` of the card on display through the keypad; returns the status."""
    window.card_screen.redeem_part_button.click()
    window.redeem_screen.keypad.type_text(amount)
    window.redeem_screen.next_button.click()
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.redeem_done, timeout=15_000) as blocker:
        window.redeem_screen.confirm_button.click()
    status: RedeemStatus = blocker.args[0].status
    return status
