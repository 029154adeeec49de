"""Receipts, the Z report and staff accounts wired into the signed-in window (CounterFlow)."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from kiosk.domain.outcomes import RedeemStatus
from kiosk.ui.flows.counter import CounterFlow
from kiosk.ui.main_window import MainWindow, Page
from tests.helpers.backends import free_port
from tests.helpers.demo import GBP50, MANAGER
from tests.helpers.printer import FakePrinter
from tests.helpers.ui import authorise, look_up, open_settings


def redeem_all(qtbot: QtBot, window: MainWindow, code: str = GBP50) -> None:
    assert window.controller is not None
    look_up(qtbot, window, code)
    with qtbot.waitSignal(window.controller.redeem_done, timeout=10_000) as blocker:
        window.card_screen.redeem_all_button.click()
    assert blocker.args[0].status is RedeemStatus.APPLIED


def counter(window: MainWindow) -> CounterFlow:
    assert window.session is not None
    return window.session.counter


def test_result_screen_prints_and_keeps_the_receipt_when_the_printer_is_off(
    qtbot: QtBot, window: MainWindow,
) -> None:
    flow = counter(window)
    engine = flow.receipts.service.engine
    engine.settings.printer_kind = "network"
    engine.settings.printer_address = f"127.0.0.1:{free_port()}"
    redeem_all(qtbot, window)
    assert window.page is Page.RESULT
    panel = flow.panel
    assert panel.isVisible()
    assert panel.print_button.isEnabled()
    with qtbot.waitSignal(flow.receipts.finished, timeout=10_000):
        panel.print_button.click()
    assert panel.retry_button.text().startswith("Printer not answering — 1 receipt(s) kept")
    window.go_home()
    with FakePrinter() as printer:
        engine.settings.printer_address = printer.address
        assert flow.reprint_last_button.isVisible()
        with qtbot.waitSignal(flow.receipts.finished, timeout=10_000):
            flow.reprint_last_button.click()
        assert b"4TZB" in printer.wait()


def test_end_of_shift_from_the_queue(qtbot: QtBot, window: MainWindow) -> None:
    redeem_all(qtbot, window)
    window.go_home()
    window.open_queue()
    flow = counter(window)
    assert Page.SHIFT not in window.pages  # built when first opened, not at start-up
    flow.shift_button.click()
    authorise(qtbot, window)
    assert window.page is Page.SHIFT
    qtbot.waitUntil(lambda: flow.shift_screen.report is not None, timeout=10_000)
    assert flow.shift_screen.status_label.text() == "The server's records match this till's."
    flow.shift_screen.back_button.click()
    assert window.page is Page.QUEUE


def test_staff_accounts_from_settings(qtbot: QtBot, window: MainWindow) -> None:
    open_settings(qtbot, window)
    flow = counter(window)
    tabs = window.settings_screen.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())][-2:] == ["Printer", "Staff"]
    assert Page.STAFF not in window.pages  # built when first opened, not at start-up
    flow.staff_button.click()
    assert window.page is Page.STAFF
    screen = flow.staff_screen
    screen.email_field.setText(MANAGER[0])
    screen.password_field.setText(MANAGER[1])
    screen.sign_in_button.click()
    qtbot.waitUntil(lambda: screen.manager is not None, timeout=10_000)
    assert screen.table.rowCount() == 2
    screen.back_button.click()
    assert window.page is Page.SETTINGS
    assert screen.manager is None


def test_signing_out_takes_the_counter_widgets_away(qtbot: QtBot, window: MainWindow) -> None:
    flow = counter(window)
    tabs = window.settings_screen.tabs.count()
    window.detach()
    assert Page.SHIFT not in window.pages
    assert window.settings_screen.tabs.count() == tabs - 2
    assert window.result_screen.extras.count() == 0
    assert flow.panel.parent() is None
