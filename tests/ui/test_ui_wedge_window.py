"""A scanner's key burst sent through the window with a clock the test controls: it is looked
up wherever focus is (a settings field, the keypad) and nothing leaks into that widget; slow
human typing still reaches it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import signin
from kiosk.ui.main_window import MainWindow, Page
from tests.helpers.demo import DOMAIN, TILL
from tests.helpers.sim import Sim
from tests.helpers.ui import Clock, focused, open_settings, type_keys

YOGA = "YOGA-5X2U-Q8WM-J4LT"
GB10 = "GB10-0PRT-LY8D-2WQC"


@pytest.fixture
def clock(window: MainWindow) -> Clock:
    fake = Clock()
    window.wedge.clock = fake
    return fake


def stamped(char: str, at_ms: int) -> QKeyEvent:
    """A key press as the window system delivers it: with its own timestamp (ms)."""
    key = Qt.Key.Key_Return if char == "\n" else Qt.Key(ord(char.upper()))
    event = QKeyEvent(QEvent.Type.KeyPress, key, Qt.KeyboardModifier.NoModifier,
                      "\r" if char == "\n" else char)
    event.setTimestamp(at_ms)
    return event


def arrive_at_once(window: MainWindow, widget: QWidget, text: str, gap_ms: int) -> None:
    """Key presses typed ``gap_ms`` apart but handled together, the filter's clock standing
    still (the UI thread was busy while they were typed, as after the warning sound of a
    refused scan): only their timestamps tell how they were typed."""
    for i, char in enumerate(text):
        assert window.wedge.feed(widget, stamped(char, 90_000 + i * gap_ms))


def scan_burst(qtbot: QtBot, window: MainWindow, widget: QWidget, clock: Clock,
               code: str) -> None:
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.lookup_done, timeout=10_000) as blocker:
        type_keys(widget, code, clock, 0.004, enter=True)  # a scanner: 4 ms a key
    assert blocker.args[0].code == code
    qtbot.waitUntil(lambda: window.page is Page.CARD)


def test_burst_in_a_settings_field_is_a_scan(qtbot: QtBot, window: MainWindow,
                                             clock: Clock) -> None:
    open_settings(qtbot, window)
    field = focused(qtbot, window.settings_screen.kiosk_name)
    before = field.text()
    scan_burst(qtbot, window, field, clock, YOGA)
    assert field.text() == before  # nothing leaked into the field
    assert window.card_screen.remaining_label.text() == "3 of 5 uses left"


def test_slow_typing_in_a_settings_field_reaches_it(qtbot: QtBot, window: MainWindow,
                                                    clock: Clock) -> None:
    open_settings(qtbot, window)
    field = focused(qtbot, window.settings_screen.kiosk_name)
    field.clear()
    type_keys(field, "Till 7", clock, 0.2, enter=True)  # a person: 200 ms a key
    clock.now += 1.0  # time passes: the last held key is released
    qtbot.waitUntil(lambda: field.text() == "Till 7")
    assert window.page is Page.SETTINGS


def open_keypad(qtbot: QtBot, window: MainWindow) -> Callable[[], str]:
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.lookup_done, timeout=10_000):
        window.scan_code(GB10)
    window.card_screen.redeem_part_button.click()
    assert window.page is Page.REDEEM
    return window.redeem_screen.keypad.text


def test_burst_on_the_keypad_is_a_scan(qtbot: QtBot, window: MainWindow,
                                       clock: Clock) -> None:
    typed = open_keypad(qtbot, window)
    key = focused(qtbot, window.redeem_screen.keypad.digit_buttons["5"])
    scan_burst(qtbot, window, key, clock, YOGA)
    assert typed() == ""  # no digit of the code landed in the amount
    assert window.card_screen.lookup is not None
    assert window.card_screen.lookup.code == YOGA


def test_slow_digits_on_the_keypad_type_the_amount(qtbot: QtBot, window: MainWindow,
                                                   clock: Clock) -> None:
    typed = open_keypad(qtbot, window)
    key = focused(qtbot, window.redeem_screen.keypad.digit_buttons["5"])
    type_keys(key, "125", clock, 0.15)
    clock.now += 1.0
    qtbot.waitUntil(lambda: typed() == "125")
    assert window.redeem_screen.display.text() == "£125"
    assert window.page is Page.REDEEM


def test_typing_held_up_by_a_busy_moment_stays_typing(qtbot: QtBot, window: MainWindow,
                                                      clock: Clock) -> None:
    # The password typed at the lock screen at 150 ms a key while the UI thread was busy
    # reaches the field and unlocks; it was taken for a scan ("That was a scan…") when the
    # gaps were measured when the keys were handled.
    window.lock()
    assert window.page is Page.LOCK
    lock = window.lock_screen
    field = focused(qtbot, lock.password_field)
    scanned: list[str] = []
    window.wedge.scanned.connect(scanned.append)
    with qtbot.waitSignal(lock.unlocked, timeout=10_000):
        arrive_at_once(window, field, "till1234\n", 150)
    assert scanned == []
    assert lock.error_label.text() == ""
    assert window.page is Page.SCAN


def test_a_burst_handled_slowly_is_still_a_scan(qtbot: QtBot, window: MainWindow,
                                                clock: Clock) -> None:
    # The opposite: a scanner's keys 4 ms apart by their timestamps, handled 200 ms apart
    # (a slow moment of the UI thread), are one scan and never reach the field.
    open_settings(qtbot, window)
    field = focused(qtbot, window.settings_screen.kiosk_name)
    before = field.text()
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.lookup_done, timeout=10_000) as blocker:
        for i, char in enumerate(YOGA + "\n"):
            clock.now += 0.2
            assert window.wedge.feed(field, stamped(char, 50_000 + i * 4))
    assert blocker.args[0].code == YOGA
    assert field.text() == before


def test_without_timestamps_the_clock_measures_the_gaps(qtbot: QtBot, window: MainWindow,
                                                        clock: Clock) -> None:
    # Synthetic key events carry no timestamp (0), and the X server's 32-bit clock can wrap:
    # then the filter's clock says how far apart the keys came.
    open_settings(qtbot, window)
    field = focused(qtbot, window.settings_screen.kiosk_name)
    field.clear()
    stamps = [4_294_967_000, 100, 0, 0, 0, 0]  # wrapped, then none
    for char, stamp in zip("Till 8", stamps, strict=True):
        clock.now += 0.2  # a person's pace on the clock
        assert window.wedge.feed(field, stamped(char, stamp))
    clock.now += 1.0
    qtbot.waitUntil(lambda: field.text() == "Till 8")


def starting_window(qtbot: QtBot, sim: Sim) -> MainWindow:
    """A till signed in on ``sim`` whose window is shown as the kiosk starts it: its filters
    wait for the session (start-up's events skip them); ``start()`` is the caller's."""
    signin.sign_in(sim.api_url, *TILL, DOMAIN)
    window = MainWindow(result_seconds=0, poll_ms=150)
    qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
    window.resize(1024, 600)
    window.install_filters(once_signed_in=True)
    window.show()
    return window


def test_filters_installed_at_sign_in_catch_a_burst(qtbot: QtBot, sim: Sim) -> None:
    # As the kiosk starts: the filters wait for the session (start-up's events skip them).
    window = starting_window(qtbot, sim)
    with qtbot.waitSignal(window.engine_ready, timeout=10_000):
        window.start()
    clock = Clock()
    window.wedge.clock = clock
    open_settings(qtbot, window)
    field = focused(qtbot, window.settings_screen.kiosk_name)
    before = field.text()
    scan_burst(qtbot, window, field, clock, YOGA)
    assert field.text() == before  # the wedge filter caught it


def test_filters_go_in_once_the_first_screen_is_painted(qtbot: QtBot, sim: Sim) -> None:
    # Start-up: the first event they see for a private Qt object costs PySide ~40 ms of type
    # creation, after the scan screen's first paint instead of before it.
    window = starting_window(qtbot, sim)
    assert not window.filtering  # nobody signed in yet
    with qtbot.waitSignal(window.engine_ready, timeout=10_000):
        window.start()
    assert window.page is Page.SCAN
    assert not window.filtering  # signed in, the scan screen not painted yet
    qtbot.waitUntil(lambda: window.filtering, timeout=5_000)
    clock = Clock()
    window.wedge.clock = clock
    field = focused(qtbot, window.scan_screen.code_field)
    with qtbot.waitSignal(window.wedge.scanned, timeout=5_000) as caught:
        scan_burst(qtbot, window, field, clock, GB10)
    assert caught.args == [GB10]  # the wedge caught the burst, not the field
