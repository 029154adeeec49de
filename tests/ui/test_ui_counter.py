"""Money and flow at the counter (issue 11, points 1-9): double taps, focus and Return,
scans during a redemption, offline never-seen codes, the code on every card, cards that
cannot be redeemed, unlocking, scans at the lock screen, slow scanners."""

from __future__ import annotations

import pytest
from PySide6.QtCore import SIGNAL, QEvent, QPoint, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.domain.voucher import VoucherState
from kiosk.ui.feedback import Sound
from kiosk.ui.main_window import MainWindow, Page
from kiosk.ui.texts import Tone
from tests.helpers.sim import Sim
from tests.helpers.ui import (
    Clock,
    focused,
    key,
    look_up,
    open_settings,
    tap,
    type_keys,
    work_offline,
)

GB50 = "GB50-K7QX-9M2F-4TZB"
YOGA = "YOGA-5X2U-Q8WM-J4LT"
TEA2 = "TEA2-8FJD-6NKS-3VXA"


@pytest.fixture
def clock(window: MainWindow) -> Clock:
    fake = Clock()
    window.wedge.clock = fake
    return fake


def redeems(sim: Sim) -> list[dict[str, object]]:
    assert sim.server is not None
    return sim.server.requests("POST", "/v1/redeem")


def tap_again(window: MainWindow, at: QPoint) -> None:
    """A second tap at the same place, on whatever is there now."""
    QApplication.processEvents()
    tap(window, at)


def settle(qtbot: QtBot, window: MainWindow) -> None:
    """Wait out the new screen's tap guard, as a person reading it would."""
    qtbot.waitUntil(lambda: not window.tap_guard.armed, timeout=2_000)


def window_rect(window: MainWindow, widget: QWidget) -> object:
    return widget.rect().translated(widget.mapTo(window, QPoint(0, 0)))


# -- 1. double taps ----------------------------------------------------------------------

def test_double_tap_on_next_never_confirms(qtbot: QtBot, window: MainWindow, sim: Sim) -> None:
    look_up(qtbot, window, GB50)
    window.card_screen.redeem_part_button.click()
    screen = window.redeem_screen
    screen.keypad.type_text("1")
    settle(qtbot, window)
    at = tap(screen.next_button)
    assert screen.steps.currentIndex() == 1  # the question is on screen
    tap_again(window, at)
    assert screen.steps.currentIndex() == 1
    assert screen.confirm_button.isEnabled()
    assert redeems(sim) == []  # nothing redeemed without the question being seen
    # and the confirm button is never where "Next" was
    assert not window_rect(window, screen.confirm_button).intersects(  # type: ignore[attr-defined]
        window_rect(window, screen.next_button))


def test_double_tap_on_redeem_all_keeps_the_result(qtbot: QtBot, window: MainWindow,
                                                   sim: Sim) -> None:
    window.result_screen.seconds = 60
    look_up(qtbot, window, TEA2)
    settle(qtbot, window)
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.redeem_done, timeout=10_000):
        at = tap(window.card_screen.redeem_all_button)
    assert window.page is Page.RESULT
    tap_again(window, at)  # lands where "Scan next" now is, within the guard time
    assert window.page is Page.RESULT
    assert len(redeems(sim)) == 1


def test_taps_count_again_after_the_guard_time(qtbot: QtBot, window: MainWindow) -> None:
    window.result_screen.seconds = 60
    look_up(qtbot, window, TEA2)
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.redeem_done, timeout=10_000):
        window.card_screen.redeem_all_button.click()
    settle(qtbot, window)
    tap(window.result_screen.next_button)
    assert window.page is Page.SCAN


def enter(widget: QWidget, *, repeat: bool = False, code: Qt.Key = Qt.Key.Key_Return) -> None:
    """Return (or ``code``) pressed on focused ``widget`` (``repeat``: the keyboard's
    auto-repeat of a held key) and released."""
    key(widget, code, {Qt.Key.Key_Return: "\r", Qt.Key.Key_Space: " "}[code], repeat=repeat)


