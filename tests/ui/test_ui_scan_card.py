"""Scanning (typed and keyboard-wedge) and the voucher card for every fixture kind."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from kiosk.domain.outcomes import Lookup
from kiosk.domain.voucher import Voucher, VoucherKind, VoucherState
from kiosk.ui.main_window import MainWindow, Page
from kiosk.ui.screens.card import CardScreen
from kiosk.ui.texts import Tone, grouped_code
from tests.helpers.sim import Sim
from tests.helpers.ui import char_key, key

PARTLY_USED = "GB10-0PRT-LY8D-2WQC"


def look_up(qtbot: QtBot, window: MainWindow, code: str) -> None:
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.lookup_done, timeout=10_000):
        window.scan_code(code)
    assert window.page is Page.CARD


@pytest.mark.parametrize(("code", "shown"), [
    ("GB10-0PRT-LY8D-2WQC", "GB10 0PRT LY8D 2WQC"),  # its own groups
    ("GB100PRTLY8D2WQC", "GB10 0PRT LY8D 2WQC"),  # made of fours
    ("ABCD1234EFGH", "ABCD 1234 EFGH"),
    ("GIFT100DEMO02", "GIFT100DEMO02"),  # not "GIFT 100D EMO0 2"
    ("SUMMER2024", "SUMMER2024"),
    ("TENOFF", "TENOFF"),
])
def test_a_code_is_grouped_only_where_it_is_made_of_groups(code: str, shown: str) -> None:
    assert grouped_code(code) == shown


def test_the_recent_lists_own_viewport_paints_as_qts_would(qtbot: QtBot,
                                                          window: MainWindow) -> None:
    # The scan screen gives the list a viewport of its own (start-up, docs/performance.md):
    # it must fill the list's base colour and hold the empty-list note, as Qt's would.
    screen = window.scan_screen
    viewport = screen.recent_list.viewport()
    assert viewport.autoFillBackground()
    assert viewport.backgroundRole() is QPalette.ColorRole.Base
    assert screen.recent_empty.parentWidget() is viewport
    qtbot.waitUntil(screen.recent_empty.isVisible, timeout=10_000)
    assert viewport.geometry().contains(screen.recent_empty.geometry())
    image = screen.recent_list.grab().toImage()
    corner = viewport.geometry().bottomRight() - QPoint(2, 2)  # below the note's text
    assert image.pixelColor(corner) == viewport.palette().color(QPalette.ColorRole.Base)


def test_an_empty_recent_list_says_what_fills_it(qtbot: QtBot, window: MainWindow) -> None:
    # A blank box under "Recent scans" says nothing; staff are told how a row gets there.
    screen = window.scan_screen
    qtbot.waitUntil(screen.recent_empty.isVisible, timeout=10_000)
    assert screen.recent_list.count() == 0
    assert screen.recent_empty.text().startswith("No scans yet. Scan a voucher")
    assert window.controller is not None
    look_up(qtbot, window, PARTLY_USED)
    with qtbot.waitSignal(window.controller.recent_loaded, timeout=10_000):
        window.go_home()
    assert screen.recent_list.count() == 1
    assert not screen.recent_empty.isVisible()
    window.translations.install("de")
    try:
        screen.set_recent([])
        assert screen.recent_empty.isVisible()
        qtbot.waitUntil(lambda: screen.recent_empty.text().startswith("Noch nichts gescannt"))
    finally:
        window.translations.install("en")


def test_typed_code_shows_the_card(qtbot: QtBot, window: MainWindow) -> None:
    screen = window.scan_screen
    screen.code_field.setText("gb10 0prt ly8d 2wqc")
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.lookup_done, timeout=10_000):
        screen.check_button.click()
    card = window.card_screen
    assert window.page is Page.CARD
    assert card.banner.title_label.text() == "Valid — partly used"
    assert card.tone is Tone.CAREFUL
    assert card.remaining_label.text() == "£67.50 left"
    assert card.values["product"].text() == "Gift card £100"
    assert card.values["value"].text() == "£100.00"
    assert "Daniel Hughes" in card.values["recipient"].text()
    assert card.values["message"].text()
    assert card.values["buyer"].text()
    assert "DSH-1002-GB" in card.values["order"].text()
    assert card.history_list.count() == 2
    assert card.redeem_all_button.isEnabled()
    assert "£67.50" in card.redeem_all_button.text()
    assert not card.offline_note.isVisible()


def test_wedge_burst_is_caught_wherever_focus_is(qtbot: QtBot, window: MainWindow) -> None:
    """A scanner's key burst is taken as a scan and never lands in the focused field."""
    field = window.scan_screen.code_field
    field.setFocus()
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.lookup_done, timeout=10_000) as blocker, \
            qtbot.waitSignal(window.wedge.scanned, timeout=1_000):  # the wedge's, not the field's
        for char in "YOGA-5X2U-Q8WM-J4LT\r":  # typed into the window at once
            key(field, char_key(char), char)
    assert blocker.args[0].code == "YOGA-5X2U-Q8WM-J4LT"
    assert window.page is Page.CARD
    assert field.text() == ""  # nothing leaked into the field
    assert window.card_screen.remaining_label.text() == "3 of 5 uses left"


