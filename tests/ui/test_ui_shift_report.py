"""The Z report screen on real widgets, against a simulator whose history was changed."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.app.engine import Engine
from kiosk.app.printing.service import ReceiptService
from kiosk.app.qt.runner import Runner
from kiosk.app.shift_text import report_lines as app_report_lines
from kiosk.ui.i18n import Translations
from kiosk.ui.shift_report import ShiftReportScreen, pdf_suggestion
from kiosk.ui.shift_text import report_lines
from tests.helpers.app import rewrite_history
from tests.helpers.demo import GBP50
from tests.helpers.printer import FakePrinter
from tests.helpers.sim import Sim


@pytest.fixture
def screen(qtbot: QtBot, engine: Engine, tmp_path: Path) -> Iterator[ShiftReportScreen]:
    Translations().install("en")  # as the window does: English words, English money
    runner = Runner()
    widget = ShiftReportScreen(ReceiptService(engine), runner,
                               ask_path=lambda _: tmp_path / "z.pdf")
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    runner.close()


def load(qtbot: QtBot, screen: ShiftReportScreen) -> None:
    """Build the report and wait until it is on screen (the refresh button comes back)."""
    screen.load()
    assert not screen.refresh_button.isEnabled()
    qtbot.waitUntil(screen.refresh_button.isEnabled, timeout=10_000)


def test_a_lost_redemption_shows_as_a_mismatch(qtbot: QtBot, engine: Engine, sim: Sim,
                                                screen: ShiftReportScreen) -> None:
    assert engine.redeem(GBP50, 1000).entry_id
    load(qtbot, screen)
    assert screen.status_label.text() == "The server's records match this till's."
    rewrite_history(sim, GBP50, {"1000": 0})
    load(qtbot, screen)
    assert screen.status_label.text().startswith("1 redemption(s) of this till do not match")
    assert "MISMATCH: ours, not on the server" in screen.text.toPlainText()


def test_server_down_still_reports_and_says_what_was_not_checked(
    qtbot: QtBot, engine: Engine, sim: Sim, screen: ShiftReportScreen,
) -> None:
    assert engine.redeem(GBP50, 1000).entry_id
    sim.stop()
    load(qtbot, screen)
    assert "could not be checked with the server" in screen.status_label.text()
    assert "Online:        £10.00 (1 redemption)" in screen.text.toPlainText()
    assert "Not checked: the server could not be reached (" in screen.text.toPlainText()
    report = screen.report
    assert report is not None
    translations = Translations()
    try:
        translations.install("de")
        screen.show_report(report)
        assert "Nicht geprüft: Der Server war nicht erreichbar (" in screen.text.toPlainText()
    finally:
        translations.install("en")


def test_print_save_and_close_the_shift(qtbot: QtBot, engine: Engine, tmp_path: Path,
                                        screen: ShiftReportScreen) -> None:
    assert engine.redeem(GBP50, 1000).entry_id
    load(qtbot, screen)
    with FakePrinter() as printer:
        engine.settings.printer_kind = "network"
        engine.settings.printer_address = printer.address
        screen.print_button.click()
        assert b"End-of-shift report (Z)" in printer.wait()
    qtbot.waitUntil(lambda: screen.status_label.text() == "Summary printed.")
    screen.pdf_button.click()
    text = subprocess.run(["pdftotext", str(tmp_path / "z.pdf"), "-"], check=True,
                          capture_output=True, text=True).stdout
    assert "£10.00 (1 redemption)" in text
    screen.close_button.click()
    assert screen.close_button.text() == "Tap again to close the shift"
    with qtbot.waitSignal(screen.closed, timeout=10_000):
        screen.close_button.click()
    qtbot.waitUntil(screen.refresh_button.isEnabled, timeout=10_000)
    assert "Online:        none" in screen.text.toPlainText()


def test_the_pdf_is_suggested_in_the_home_folder_with_the_day() -> None:
    # The dialogue offered "z-report.pdf" in the folder the kiosk was started from (its
    # install folder on a till), the same name every day.
    assert pdf_suggestion(date(2026, 12, 3)) == Path.home() / "z-report-2026-12-03.pdf"


def test_escape_goes_back_from_the_report(qtbot: QtBot, screen: ShiftReportScreen) -> None:
    # Escape did nothing here (the guide: Escape goes back); the focus was nowhere.
    load(qtbot, screen)
    assert screen.focus_target() is screen.back_button
    screen.back_button.setFocus()
    with qtbot.waitSignal(screen.back, timeout=2_000):
        QTest.keyClick(screen.back_button, Qt.Key.Key_Escape)


def test_the_report_reads_in_the_tills_language(qtbot: QtBot, engine: Engine, sim: Sim,
                                                screen: ShiftReportScreen) -> None:
    # In a German till the Z report (screen, printed summary, PDF) was all English, its
    # money "£10.00". In English it stays word for word what `kiosk report shift` prints.
    assert engine.redeem(GBP50, 1000).entry_id
    assert engine.redeem("YOGA-5X2U-Q8WM-J4LT", 1).entry_id
    rewrite_history(sim, GBP50, {"1000": 0})
    load(qtbot, screen)
    report = screen.report
    assert report is not None
    assert screen.text.toPlainText() == "\n".join(app_report_lines(report))
    translations = Translations()
    try:
        translations.install("de")
        screen.show_report(report)  # what the screen shows, prints and saves
        text = screen.text.toPlainText().replace("\xa0", " ")
        assert text == "\n".join(report_lines(report)).replace("\xa0", " ")
    finally:
        translations.install("en")
    for words in ("demo-shop — Kasse 1", "Schichtabschluss (Z-Bericht)",
                  "Online:      10,00 £ + 1 Nutzung (2 Einlösungen)",
                  "Abgleich mit dem Server:",
                  "bei uns 10,00 £: MISMATCH: bei uns, nicht auf dem Server"):
        assert words in text, text
