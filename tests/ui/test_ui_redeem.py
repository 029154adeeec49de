"""Redeeming: all, part via the keypad, too much refused, double taps, the result screen."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.domain.outcomes import RedeemStatus
from kiosk.ui.main_window import MainWindow, Page
from kiosk.ui.texts import Tone
from tests.helpers.sim import Sim

GB50 = "GB50-K7QX-9M2F-4TZB"
YOGA = "YOGA-5X2U-Q8WM-J4LT"


def look_up(qtbot: QtBot, window: MainWindow, code: str) -> None:
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.lookup_done, timeout=10_000):
        window.scan_code(code)


def test_redeem_all(qtbot: QtBot, window: MainWindow, sim: Sim) -> None:
    look_up(qtbot, window, "TEA2-8FJD-6NKS-3VXA")
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.redeem_done, timeout=10_000) as blocker:
        window.card_screen.redeem_all_button.click()
    assert blocker.args[0].status is RedeemStatus.APPLIED
    assert window.page is Page.RESULT
    assert window.result_screen.tone is Tone.GOOD
    assert window.result_screen.banner.title_label.text() == "Redeemed 1 use"
    assert window.result_screen.balance_label.text() == "0 of 1 use left"
    assert sim.voucher("TEA2-8FJD-6NKS-3VXA")["current"] == 1
    window.result_screen.next_button.click()
    assert window.page is Page.SCAN


def test_redeem_part_with_the_keypad(qtbot: QtBot, window: MainWindow, sim: Sim) -> None:
    look_up(qtbot, window, GB50)
    window.card_screen.redeem_part_button.click()
    screen = window.redeem_screen
    assert window.page is Page.REDEEM
    for key in "12":
        screen.keypad.digit_buttons[key].click()
    screen.keypad.point_button.click()
    screen.keypad.digit_buttons["5"].click()
    assert screen.display.text() == "£12.5"
    screen.next_button.click()
    assert screen.question.text() == "Redeem £12.50?"
    assert screen.after_label.text() == "£37.50 will be left."
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.redeem_done, timeout=10_000):
        screen.confirm_button.click()
    assert window.result_screen.banner.title_label.text() == "Redeemed £12.50"
    assert window.result_screen.balance_label.text() == "£37.50 left"
    assert sim.voucher(GB50)["current"] == 1250


def test_uses_are_whole_numbers(qtbot: QtBot, window: MainWindow, sim: Sim) -> None:
    look_up(qtbot, window, YOGA)
    window.card_screen.redeem_part_button.click()
    screen = window.redeem_screen
    assert not screen.keypad.point_button.isEnabled()
    screen.keypad.type_text("2")
    screen.next_button.click()
    assert screen.question.text() == "Redeem 2 uses?"
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.redeem_done, timeout=10_000):
        screen.confirm_button.click()
    assert window.result_screen.balance_label.text() == "1 of 5 uses left"
    assert sim.voucher(YOGA)["current"] == 4


def test_amount_over_remaining_is_refused(qtbot: QtBot, window: MainWindow, sim: Sim) -> None:
    look_up(qtbot, window, GB50)
    window.card_screen.redeem_part_button.click()
    screen = window.redeem_screen
    screen.keypad.type_text("50.01")
    screen.next_button.click()
    assert screen.steps.currentIndex() == 0  # no confirmation offered
    assert screen.error_label.text() == "Too much: only £50.00 can be redeemed."
    screen.keypad.clear()
    screen.keypad.type_text("0")
    screen.next_button.click()
    assert "greater than zero" in screen.error_label.text()
    screen.cancel_button.click()
    assert window.page is Page.CARD
    assert sim.voucher(GB50)["current"] == 0


def test_double_tap_redeems_once(qtbot: QtBot, window: MainWindow, sim: Sim) -> None:
    look_up(qtbot, window, GB50)
    card = window.card_screen
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.redeem_done, timeout=10_000):
        card.redeem_all_button.click()
        card.redeem_all_button.click()  # disabled by the first tap
        card.redeem_all.emit(GB50, 5000)  # even a second request reaching the window
    qtbot.waitUntil(lambda: not window.controller.runner.busy if window.controller else True)
    state = sim.voucher(GB50)
    assert state["current"] == 5000
    assert len(state["redeemHistory"]) == 1
    assert len(window.controller.engine.entries()) == 1


def test_fully_redeemed_voucher_cannot_be_redeemed(qtbot: QtBot, window: MainWindow) -> None:
    look_up(qtbot, window, "DONE-8P3S-4LZK-7AWC")
    assert not window.card_screen.redeem_all_button.isEnabled()
    assert not window.card_screen.redeem_part_button.isEnabled()


def test_next_scan_leaves_the_result_screen(qtbot: QtBot, window: MainWindow) -> None:
    look_up(qtbot, window, "TEA2-8FJD-6NKS-3VXA")
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.redeem_done, timeout=10_000):
        window.card_screen.redeem_all_button.click()
    assert window.page is Page.RESULT
    look_up(qtbot, window, GB50)
    assert window.page is Page.CARD
    assert window.card_screen.banner.title_label.text() == "Valid"


def test_max_key_types_everything_available(qtbot: QtBot, window: MainWindow) -> None:
    look_up(qtbot, window, "GB10-0PRT-LY8D-2WQC")  # £67.50 left of £100
    window.card_screen.redeem_part_button.click()
    screen = window.redeem_screen
    screen.keypad.digit_buttons["3"].click()
    screen.keypad.max_button.click()
    assert screen.keypad.text() == "67.50"
    assert screen.display.text() == "£67.50"
    screen.next_button.click()
    assert screen.question.text() == "Redeem £67.50?"
    assert screen.after_label.text() == "£0.00 will be left."
