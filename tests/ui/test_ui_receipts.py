"""The receipt panel and printer settings, on real widgets, a real engine on the simulator and
network printers on loopback that are off, out of paper or fine."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from kiosk.app.engine import Engine
from kiosk.app.qt.runner import Runner
from kiosk.domain.outcomes import EntryState
from kiosk.ui.printer_settings import KINDS, PrinterSettingsPage
from kiosk.ui.receipts import ReceiptPanel, ReceiptPresenter
from tests.helpers.backends import free_port
from tests.helpers.demo import GBP50
from tests.helpers.printer import FakePrinter


@pytest.fixture
def runner() -> Iterator[Runner]:
    jobs = Runner()
    yield jobs
    jobs.close()


@pytest.fixture
def presenter(engine: Engine, runner: Runner) -> ReceiptPresenter:
    return ReceiptPresenter(engine, runner)


@pytest.fixture
def panel(qtbot: QtBot, presenter: ReceiptPresenter) -> ReceiptPanel:
    widget = ReceiptPanel(presenter)
    qtbot.addWidget(widget)
    widget.show()
    return widget


def redeemed(engine: Engine, amount: int = 500) -> str:
    outcome = engine.redeem(GBP50, amount)
    assert outcome.entry_id
    return outcome.entry_id


def click_and_wait(qtbot: QtBot, presenter: ReceiptPresenter, button: Callable[[], object]) -> None:
    with qtbot.waitSignal(presenter.finished, timeout=10_000):
        button()


def test_printer_off_keeps_the_receipt_and_the_retry_line_prints_it(
    qtbot: QtBot, engine: Engine, panel: ReceiptPanel, presenter: ReceiptPresenter,
) -> None:
    entry_id = redeemed(engine)
    engine.settings.printer_kind = "network"
    engine.settings.printer_address = f"127.0.0.1:{free_port()}"
    panel.set_entry(entry_id)
    assert panel.retry_button.isHidden()
    click_and_wait(qtbot, presenter, lambda: qtbot.mouseClick(panel.print_button,
                                                              Qt.MouseButton.LeftButton))
    assert panel.retry_button.isVisible()
    assert panel.retry_button.text() == ("Printer not answering — 1 receipt(s) kept, "
                                         "tap to retry")
    entry = engine.outbox.get(entry_id)
    assert entry is not None
    assert entry.state is EntryState.APPLIED
    with FakePrinter() as printer:
        engine.settings.printer_address = printer.address
        click_and_wait(qtbot, presenter, lambda: qtbot.mouseClick(panel.retry_button,
                                                                  Qt.MouseButton.LeftButton))
        assert b"4TZB" in printer.wait()
    assert panel.retry_button.isHidden()
    assert panel.status_label.text() == "Printed."


def test_paper_out_says_so(qtbot: QtBot, engine: Engine, panel: ReceiptPanel,
                           presenter: ReceiptPresenter) -> None:
    with FakePrinter("paper_out") as printer:
        engine.settings.printer_kind = "network"
        engine.settings.printer_address = printer.address
        panel.set_entry(redeemed(engine))
        click_and_wait(qtbot, presenter, panel.print_button.click)
    assert panel.retry_button.text().startswith("Printer out of paper — 1 receipt(s) kept")


def test_auto_print_after_a_redemption_and_a_double_tap_prints_once(
    qtbot: QtBot, engine: Engine, panel: ReceiptPanel, presenter: ReceiptPresenter,
) -> None:
    with FakePrinter() as printer:
        engine.settings.printer_kind = "network"
        engine.settings.printer_address = printer.address
        engine.settings.receipt_auto_print = True
        with qtbot.waitSignal(presenter.finished, timeout=10_000):
            panel.set_entry(redeemed(engine))
            assert not presenter.print_entry("again")  # busy: the second tap does nothing
        printer.wait()
        assert len(printer.received) == 1


def test_reprint_last_and_nothing_to_print(qtbot: QtBot, engine: Engine,
                                           presenter: ReceiptPresenter,
                                           panel: ReceiptPanel) -> None:
    click_and_wait(qtbot, presenter, presenter.print_last)
    assert panel.status_label.text() == "There is no redemption to print yet."
    redeemed(engine, 100)
    with FakePrinter() as printer:
        engine.settings.printer_kind = "network"
        engine.settings.printer_address = printer.address
        click_and_wait(qtbot, presenter, presenter.print_last)
        assert b"1.00" in printer.wait()


def test_printer_settings_save_and_test_print(qtbot: QtBot, engine: Engine,
                                              presenter: ReceiptPresenter) -> None:
    page = PrinterSettingsPage(presenter)
    qtbot.addWidget(page)
    page.show()
    assert not page.test_button.isEnabled()  # no printer yet
    with FakePrinter() as printer:
        page.kind_box.setCurrentIndex(KINDS.index("network"))
        page.address_field.setText(printer.address)
        page.width_box.setCurrentIndex(0)
        page.drawer_box.setChecked(True)
        page.footer_field.setText("See you soon")
        with qtbot.waitSignal(presenter.finished, timeout=10_000):
            qtbot.mouseClick(page.test_button, Qt.MouseButton.LeftButton)
        data = printer.wait()
    assert b"Printer test" in data
    assert b"\x1bp" in data
    assert page.status_label.text() == "The printer answered: test page printed."
    s = engine.settings
    assert (s.printer_kind, s.printer_address, s.printer_width_mm, s.printer_drawer,
            s.receipt_footer) == ("network", printer.address, 58, True, "See you soon")
    page.kind_box.setCurrentIndex(KINDS.index("network"))
    page.address_field.setText(f"127.0.0.1:{free_port()}")
    with qtbot.waitSignal(presenter.finished, timeout=10_000):
        page.test_button.click()
    assert page.status_label.text().startswith("The printer is not answering: check that it")
