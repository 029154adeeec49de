"""Idle lock and unlock, settings, and switching the language at run time."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import signin
from kiosk.domain.errors import StorageError
from kiosk.ui.i18n import Translations
from kiosk.ui.main_window import MainWindow, Page
from kiosk.ui.texts import error_text
from tests.helpers.demo import DOMAIN, TILL
from tests.helpers.sim import Sim
from tests.helpers.ui import look_up, make_window, open_settings


@pytest.fixture
def english_afterwards() -> Iterator[None]:
    yield
    Translations().install("en")


def test_lock_after_idle_and_unlock(qtbot: QtBot, sim: Sim) -> None:
    signin.sign_in(sim.api_url, *TILL, DOMAIN)
    window = make_window(qtbot, idle_unit_ms=200)  # a "minute" of 200 ms
    with qtbot.waitSignal(window.engine_ready, timeout=10_000):
        window.start()
    open_settings(qtbot, window)
    window.settings_screen.idle_lock.setValue(1)
    window.settings_screen.save_button.click()
    qtbot.waitUntil(lambda: window.settings_screen.message_label.text() == "Saved.")
    window.go_home()
    qtbot.waitUntil(lambda: window.page is Page.LOCK, timeout=5_000)
    lock = window.lock_screen
    assert "Taylor Till" in lock.title.text()
    assert not window.queue_button.isEnabled()
    window.scan_code("GB50-K7QX-9M2F-4TZB")  # scans are ignored while locked
    assert window.page is Page.LOCK

    lock.password_field.setText("wrong")
    lock.unlock_button.click()
    qtbot.waitUntil(lambda: lock.error_label.text() == "Wrong password.", timeout=10_000)
    lock.password_field.setText(TILL[1])
    with qtbot.waitSignal(lock.unlocked, timeout=10_000):
        lock.unlock_button.click()
    assert window.page is Page.SCAN
    assert window.queue_button.isEnabled()


def test_lock_button_and_sign_out(qtbot: QtBot, window: MainWindow) -> None:
    window.lock_button.click()
    assert window.page is Page.LOCK
    window.lock_screen.switch_button.click()  # nothing queued: allowed
    qtbot.waitUntil(lambda: window.page is Page.SIGNIN, timeout=10_000)
    qtbot.waitUntil(lambda: signin.current_account() is None, timeout=5_000)
    assert window.controller is None


def test_language_switch(qtbot: QtBot, window: MainWindow, english_afterwards: None) -> None:
    assert window.scan_button.text() == "Scan"
    open_settings(qtbot, window)
    screen = window.settings_screen
    screen.language.setCurrentIndex(screen.language.findData("de"))
    screen.save_button.click()
    qtbot.waitUntil(lambda: window.scan_button.text() == "Scannen", timeout=5_000)
    assert screen.save_button.text() == "Speichern"
    assert window.session is not None  # the flows' own widgets follow the window's language
    assert window.session.counter.reprint_last_button.text() == "Letzten Beleg nachdrucken"
    assert window.session.undo.result_button.text() == "Letzte Einlösung zurücknehmen"
    assert window.controller is not None
    assert window.controller.engine.settings.language == "de"
    window.go_home()
    assert window.scan_screen.check_button.text() == "Prüfen"
    with qtbot.waitSignal(window.controller.lookup_done, timeout=10_000):
        window.scan_code("YOGA-5X2U-Q8WM-J4LT")
    assert window.card_screen.banner.title_label.text() == "Gültig — teilweise eingelöst"
    assert window.card_screen.remaining_label.text() == "3 von 5 Nutzungen übrig"
    with qtbot.waitSignal(window.controller.lookup_done, timeout=10_000):
        window.scan_code("GB50-K7QX-9M2F-4TZB")
    window.card_screen.redeem_part_button.click()
    keypad = window.redeem_screen.keypad
    assert keypad.point_button.text() == ","  # as German amounts are written on screen
    for key in "12":
        keypad.digit_buttons[key].click()
    keypad.point_button.click()
    keypad.digit_buttons["5"].click()
    assert window.redeem_screen.display.text() == "12,5\N{NO-BREAK SPACE}£"
    assert window.redeem_screen.available_label.text() == "Verfügbar: 50,00\N{NO-BREAK SPACE}£"
    window.redeem_screen.cancel_button.click()
    open_settings(qtbot, window)
    screen.language.setCurrentIndex(screen.language.findData("en"))
    screen.save_button.click()
    qtbot.waitUntil(lambda: window.scan_button.text() == "Scan", timeout=5_000)


def test_storage_full_is_said_plainly_in_both_languages(qapp: object) -> None:
    full = StorageError("disk full", full=True)
    assert error_text(full) == "Storage full — nothing was redeemed. Call a manager."
    translations = Translations()
    try:
        translations.install("de")
        assert error_text(full).startswith("Speicher voll — nichts wurde eingelöst")
        assert "nichts wurde eingelöst" in error_text(StorageError("read-only"))
    finally:
        translations.install("en")
    assert error_text(full).startswith("Storage full")


@pytest.mark.parametrize("fails", [False, True], ids=["answered", "failed"])
def test_a_redemption_finishing_while_locked_never_opens_the_till(
        qtbot: QtBot, sim: Sim, window: MainWindow, fails: bool) -> None:
    # Staff tap "Redeem all" and lock the till while it is being sent: the answer (or the
    # failure) must not replace the lock screen with the result, a page from which the whole
    # till is usable again without a password.
    look_up(qtbot, window, "GB50-K7QX-9M2F-4TZB")
    assert window.controller is not None
    sim.set_latency(1.0, count=1, path="/v1/status")  # the redeem's own look-up is slow
    if fails:  # the outbox cannot be written (real SQLite, read-only): the redeem fails
        with window.controller.engine.store.read() as db:  # type: ignore[attr-defined]
            db.execute("PRAGMA query_only = ON")
    controller = window.controller
    window.card_screen.redeem_all_button.click()
    assert controller.redeeming
    window.lock_button.click()
    assert window.page is Page.LOCK
    qtbot.waitUntil(lambda: not controller.redeeming, timeout=10_000)
    assert window.page is Page.LOCK, "the redemption's result opened a locked till"
    assert not window.queue_button.isEnabled()
    # What happened meanwhile: the failure sent nothing, the answered one was taken once.
    assert len(sim.requests("POST", "/v1/redeem")) == (0 if fails else 1)
