"""The staff-accounts screen on real widgets against the simulator's users API."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.app import signin
from kiosk.app.qt.runner import Runner
from kiosk.backends.vouchercart import VoucherCartClient
from kiosk.domain.errors import AccessDenied
from kiosk.ui.staff import StaffScreen
from tests.helpers.demo import MANAGER, TILL
from tests.helpers.sim import Sim


@pytest.fixture
def screen(qtbot: QtBot, account: signin.Account, kiosk_home: Path) -> Iterator[StaffScreen]:
    runner = Runner()
    widget = StaffScreen(account, runner, home=kiosk_home)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    runner.close()
    if widget.manager is not None:
        widget.manager.close()


def act(qtbot: QtBot, screen: StaffScreen, button_click: object) -> str:
    """Click and wait until the screen answers; returns the status line."""
    assert callable(button_click)
    button_click()
    qtbot.waitUntil(screen.isEnabled, timeout=10_000)
    return screen.status_label.text()


def sign_in(qtbot: QtBot, screen: StaffScreen, login: tuple[str, str] = MANAGER) -> str:
    screen.email_field.setText(login[0])
    screen.password_field.setText(login[1])
    return act(qtbot, screen, screen.sign_in_button.click)


def pick(screen: StaffScreen, email: str) -> None:
    row = next(i for i, m in enumerate(screen.members) if m.email == email)
    screen.table.selectRow(row)


def test_staff_cannot_open_it_and_a_wrong_password_says_so(qtbot: QtBot,
                                                           screen: StaffScreen) -> None:
    assert sign_in(qtbot, screen, TILL).startswith("This account may not manage staff")
    assert sign_in(qtbot, screen, (MANAGER[0], "nope1234")) == (
        "Wrong administrator e-mail or password.")
    assert screen.pages.currentIndex() == 0


def test_add_reset_and_remove_a_staff_member(
    qtbot: QtBot, screen: StaffScreen, client: VoucherCartClient, kiosk_home: Path,
    account: signin.Account,
) -> None:
    before = sorted(p.name for p in kiosk_home.rglob("*"))
    assert sign_in(qtbot, screen) == "Signed in as an administrator for this screen only."
    assert screen.table.rowCount() == 2
    screen.name_field.setText("Nora New")
    screen.new_email_field.setText(TILL[0])
    screen.new_password_field.setText("start123")
    screen.confirm_field.setText("start123")
    assert "already used by Taylor Till" in act(qtbot, screen, screen.add_button.click)
    screen.new_email_field.setText("nora@demo-shop.example")
    screen.new_password_field.setText("start123")
    screen.confirm_field.setText("start123")
    assert act(qtbot, screen, screen.add_button.click) == (
        "Nora New can now sign in on this shop.")
    assert screen.table.rowCount() == 3
    pick(screen, "nora@demo-shop.example")
    screen.new_password_field.setText("fresh123")
    screen.confirm_field.setText("fresh124")
    assert act(qtbot, screen, screen.reset_button.click) == "The two passwords do not match."
    screen.confirm_field.setText("fresh123")
    pick(screen, "nora@demo-shop.example")
    assert act(qtbot, screen, screen.reset_button.click) == "New password set for Nora New."
    assert client.authorize("nora@demo-shop.example", "fresh123", "demo-shop").profile.email
    pick(screen, "nora@demo-shop.example")
    screen.remove_button.click()
    assert screen.remove_button.text() == "Tap again to remove Nora New"
    assert screen.table.rowCount() == 3
    assert act(qtbot, screen, screen.remove_button.click).startswith(
        "Nora New can no longer sign in on this shop")
    assert screen.table.rowCount() == 2
    with pytest.raises(AccessDenied):
        client.authorize("nora@demo-shop.example", "fresh123", "demo-shop")
    with qtbot.waitSignal(screen.back):
        screen.back_button.click()
    assert screen.manager is None
    assert sorted(p.name for p in kiosk_home.rglob("*")) == before  # nothing of the admin saved
    assert signin.current_account(home=kiosk_home) == account


def test_server_down_while_managing(qtbot: QtBot, screen: StaffScreen, sim: Sim) -> None:
    sign_in(qtbot, screen)
    sim.stop()
    pick(screen, TILL[0])
    screen.name_field.setText("Taylor T.")
    assert act(qtbot, screen, screen.save_button.click).startswith(
        "The server cannot be reached, so saving the changes did not happen.")


def test_escape_is_done_and_forgets_the_administrator(qtbot: QtBot,
                                                       screen: StaffScreen) -> None:
    # Escape did nothing here; now it is "Done": the administrator's sign-in is closed.
    sign_in(qtbot, screen)
    assert screen.manager is not None
    with qtbot.waitSignal(screen.back, timeout=2_000):
        QTest.keyClick(screen, Qt.Key.Key_Escape)
    assert screen.manager is None
    assert screen.password_field.text() == ""