def test_a_double_or_held_enter_never_redeems_a_card_not_yet_read(
        qtbot: QtBot, window: MainWindow, sim: Sim) -> None:
    # A code typed and Enter pressed twice (or held): the card comes up with "Redeem all"
    # focused, and Return presses what is focused. Like a tap, a Return on a screen that just
    # appeared, or a held key's repeat, must not redeem the whole voucher unseen.
    field = window.scan_screen.code_field
    field.setText(TEA2)
    field.setFocus()
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.lookup_done, timeout=10_000):
        enter(field)
    card = window.card_screen
    assert window.page is Page.CARD
    assert QApplication.focusWidget() is card.redeem_all_button
    enter(card.redeem_all_button)  # the second press of a double Enter
    assert not window.controller.redeeming
    settle(qtbot, window)
    enter(card.redeem_all_button, repeat=True)  # the key still held down
    assert not window.controller.redeeming
    assert redeems(sim) == []
    with qtbot.waitSignal(window.controller.redeem_done, timeout=10_000):
        enter(card.redeem_all_button)  # a deliberate Return, once the card was read
    assert len(redeems(sim)) == 1


def test_a_double_or_held_space_never_presses_a_button_just_shown(
        qtbot: QtBot, window: MainWindow, sim: Sim) -> None:
    # Space presses the focused button: "Check" by Space, then a second Space, must not land
    # on the card's focused "Redeem all"; nor may a held Space's repeats.
    look_up(qtbot, window, TEA2)
    card = window.card_screen
    card.redeem_all_button.setFocus()
    window.tap_guard.arm()  # the card has just come up
    enter(card.redeem_all_button, code=Qt.Key.Key_Space)
    settle(qtbot, window)
    enter(card.redeem_all_button, code=Qt.Key.Key_Space, repeat=True)
    assert window.controller is not None
    assert not window.controller.redeeming
    assert redeems(sim) == []
    with qtbot.waitSignal(window.controller.redeem_done, timeout=10_000):
        enter(card.redeem_all_button, code=Qt.Key.Key_Space)  # once the card was read
    assert len(redeems(sim)) == 1


def test_a_held_space_the_wedge_held_back_is_still_a_repeat(
        qtbot: QtBot, window: MainWindow, sim: Sim, clock: Clock) -> None:
    # The wedge scanner sees every key before the tap guard and holds a printable one (it may
    # start a scan): what it re-delivers as typing must stay a held key's repeat, or a held
    # Space would press the focused button once per repeat.
    look_up(qtbot, window, TEA2)
    settle(qtbot, window)
    button = focused(qtbot, window.card_screen.redeem_all_button)
    assert window.controller is not None
    repeat = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier,
                       " ", True)
    assert window.wedge.feed(button, repeat)  # held back for now
    clock.now += 1.0  # no key follows: it is typing, re-delivered
    qtbot.waitUntil(lambda: not window.wedge.holding)
    assert not window.controller.redeeming
    assert redeems(sim) == []
    press = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_Space, Qt.KeyboardModifier.NoModifier,
                      " ")
    with qtbot.waitSignal(window.controller.redeem_done, timeout=10_000):
        assert window.wedge.feed(button, press)  # a press of its own does press it
        clock.now += 1.0
    assert len(redeems(sim)) == 1


def test_a_scan_on_a_screen_just_shown_ends_with_its_return(
        qtbot: QtBot, window: MainWindow, clock: Clock) -> None:
    # The next voucher scanned the moment the result comes up, "Scan next" focused: the tap
    # guard eats a Return there, but only after the wedge has seen it end the burst.
    window.result_screen.seconds = 60
    look_up(qtbot, window, TEA2)
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.redeem_done, timeout=10_000):
        window.card_screen.redeem_all_button.click()
    button = focused(qtbot, window.result_screen.next_button)
    window.tap_guard.arm()  # the result has just come up
    with qtbot.waitSignal(window.controller.lookup_done, timeout=10_000) as blocker:
        type_keys(button, YOGA, clock, 0.004, enter=True)  # a scanner: 4 ms a key
    assert blocker.args[0].code == YOGA
    assert window.page is Page.CARD


def test_a_double_enter_on_next_never_confirms(qtbot: QtBot, window: MainWindow,
                                               sim: Sim) -> None:
    look_up(qtbot, window, GB50)
    window.card_screen.redeem_part_button.click()
    screen = window.redeem_screen
    screen.keypad.type_text("1")
    settle(qtbot, window)
    screen.next_button.setFocus()
    enter(screen.next_button)
    assert screen.steps.currentIndex() == 1  # the question is on screen
    enter(screen.confirm_button)  # the second press, before anyone read the question
    enter(screen.confirm_button, repeat=True)
    assert screen.confirm_button.isEnabled()
    assert redeems(sim) == []


