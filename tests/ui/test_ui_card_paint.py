"""The card's cheap paths behave as the card did: the held card, selectable text, the banner's
colours and the scan flash."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from kiosk.ui.main_window import FLASH_MS, MainWindow, Page
from kiosk.ui.screens.card import HELD_PAINT_MS
from kiosk.ui.style import load_stylesheet
from kiosk.ui.texts import Tone
from kiosk.ui.widgets.banner import Banner
from tests.helpers.sim import Sim

PARTLY_USED = "GB10-0PRT-LY8D-2WQC"
QUANTITY = "YOGA-5X2U-Q8WM-J4LT"
# The stylesheet's banner colours (resources/style.qss): background, words.
BANNER = {Tone.GOOD: ("#1b7f3b", "#ffffff"), Tone.CAREFUL: ("#f2b705", "#111111"),
          Tone.BAD: ("#b3261e", "#ffffff"), Tone.QUEUED: ("#1f4e9c", "#ffffff")}


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[QApplication]:
    """The real stylesheet, removed afterwards."""
    load_stylesheet(qapp)
    yield qapp
    qapp.setStyleSheet("")


def look_up(qtbot: QtBot, window: MainWindow, code: str) -> None:
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.lookup_done, timeout=10_000):
        window.scan_code(code)
    assert window.page is Page.CARD


def test_a_late_answer_shows_the_held_card_within_a_frame(qtbot: QtBot, sim: Sim,
                                                          window: MainWindow) -> None:
    look_up(qtbot, window, PARTLY_USED)
    card = window.card_screen
    buttons = (card.back_button, card.redeem_part_button, card.redeem_all_button)
    sim.set_latency(1.0, count=1)
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.lookup_done, timeout=10_000):
        started = time.monotonic()
        window.scan_code(QUANTITY)
        assert not card.redeem_all_button.isEnabled()  # off at once, painted or not
        assert not card.redeem_part_button.isEnabled()
        qtbot.waitUntil(lambda: all(b.updatesEnabled() for b in buttons), timeout=2_000)
        waited = time.monotonic() - started
        assert card.lookup is not None
        assert card.lookup.code == PARTLY_USED  # the answer is not in yet
        assert not card.redeem_all_button.isEnabled()
    assert waited >= HELD_PAINT_MS / 1000 * 0.9
    assert all(b.updatesEnabled() for b in buttons)
    assert card.redeem_all_button.isEnabled()


def test_a_quick_answer_paints_the_new_card_once(qtbot: QtBot, window: MainWindow) -> None:
    look_up(qtbot, window, PARTLY_USED)
    card = window.card_screen
    look_up(qtbot, window, QUANTITY)  # over the card: held, then answered
    buttons = (card.back_button, card.redeem_part_button, card.redeem_all_button)
    assert all(b.updatesEnabled() for b in buttons)
    assert card.redeem_all_button.isEnabled()
    assert card.redeem_all_button.text() == "Redeem all (3 uses)"


def test_the_code_and_the_rows_stay_selectable(qtbot: QtBot, window: MainWindow) -> None:
    look_up(qtbot, window, PARTLY_USED)
    card = window.card_screen
    qtbot.waitUntil(lambda: not window.tap_guard.armed, timeout=2_000)  # taps count again
    for label in (card.code_label, card.values["order"]):
        qtbot.mouseDClick(label, Qt.MouseButton.LeftButton, pos=QPoint(8, label.height() // 2))
        assert label.hasSelectedText(), label.text()
        assert label.selectedText() in label.text()
    look_up(qtbot, window, QUANTITY)
    assert not card.code_label.hasSelectedText()  # a new card: nothing selected
    assert card.code_label.text() == "YOGA 5X2U Q8WM J4LT"


def test_the_banner_takes_the_stylesheets_colours(qtbot: QtBot, styled: QApplication) -> None:
    banner = Banner()
    qtbot.addWidget(banner)
    banner.resize(600, 140)
    banner.show()
    qtbot.waitExposed(banner)

    def check(tone: Tone) -> bool:
        background, words = BANNER[tone]
        image = banner.grab().toImage()
        assert image.pixelColor(300, 3).name() == background, tone
        for label in (banner.title_label, banner.detail_label):
            assert label.palette().color(QPalette.ColorRole.WindowText).name() == words, tone
        return True

    for tone in (Tone.CAREFUL, Tone.GOOD, Tone.BAD, Tone.QUEUED, Tone.CAREFUL):
        banner.show_result(tone, "Title", "Detail")
        check(tone)
    load_stylesheet(styled)  # restyled (a new stylesheet): the colours hold
    qtbot.waitUntil(lambda: check(Tone.CAREFUL), timeout=2_000)
    banner.show_result(Tone.BAD, "Title", "", "OFFLINE")
    assert banner.badge_label.palette().color(QPalette.ColorRole.WindowText).name() == "#ffffff"
    banner.show_result(Tone.CAREFUL, "Title", "", "OFFLINE")
    assert banner.badge_label.palette().color(QPalette.ColorRole.WindowText).name() == "#111111"


def test_a_second_scan_keeps_the_flash_for_its_full_time(qtbot: QtBot,
                                                         window: MainWindow) -> None:
    window.flash(Tone.QUEUED.value)
    qtbot.wait(FLASH_MS // 2)
    window.flash(Tone.QUEUED.value)
    second = time.monotonic()
    assert window.flash_bar.isVisible()
    qtbot.waitUntil(lambda: not window.flash_bar.isVisible(), timeout=2_000)
    assert time.monotonic() - second >= FLASH_MS / 1000 * 0.9
