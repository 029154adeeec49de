""""Undo last redemption" in the GUI (Vauchar: manager PIN, a confirmation naming the masked
voucher and the amount, off the UI thread), and a UI driven by the platform's capabilities:
on each of the four simulators what the platform lacks is hidden, what it has is shown."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from decimal import Decimal

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from kiosk import paths
from kiosk.app import signin
from kiosk.backends.registry import PLATFORMS
from kiosk.domain.backend import Capabilities
from kiosk.domain.discount import Discount, DiscountKind
from kiosk.domain.masking import mask_code
from kiosk.domain.outcomes import Lookup, RedeemStatus, UndoStatus
from kiosk.domain.voucher import Voucher, VoucherKind, VoucherState
from kiosk.store.settings import Settings
from kiosk.ui.main_window import MainWindow, Page
from kiosk.ui.pin import hash_pin
from kiosk.ui.screens.card import CardScreen
from tests.helpers.demo import DOMAIN, TILL
from tests.helpers.sim import Sim
from tests.helpers.ui import (
    authorise,
    focused,
    local_manager,
    look_up,
    make_window,
    work_offline,
)

PIN = "2468"
CREDENTIALS = {
    "vauchar": {"username": "demo-merchant", "password": "demo-api-key"},
    "vouchers-api": {"api_key": "sk_test_demo"},
    "shopwired": {"username": "demo-key", "password": "demo-secret"},
}


@dataclass(frozen=True)
class Shop:
    """One platform in the GUI: a demo voucher and how to redeem it from its card."""

    api: str
    code: str
    balance: bool  # a gift balance ("Redeem all") rather than a discount ("Apply to order…")

    @property
    def capabilities(self) -> Capabilities:
        return PLATFORMS[self.api].capabilities


SHOPS = [Shop("vouchercart", "GB50-K7QX-9M2F-4TZB", balance=True),
         Shop("vouchers-api", "TENOFF", balance=False),
         Shop("vauchar", "GIFT50DEMO001", balance=True),
         Shop("shopwired", "TENOFF", balance=False)]


def open_window(qtbot: QtBot, api: str, server: Sim) -> MainWindow:
    """A window signed in on ``api``'s simulator, with the manager PIN set."""
    if api == "vouchercart":
        account = signin.sign_in(server.api_url, *TILL, DOMAIN)
    else:
        account = signin.sign_in_platform(api, server.api_url, CREDENTIALS[api], staff="anna")
        local_manager()
    assert account.backend == api
    Settings.open(paths.data_dir()).set("lock_pin", hash_pin(PIN))
    main = make_window(qtbot)
    with qtbot.waitSignal(main.engine_ready, timeout=10_000):
        main.start()
    return main


def redeem_from_card(qtbot: QtBot, window: MainWindow, shop: Shop) -> None:
    look_up(qtbot, window, shop.code)
    card = window.card_screen
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.redeem_done, timeout=10_000) as blocker:
        card.redeem_all_button.click()
        if not shop.balance:  # the order total, then "Yes, apply"
            window.redeem_screen.keypad.type_text("100")
            window.redeem_screen.next_button.click()
            window.redeem_screen.confirm_button.click()
    assert blocker.args[0].status is RedeemStatus.APPLIED, blocker.args[0].message
    assert window.page is Page.RESULT