# -- 2. what is focused is what Return does ------------------------------------------------

def tab(back: bool = False) -> QWidget | None:
    """Tab (or Shift+Tab) on what has the focus; what has it then."""
    modifier = Qt.KeyboardModifier.ShiftModifier if back else Qt.KeyboardModifier.NoModifier
    current = QApplication.focusWidget()
    assert current is not None
    QTest.keyClick(current, Qt.Key.Key_Tab, modifier)
    return QApplication.focusWidget()


def test_tab_on_the_manager_check_goes_left_to_right(qtbot: QtBot, window: MainWindow) -> None:
    """From the password, Tab reaches Cancel (on the left), then OK."""
    window.open_settings()
    screen = window.manager_screen
    focused(qtbot, screen.secret_field)
    assert [tab(), tab()] == [screen.cancel_button, screen.ok_button]


def test_tab_follows_the_screen_from_top_to_bottom(qtbot: QtBot, window: MainWindow,
                                                   sim: Sim) -> None:
    # Shift+Tab from "Scan next" went to the top bar's Lock (a Space there locked the till),
    # and Tab never left the queue's table (its actions were out of reach of the keyboard).
    assert window.session is not None
    counter = window.session.counter
    scan = window.scan_screen
    focused(qtbot, scan.code_field)
    assert [tab() for _ in range(4)][2:] == [scan.camera_button, counter.reprint_last_button]
    window.result_screen.seconds = 60
    look_up(qtbot, window, TEA2)
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.redeem_done, timeout=10_000):
        window.card_screen.redeem_all_button.click()
    result = window.result_screen
    focused(qtbot, result.next_button)
    assert tab(back=True) is counter.panel.print_button
    window.open_queue()
    queue = window.queue_screen
    qtbot.waitUntil(lambda: QApplication.focusWidget() is queue.tabs)
    queue.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: queue.table.rowCount() > 0, timeout=10_000)
    assert tab() is queue.table
    reached = [tab() for _ in range(8)]
    assert reached[0] is not queue.table
    assert {queue.sync_button, queue.export_button, counter.shift_button} <= set(reached)



def test_confirm_step_focuses_the_confirm_button(qtbot: QtBot, window: MainWindow,
                                                 sim: Sim) -> None:
    look_up(qtbot, window, GB50)
    window.card_screen.redeem_part_button.click()
    screen = window.redeem_screen
    screen.keypad.type_text("2")
    screen.next_button.click()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.confirm_button)
    settle(qtbot, window)  # Return on a question just shown is ignored, as a tap is
    focused(qtbot, screen.change_button)
    QTest.keyClick(screen.change_button, Qt.Key.Key_Return)
    assert screen.steps.currentIndex() == 0  # Return did what the focus ring showed
    assert redeems(sim) == []
    screen.next_button.click()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.confirm_button)
    settle(qtbot, window)
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.redeem_done, timeout=10_000):
        QTest.keyClick(screen.confirm_button, Qt.Key.Key_Return)
    assert len(redeems(sim)) == 1


# -- 3. a scan while a redemption is in flight --------------------------------------------

def test_scan_during_a_redemption_is_said_to_be_ignored(qtbot: QtBot, window: MainWindow,
                                                        sim: Sim) -> None:
    look_up(qtbot, window, GB50)
    assert sim.server is not None
    assert window.controller is not None
    sim.server.set_latency(1.0, count=1, path="/v1/redeem")
    window.card_screen.redeem_all_button.click()
    card = window.card_screen
    assert card.notice_label.isVisible()
    assert card.notice_label.text() == "Sending…"
    window.scan_code(YOGA)
    assert window.page is Page.CARD
    assert card.lookup is not None
    assert card.lookup.code == GB50  # still this customer
    assert "ignored" in card.notice_label.text()
    assert "Scan again after the result" in card.notice_label.text()
    assert window.feedback.last is Sound.WARNING
    qtbot.waitUntil(lambda: window.page is Page.RESULT, timeout=10_000)


# -- 4. offline and never seen: its own amber state ---------------------------------------

