"""Every screen at 1024×600, in every shipped language and a pseudo-locale 40% longer:
no label, button, check box or tab may be clipped or elided, and the window must fit."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSlider,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from kiosk.app import signin
from kiosk.ui.i18n import LANGUAGES, PSEUDO
from kiosk.ui.main_window import MainWindow, Page
from kiosk.ui.style import load_stylesheet
from tests.helpers.demo import DEMO_FIXTURE, DOMAIN, TILL
from tests.helpers.sim import Sim
from tests.helpers.ui import (
    authorise,
    focused,
    local_manager,
    make_window,
    visit_every_screen,
    work_offline,
)

SMALL = (1024, 600)


def clipped(root: QWidget) -> list[str]:
    """Descriptions of every visible text that does not fit its widget."""
    found = []
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        name = f"{type(widget).__name__}({widget.objectName()})"
        if isinstance(widget, QLabel) and widget.text() and widget.pixmap().isNull():
            text = widget.text()
            rect = widget.contentsRect()
            if widget.wordWrap():
                if widget.heightForWidth(widget.width()) > widget.height() + 1:
                    found.append(f"{name} {text!r}: needs more height than it has")
                continue
            lines = text.split("\n")
            wide = max(widget.fontMetrics().horizontalAdvance(line) for line in lines)
            if wide > rect.width() + 1:
                found.append(f"{name} {text!r}: {wide} px wide in {rect.width()} px")
        elif isinstance(widget, QAbstractButton) and widget.text():
            hint = widget.sizeHint().width()
            if hint > widget.width() + 1:
                found.append(f"{name} {widget.text()!r}: {hint} px wide in {widget.width()} px")
        elif isinstance(widget, QTabBar):
            for index in range(widget.count()):
                need = widget.tabSizeHint(index).width()
                have = widget.tabRect(index).width()
                if need > have + 1:
                    found.append(f"tab {widget.tabText(index)!r}: {need} px in {have} px")
    return found + overlapping(root)


CONTROLS = (QAbstractButton, QComboBox, QLineEdit, QAbstractSpinBox, QAbstractSlider)


def overlapping(root: QWidget) -> list[str]:
    """Pairs of visible controls (buttons, fields, boxes) that lie over one another: a layout
    squeezed below its minimum size places its rows over each other."""
    controls = [w for w in root.findChildren(QWidget)
                if isinstance(w, CONTROLS) and w.isVisibleTo(root) and w.width() > 0
                and not isinstance(w.parentWidget(), (*CONTROLS, QTabBar))]  # their own parts
    # What shows of each: a control scrolled half out of a scroll area's view is cut there.
    boxes = [(w, w.visibleRegion().boundingRect().translated(w.mapTo(root, QPoint(0, 0))))
             for w in controls]
    found = []
    for n, (first, one) in enumerate(boxes):
        for second, other in boxes[n + 1:]:
            if one.intersects(other) and not (first.isAncestorOf(second)
                                              or second.isAncestorOf(first)):
                found.append(f"{type(first).__name__} {_text(first)!r} and "
                             f"{type(second).__name__} {_text(second)!r} overlap")
    return found


def _text(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    return str(text()) if callable(text) else ""


@pytest.fixture
def styled(qapp: QApplication) -> Iterator[None]:
    """The real stylesheet (sizes decide what fits), removed afterwards."""
    load_stylesheet(qapp)
    yield
    qapp.setStyleSheet("")


@contextmanager
def signed_in(qtbot: QtBot, sim: Sim, language: str) -> Iterator[MainWindow]:
    """A till signed in on ``sim`` at 1024x600 in ``language`` (English again afterwards)."""
    signin.sign_in(sim.api_url, *TILL, DOMAIN)
    window = make_window(qtbot)
    with qtbot.waitSignal(window.engine_ready, timeout=10_000):
        window.start()
    window.translations.install(language)
    try:
        window.resize(*SMALL)
        yield window
    finally:
        window.translations.install("en")


@pytest.mark.parametrize("language", [*LANGUAGES, PSEUDO])
def test_every_screen_fits_1024_by_600(qtbot: QtBot, sim: Sim, styled: None,
                                       language: str) -> None:
    problems: dict[str, list[str]] = {}

    def check(name: str, main: MainWindow) -> None:
        QApplication.processEvents()
        QApplication.processEvents()  # layout requests posted by the first pass
        size = (main.width(), main.height())
        issues = clipped(main)
        if size != SMALL:
            issues.append(f"window grew to {size}")
        if issues:
            problems[name] = issues

    with signed_in(qtbot, sim, language) as window:
        visit_every_screen(qtbot, window, check)
    assert not problems, "\n".join(f"[{language}] {page}: {issue}"
                                   for page, issues in problems.items() for issue in issues)


def test_cards_scanned_one_over_another_are_laid_out(qtbot: QtBot, sim: Sim,
                                                     styled: None) -> None:
    # A card replaced in place changes what it shows with its layouts off and is laid out
    # once afterwards: every row, line and button of each new card must get its room.
    signin.sign_in(sim.api_url, *TILL, DOMAIN)
    window = make_window(qtbot)
    with qtbot.waitSignal(window.engine_ready, timeout=10_000):
        window.start()
    window.show()
    codes = [voucher["code"] for voucher in json.loads(DEMO_FIXTURE.read_text())["vouchers"]]
    assert window.controller is not None
    for code in codes:
        with qtbot.waitSignal(window.controller.lookup_done, timeout=10_000):
            window.scan_code(code)
        card = window.card_screen
        assert card.lookup is not None
        assert card.lookup.code == code

        def laid_out(card: QWidget = card) -> None:
            assert not clipped(card)
            label = window.card_screen.remaining_label
            assert label.height() >= label.sizeHint().height(), label.objectName()

        qtbot.waitUntil(laid_out, timeout=2_000)


def test_every_card_gives_each_row_its_lines_at_1024_by_600(qtbot: QtBot, sim: Sim,
                                                             styled: None) -> None:
    # A card with more rows than fit, shown from the scan screen (the two-window voucher) or
    # offline (a fully redeemed voucher), gave a row less height than its text: its second
    # line was cut. Every demo voucher, from the scan screen and offline, at 1024x600.
    signin.sign_in(sim.api_url, *TILL, DOMAIN)
    window = make_window(qtbot)
    with qtbot.waitSignal(window.engine_ready, timeout=10_000):
        window.start()
    codes = [voucher["code"] for voucher in json.loads(DEMO_FIXTURE.read_text())["vouchers"]]
    assert window.controller is not None
    problems: dict[str, list[str]] = {}
    rows: list[str] = []  # the texts of the rows shown (the check has something to check)

    def visit(name: str, code: str) -> None:
        window.go_home()
        assert window.page is Page.SCAN
        assert window.controller is not None
        with qtbot.waitSignal(window.controller.lookup_done, timeout=10_000):
            window.scan_code(code)
        card = window.card_screen
        assert card.lookup is not None
        assert card.lookup.code == code
        QApplication.processEvents()
        QApplication.processEvents()  # layout requests posted by the first pass
        rows.extend(label.text() for label in card.values.values() if label.isVisibleTo(card))
        issues = clipped(card)
        if (window.width(), window.height()) != SMALL:
            issues.append(f"window grew to {window.width()}x{window.height()}")
        if issues:
            problems[name] = issues

    for code in codes:
        visit(code, code)
    work_offline(qtbot, window, True)
    for code in codes:
        visit(f"{code} offline", code)
    work_offline(qtbot, window, False)
    assert any("\n" in text for text in rows)  # the two-window voucher's row of two lines
    assert not problems, "\n".join(f"{name}: {issue}" for name, issues in problems.items()
                                   for issue in issues)


def test_a_scan_flashes_the_blue_bar(qtbot: QtBot, sim: Sim, styled: None) -> None:
    # The flash used a tone the stylesheet did not style: the bar was there but unpainted.
    signin.sign_in(sim.api_url, *TILL, DOMAIN)
    window = make_window(qtbot)
    with qtbot.waitSignal(window.engine_ready, timeout=10_000):
        window.start()
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.lookup_done, timeout=10_000):
        window.scan_code("GB10-0PRT-LY8D-2WQC")
        qtbot.waitUntil(window.flash_bar.isVisible, timeout=1_000)  # within a frame
        colour = window.flash_bar.grab().toImage().pixelColor(5, 5)
    assert colour.name() == "#1f4e9c"


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_settings_tab_is_in_view_at_1024(qtbot: QtBot, sim: Sim, styled: None,
                                               language: str) -> None:
    # A tab scrolled out of view is reached by 10 px arrows: too small a target on a touch till.
    with signed_in(qtbot, sim, language) as window:
        window.show()
        window.open_settings()
        authorise(qtbot, window)
        bar = window.settings_screen.tabs.tabBar()
        qtbot.waitUntil(lambda: bar.isVisible() and bar.width() > 0)
        last = bar.tabRect(bar.count() - 1)
        assert bar.count() >= 6
        assert last.right() <= bar.width(), [bar.tabText(i) for i in range(bar.count())]


@pytest.mark.parametrize("language", [*LANGUAGES, PSEUDO])
def test_the_sign_in_form_fits_without_overlap(qtbot: QtBot, styled: None,
                                               language: str) -> None:
    # Squeezed below its height, a form layout lays fields over one another: each row, its
    # error line and the Sign in button must have room of their own at 1024x600.
    window = make_window(qtbot)
    window.start()
    qtbot.waitUntil(lambda: not window.runner.busy)
    window.translations.install(language)
    try:
        window.resize(*SMALL)
        window.show()
        screen = window.signin_screen
        screen.prefill(server="http://127.0.0.1:1/v1", demo_url="http://127.0.0.1:1/v1")
        for index in range(screen.platform_box.count()):
            screen.platform_box.setCurrentIndex(index)
            for error in ("", "The server could not be reached."):
                screen.show_error(error)
                QApplication.processEvents()
                shown = [w for w in (screen.platform_box, screen.server_field,
                                     screen.demo_button, screen.email_field,
                                     screen.password_field, screen.domain_box,
                                     screen.find_button, screen.staff_field,
                                     screen.kiosk_field, screen.error_label,
                                     screen.sign_in_button) if w.isVisibleTo(screen)]
                boxes = [(w, w.rect().translated(w.mapTo(screen, w.rect().topLeft())))
                         for w in shown]
                for n, (first, one) in enumerate(boxes):
                    for second, other in boxes[n + 1:]:
                        assert not one.intersects(other), (
                            screen.platform, error, first.objectName() or type(first).__name__,
                            second.objectName() or type(second).__name__, one, other)
                    assert screen.rect().contains(one), (screen.platform, one)
                assert window.size().toTuple() == SMALL
    finally:
        window.translations.install("en")


RESULTS = {  # platform: (its demo credentials, a code, the order total for a discount code)
    "vouchers-api": ({"api_key": "sk_test_demo"}, "SAVE20", "120"),
    "vauchar": ({"username": "demo-merchant", "password": "demo-api-key"}, "GIFT50DEMO001",
                None),
}


@pytest.mark.parametrize("platform", RESULTS)
@pytest.mark.parametrize("language", [*LANGUAGES, PSEUDO])
def test_a_result_with_extra_buttons_fits(qtbot: QtBot, sim_of: Callable[..., Sim],
                                          styled: None, language: str, platform: str) -> None:
    # The result screen with "Undo last redemption" (Vauchar) put "£0.00 left" over the green
    # banner at 1024x600; a discount code applied showed "1 use redeemed" and "999999999 of
    # 1000000000 uses left" there. What a discount's cashier needs is what the customer pays.
    credentials, code, total = RESULTS[platform]
    server = sim_of(platform)
    signin.sign_in_platform(platform, server.api_url, credentials, staff="anna")
    local_manager()
    window = make_window(qtbot)
    window.result_screen.seconds = 60
    with qtbot.waitSignal(window.engine_ready, timeout=10_000):
        window.start()
    window.translations.install(language)
    try:
        window.resize(*SMALL)
        assert window.controller is not None
        with qtbot.waitSignal(window.controller.lookup_done, timeout=10_000):
            window.scan_code(code)
        with qtbot.waitSignal(window.controller.redeem_done, timeout=10_000):
            window.card_screen.redeem_all_button.click()
            if total is not None:
                window.redeem_screen.keypad.set_text(total)
                window.redeem_screen.next_button.click()
                window.redeem_screen.confirm_button.click()
        QApplication.processEvents()
        QApplication.processEvents()
        result = window.result_screen
        assert not clipped(window), clipped(window)
        banner = result.banner.geometry()
        under = [w for w in (result.balance_label, result.countdown_label, result.next_button)
                 if w.isVisible()]
        assert not [w for w in under if banner.intersects(w.geometry())], banner
        if language == "en" and total is not None:
            assert result.banner.title_label.text() == "20% off applied"
            assert result.balance_label.text() == "Customer pays £96.00"
    finally:
        window.translations.install("en")


def test_tabs_with_the_keyboard_focus_show_it(qtbot: QtBot, styled: None) -> None:
    # The queue and settings give their tabs the focus; nothing showed it.
    page = QWidget()
    bar = QTabBar(page)
    bar.addTab("Waiting")
    bar.addTab("Done")
    other = QPushButton("Other", page)
    other.move(0, 80)
    qtbot.addWidget(page)
    page.show()
    focused(qtbot, bar)
    with_focus = bar.grab().toImage()
    focused(qtbot, other)
    assert bar.grab().toImage() != with_focus