def confirmation(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    session = window.session
    assert session is not None
    qtbot.waitUntil(lambda: session.undo.box is not None and session.undo.box.isVisible(),
                    timeout=10_000)
    assert session.undo.box is not None
    return session.undo.box


@pytest.fixture
def vauchar(qtbot: QtBot, sim_of: Callable[..., Sim]) -> tuple[MainWindow, Sim]:
    server = sim_of("vauchar")
    return open_window(qtbot, "vauchar", server), server


def test_undo_the_last_redemption_with_the_manager_pin(
        qtbot: QtBot, vauchar: tuple[MainWindow, Sim]) -> None:
    window, server = vauchar
    redeem_from_card(qtbot, window, SHOPS[2])
    assert server.simulator.store.item_by_code("GIFT50DEMO001")["redemptions"]
    session = window.session
    assert session is not None
    flow = session.undo
    assert flow.result_button.isVisible()
    assert flow.result_button.text() == "Undo last redemption"
    flow.result_button.click()
    assert window.page is Page.MANAGER  # the manager PIN first
    assert window.manager_screen.secret_field.placeholderText() == "Manager PIN"
    authorise(qtbot, window, PIN)
    assert window.page is Page.RESULT
    box = confirmation(qtbot, window)
    assert box.text().startswith(f"Undo £50.00 on voucher {mask_code('GIFT50DEMO001')} (at ")
    assert "GIFT50DEMO001" not in box.text()  # masked
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.undo_done, timeout=10_000) as blocker:
        assert flow.undo_choice is not None
        flow.undo_choice.click()
    outcome = blocker.args[0]
    assert outcome.status is UndoStatus.REVERSED, outcome.message
    assert flow.result_note.text().startswith("Undone: £50.00 on voucher ")
    assert flow.result_note.text().endswith(f"{mask_code('GIFT50DEMO001')} was taken back.")
    assert not flow.result_button.isVisible()
    assert server.simulator.store.item_by_code("GIFT50DEMO001")["redemptions"] == []
    window.result_screen.next_button.click()  # back to scanning: the recent list says it
    recent = window.scan_screen.recent_list
    qtbot.waitUntil(lambda: recent.count() > 0 and "Undone £50.00" in recent.item(0).text(),
                    timeout=10_000)


def test_keep_it_and_a_wrong_pin_undo_nothing(qtbot: QtBot,
                                             vauchar: tuple[MainWindow, Sim]) -> None:
    window, server = vauchar
    redeem_from_card(qtbot, window, SHOPS[2])
    session = window.session
    assert session is not None
    flow = session.undo
    flow.result_button.click()
    manager = window.manager_screen
    manager.secret_field.setText("1111")
    manager.ok_button.click()
    qtbot.waitUntil(lambda: manager.error_label.text() == "Wrong PIN.", timeout=10_000)
    manager.cancel_button.click()
    assert window.page is Page.RESULT
    assert flow.box is None
    flow.result_button.click()
    authorise(qtbot, window, PIN)
    box = confirmation(qtbot, window)
    keep = next(b for b in box.buttons() if b.text() == "Keep it")
    keep.click()
    qtbot.waitUntil(lambda: flow.box is None, timeout=5_000)
    assert len(server.simulator.store.item_by_code("GIFT50DEMO001")["redemptions"]) == 1
    assert not server.requests("DELETE")


