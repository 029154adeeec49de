"""Sign-in screen: good password, bad password, server down, then sign-out rules."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.app import signin
from kiosk.store.secrets import open_secrets
from kiosk.ui.main_window import MainWindow, Page
from tests.helpers.demo import DOMAIN, TILL
from tests.helpers.sim import Sim
from tests.helpers.ui import make_window


def fill(window: MainWindow, url: str, email: str, password: str) -> None:
    screen = window.signin_screen
    screen.server_field.setText(url)
    screen.email_field.setText(email)
    screen.password_field.setText(password)
    screen.domain_box.setEditText(DOMAIN)
    screen.kiosk_field.setText("Front till")


def started(qtbot: QtBot) -> MainWindow:
    window = make_window(qtbot)
    window.start()
    qtbot.waitUntil(lambda: not window.runner.busy)
    assert window.page is Page.SIGNIN
    return window


def test_sign_in_opens_the_scan_screen(qtbot: QtBot, sim: Sim) -> None:
    window = started(qtbot)
    fill(window, sim.api_url, *TILL)
    with qtbot.waitSignal(window.engine_ready, timeout=10_000):
        window.signin_screen.sign_in_button.click()
    assert window.page is Page.SCAN
    assert "Taylor Till" in window.staff_label.text()
    assert window.kiosk_label.text() == "Front till"
    account = signin.current_account()
    assert account is not None
    assert account.email == TILL[0]
    # The offline password check is kept beside opening the till, not before it.
    qtbot.waitUntil(lambda: open_secrets().get(signin._verifier_name(TILL[0])) is not None)


def test_find_my_shops_lists_the_domains(qtbot: QtBot, sim: Sim) -> None:
    window = started(qtbot)
    fill(window, sim.api_url, TILL[0], "")
    window.signin_screen.find_button.click()
    qtbot.waitUntil(lambda: window.signin_screen.domain_box.count() > 0)
    names = [window.signin_screen.domain_box.itemText(i)
             for i in range(window.signin_screen.domain_box.count())]
    assert DOMAIN in names


def test_wrong_password_is_explained(qtbot: QtBot, sim: Sim) -> None:
    window = started(qtbot)
    fill(window, sim.api_url, TILL[0], "not-the-password")
    window.signin_screen.sign_in_button.click()
    qtbot.waitUntil(lambda: window.signin_screen.error_label.text() != "")
    assert "Wrong email or password" in window.signin_screen.error_label.text()
    assert window.page is Page.SIGNIN
    assert window.signin_screen.sign_in_button.isEnabled()
    assert signin.current_account() is None


def test_server_down_is_explained(qtbot: QtBot, sim: Sim) -> None:
    url = sim.api_url
    sim.stop()
    window = started(qtbot)
    fill(window, url, *TILL)
    window.signin_screen.sign_in_button.click()
    qtbot.waitUntil(lambda: window.signin_screen.error_label.text() != "", timeout=15_000)
    assert "Cannot reach the server" in window.signin_screen.error_label.text()
    assert window.page is Page.SIGNIN


def test_no_access_to_the_shop_is_explained(qtbot: QtBot, sim: Sim) -> None:
    window = started(qtbot)
    fill(window, sim.api_url, *TILL)
    window.signin_screen.domain_box.setEditText("demo-cafe")
    window.signin_screen.sign_in_button.click()
    qtbot.waitUntil(lambda: window.signin_screen.error_label.text() != "")
    assert "no access" in window.signin_screen.error_label.text()


def test_sign_in_to_a_key_based_platform(qtbot: QtBot, sim_of: Callable[..., Sim]) -> None:
    server = sim_of("vauchar")
    window = started(qtbot)
    screen = window.signin_screen
    screen.platform_box.setCurrentIndex(screen.platform_box.findData("vauchar"))
    assert not screen.domain_box.isVisible()  # no shops to pick: the key is the shop's
    assert screen.staff_field.isVisible()
    assert screen.labels[1].text() == "Merchant id"
    screen.server_field.setText(server.api_url)
    screen.email_field.setText("demo-merchant")
    screen.password_field.setText("wrong")
    screen.staff_field.setText("Anna")
    screen.sign_in_button.click()
    qtbot.waitUntil(lambda: bool(screen.error_label.text()), timeout=10_000)
    assert screen.error_label.text() == \
        "The server refused the shop's credentials: check them and the platform."
    screen.password_field.setText("demo-api-key")
    with qtbot.waitSignal(window.engine_ready, timeout=10_000):
        screen.sign_in_button.click()
    # An empty local staff list: the first manager is set up (the staff name suggested).
    assert window.page is Page.STAFF_SETUP
    setup = window.session.local.setup_screen if window.session and window.session.local \
        else None
    assert setup is not None
    assert setup.name_field.text() == "Anna"
    setup.pad.type_pin("4321")
    setup.confirm_field.setText("4322")
    setup.save_button.click()
    qtbot.waitUntil(lambda: bool(setup.error_label.text()), timeout=10_000)
    assert setup.error_label.text() == "The two PINs do not match."
    assert window.page is Page.STAFF_SETUP
    setup.pad.type_pin("4321")
    setup.confirm_field.setText("4321")
    setup.save_button.click()
    qtbot.waitUntil(lambda: window.page is Page.SCAN, timeout=10_000)
    assert window.staff_label.text() == "Anna at demo-merchant"
    account = signin.current_account()
    assert account is not None
    assert (account.backend, account.staff_name, account.shop) == \
        ("vauchar", "Anna", "demo-merchant")
    screen.platform_box.setCurrentIndex(screen.platform_box.findData("vouchers-api"))
    assert not screen.email_field.isVisibleTo(screen)  # an API key alone


def test_sign_in_with_the_keyboard_alone(qtbot: QtBot, sim: Sim) -> None:
    # A fresh till: typing at once lands in the first empty field, and Return goes on to the
    # next empty one, then signs in (it did nothing outside the password field, and nothing
    # had the focus when the form came up).
    window = started(qtbot)
    screen = window.signin_screen
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.server_field)
    for text in (sim.api_url, TILL[0], TILL[1], DOMAIN):
        field = QApplication.focusWidget()
        assert field is not None
        QTest.keyClicks(field, text)
        if field is screen.password_field:  # its Return skips the shop only once it is typed
            assert screen.domain_box.currentText() == ""
        QTest.keyClick(field, Qt.Key.Key_Return)
        if text != DOMAIN:
            assert QApplication.focusWidget() is not field, text
    assert screen.error_label.isHidden(), screen.error_label.text()
    qtbot.waitUntil(lambda: window.page is Page.SCAN, timeout=10_000)


def test_signing_out_keeps_the_server_and_the_shop(qtbot: QtBot, window: MainWindow,
                                                   sim: Sim) -> None:
    # Signed in at start-up (the form never filled), "Switch staff" / "Sign out" left a blank
    # form: the next person had to know the server's address and the shop's name.
    window.sign_out()
    qtbot.waitUntil(lambda: window.page is Page.SIGNIN, timeout=10_000)
    screen = window.signin_screen
    assert screen.server_field.text() == sim.api_url
    assert screen.domain_box.currentText() == DOMAIN
    assert screen.email_field.text() == ""
    assert QApplication.focusWidget() is screen.email_field  # who signs in next