def test_offline_never_seen_code_is_amber_not_unknown(qtbot: QtBot, window: MainWindow) -> None:
    work_offline(qtbot, window, True)
    look_up(qtbot, window, "NEWC-5H7K-2DRM-4FXA")
    card = window.card_screen
    assert card.lookup is not None
    assert card.lookup.state is VoucherState.UNSEEN_OFFLINE
    assert card.tone is Tone.CAREFUL
    assert card.banner.title_label.text() == "Can't check offline"
    assert "hasn't been seen on this till" in card.banner.detail_label.text()
    assert "Unknown" not in card.banner.title_label.text()
    assert not card.redeem_all_button.isVisible()
    assert "Settings → Offline" in card.why_label.text()  # what the offline policy allows
    assert window.feedback.last is Sound.WARNING
    work_offline(qtbot, window, False)


# -- 5. the code on every card and in recent scans ----------------------------------------

def test_card_and_recent_scans_show_the_code_and_amount(qtbot: QtBot, window: MainWindow) -> None:
    look_up(qtbot, window, "nope-0000-0000-0001")
    assert window.card_screen.code_label.text() == "NOPE 0000 0000 0001"
    look_up(qtbot, window, GB50)
    assert window.card_screen.code_label.text() == "GB50 K7QX 9M2F 4TZB"
    window.card_screen.redeem_part_button.click()
    window.redeem_screen.keypad.type_text("12.50")
    window.redeem_screen.next_button.click()
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.redeem_done, timeout=10_000):
        window.redeem_screen.confirm_button.click()
    with qtbot.waitSignal(window.controller.recent_loaded, timeout=10_000):
        window.go_home()
    rows = [window.scan_screen.recent_list.item(i).text()
            for i in range(window.scan_screen.recent_list.count())]
    assert any("GB50 K7QX 9M2F 4TZB" in row and "Redeemed £12.50" in row for row in rows), rows


# -- 6. cards that cannot be redeemed -----------------------------------------------------

def test_expired_card_makes_the_balance_secondary_and_says_why(qtbot: QtBot,
                                                               window: MainWindow) -> None:
    look_up(qtbot, window, "OLD5-W6TB-3QHZ-8MEK")
    card = window.card_screen
    assert card.remaining_label.objectName() == "secondaryValue"
    assert not card.redeem_all_button.isVisible()
    assert not card.redeem_part_button.isVisible()
    assert card.why_label.text() == "Can't redeem: Expired"


def test_replaced_voucher_and_several_windows(qtbot: QtBot, window: MainWindow) -> None:
    look_up(qtbot, window, "REGN-3B8X-T5WJ-6PZQ")
    assert "replaced by a new voucher" in window.card_screen.banner.detail_label.text()
    look_up(qtbot, window, "RFND-7Y3M-KQ8T-2HWB")
    assert window.card_screen.banner.detail_label.text() == "This voucher was refunded."
    look_up(qtbot, window, "TWIN-6C1R-5VBN-9XHE")
    valid = window.card_screen.values["valid"].text()
    assert valid.count("\n") == 1, valid  # two windows, each shown
    assert window.card_screen.remaining_label.objectName() == "bigValue"


# -- 7. unlocking returns to a clean scan screen ------------------------------------------

def test_unlock_returns_to_a_clean_scan_screen(qtbot: QtBot, window: MainWindow) -> None:
    look_up(qtbot, window, GB50)
    assert window.card_screen.redeem_all_button.isEnabled()
    window.lock()
    screen = window.lock_screen
    screen.password_field.setText("till1234")
    with qtbot.waitSignal(screen.unlocked, timeout=10_000):
        screen.unlock_button.click()
    assert window.page is Page.SCAN
    assert window.card_screen.lookup is None
    assert not window.card_screen.redeem_all_button.isEnabled()


# -- 8. a scan at the lock screen ----------------------------------------------------------

def test_scan_at_the_lock_screen_never_reaches_the_password(qtbot: QtBot, window: MainWindow,
                                                            clock: Clock) -> None:
    window.lock()
    field = focused(qtbot, window.lock_screen.password_field)
    type_keys(field, GB50, clock, 0.004, enter=True)
    assert field.text() == ""
    assert window.page is Page.LOCK
    assert window.lock_screen.error_label.text() == \
        "That was a scan. Unlock first, then scan again."
    assert window.lock_screen.unlock_button.isEnabled()  # nothing was submitted


