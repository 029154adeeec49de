"""Manager authority: the PIN (or, before one is set, the user's password) guards the
settings, the queue's actions and leaving kiosk mode; the lock takes the PIN too."""

from __future__ import annotations

import json
from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk import paths
from kiosk.ui.main_window import MainWindow, Page
from tests.helpers.demo import TILL
from tests.helpers.ui import authorise, open_settings

PIN = "2468"


def set_pin(qtbot: QtBot, window: MainWindow, pin: str = PIN) -> None:
    open_settings(qtbot, window)
    screen = window.settings_screen
    screen.pin_field.setText(pin)
    screen.pin_repeat.setText(pin)
    screen.save_button.click()
    qtbot.waitUntil(lambda: screen.message_label.text() == "Saved. The manager PIN is set.",
                    timeout=10_000)
    window.go_home()


def test_settings_need_the_password_until_a_pin_is_set(qtbot: QtBot,
                                                       window: MainWindow) -> None:
    window.open_settings()
    assert window.page is Page.MANAGER
    manager = window.manager_screen
    assert manager.hint_label.isVisible()
    assert "Set a manager PIN in Settings" in manager.hint_label.text()
    assert manager.secret_field.placeholderText() == "Your password"
    manager.secret_field.setText("wrong")
    manager.ok_button.click()
    qtbot.waitUntil(lambda: manager.error_label.text() == "Wrong password.", timeout=10_000)
    manager.cancel_button.click()
    assert window.page is Page.SCAN
    assert not window.manager_granted

    window.open_settings()
    authorise(qtbot, window, TILL[1])
    assert window.page is Page.SETTINGS


def test_pin_is_set_stored_hashed_and_then_required(qtbot: QtBot, window: MainWindow) -> None:
    screen = window.settings_screen
    open_settings(qtbot, window)
    screen.pin_field.setText("12")
    screen.pin_repeat.setText("12")
    screen.save_button.click()
    assert screen.pin_error.text() == "The manager PIN must be at least 4 digits."
    screen.pin_field.setText(PIN)
    screen.pin_repeat.setText("2469")
    screen.save_button.click()
    assert screen.pin_error.text() == "The two PINs are not the same."
    window.go_home()
    assert not window.manager_granted  # leaving the settings ends the authority

    set_pin(qtbot, window)
    stored = json.loads((paths.data_dir() / "settings.json").read_text(encoding="utf-8"))
    assert stored["lock_pin"].startswith("scrypt$")
    assert PIN not in json.dumps(stored)

    window.open_settings()
    manager = window.manager_screen
    assert not manager.hint_label.isVisible()
    assert manager.secret_field.placeholderText() == "Manager PIN"
    manager.secret_field.setText(TILL[1])  # the staff password no longer opens the settings
    manager.ok_button.click()
    qtbot.waitUntil(lambda: manager.error_label.text() == "Wrong PIN.", timeout=10_000)
    authorise(qtbot, window, PIN)
    assert window.page is Page.SETTINGS
    assert "A manager PIN is set" in screen.pin_state.text()


def test_lock_opens_with_the_pin_or_the_password(qtbot: QtBot, window: MainWindow) -> None:
    set_pin(qtbot, window)
    lock = window.lock_screen
    for secret in (PIN, TILL[1]):
        window.lock()
        assert window.page is Page.LOCK
        assert lock.password_field.placeholderText() == "Password or manager PIN"
        lock.password_field.setText(secret)
        with qtbot.waitSignal(lock.unlocked, timeout=10_000):
            lock.unlock_button.click()
        assert window.page is Page.SCAN
    window.lock()
    lock.password_field.setText("9999")
    lock.unlock_button.click()
    qtbot.waitUntil(lambda: lock.error_label.text() == "Wrong password or PIN.",
                    timeout=10_000)
    assert window.page is Page.LOCK


def test_leaving_kiosk_mode_needs_the_manager(qtbot: QtBot, window: MainWindow) -> None:
    set_pin(qtbot, window)
    window.toggle_full_screen()
    qtbot.waitUntil(window.isFullScreen)
    window.toggle_full_screen()
    assert window.page is Page.MANAGER
    assert window.isFullScreen()
    window.manager_screen.cancel_button.click()
    assert window.isFullScreen()
    assert window.page is Page.SCAN
    window.toggle_full_screen()
    authorise(qtbot, window, PIN)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.page is Page.SCAN


def test_export_needs_the_manager_once_per_visit(qtbot: QtBot, window: MainWindow,
                                                tmp_path: Path) -> None:
    assert window.controller is not None
    window.open_queue()  # looking at the queue is for everyone
    assert window.page is Page.QUEUE
    queue = window.queue_screen
    first = tmp_path / "first.csv"
    queue.export_requested.emit(str(first))
    assert window.page is Page.MANAGER
    window.manager_screen.cancel_button.click()
    assert window.page is Page.QUEUE
    assert not first.exists()

    queue.export_requested.emit(str(first))
    with qtbot.waitSignal(window.controller.exported, timeout=10_000):
        authorise(qtbot, window)
    assert first.exists()
    second = tmp_path / "second.csv"
    with qtbot.waitSignal(window.controller.exported, timeout=10_000):
        queue.export_requested.emit(str(second))  # still authorised on this screen
    assert window.page is Page.QUEUE
    window.go_home()
    window.open_queue()
    queue.export_requested.emit(str(tmp_path / "third.csv"))
    assert window.page is Page.MANAGER
    window.manager_screen.cancel_button.click()
