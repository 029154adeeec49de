"""The start-up order: the till opens on a worker job begun before the window is built, and
only the scan screen exists before the first paint (docs/performance.md, "## Startup")."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.app import signin
from kiosk.app.qt.runner import Runner
from kiosk.store.secrets import open_secrets
from kiosk.ui import collector
from kiosk.ui.first_paint import after_first_paint
from kiosk.ui.main_window import LATER_PAGES, MainWindow, Page
from kiosk.ui.opening import Opening
from tests.helpers.demo import DOMAIN, PARTLY, TILL
from tests.helpers.sim import Sim
from tests.helpers.ui import char_key, key


def window_for(qtbot: QtBot, runner: Runner) -> MainWindow:
    """The window as ``kiosk`` builds it: on a runner whose first job may be done already,
    blank until the till is open."""
    window = MainWindow(runner=runner, first_page=Page.START, result_seconds=0)
    qtbot.addWidget(window, before_close_func=lambda w: w.shutdown())
    window.resize(1024, 600)
    window.show()
    window.install_filters()
    return window


def test_a_scan_before_the_later_screens_exist_shows_its_card(qtbot: QtBot, sim: Sim) -> None:
    signin.sign_in(sim.api_url, *TILL, DOMAIN)
    window = window_for(qtbot, Runner())
    with qtbot.waitSignal(window.engine_ready, timeout=10_000):
        window.start()  # the saved account
    assert window.page is Page.SCAN
    built = [page for page in LATER_PAGES if window.built(page)]
    assert built == []  # only the scan screen yet
    assert window.controller is not None
    field = window.scan_screen.code_field
    field.setFocus()
    with qtbot.waitSignal(window.controller.lookup_done, timeout=10_000) as blocker:
        for char in PARTLY + "\r":  # a scanner's burst, as the start-up benchmark types
            key(field, char_key(char), char)
    assert blocker.args[0].code == PARTLY
    assert window.page is Page.CARD
    card = window.card_screen
    assert card.banner.title_label.text() == "Valid — partly used"
    assert card.remaining_label.text() == "£67.50 left"
    # The card built on demand is wired to the session: its buttons work.
    card.redeem_part_button.click()
    assert window.page is Page.REDEEM
    window.redeem_screen.cancel_button.click()
    assert window.page is Page.CARD


def test_the_later_screens_are_built_after_the_first_paint(qtbot: QtBot,
                                                           window: MainWindow) -> None:
    qtbot.waitUntil(lambda: all(window.built(page) for page in LATER_PAGES), timeout=10_000)
    tabs = window.settings_screen.tabs
    keys = window.settings_screen.tab_keys
    assert keys[-2:] == ("printer", "staff")  # the counter flow wired its tabs on the build
    assert tabs.count() == len(keys)
    assert window.session is not None
    assert window.queue_screen.isAncestorOf(window.session.counter.shift_button)


def test_a_refused_sign_in_before_the_window_exists_is_explained(qtbot: QtBot,
                                                                  sim: Sim) -> None:
    runner = Runner()
    opening = Opening(runner, server=lambda: sim.api_url,
                      login={"email": TILL[0], "password": "not-the-password",
                             "domain": DOMAIN})
    assert runner.wait(10_000)  # refused before the window is even built
    window = window_for(qtbot, runner)
    assert window.page is Page.START  # blank: no sign-in form until it is needed
    window.start(opening=opening)
    qtbot.waitUntil(lambda: window.page is Page.SIGNIN, timeout=10_000)
    screen = window.signin_screen
    assert screen.error_label.text() == "Wrong email or password."
    assert screen.password_field.text() == ""  # typed again, where the cursor waits
    assert screen.email_field.text() == TILL[0]
    assert screen.server_field.text() == sim.api_url
    assert screen.sign_in_button.isEnabled()
    assert signin.current_account() is None


def test_a_demo_server_that_did_not_start_is_explained(qtbot: QtBot) -> None:
    def server() -> str:
        raise RuntimeError("The demo server did not start (exit code 1).")

    runner = Runner()
    window = window_for(qtbot, runner)
    window.start(opening=Opening(runner, server=server,
                                 login={"email": TILL[0], "password": TILL[1],
                                        "domain": DOMAIN}))
    qtbot.waitUntil(lambda: window.page is Page.SIGNIN, timeout=10_000)
    assert "The demo server did not start" in window.signin_screen.error_label.text()
    assert window.session is None


def test_signing_in_at_start_keeps_the_offline_password_check(qtbot: QtBot,
                                                              sim: Sim) -> None:
    runner = Runner()
    opening = Opening(runner, server=lambda: sim.api_url,
                      login={"email": TILL[0], "password": TILL[1], "domain": DOMAIN})
    window = window_for(qtbot, runner)
    with qtbot.waitSignal(window.engine_ready, timeout=10_000):
        window.start(opening=opening)
    assert window.page is Page.SCAN
    assert not window.built(Page.SIGNIN)  # kept without building the sign-in screen
    assert "Taylor Till" in window.staff_label.text()
    assert signin.current_account() is not None
    # The offline password check is kept beside the first paint, not before it.
    qtbot.waitUntil(lambda: open_secrets().get(signin._verifier_name(TILL[0])) is not None,
                    timeout=10_000)


def test_no_screen_is_built_while_a_burst_is_coming_in(qtbot: QtBot, sim: Sim) -> None:
    # Building a screen blocks the event loop; the wedge filter's timer would then fire late
    # and cut a scanner's burst in two (the benchmark's scan, typed at once, saw it).
    signin.sign_in(sim.api_url, *TILL, DOMAIN)
    window = window_for(qtbot, Runner())
    with qtbot.waitSignal(window.engine_ready, timeout=10_000):
        window.start()
    field = window.scan_screen.code_field
    field.setFocus()
    key(field, Qt.Key.Key_G, "G")  # the first key of a burst: held until the next one
    assert window.wedge.holding
    window.build_later_pages()
    assert not any(window.built(page) for page in LATER_PAGES)
    qtbot.waitUntil(lambda: not window.wedge.holding, timeout=5_000)  # typed after all
    qtbot.waitUntil(lambda: all(window.built(page) for page in LATER_PAGES), timeout=10_000)
    assert field.text() == "G"  # the held key reached the field it was typed into


@pytest.fixture
def paused_collector() -> Iterator[None]:
    """The garbage collector paused as ``kiosk`` pauses it at start; on again afterwards."""
    collector.pause()
    assert collector.paused()
    assert not gc.isenabled()
    try:
        yield
    finally:
        collector.resume()
        gc.unfreeze()  # the rest of the test run collects as usual


def test_the_collector_is_on_again_once_the_scan_screen_is_painted(
        qtbot: QtBot, sim: Sim, paused_collector: None) -> None:
    signin.sign_in(sim.api_url, *TILL, DOMAIN)
    window = window_for(qtbot, Runner())
    painted: list[bool] = []
    after_first_paint(window.start_page, lambda: painted.append(True), fallback_ms=None)
    qtbot.waitUntil(lambda: bool(painted), timeout=5_000)
    assert collector.paused()  # the blank page while the till opens is not the first screen
    with qtbot.waitSignal(window.engine_ready, timeout=10_000):
        window.start()
    assert collector.paused()  # the scan screen is shown, not yet painted
    qtbot.waitUntil(gc.isenabled, timeout=5_000)
    assert not collector.paused()
    assert gc.get_freeze_count() > 10_000  # what the start made is never walked again


def test_the_collector_is_on_again_once_the_sign_in_screen_is_painted(
        qtbot: QtBot, paused_collector: None) -> None:
    window = window_for(qtbot, Runner())
    window.start()  # nobody signed in: the sign-in screen
    qtbot.waitUntil(lambda: window.page is Page.SIGNIN, timeout=10_000)
    qtbot.waitUntil(gc.isenabled, timeout=5_000)
    assert not collector.paused()


def test_a_collector_turned_off_by_someone_else_is_left_off() -> None:
    gc.disable()
    try:
        collector.pause()
        assert not collector.paused()
        collector.resume()
        assert not gc.isenabled()
    finally:
        gc.enable()
