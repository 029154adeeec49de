"""Local staff sign-in in the GUI on a key-based platform (Vauchar's simulator): the lock
screen's names and PIN pad, wrong PINs and the lockout, "Switch staff" keeping the shop
signed in, the manager check by a manager's PIN, Settings → Staff, and the staff id sent as
Vauchar's user_id with a redemption made at the till."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk import paths
from kiosk.app import signin
from kiosk.app.local_staff import open_local_staff
from kiosk.domain.outcomes import RedeemStatus
from kiosk.store.settings import Settings
from kiosk.ui.main_window import MainWindow, Page
from kiosk.ui.pin import check_pin, hash_pin
from kiosk.ui.screens.lock import LockScreen
from tests.helpers.platforms import VAUCHAR_AUTH
from tests.helpers.sim import Sim
from tests.helpers.ui import focused, look_up, make_window, open_settings

TILL_PIN = "9999"


@dataclass
class Till:
    window: MainWindow
    server: Sim
    ids: dict[str, str]  # name -> staff id


@pytest.fixture
def till(qtbot: QtBot, sim_of: Callable[..., Sim]) -> Till:
    """A Vauchar till with Alice (manager, 1111, signed in) and Sam (staff, 2468)."""
    server = sim_of("vauchar")
    signin.sign_in_platform("vauchar", server.api_url, dict(
        zip(("username", "password"), VAUCHAR_AUTH, strict=True)), staff="till")
    Settings.open(paths.data_dir()).set("lock_pin", hash_pin(TILL_PIN))
    staff, store = open_local_staff(paths.data_dir())
    try:
        alice = staff.add("Alice", "1111", manager=True)
        sam = staff.add("Sam", "2468")
        staff.set_current(alice.id)
    finally:
        store.close()
    window = make_window(qtbot)
    with qtbot.waitSignal(window.engine_ready, timeout=10_000):
        window.start()
    assert window.page is Page.SCAN
    assert window.staff_label.text() == "Alice at demo-merchant"
    return Till(window, server, {"Alice": alice.id, "Sam": sam.id})


def unlock_as(qtbot: QtBot, screen: LockScreen, name: str, pin: str) -> None:
    qtbot.waitUntil(lambda: screen.staff_list.count() == 2, timeout=10_000)
    screen.pick(name)
    screen.pad.type_pin(pin)
    screen.unlock_button.click()


def test_lock_shows_the_names_and_a_pin_pad_and_unlocks_as_who_typed(
        qtbot: QtBot, till: Till) -> None:
    window, screen = till.window, till.window.lock_screen
    window.lock()
    assert window.page is Page.LOCK
    qtbot.waitUntil(lambda: screen.staff_list.count() == 2, timeout=10_000)
    assert [screen.staff_list.item(i).text() for i in range(2)] == ["Alice", "Sam"]
    assert screen.staff_list.currentItem().text() == "Alice"  # who locked it
    assert screen.pad.isVisible()
    assert not screen.switch_button.isVisible()  # the names are the switch
    with qtbot.waitSignal(screen.unlocked_as, timeout=10_000):
        unlock_as(qtbot, screen, "Sam", "2468")
    assert window.page is Page.SCAN
    assert window.staff_label.text() == "Sam at demo-merchant"
    assert window.controller is not None
    assert getattr(window.controller.engine, "staff_id", None) == till.ids["Sam"]


def test_keys_alone_pick_a_name_and_type_the_pin(qtbot: QtBot, till: Till) -> None:
    # A name picked with an arrow key took the focus to the PIN at once (a second arrow went
    # nowhere), and Tab from the names skipped the PIN for Unlock.
    window, screen = till.window, till.window.lock_screen
    window.lock()
    qtbot.waitUntil(lambda: screen.staff_list.count() == 2, timeout=10_000)
    names = focused(qtbot, screen.staff_list)
    QTest.keyClick(names, Qt.Key.Key_Down)
    assert screen.staff_list.currentItem().text() == "Sam"
    assert QApplication.focusWidget() is names  # the arrows walk the list
    QTest.keyClick(names, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is screen.password_field
    screen.password_field.setText("2468")  # (keys typed at once would be a scanner's burst)
    with qtbot.waitSignal(screen.unlocked_as, timeout=10_000):
        QTest.keyClick(screen.password_field, Qt.Key.Key_Return)
    assert window.staff_label.text() == "Sam at demo-merchant"


def test_wrong_pin_then_the_lockout_is_said(qtbot: QtBot, till: Till) -> None:
    window, screen = till.window, till.window.lock_screen
    window.lock()
    unlock_as(qtbot, screen, "Sam", "1111")  # Alice's PIN is not Sam's
    qtbot.waitUntil(lambda: bool(screen.error_label.text()), timeout=10_000)
    assert screen.error_label.text().startswith("Wrong PIN. 4 more wrong PIN")
    for _ in range(3):
        screen.pad.type_pin("0000")
        screen.unlock_button.click()
        qtbot.waitUntil(screen.unlock_button.isEnabled, timeout=10_000)
    screen.pad.type_pin("0000")
    screen.unlock_button.click()
    qtbot.waitUntil(lambda: "seconds" in screen.error_label.text(), timeout=10_000)
    assert screen.error_label.text() == "Too many wrong PINs: try again in 30 seconds."
    screen.pad.type_pin("2468")  # even the right PIN waits
    screen.unlock_button.click()
    qtbot.waitUntil(screen.unlock_button.isEnabled, timeout=10_000)
    assert "Too many wrong PINs" in screen.error_label.text()
    assert window.page is Page.LOCK


def test_switch_staff_locks_and_keeps_the_shop_signed_in(qtbot: QtBot, till: Till) -> None:
    window = till.window
    session = window.session
    window.settings_screen.switch_staff_requested.emit()
    assert window.page is Page.LOCK
    screen = window.lock_screen
    qtbot.waitUntil(lambda: screen.staff_list.count() == 2, timeout=10_000)
    assert screen.staff_list.currentItem() is None  # nobody picked
    assert "Alice" not in window.staff_label.text()  # nobody works the till until unlocked
    with qtbot.waitSignal(screen.unlocked_as, timeout=10_000):
        unlock_as(qtbot, screen, "Sam", "2468")
    assert window.session is session  # the same shop's session: nobody signed out
    assert signin.current_account() is not None
    assert window.staff_label.text() == "Sam at demo-merchant"


def test_manager_check_takes_a_managers_pin_or_the_till_pin(qtbot: QtBot,
                                                           till: Till) -> None:
    window, screen = till.window, till.window.manager_screen
    window.open_settings()
    assert window.page is Page.MANAGER
    screen.secret_field.setText("2468")  # Sam is staff
    screen.ok_button.click()
    qtbot.waitUntil(lambda: bool(screen.error_label.text()), timeout=10_000)
    assert screen.error_label.text() == "Wrong PIN."
    with qtbot.waitSignal(screen.granted, timeout=10_000):
        screen.secret_field.setText("1111")
        screen.ok_button.click()
    assert window.page is Page.SETTINGS
    window.go_home()
    window.open_settings()
    with qtbot.waitSignal(screen.granted, timeout=10_000):
        screen.secret_field.setText(TILL_PIN)
        screen.ok_button.click()


def test_settings_staff_tab_keeps_the_local_list(qtbot: QtBot, till: Till) -> None:
    window = till.window
    window.show_settings()
    assert window.session is not None
    panel = window.session.counter.local_panel
    assert panel is not None
    tabs = window.settings_screen.tabs
    tabs.setCurrentIndex(window.settings_screen.tab_keys.index("staff"))
    qtbot.waitUntil(lambda: panel.table.rowCount() == 2, timeout=10_000)
    assert not window.session.counter.staff_button.isVisible()  # not VoucherCart's accounts
    panel.select("Alice")
    assert panel.role_button.text() == "Make staff"
    panel.role_button.click()  # the only manager
    qtbot.waitUntil(lambda: bool(panel.message_label.text()), timeout=10_000)
    assert panel.message_label.text() == \
        "The till needs at least one manager: make someone else a manager first."
    panel.name_field.setText("Carol")
    panel.pin_field.setText("2468")
    panel.confirm_field.setText("2468")
    panel.add_button.click()
    qtbot.waitUntil(lambda: bool(panel.message_label.text()), timeout=10_000)
    assert panel.message_label.text() == \
        "Someone on this till already has that PIN: choose another."
    panel.pin_field.setText("3333")
    panel.confirm_field.setText("3333")
    panel.add_button.click()
    qtbot.waitUntil(lambda: panel.table.rowCount() == 3, timeout=10_000)
    assert panel.message_label.text() == "Carol was added."
    panel.select("Carol")
    assert panel.role_button.text() == "Make manager"
    panel.role_button.click()
    qtbot.waitUntil(lambda: panel.message_label.text() == "Carol is a manager now.",
                    timeout=10_000)
    panel.select("Sam")
    panel.deactivate_button.click()
    qtbot.waitUntil(lambda: panel.message_label.text() == "Sam was deactivated.",
                    timeout=10_000)
    def cell(row: int, column: int) -> str:
        item = panel.table.item(row, column)
        return item.text() if item is not None else ""

    qtbot.waitUntil(lambda: cell(2, 2) == "Deactivated", timeout=10_000)
    assert cell(2, 0) == "Sam"  # kept, for the history


def test_a_redemption_at_the_till_sends_the_staff_id_as_user_id(qtbot: QtBot,
                                                               till: Till) -> None:
    window, server = till.window, till.server
    window.lock()
    with qtbot.waitSignal(window.lock_screen.unlocked_as, timeout=10_000):
        unlock_as(qtbot, window.lock_screen, "Sam", "2468")
    look_up(qtbot, window, "GIFT50DEMO001")
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.redeem_done, timeout=10_000) as blocker:
        window.card_screen.redeem_all_button.click()
    assert blocker.args[0].status is RedeemStatus.APPLIED, blocker.args[0].message
    stored = server.simulator.store.item_by_code("GIFT50DEMO001")
    assert stored is not None
    assert stored["redemptions"][-1]["user_id"] == till.ids["Sam"]
    assert not [e for e in server.simulator.log.entries() if "authorize" in e["path"]]


def test_first_start_sets_up_the_first_manager_who_stays_after_a_restart(
        qtbot: QtBot, sim_of: Callable[..., Sim]) -> None:
    server = sim_of("vauchar")
    signin.sign_in_platform("vauchar", server.api_url, dict(
        zip(("username", "password"), VAUCHAR_AUTH, strict=True)), staff="Nora")
    window = make_window(qtbot)
    with qtbot.waitSignal(window.engine_ready, timeout=10_000):
        window.start()
    assert window.page is Page.STAFF_SETUP
    assert window.staff_label.text() == "demo-merchant"  # nobody works the till yet
    assert window.session is not None
    assert window.session.local is not None
    setup = window.session.local.setup_screen
    assert setup.name_field.text() == "Nora"
    setup.pad.type_pin("123")
    setup.confirm_field.setText("123")
    setup.save_button.click()
    qtbot.waitUntil(lambda: bool(setup.error_label.text()), timeout=10_000)
    assert setup.error_label.text() == "A PIN is 4 to 8 digits."
    assert (setup.pin_field.text(), setup.confirm_field.text()) == ("", "")
    setup.pad.type_pin("5791")
    setup.confirm_field.setText("5791")
    setup.save_button.click()
    qtbot.waitUntil(lambda: window.page is Page.SCAN, timeout=10_000)
    assert window.staff_label.text() == "Nora at demo-merchant"
    window.shutdown()
    again = make_window(qtbot)  # the kiosk restarts: Nora is still at the till
    with qtbot.waitSignal(again.engine_ready, timeout=10_000):
        again.start()
    assert again.page is Page.SCAN
    assert again.staff_label.text() == "Nora at demo-merchant"
    staff, store = open_local_staff(paths.data_dir())
    try:
        assert [(m.name, m.manager) for m in staff.members()] == [("Nora", True)]
    finally:
        store.close()


def test_the_till_pin_cannot_be_a_member_s_pin(qtbot: QtBot, till: Till) -> None:
    """Settings refuse a new till manager PIN that a member already has (the other way
    round, a member's PIN equal to the till's, is refused by the staff list)."""
    window = till.window
    open_settings(qtbot, window, "1111")  # Alice, a manager
    screen = window.settings_screen
    for pin in ("2468", "9753"):  # Sam's, then nobody's
        screen.pin_field.setText(pin)
        screen.pin_repeat.setText(pin)
        screen.save_button.click()
        expected = ("Someone on this till already has that PIN: choose another."
                    if pin == "2468" else "Saved. The manager PIN is set.")

        def said(expected: str = expected) -> bool:
            return screen.message_label.text() == expected

        qtbot.waitUntil(said, timeout=10_000)
        stored = str(Settings.open(paths.data_dir()).lock_pin)
        assert check_pin(stored, pin) is (pin == "9753")


def test_settings_name_the_shop_and_the_pins_that_count(qtbot: QtBot, till: Till) -> None:
    """A key-based till signs in the shop: Settings name the platform and the shop (no empty
    "()" for an e-mail it has not got) and, without a till PIN, say that a manager's own PIN
    opens manager actions (these platforms have no signed-in password to ask for)."""
    window = till.window
    assert window.controller is not None
    window.controller.engine.settings.lock_pin = ""
    open_settings(qtbot, window, "1111")  # Alice, a manager
    screen = window.settings_screen
    assert window.account is not None
    assert screen.account_label.text() == (
        f"Alice on Vauchar, shop demo-merchant, at {window.account.server_url}")
    assert screen.pin_state.text() == ("No manager PIN for the whole till: manager actions "
                                       "take a manager's own PIN. One set here works too.")
