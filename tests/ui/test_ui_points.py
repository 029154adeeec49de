"""Issue 11, points 10-22: offline since, the offline note, Send now while working offline,
conflicts, sign-out refusals, sign-in focus, disabled buttons, touch scrolling and targets,
no camera, window size and scaling, translations, keyboard-only use."""

from __future__ import annotations

import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QCheckBox,
    QStyle,
    QStyleOptionButton,
)
from pytestqt.qtbot import QtBot

from kiosk.domain.outcomes import RedeemStatus
from kiosk.ui.application import place_window
from kiosk.ui.main_window import LATER_PAGES, MainWindow, Page
from kiosk.ui.style import load_stylesheet, screen_scale, stylesheet
from tests.helpers.demo import DOMAIN, TILL
from tests.helpers.sim import Sim
from tests.helpers.ui import (
    authorise,
    focused,
    look_up,
    make_window,
    open_settings,
    redeem_part,
    work_offline,
)

GB50 = "GB50-K7QX-9M2F-4TZB"
REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    load_stylesheet(qapp)
    yield
    qapp.setStyleSheet("")


# -- 10, 11, 12: offline since, the offline note, Send now while working offline ----------

def test_offline_since_is_when_work_offline_was_switched(qtbot: QtBot,
                                                        window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.connection.state is not None, timeout=10_000)
    assert window.connection.state is not None
    started = window.connection.state.since
    qtbot.wait(20)
    work_offline(qtbot, window, True)
    qtbot.waitUntil(lambda: window.connection.state is not None
                    and not window.connection.state.online, timeout=10_000)
    assert window.connection.state.since > started  # not the app's start
    work_offline(qtbot, window, False)


def test_offline_card_says_when_it_was_last_checked_online(qtbot: QtBot,
                                                          window: MainWindow) -> None:
    look_up(qtbot, window, GB50)
    work_offline(qtbot, window, True)
    look_up(qtbot, window, GB50)
    note = window.card_screen.offline_note.text()
    assert "Last checked online at" in note
    assert "0 minutes ago" in note  # English plural forms, not "minute(s)"
    assert "Checked offline" not in note
    work_offline(qtbot, window, False)


def test_send_now_while_working_offline_says_why_nothing_is_sent(qtbot: QtBot,
                                                                 window: MainWindow) -> None:
    work_offline(qtbot, window, True)
    window.open_queue()
    window.queue_screen.sync_button.click()
    assert "Work offline is on" in window.queue_screen.status_label.text()
    assert window.queue_screen.status_label.isVisible()
    work_offline(qtbot, window, False)


# -- 13: conflicts -----------------------------------------------------------------------

def test_conflict_reason_in_full_amount_on_retry_and_shortfall(qtbot: QtBot,
                                                                window: MainWindow,
                                                                sim: Sim) -> None:
    code = "NEWC-5H7K-2DRM-4FXA"
    look_up(qtbot, window, code)
    work_offline(qtbot, window, True)
    look_up(qtbot, window, code)
    assert redeem_part(qtbot, window, "20") is RedeemStatus.QUEUED
    server_side = sim.voucher(code)
    server_side.update(current=500)
    assert sim.server is not None
    sim.server.add_voucher(server_side)
    work_offline(qtbot, window, False)
    qtbot.waitUntil(lambda: window.connection.state is not None
                    and window.connection.state.conflicts == 1, timeout=20_000)
    window.open_queue()
    queue = window.queue_screen
    assert not queue.note_field.isEnabled()  # nothing selected: nothing to note
    queue.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: len(queue.entries) == 1, timeout=10_000)
    assert queue.select_entry(queue.entries[0].id)
    assert queue.detail_label.isVisible()
    assert "cannot be taken" in queue.detail_label.text()  # the reason, in full
    assert "£20.00" in queue.retry_button.text()
    assert window.controller is not None
    queue.retry_button.click()
    with qtbot.waitSignal(window.controller.conflict_resolved, timeout=15_000):
        authorise(qtbot, window)
    queue.tabs.setCurrentIndex(2)  # done
    qtbot.waitUntil(lambda: any(e.replaces for e in queue.entries), timeout=10_000)
    original = next(e for e in queue.entries if e.state.value == "written_off")
    assert "£5.00 not collected" in queue.reason(original)
    sent = next(e for e in queue.entries if e.replaces)
    assert "could not be reached" not in queue.reason(sent)


# -- 14: sign-out refused, with the real blocker and what to do ----------------------------