def test_typing_the_password_still_works_at_the_lock(qtbot: QtBot, window: MainWindow,
                                                     clock: Clock) -> None:
    window.lock()
    field = focused(qtbot, window.lock_screen.password_field)
    with qtbot.waitSignal(window.lock_screen.unlocked, timeout=10_000):
        type_keys(field, "till1234", clock, 0.2, enter=True)  # a person: 200 ms a key
    assert window.page is Page.SCAN


# -- 9. slow scanners, speed setting, scanner test, debounce ------------------------------

def test_a_50_ms_scanner_is_a_scan(qtbot: QtBot, window: MainWindow, clock: Clock) -> None:
    look_up(qtbot, window, GB50)
    target = focused(qtbot, window.card_screen.back_button)  # no text field to type into
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.lookup_done, timeout=5_000) as blocker:
        type_keys(target, YOGA, clock, 0.050, enter=True)
    assert blocker.args[0].code == YOGA


def test_the_same_code_twice_within_the_debounce_counts_once(
        qtbot: QtBot, window: MainWindow, clock: Clock, sim: Sim) -> None:
    field = focused(qtbot, window.scan_screen.code_field)
    seen: list[object] = []
    window.wedge.scanned.connect(seen.append)
    type_keys(field, YOGA, clock, 0.004, enter=True)
    clock.now += 0.5
    type_keys(field, YOGA, clock, 0.004, enter=True)  # a double trigger
    assert seen == [YOGA]
    clock.now += 3.0  # past the hardware debounce: a deliberate rescan
    type_keys(field, YOGA, clock, 0.004, enter=True)
    assert seen == [YOGA, YOGA]


def test_scanner_speed_setting_and_test_field(qtbot: QtBot, window: MainWindow,
                                              clock: Clock) -> None:
    open_settings(qtbot, window)
    screen = window.settings_screen
    screen.tabs.setCurrentIndex(screen.tab_keys.index("scanner"))
    screen.scanner_speed.setCurrentIndex(2)  # slow (Bluetooth)
    with qtbot.waitSignal(screen.save_requested):
        screen.save_button.click()
    qtbot.waitUntil(lambda: screen.message_label.text() == "Saved.", timeout=5_000)
    assert window.wedge.detector.max_gap == pytest.approx(0.150)
    field = focused(qtbot, screen.scanner_test)
    type_keys(field, YOGA, clock, 0.120, enter=True)  # a slow scanner, 120 ms a key
    assert YOGA in screen.scanner_result.text()
    assert "120 ms" in screen.scanner_result.text()
    assert window.page is Page.SETTINGS  # tested, not looked up


# -- structure: a new session's flows replace the old ones ---------------------------------

def test_signing_in_again_gives_one_flow_per_action(qtbot: QtBot, window: MainWindow,
                                                   sim: Sim) -> None:
    card, wedge = window.card_screen, window.wedge
    links = (card.receivers(SIGNAL("redeem_all(QString,int)")),
             wedge.receivers(SIGNAL("scanned(QString)")))
    window.sign_out()
    qtbot.waitUntil(lambda: window.page is Page.SIGNIN, timeout=10_000)
    assert card.receivers(SIGNAL("redeem_all(QString,int)")) == 0  # the session's links cut
    screen = window.signin_screen
    screen.server_field.setText(sim.api_url)
    screen.email_field.setText("till@demo-shop.example")
    screen.password_field.setText("till1234")
    screen.domain_box.setEditText("demo-shop")
    with qtbot.waitSignal(window.engine_ready, timeout=10_000):
        screen.sign_in_button.click()
    assert (card.receivers(SIGNAL("redeem_all(QString,int)")),
            wedge.receivers(SIGNAL("scanned(QString)"))) == links
    look_up(qtbot, window, TEA2)
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.redeem_done, timeout=10_000):
        window.card_screen.redeem_all_button.click()
    assert len(redeems(sim)) == 1
    assert window.page is Page.RESULT


def test_return_presses_a_top_bar_button_tabbed_to(qtbot: QtBot, window: MainWindow) -> None:
    # Tab reaches the top bar's buttons, Space pressed them, Return did nothing.
    button = focused(qtbot, window.queue_button)
    QTest.keyClick(button, Qt.Key.Key_Return)
    assert window.page is Page.QUEUE