def test_tab_visits_the_result_buttons_top_to_bottom(qtbot: QtBot,
                                                    vauchar: tuple[MainWindow, Sim]) -> None:
    # Shift+Tab from "Scan next" skipped "Undo last redemption" just above it.
    window, _server = vauchar
    window.result_screen.seconds = 60
    redeem_from_card(qtbot, window, SHOPS[2])
    session = window.session
    assert session is not None
    next_button = focused(qtbot, window.result_screen.next_button)
    QTest.keyClick(next_button, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is session.undo.result_button
    QTest.keyClick(session.undo.result_button, Qt.Key.Key_Tab,
                   Qt.KeyboardModifier.ShiftModifier)
    assert QApplication.focusWidget() is session.counter.panel.print_button


def test_undo_from_the_queue_screen_and_nothing_left(qtbot: QtBot,
                                                     vauchar: tuple[MainWindow, Sim]) -> None:
    window, _server = vauchar
    window.queue_button.click()
    assert window.page is Page.QUEUE
    session = window.session
    assert session is not None
    flow = session.undo
    assert flow.queue_button.isVisible()
    assert not flow.queue_hint.isVisible()
    flow.queue_button.click()
    authorise(qtbot, window, PIN)
    assert window.page is Page.QUEUE
    screen = window.queue_screen
    qtbot.waitUntil(lambda: screen.status_label.text().startswith("Nothing to undo"),
                    timeout=10_000)


@pytest.mark.parametrize("shop", SHOPS, ids=[s.api for s in SHOPS])
def test_the_ui_offers_only_what_the_platform_can_do(qtbot: QtBot, shop: Shop,
                                                     sim_of: Callable[..., Sim]) -> None:
    caps = shop.capabilities
    window = open_window(qtbot, shop.api, sim_of(shop.api))
    session = window.session
    assert session is not None
    assert window.controller is not None
    assert window.controller.capabilities == caps
    # The card: a part amount only where the platform takes one (and never on a discount).
    look_up(qtbot, window, shop.code)
    card = window.card_screen
    assert card.redeem_all_button.isVisible()
    assert card.redeem_part_button.isVisible() is (shop.balance and caps.partial_amounts)
    expected = "Apply to order…" if not shop.balance else "Redeem all"
    assert card.redeem_all_button.text().startswith(expected)
    # Undo: offered after a redemption and on the queue only where the platform reverses.
    redeem_from_card(qtbot, window, shop)
    assert session.undo.result_button.isVisible() is caps.reversal
    window.queue_button.click()
    assert session.undo.queue_button.isVisible() is caps.reversal
    assert session.undo.queue_hint.isVisible() is not caps.reversal
    if not caps.reversal:
        name = {"vouchercart": "VoucherCart", "vouchers-api": "Vouchers API",
                "shopwired": "ShopWired"}[shop.api]
        assert session.undo.queue_hint.text().startswith(f"{name} cannot ")
    # Offline: where the platform judges a replay at its own time, the card says so.
    window.go_home()
    work_offline(qtbot, window, True)
    look_up(qtbot, window, shop.code)
    assert card.offline_note.isVisible()
    judged_late = "judges a saved redemption when it is sent" in card.offline_note.text()
    assert judged_late is not caps.backdated


VAUCHAR_CAPS = PLATFORMS["vauchar"].capabilities
AT = datetime(2025, 3, 1, 12, 0, tzinfo=UTC)


def card_for(qtbot: QtBot, voucher: Voucher, caps: Capabilities) -> CardScreen:
    card = CardScreen()
    qtbot.addWidget(card)
    card.show()
    card.show_lookup(Lookup(voucher.code, voucher, VoucherState.PARTLY_USED, False, AT, 0, ""),
                     capabilities=caps)
    return card


def test_a_part_amount_is_hidden_where_the_platform_takes_none(qtbot: QtBot) -> None:
    gift = Voucher("X1-AAAA", VoucherKind.MONETARY, True, 5000, 1000, "GBP")
    assert card_for(qtbot, gift, VAUCHAR_CAPS).redeem_part_button.isVisible()
    card = card_for(qtbot, gift, replace(VAUCHAR_CAPS, partial_amounts=False))
    assert not card.redeem_part_button.isVisible()
    assert card.redeem_all_button.isVisible()


def test_some_uses_are_hidden_where_the_platform_counts_none(qtbot: QtBot) -> None:
    uses = Voucher("X1-BBBB", VoucherKind.QUANTITY, True, 5, 1)
    assert card_for(qtbot, uses, VAUCHAR_CAPS).redeem_part_button.isVisible()
    card = card_for(qtbot, uses, replace(VAUCHAR_CAPS, uses=False))
    assert not card.redeem_part_button.isVisible()


def test_a_discount_is_not_offered_where_the_platform_takes_none(qtbot: QtBot) -> None:
    promo = Voucher("X1-CCCC", VoucherKind.QUANTITY, False, 1, 0, "GBP",
                    discount=Discount(DiscountKind.PERCENT, Decimal(10)))
    card = card_for(qtbot, promo, VAUCHAR_CAPS)
    assert card.redeem_all_button.text() == "Apply to order…"
    card = card_for(qtbot, promo, replace(VAUCHAR_CAPS, discounts=False))
    assert not card.redeem_all_button.isVisible()
    assert card.why_label.text() == ("Can't redeem: this voucher platform does not apply "
                                     "discount vouchers at the till.")