def test_switch_staff_refusal_says_what_to_do(qtbot: QtBot, window: MainWindow) -> None:
    look_up(qtbot, window, GB50)
    work_offline(qtbot, window, True)
    look_up(qtbot, window, GB50)
    assert redeem_part(qtbot, window, "1") is RedeemStatus.QUEUED
    qtbot.waitUntil(lambda: window.connection.pending == 1, timeout=10_000)
    window.go_home()
    window.lock()
    window.lock_screen.switch_button.click()
    message = window.lock_screen.error_label.text()
    assert "Work offline is on" in message
    assert "Settings → Connection" in message
    assert window.lock_screen.error_label.wordWrap()
    assert window.page is Page.LOCK
    work_offline(qtbot, window, False)


# -- 15: sign-in failure goes back to the password -----------------------------------------

def test_failed_sign_in_focuses_the_empty_password(qtbot: QtBot, sim: Sim) -> None:
    window = make_window(qtbot)
    screen = window.signin_screen
    screen.server_field.setText(sim.api_url)
    screen.email_field.setText(TILL[0])
    screen.domain_box.setEditText(DOMAIN)
    field = focused(qtbot, screen.password_field)
    field.setText("wrong")
    QTest.keyClick(field, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.error_label.text() != "", timeout=10_000)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is screen.password_field)
    assert screen.password_field.text() == ""
    assert screen.server_field.text() == sim.api_url


# -- 16: disabled top-bar buttons look disabled --------------------------------------------

def test_disabled_top_bar_buttons_look_different(qtbot: QtBot, window: MainWindow,
                                                 styled: None) -> None:
    button = window.scan_button
    enabled = button.grab().toImage()
    button.setEnabled(False)
    disabled = button.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    assert enabled.convertToFormat(QImage.Format.Format_RGB32) != disabled


# -- 17, 18: touch scrolling, settings sections, targets ----------------------------------

def test_every_scroll_area_scrolls_by_dragging(qtbot: QtBot, window: MainWindow) -> None:
    from PySide6.QtWidgets import QScroller

    # The other screens are built after the scan screen's first paint (so is its list's
    # drag gesture): all of them.
    qtbot.waitUntil(lambda: all(window.built(page) for page in LATER_PAGES), timeout=10_000)
    areas = [a for a in window.findChildren(QAbstractScrollArea)
             if a.objectName() != "qt_scrollarea_viewport"
             and type(a).__name__ in ("QScrollArea", "QListWidget", "QTableWidget")]
    assert len(areas) >= 7
    missing = [a for a in areas if not QScroller.hasScroller(a.viewport())]
    assert not missing, missing


def test_settings_in_sections_with_money_caps(qtbot: QtBot, window: MainWindow) -> None:
    open_settings(qtbot, window)
    screen = window.settings_screen
    assert screen.tabs.currentIndex() == 0
    assert screen.work_offline.isVisibleTo(screen.tabs.currentWidget())  # first thing seen
    assert screen.sign_out_button.isVisibleTo(screen.tabs.currentWidget())
    assert screen.cap_voucher.decimals() == 2  # money, not cents


def test_touch_targets_are_at_least_44_px(qtbot: QtBot, window: MainWindow,
                                          styled: None) -> None:
    open_settings(qtbot, window)
    screen = window.settings_screen
    box: QCheckBox = screen.work_offline
    option = QStyleOptionButton()
    box.initStyleOption(option)
    indicator = box.style().subElementRect(QStyle.SubElement.SE_CheckBoxIndicator, option, box)
    assert min(indicator.width(), indicator.height()) >= 44
    window.go_home()
    assert window.scan_screen.clear_button.sizeHint().width() >= 44
    assert window.scan_screen.clear_button.sizeHint().height() >= 44
    assert "QScrollBar:vertical { width: 44px; }" in stylesheet()
    assert "QComboBox QAbstractItemView::item { min-height: 48px; }" in stylesheet()


# -- 19: no camera -------------------------------------------------------------------------

def test_no_camera_is_said_on_the_panel_with_a_way_to_settings(qtbot: QtBot,
                                                               window: MainWindow) -> None:
    scan = window.scan_screen
    assert scan.camera_note.isVisible()
    assert "No camera" in scan.camera_note.text()
    scan.camera_button.click()
    authorise(qtbot, window)
    screen = window.settings_screen
    assert window.page is Page.SETTINGS
    assert screen.tab_keys[screen.tabs.currentIndex()] == "scanner"


