"""Receipts: the ESC/POS byte stream (python-escpos's Dummy printer), real network printers
on loopback that are off, out of paper or die mid-print, and the retry list."""

from __future__ import annotations

from pathlib import Path

import pytest
from escpos.printer import Dummy

from kiosk.app import signin
from kiosk.app.engine import Engine
from kiosk.app.printing.escpos import NOT_ANSWERING, PrinterConfig, write_lines
from kiosk.app.printing.receipt import COLUMNS, receipt_lines
from kiosk.app.printing.retry import RetryList
from kiosk.app.printing.service import ReceiptService, shop_name
from kiosk.domain.outcomes import EntryState, RedeemStatus
from tests.helpers.backends import free_port
from tests.helpers.cases import Platform
from tests.helpers.demo import GBP50, QUANTITY
from tests.helpers.printer import FakePrinter
from tests.helpers.sim import Sim

INIT, CUT, DRAWER = b"\x1b@", b"\x1dV", b"\x1bp"


def use_printer(engine: Engine, kind: str, address: str, **options: object) -> None:
    engine.settings.printer_kind = kind
    engine.settings.printer_address = address
    for name, value in options.items():
        engine.settings.set(f"printer_{name}", value)


def test_receipt_says_what_the_customer_needs(engine: Engine) -> None:
    outcome = engine.redeem(GBP50, 1250)
    assert outcome.status is RedeemStatus.APPLIED
    assert outcome.entry_id
    receipt = ReceiptService(engine).receipt(outcome.entry_id)
    lines = receipt_lines(receipt, COLUMNS[80])
    text = "\n".join(lines)
    assert lines[0].strip() == "demo-shop"
    assert "£12.50" in text
    assert "£37.50" in text
    assert "••••-••••-••••-4TZB" in text
    assert GBP50 not in text
    assert "Confirmed by the server" in text
    assert outcome.entry_id in text
    assert "Thank you!" in text
    assert "Till 1" in text
    assert all(len(line) <= 48 for line in lines)
    narrow = receipt_lines(receipt, COLUMNS[58])
    assert all(len(line) <= 32 for line in narrow)


def test_queued_offline_receipt_is_marked_to_be_confirmed(engine: Engine, sim: Sim) -> None:
    engine.lookup(QUANTITY)  # seen online: may be taken offline
    sim.stop()
    outcome = engine.redeem(QUANTITY, 1)
    assert outcome.status is RedeemStatus.QUEUED
    assert outcome.entry_id
    receipt = ReceiptService(engine).receipt(outcome.entry_id)
    text = "\n".join(receipt_lines(receipt))
    assert "Queued — to be confirmed (taken offline)" in text
    assert "1 use" in text
    assert "2 uses" in text


def test_escpos_bytes_cut_and_optional_drawer(engine: Engine) -> None:
    outcome = engine.redeem(GBP50, 500)
    assert outcome.entry_id
    lines = receipt_lines(ReceiptService(engine).receipt(outcome.entry_id))
    plain = Dummy()
    write_lines(plain, lines, PrinterConfig("file", "x"))
    data = plain.output
    assert data.startswith(INIT)
    assert b"4TZB" in data
    assert b"K7QX" not in data
    assert b"REDEEMED:" in data
    assert b"5.00" in data
    assert CUT in data
    assert DRAWER not in data
    kicked = Dummy()
    write_lines(kicked, lines, PrinterConfig("file", "x", cut=False, drawer=True))
    assert DRAWER in kicked.output
    assert CUT not in kicked.output


def test_printer_off_keeps_the_receipt_and_retry_prints_it(engine: Engine) -> None:
    outcome = engine.redeem(GBP50, 700)
    assert outcome.entry_id
    use_printer(engine, "network", f"127.0.0.1:{free_port()}")
    service = ReceiptService(engine)
    result = service.print_receipt(outcome.entry_id)
    assert not result.printed
    assert result.message == NOT_ANSWERING
    assert [p.entry_id for p in RetryList(engine.home).items()] == [outcome.entry_id]
    entry = engine.outbox.get(outcome.entry_id)
    assert entry is not None
    assert entry.state is EntryState.APPLIED
    with FakePrinter() as printer:
        use_printer(engine, "network", printer.address)
        retried = ReceiptService(engine).retry()  # a new service: the list survived
        assert retried.printed
        assert retried.waiting == 0
        assert b"4TZB" in printer.wait()
    assert RetryList(engine.home).items() == []


@pytest.mark.parametrize(("behaviour", "message"), [
    ("paper_out", "out of paper"),
    ("dies", "not answering"),
])
def test_paper_out_or_dead_mid_print_is_kept(engine: Engine, behaviour: str,
                                             message: str) -> None:
    outcome = engine.redeem(GBP50, 300)
    assert outcome.entry_id
    with FakePrinter(behaviour) as printer:
        use_printer(engine, "network", printer.address)
        result = ReceiptService(engine).print_receipt(outcome.entry_id)
    assert not result.printed
    assert message in result.message.lower()
    assert "receipt kept" in result.message
    assert result.waiting == 1


def test_device_file_printer_and_an_unplugged_one(engine: Engine, tmp_path: Path) -> None:
    outcome = engine.redeem(GBP50, 100)
    assert outcome.entry_id
    device = tmp_path / "lp0"
    use_printer(engine, "file", str(device), width_mm=58)
    service = ReceiptService(engine)
    assert service.print_receipt(outcome.entry_id).printed
    assert device.read_bytes().startswith(INIT)
    use_printer(engine, "file", str(tmp_path / "unplugged" / "lp0"))
    result = service.print_receipt(outcome.entry_id)
    assert not result.printed
    assert result.waiting == 1


def test_no_printer_and_bad_addresses_say_so(engine: Engine) -> None:
    outcome = engine.redeem(GBP50, 100)
    assert outcome.entry_id
    service = ReceiptService(engine)
    assert "No receipt printer" in service.print_receipt(outcome.entry_id).message
    for kind, address, words in [("usb", "epson", "VENDOR:PRODUCT"),
                                 ("network", "printer:ninety", "host:port"),
                                 ("network", "", "No printer address")]:
        use_printer(engine, kind, address)
        assert words in service.test_print().message
    assert "No redemption" in service.print_receipt("no-such-entry").message


def test_test_print_reaches_the_printer(engine: Engine) -> None:
    with FakePrinter() as printer:
        use_printer(engine, "network", printer.address)
        assert ReceiptService(engine).test_print().printed
        assert b"Printer test" in printer.wait()


def test_the_shop_is_named_as_people_know_it(platform: Platform, server: Sim,
                                             platform_engine: Engine,
                                             platform_account: signin.Account) -> None:
    """Receipt and report headers name the shop as people know it: the name on the server
    (VoucherCart's shop, Vauchar's merchant), never a key or its fingerprint (Vouchers API
    and ShopWired know a shop only by its key: their name instead). A shop name set in
    Settings wins on every platform, on the receipt too."""
    backend = platform_account.backend
    expected = {"vouchers-api": "Vouchers API", "shopwired": "ShopWired"}.get(
        backend, platform_account.domain_name)
    assert shop_name(platform_engine) == expected
    platform_engine.settings.shop_name = "Corner Books"
    assert shop_name(platform_engine) == "Corner Books"
    outcome = platform.case.redeem(platform_engine, platform.case.add(server))
    assert outcome.entry_id
    receipt = ReceiptService(platform_engine).receipt(outcome.entry_id)
    assert receipt_lines(receipt, COLUMNS[80])[0].strip() == "Corner Books"