def test_slow_typing_reaches_the_field(qtbot: QtBot, window: MainWindow) -> None:
    """Keys typed at human speed are re-delivered to the field, not taken as a scan."""
    field = window.scan_screen.code_field
    field.setFocus()
    for char in "AB12":
        key(field, char_key(char), char)
        qtbot.wait(60)
    qtbot.waitUntil(lambda: field.text() == "AB12")
    assert window.page is Page.SCAN


def test_not_a_code_is_refused_on_the_scan_screen(qtbot: QtBot, window: MainWindow) -> None:
    window.scan_code("!!")
    assert window.page is Page.SCAN
    assert "not a voucher code" in window.scan_screen.error_label.text()


@pytest.mark.parametrize(("code", "title", "tone", "redeemable"), [
    ("GB50-K7QX-9M2F-4TZB", "Valid", Tone.GOOD, True),
    ("TEA2-8FJD-6NKS-3VXA", "Valid", Tone.GOOD, True),
    ("MEAL-2R7H-CY4P-9GDN", "Fully redeemed", Tone.BAD, False),
    ("OLD5-W6TB-3QHZ-8MEK", "Expired", Tone.BAD, False),
    ("SOON-4K9V-PX2C-7RFA", "Not valid yet", Tone.CAREFUL, False),
    ("RFND-7Y3M-KQ8T-2HWB", "Cancelled", Tone.BAD, False),
    # VoucherCart answers 1010 "not found on specified domain" for another shop's voucher
    ("CAFE-9D2L-M6QR-5TUY", "Unknown voucher", Tone.BAD, False),
    ("NOPE-0000-0000-0000", "Unknown voucher", Tone.BAD, False),
])
def test_card_states(qtbot: QtBot, window: MainWindow, code: str, title: str, tone: Tone,
                     redeemable: bool) -> None:
    look_up(qtbot, window, code)
    card = window.card_screen
    assert card.banner.title_label.text() == title
    assert card.tone is tone
    assert not card.banner.icon_label.pixmap().isNull()  # icon + words, never colour alone
    assert card.redeem_all_button.isEnabled() is redeemable
    if title == "Expired":
        assert card.banner.detail_label.text() == "Expired on 10 Jan 2024."
    if title == "Fully redeemed":
        assert card.banner.detail_label.text().startswith("Fully redeemed on ")


def test_single_use_voucher_offers_no_part_redemption(qtbot: QtBot, window: MainWindow) -> None:
    look_up(qtbot, window, "SPA1-2T6N-8KWF-3QJD")
    assert window.card_screen.redeem_all_button.isEnabled()
    assert not window.card_screen.redeem_part_button.isVisible()