# -- 20: window size and scaling -----------------------------------------------------------

def test_window_fits_the_available_screen(qtbot: QtBot) -> None:
    window = make_window(qtbot)
    screen = window.screen()
    area = screen.availableGeometry()
    place_window(window, None)
    assert window.geometry() == area
    place_window(window, (area.width() + 500, area.height() + 500))
    assert window.width() <= area.width()
    assert window.height() <= area.height()
    window.showFullScreen()
    qtbot.waitUntil(lambda: window.geometry() == screen.geometry())


def test_type_and_targets_scale_with_big_screens() -> None:
    assert screen_scale(1024, 600) == 1.0  # never smaller than the design
    assert screen_scale(1280, 800) == 1.0
    assert screen_scale(1920, 1080) == 1.35
    assert "min-height: 76px" in stylesheet(1.35)  # 56 px buttons become 76 px


# -- 21: translations ---------------------------------------------------------------------

def test_every_string_has_a_german_translation(tmp_path: Path) -> None:
    sources = sorted(str(p) for p in (REPO / "kiosk").rglob("*.py"))  # the app marks some too
    target = tmp_path / "kiosk_de.ts"
    target.write_bytes((REPO / "resources" / "translations" / "kiosk_de.ts").read_bytes())
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), *sources, "-ts", str(target)], check=True,
                   capture_output=True)
    text = target.read_text(encoding="utf-8")
    live = re.sub(r"<message>(?:(?!</message>).)*type=\"(?:vanished|obsolete)\""
                  r"(?:(?!</message>).)*</message>", "", text, flags=re.S)
    missing = re.findall(r"<source>([^<]*)</source>\s*(?:<[^>]*>\s*)*?<translation "
                         r"type=\"unfinished\"", live)
    assert not missing, missing


def test_money_in_the_language_of_the_till(qtbot: QtBot, window: MainWindow) -> None:
    window.translations.install("de")
    try:
        look_up(qtbot, window, GB50)
        assert window.card_screen.remaining_label.text() == "50,00\u00a0£ übrig"
        assert window.kiosk_label.text() == "Kasse 1"
    finally:
        window.translations.install("en")


# -- 22: keyboard only ---------------------------------------------------------------------

def test_keyboard_only_redeem_with_return_and_escape(qtbot: QtBot, window: MainWindow,
                                                     sim: Sim) -> None:
    look_up(qtbot, window, GB50)
    card = window.card_screen
    QTest.keyClick(card, Qt.Key.Key_Escape)
    assert window.page is Page.SCAN
    look_up(qtbot, window, GB50)
    part = focused(qtbot, card.redeem_part_button)
    # A person reads the card first: a Return on a card just shown is ignored, as a tap is.
    qtbot.waitUntil(lambda: not window.tap_guard.armed, timeout=2_000)
    QTest.keyClick(part, Qt.Key.Key_Return)
    assert window.page is Page.REDEEM
    screen = window.redeem_screen
    for key in "3":
        QTest.keyClick(screen, key)
    QTest.keyClick(screen, Qt.Key.Key_Return)
    assert screen.steps.currentIndex() == 1
    QTest.keyClick(screen.confirm_button, Qt.Key.Key_Escape)
    assert screen.steps.currentIndex() == 0  # back to the amount
    QTest.keyClick(screen, Qt.Key.Key_Escape)
    assert window.page is Page.CARD
    assert sim.server is not None
    assert sim.server.requests("POST", "/v1/redeem") == []


def test_top_bar_shortcuts(qtbot: QtBot, window: MainWindow) -> None:
    QTest.keyClick(window, Qt.Key.Key_F3)
    assert window.page is Page.QUEUE
    QTest.keyClick(window, Qt.Key.Key_F2)
    assert window.page is Page.SCAN
    QTest.keyClick(window, Qt.Key.Key_F4)
    assert window.page is Page.MANAGER
    QTest.keyClick(window.manager_screen, Qt.Key.Key_Escape)
    assert window.page is Page.SCAN
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert window.page is Page.LOCK
    assert "(F3)" in window.queue_button.toolTip()
    assert window.scan_button.focusPolicy() != Qt.FocusPolicy.NoFocus


def test_focus_on_primary_buttons_is_visible() -> None:
    assert 'QPushButton[role="primary"]:focus' in stylesheet()
    assert "QFrame#topBar QPushButton:focus" in stylesheet()
