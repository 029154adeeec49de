"""Discount vouchers at the counter (Vouchers API, ShopWired): the card offers "Apply to
order…" and no partial amount; staff type the order total, see the discount and what the
customer pays, apply once; a minimum order is enforced on the keypad."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from pytestqt.qtbot import QtBot

from kiosk.app import signin
from kiosk.domain.outcomes import RedeemStatus
from kiosk.ui.main_window import MainWindow, Page
from kiosk.ui.texts import Tone
from kiosk.ui.widgets.keypad import Keypad
from tests.helpers.sim import Sim
from tests.helpers.ui import local_manager, make_window


@pytest.fixture
def shop(qtbot: QtBot, sim_of: Callable[..., Sim]) -> tuple[MainWindow, Sim]:
    server = sim_of("vouchers-api")
    signin.sign_in_platform("vouchers-api", server.api_url, {"api_key": "sk_test_demo"},
                            staff="anna")
    local_manager()
    main = make_window(qtbot)
    with qtbot.waitSignal(main.engine_ready, timeout=10_000):
        main.start()
    return main, server


@pytest.fixture
def shopwired(qtbot: QtBot, sim_of: Callable[..., Sim]) -> MainWindow:
    """A ShopWired till (demo fixture) with a local manager, on the scan screen."""
    server = sim_of("shopwired")
    signin.sign_in_platform("shopwired", server.api_url,
                            {"username": "demo-key", "password": "demo-secret"}, staff="anna")
    local_manager()
    window = make_window(qtbot)
    with qtbot.waitSignal(window.engine_ready, timeout=10_000):
        window.start()
    return window


def look_up(qtbot: QtBot, window: MainWindow, code: str) -> None:
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.lookup_done, timeout=10_000):
        window.scan_code(code)


def type_total(window: MainWindow, text: str) -> None:
    keypad = window.redeem_screen.keypad
    for key in text:
        if key == ".":
            keypad.point_button.click()
        else:
            keypad.digit_buttons[key].click()


def test_apply_a_discount_to_the_order_total(qtbot: QtBot,
                                             shop: tuple[MainWindow, Sim]) -> None:
    window, server = shop
    look_up(qtbot, window, "SAVE20")
    card = window.card_screen
    assert card.redeem_all_button.text() == "Apply to order…"
    assert card.redeem_part_button.isHidden()  # no partial amount on a discount voucher
    assert card.remaining_label.text() == "20% off · orders from £50.00"  # what it is worth
    assert card.values["note"].isHidden()  # nothing the till cannot check
    card.redeem_all_button.click()
    screen = window.redeem_screen
    assert window.page is Page.REDEEM
    assert screen.title.text() == "Order total for SAVE20"
    assert screen.available_label.text() == "20% off · orders from £50.00"
    keypad = screen.keypad
    assert not keypad.max_button.isVisible()  # "everything available" means nothing here
    clear = keypad.clear_button.geometry()
    assert clear.bottom() >= keypad.digit_buttons["0"].geometry().bottom()  # C fills the column
    type_total(window, "45")
    screen.next_button.click()
    assert screen.error_label.text() == "This voucher needs an order of at least £50.00."
    assert screen.steps.currentIndex() == 0
    screen.keypad.set_text("")
    type_total(window, "100")
    screen.next_button.click()
    assert screen.question.text() == "20% off: −£20.00, customer pays £80.00"
    assert screen.after_label.text() == ""  # Vouchers API applies in one step
    assert screen.confirm_button.text() == "Yes, apply"
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.redeem_done, timeout=10_000) as blocker:
        screen.confirm_button.click()
    outcome = blocker.args[0]
    assert outcome.status is RedeemStatus.APPLIED
    assert (outcome.order_total, outcome.discount, outcome.to_pay) == (10000, 2000, 8000)
    assert window.page is Page.RESULT
    assert server.voucher("SAVE20")["usage_count"] == 1
    assert server.voucher("SAVE20")["usage_history"][0]["discount_amount"] == 2000


def test_a_balance_voucher_still_offers_part(qtbot: QtBot, window: MainWindow) -> None:
    """VoucherCart: the capability a discount platform lacks is shown where it exists."""
    look_up(qtbot, window, "GB50-K7QX-9M2F-4TZB")
    assert window.card_screen.redeem_part_button.isVisible()
    assert window.card_screen.redeem_all_button.text().startswith("Redeem all")


def test_the_max_key_comes_back_after_an_order_total(qtbot: QtBot) -> None:
    """The keypad hides Max for an order total and shows it again for a balance, with Clear
    back to one key."""
    keypad = Keypad()
    qtbot.addWidget(keypad)
    keypad.resize(400, 300)
    keypad.show()
    qtbot.waitExposed(keypad)
    one_key = keypad.clear_button.height()
    keypad.set_max_shown(False)
    qtbot.waitUntil(lambda: keypad.clear_button.height() > 3 * one_key)
    assert not keypad.max_button.isVisible()
    keypad.set_max_shown(True)
    qtbot.waitUntil(lambda: keypad.clear_button.height() == one_key)
    assert keypad.max_button.isVisible()
    with qtbot.waitSignal(keypad.max_pressed, timeout=1000):
        keypad.max_button.click()



@pytest.mark.parametrize(("code", "terms", "note"), [
    ("SHOES30", "30% off", "Applies to certain products only: check the basket."),
    ("FREEPOST", "Free shipping", "Free shipping: nothing to take off at the counter."),
    ("FIVER", "£5.00 off · orders over £20.00", ""),
])
def test_the_card_says_what_a_discount_takes_off(qtbot: QtBot, shopwired: MainWindow,
                                                code: str, terms: str, note: str) -> None:
    window = shopwired
    look_up(qtbot, window, code)
    card = window.card_screen
    assert card.remaining_label.text() == terms
    assert card.values["note"].text() == note
    assert card.values["note"].isHidden() == (not note)
    assert card.labels["note"].isHidden() == (not note)
    # FIVER has 12 of 100 uses taken by other customers: nothing to check, so green
    assert (card.banner.title_label.text(), card.tone) == ("Valid", Tone.GOOD)


def test_a_code_without_a_usage_limit_says_so(qtbot: QtBot, shopwired: MainWindow) -> None:
    """TENOFF has no usage limit (3 used): the card says "unlimited", never the platform's
    stand-in count (a billion) in the banner or the Value row."""
    look_up(qtbot, shopwired, "TENOFF")
    card = shopwired.card_screen
    assert card.banner.detail_label.text() == "Unlimited uses, 3 used"
    assert card.values["value"].text() == "unlimited uses"


def test_shopwired_says_a_use_can_go_uncounted(qtbot: QtBot, shopwired: MainWindow) -> None:
    """ShopWired has no redeem call (the till writes ``used`` + 1): the confirmation says
    plainly what that can cost (docs/backends.md, the residual risk)."""
    window = shopwired
    look_up(qtbot, window, "FIVER")
    window.card_screen.redeem_all_button.click()
    type_total(window, "30")
    window.redeem_screen.next_button.click()
    assert window.redeem_screen.question.text() == "£5.00 off: −£5.00, customer pays £25.00"
    assert window.redeem_screen.after_label.text() == (
        "This platform has no redeem step: the till counts the use itself. If another till "
        "or the web shop uses this code at the same moment, one use may go uncounted.")


def spaced(text: str) -> str:
    """``text`` with no-break spaces as plain ones (QLocale writes "50,00\xa0£")."""
    return text.replace("\xa0", " ")


def test_the_discount_question_writes_money_as_the_language_does(
        qtbot: QtBot, shop: tuple[MainWindow, Sim]) -> None:
    # In German the keypad and the card said "50,00 £", the question "−£24.10".
    window, _server = shop
    window.translations.install("de")
    try:
        look_up(qtbot, window, "SAVE20")
        window.card_screen.redeem_all_button.click()
        screen = window.redeem_screen
        type_total(window, "45")
        screen.next_button.click()
        assert spaced(screen.error_label.text()).endswith(" 50,00 £.")
        screen.keypad.set_text("")
        type_total(window, "120.5")
        screen.next_button.click()
        assert spaced(screen.question.text()).endswith(": −24,10 £, Kunde zahlt 96,40 £")
    finally:
        window.translations.install("en")