def test_card_for_another_shop_and_offline_badge(qtbot: QtBot) -> None:
    """States the demo server cannot produce, shown from domain values on the real widget."""
    card = CardScreen()
    qtbot.addWidget(card)
    voucher = Voucher("X1-AAAA", VoucherKind.MONETARY, True, 2000, 500, "EUR",
                      redeemable_on=(2,), product_name="Brunch")
    at = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)
    card.show_lookup(Lookup("X1-AAAA", voucher, VoucherState.NOT_FOR_THIS_SHOP, False, at, 0, ""))
    assert card.banner.title_label.text() == "Not for this shop"
    assert card.tone is Tone.BAD
    assert not card.redeem_all_button.isEnabled()
    card.show_lookup(Lookup("X1-AAAA", voucher, VoucherState.PARTLY_USED, True, at, 300, ""))
    assert card.banner.badge_label.text() == "OFFLINE"
    assert card.tone is Tone.CAREFUL  # last known status only
    assert "Last checked online at" in card.offline_note.text()
    assert card.remaining_label.text() == "€12.00 left"  # 15.00 minus 3.00 queued here
    assert "€3.00" in card.queued_label.text()


def test_a_code_scanned_over_a_card_replaces_it_in_place(qtbot: QtBot, sim: Sim,
                                                          window: MainWindow) -> None:
    # The next customer's code over a card: no detour through the scan screen (two page
    # switches and a paint); the old card's buttons go off at once, so nothing redeems the
    # old voucher meanwhile, and the new card arms the tap guard as a page switch does.
    look_up(qtbot, window, PARTLY_USED)
    card = window.card_screen
    assert card.redeem_all_button.isEnabled()
    pages: list[Page] = []
    window.stack.currentChanged.connect(lambda _index: pages.append(window.page))
    sim.set_latency(0.05, count=1)
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.lookup_done, timeout=10_000):
        window.scan_code("YOGA-5X2U-Q8WM-J4LT")
        assert not card.redeem_all_button.isEnabled()
        assert not card.redeem_part_button.isEnabled()
        assert window.page is Page.CARD
    assert pages == []  # never left the card
    assert card.lookup is not None
    assert card.lookup.code == "YOGA-5X2U-Q8WM-J4LT"
    assert card.redeem_all_button.isEnabled()
    assert window.tap_guard.armed


def test_a_slow_answer_over_a_card_says_checking(qtbot: QtBot, sim: Sim,
                                                 window: MainWindow) -> None:
    look_up(qtbot, window, PARTLY_USED)
    sim.set_latency(1.0, count=1)
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.lookup_done, timeout=10_000):
        window.scan_code("YOGA-5X2U-Q8WM-J4LT")
        qtbot.waitUntil(lambda: window.page is Page.SCAN, timeout=5_000)
        assert window.scan_screen.checking_label.text() == "Checking YOGA 5X2U Q8WM J4LT…"
    assert window.page is Page.CARD
    assert window.card_screen.lookup is not None
    assert window.card_screen.lookup.code == "YOGA-5X2U-Q8WM-J4LT"


def test_a_late_answer_for_an_earlier_scan_never_replaces_the_newest_card(
        qtbot: QtBot, sim: Sim, window: MainWindow) -> None:
    # Two codes one after the other (a scanner burst with two codes, or the next customer at
    # once): look-ups run in parallel, so the first one's answer may come last. The card must
    # stay on the code scanned last, or staff would redeem the voucher no longer in their hand.
    sim.set_latency(1.0, count=1)  # the first look-up's answer is slow
    assert window.controller is not None
    answers: list[str] = []
    window.controller.lookup_done.connect(lambda lookup: answers.append(lookup.code))
    window.scan_code(PARTLY_USED)
    qtbot.waitUntil(lambda: sim.simulator.in_flight >= 1, timeout=5_000)  # it is the slow one
    window.scan_code("YOGA-5X2U-Q8WM-J4LT")
    qtbot.waitUntil(lambda: len(answers) == 2, timeout=10_000)
    assert answers == ["YOGA-5X2U-Q8WM-J4LT", PARTLY_USED]  # the earlier answer came last
    assert window.page is Page.CARD
    assert window.card_screen.lookup is not None
    assert window.card_screen.lookup.code == "YOGA-5X2U-Q8WM-J4LT", (
        "a stale answer replaced the card of the code scanned last")
