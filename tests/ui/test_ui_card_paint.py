"""The card's cheap paths behave as the card did: the held card, selectable text, the banner's
colours and the scan flash."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QScrollBar, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.main_window import FLASH_MS, FLASH_WAIT_MS, LATER_PAGES, MainWindow, Page
from kiosk.ui.screens.card import HELD_PAINT_MS
from kiosk.ui.style import load_stylesheet
from kiosk.ui.texts import Tone
from kiosk.ui.widgets.banner import Banner
from kiosk.ui.widgets.scrollbar import BandedScrollBar
from tests.helpers.sim import Sim

PARTLY_USED = "GB10-0PRT-LY8D-2WQC"
QUANTITY = "YOGA-5X2U-Q8WM-J4LT"
EXPIRED = "OLD5-W6TB-3QHZ-8MEK"
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
        # Only what holding changes waits: a frozen button is repainted whole when it thaws.
        assert not card.redeem_all_button.updatesEnabled()
        assert card.back_button.updatesEnabled()
        # The focus waits where nothing is repainted for it (passed on by the button turned
        # off, it went to the scroll area, repainted with its scroll bar during the look-up).
        focused = QApplication.focusWidget()
        assert focused is not None
        assert focused.size().isEmpty()
        assert card.isAncestorOf(focused)
        qtbot.waitUntil(lambda: all(b.updatesEnabled() for b in buttons), timeout=2_000)
        waited = time.monotonic() - started
        assert card.lookup is not None
        assert card.lookup.code == PARTLY_USED  # the answer is not in yet
        assert not card.redeem_all_button.isEnabled()
    assert waited >= HELD_PAINT_MS / 1000 * 0.9
    assert all(b.updatesEnabled() for b in buttons)
    assert card.redeem_all_button.isEnabled()
    assert card.redeem_all_button.hasFocus()  # the answer's card takes it back


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


class Watch(QObject):
    """Notes the events of ``kinds`` each watched object receives."""

    def __init__(self, kinds: set[QEvent.Type]) -> None:
        super().__init__()
        self.kinds = kinds
        self.seen: list[tuple[str, QEvent.Type]] = []

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in self.kinds:
            self.seen.append((type(obj).__name__, event.type()))
        return False


def test_a_new_card_lays_out_the_card_alone(qtbot: QtBot, window: MainWindow) -> None:
    # The card's layout stops at the card: the stack of pages is not laid out again, nor
    # (through it) the window, whose layout started a geometry animation of the page.
    look_up(qtbot, window, PARTLY_USED)
    card = window.card_screen
    assert window.controller is not None
    engine = window.controller.engine
    lookups = [engine.lookup(code) for code in (QUANTITY, PARTLY_USED)]
    # The pages built after the first paint are added to the stack by then.
    qtbot.waitUntil(lambda: all(window.built(page) for page in LATER_PAGES), timeout=5_000)
    QApplication.processEvents()
    watch = Watch({QEvent.Type.LayoutRequest})
    window.stack.installEventFilter(watch)
    card.banner.installEventFilter(watch)  # the card's own layouts do run
    for lookup in lookups:
        card.show_lookup(lookup)
        QApplication.processEvents()
        QApplication.processEvents()
    assert card.redeem_all_button.text() == "Redeem all (£67.50)"
    assert ("Banner", QEvent.Type.LayoutRequest) in watch.seen
    assert [seen for seen in watch.seen if seen[0] != "Banner"] == []


def test_a_card_over_a_card_is_laid_out_when_shown(qtbot: QtBot, window: MainWindow,
                                                   styled: QApplication) -> None:
    # Laid out by layout requests posted at the end of the update, the new card could be
    # painted first, with the last card's layout (a paint asked for earlier runs first when
    # the answer is handled in the same turn of the event loop), then again. The card is
    # laid out before the update returns: nothing moves afterwards.
    look_up(qtbot, window, QUANTITY)
    card = window.card_screen
    assert window.controller is not None
    engine = window.controller.engine
    lookups = [engine.lookup(code) for code in (PARTLY_USED, QUANTITY, EXPIRED, PARTLY_USED)]
    parts = (card.banner, card.code_label, card.redeem_all_button, card.redeem_part_button,
             card.back_button, card.details_area, card.why_label, *card.values.values())
    for lookup in lookups:
        QApplication.processEvents()
        card.hold()  # the next customer's code
        card.show_lookup(lookup)  # its answer
        shown = [(w.isVisible(), w.geometry()) for w in parts]
        QApplication.processEvents()
        QApplication.processEvents()
        assert shown == [(w.isVisible(), w.geometry()) for w in parts], lookup.code


def test_the_same_history_is_not_filled_again(qtbot: QtBot, window: MainWindow) -> None:
    look_up(qtbot, window, PARTLY_USED)
    card = window.card_screen
    resets: list[int] = []
    card.history_list.model().modelReset.connect(lambda: resets.append(1))
    lines = [card.history_list.item(row).text() for row in range(card.history_list.count())]
    assert len(lines) == 2
    look_up(qtbot, window, PARTLY_USED)  # the same voucher again
    assert resets == []
    look_up(qtbot, window, QUANTITY)  # another history
    assert resets == [1]
    assert card.history_list.count() == 0 or \
        [card.history_list.item(r).text() for r in range(card.history_list.count())] != lines


def test_a_flash_does_not_lay_out_the_window(qtbot: QtBot, window: MainWindow) -> None:
    # Shown and hidden on the window itself, the bar invalidated the window's layout: a pass
    # of it (and a geometry animation of the page) at each scan, while the look-up ran.
    qtbot.waitUntil(lambda: all(window.built(page) for page in LATER_PAGES), timeout=5_000)
    watch = Watch({QEvent.Type.LayoutRequest})
    window.installEventFilter(watch)
    for flash in range(4):
        window.flash(Tone.QUEUED.value)
        qtbot.waitUntil(window.flash_bar.isVisible, timeout=1_000)
        assert window.flash_bar.geometry().getRect() == (0, 0, window.width(), 10)
        qtbot.waitUntil(lambda: not window.flash_bar.isVisible(), timeout=2_000)
        QApplication.processEvents()
        if flash == 0:
            watch.seen.clear()  # the first: the window may still settle from its start
    assert watch.seen == []


def test_a_flash_waits_a_frame_for_its_answer(qtbot: QtBot, window: MainWindow) -> None:
    # Painted at once, the flash (and the top bar under it) took the interpreter in turns
    # with the look-up: it waits up to a frame, and comes with the answer if that is sooner.
    started = time.monotonic()
    window.flash(Tone.QUEUED.value)
    assert not window.flash_bar.isVisible()
    qtbot.waitUntil(window.flash_bar.isVisible, timeout=1_000)
    assert time.monotonic() - started >= FLASH_WAIT_MS / 1000 * 0.9
    qtbot.waitUntil(lambda: not window.flash_bar.isVisible(), timeout=2_000)
    assert window.controller is not None
    shows = Watch({QEvent.Type.Show})
    window.flash_bar.installEventFilter(shows)
    flashed: list[int] = []
    window.controller.lookup_done.connect(lambda _l: flashed.append(len(shows.seen)))
    look_up(qtbot, window, PARTLY_USED)  # the flow shows the card, then this counts
    assert flashed == [1]  # shown by the time the card is


def test_the_cards_scroll_bar_is_qts_picture(qtbot: QtBot, styled: QApplication) -> None:
    # Painted a band of rows at a time (Qt's painter hands a taller fill to its threads):
    # the same pixels as Qt's own scroll bar in the same state.
    parent = QWidget()
    parent.setObjectName("screen")  # the card's background
    parent.resize(120, 300)
    qtbot.addWidget(parent)
    banded, plain = BandedScrollBar(parent=parent), QScrollBar(Qt.Orientation.Vertical, parent)
    for bar, x in ((banded, 0), (plain, 60)):
        bar.setGeometry(x, 0, 44, 263)
        bar.setRange(0, 120)
        bar.setPageStep(263)
        bar.setValue(40)
    parent.show()
    qtbot.waitExposed(parent)
    assert banded.grab().toImage() == plain.grab().toImage()
    banded.setValue(0)
    plain.setValue(0)
    banded.setEnabled(False)
    plain.setEnabled(False)
    assert banded.grab().toImage() == plain.grab().toImage()
