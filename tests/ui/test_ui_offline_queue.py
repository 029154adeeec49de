"""Offline mode, the queue counter, replay when the server is back, and conflicts."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from kiosk.app import signin
from kiosk.domain.outcomes import EntryState, RedeemStatus
from kiosk.ui.main_window import MainWindow, Page
from kiosk.ui.texts import Tone
from tests.helpers.demo import DOMAIN, TILL
from tests.helpers.sim import Sim
from tests.helpers.ui import authorise, make_window, redeem_part, work_offline

GB50 = "GB50-K7QX-9M2F-4TZB"
NEWC = "NEWC-5H7K-2DRM-4FXA"


def look_up(qtbot: QtBot, window: MainWindow, code: str) -> None:
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.lookup_done, timeout=10_000):
        window.scan_code(code)


def test_offline_queue_then_drain(qtbot: QtBot, window: MainWindow, sim: Sim) -> None:
    look_up(qtbot, window, GB50)  # seen online: the offline policy trusts the cache
    indicator = window.connection
    qtbot.waitUntil(lambda: indicator.status_label.text() == "Online")
    sim.stop()

    look_up(qtbot, window, GB50)
    card = window.card_screen
    assert card.banner.badge_label.text() == "OFFLINE"
    assert card.offline_note.isVisible()
    assert redeem_part(qtbot, window, "10") is RedeemStatus.QUEUED
    assert window.result_screen.tone is Tone.QUEUED
    assert window.result_screen.banner.title_label.text() == (
        "Saved — will be sent when back online")

    qtbot.waitUntil(lambda: indicator.pending == 1, timeout=10_000)
    qtbot.waitUntil(lambda: indicator.status_label.text().startswith("Offline since"),
                    timeout=15_000)
    assert indicator.queue_label.text() == "Queue: 1"

    window.sign_out()  # refused: a redemption is waiting
    assert window.controller is not None
    assert "still waiting to be sent" in window.settings_screen.message_label.text()

    sim.start()
    qtbot.waitUntil(lambda: indicator.pending == 0 and indicator.state is not None
                    and indicator.state.online, timeout=20_000)
    assert indicator.queue_label.text() == "Queue: 0"
    assert sim.voucher(GB50)["current"] == 1000


def test_conflict_shown_and_resolved(qtbot: QtBot, window: MainWindow, sim: Sim,
                                     tmp_path: Path) -> None:
    look_up(qtbot, window, NEWC)
    assert window.controller is not None
    work_offline(qtbot, window, True)
    qtbot.waitUntil(lambda: window.connection.state is not None
                    and not window.connection.state.online, timeout=10_000)
    look_up(qtbot, window, NEWC)
    assert redeem_part(qtbot, window, "20") is RedeemStatus.QUEUED
    # Meanwhile another till used £5 of it: the queued £20 no longer fits.
    server_side = sim.voucher(NEWC)
    server_side.update(current=500)
    assert sim.server is not None
    sim.server.add_voucher(server_side)
    work_offline(qtbot, window, False)
    qtbot.waitUntil(lambda: window.connection.state is not None
                    and window.connection.state.conflicts == 1, timeout=20_000)
    assert "Conflicts: 1" in window.connection.queue_label.text()

    window.open_queue()
    queue = window.queue_screen
    queue.tabs.setCurrentIndex(1)  # conflicts
    qtbot.waitUntil(lambda: len(queue.entries) == 1
                    and queue.entries[0].state is EntryState.REJECTED, timeout=10_000)
    reason = queue.table.item(0, 4)
    assert reason is not None
    assert reason.text() != ""  # the reason is shown
    assert "This shift" in queue.summary_label.text()
    assert queue.table.isVisible()
    assert not queue.empty_label.isVisible()
    assert not queue.resolve_row.isVisible()  # nothing to resolve until a conflict is picked
    assert queue.select_entry(queue.entries[0].id)
    assert queue.resolve_row.isVisible()
    assert queue.retry_button.isEnabled()
    assert not queue.write_off_button.isEnabled()  # a note is required first
    queue.retry_button.click()  # a manager's action: the PIN (here: the password) first
    assert window.page is Page.MANAGER
    assert "Set a manager PIN in Settings" in window.manager_screen.hint_label.text()
    with qtbot.waitSignal(window.controller.conflict_resolved, timeout=15_000):
        authorise(qtbot, window)
    assert window.page is Page.QUEUE
    qtbot.waitUntil(lambda: window.connection.state is not None
                    and window.connection.state.conflicts == 0, timeout=10_000)
    qtbot.waitUntil(lambda: queue.entries == [], timeout=10_000)
    assert sim.voucher(NEWC)["current"] == 2000  # the remaining £15 was taken
    assert not queue.table.isVisible()  # an empty tab says what empty means
    assert queue.empty_label.text() == "No conflicts: nothing the server refused."
    assert not queue.resolve_row.isVisible()

    export = tmp_path / "out.csv"
    with qtbot.waitSignal(window.controller.exported, timeout=10_000):
        queue.export_requested.emit(str(export))
    assert export.read_text(encoding="utf-8").count("\n") >= 3
    assert "exported" in queue.status_label.text()


def test_write_off_a_conflict(qtbot: QtBot, window: MainWindow, sim: Sim) -> None:
    look_up(qtbot, window, NEWC)
    assert window.controller is not None
    work_offline(qtbot, window, True)
    qtbot.waitUntil(lambda: window.connection.state is not None
                    and not window.connection.state.online, timeout=10_000)
    look_up(qtbot, window, NEWC)
    assert redeem_part(qtbot, window, "20") is RedeemStatus.QUEUED
    server_side = sim.voucher(NEWC)
    server_side.update(current=2000, status="completed")
    assert sim.server is not None
    sim.server.add_voucher(server_side)
    work_offline(qtbot, window, False)
    qtbot.waitUntil(lambda: window.connection.state is not None
                    and window.connection.state.conflicts == 1, timeout=20_000)
    window.open_queue()
    queue = window.queue_screen
    queue.tabs.setCurrentIndex(1)
    qtbot.waitUntil(lambda: len(queue.entries) == 1, timeout=10_000)
    queue.select_entry(queue.entries[0].id)
    queue.note_field.setText("Customer used it at the other till")
    queue.write_off_button.click()
    with qtbot.waitSignal(window.controller.conflict_resolved, timeout=10_000):
        authorise(qtbot, window)
    qtbot.waitUntil(lambda: queue.entries == [], timeout=10_000)
    written = window.controller.engine.entries([EntryState.WRITTEN_OFF])
    assert [e.note for e in written] == ["Customer used it at the other till"]


def test_result_returns_to_scanning_by_itself(qtbot: QtBot, sim: Sim) -> None:
    signin.sign_in(sim.api_url, *TILL, DOMAIN)
    window = make_window(qtbot, result_seconds=1)
    with qtbot.waitSignal(window.engine_ready, timeout=10_000):
        window.start()
    look_up(qtbot, window, "TEA2-8FJD-6NKS-3VXA")
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.redeem_done, timeout=10_000):
        window.card_screen.redeem_all_button.click()
    assert window.page is Page.RESULT
    qtbot.waitUntil(lambda: window.page is Page.SCAN, timeout=5_000)


def test_the_queue_says_uses_of_a_use_voucher(qtbot: QtBot, window: MainWindow) -> None:
    # A one-use voucher taken offline showed "1" under Amount, beside amounts in pounds.
    look_up(qtbot, window, "TEA2-8FJD-6NKS-3VXA")  # seen online: the cache trusts it
    work_offline(qtbot, window, True)
    look_up(qtbot, window, "TEA2-8FJD-6NKS-3VXA")
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.redeem_done, timeout=10_000):
        window.card_screen.redeem_all_button.click()
    window.open_queue()
    table = window.queue_screen.table
    qtbot.waitUntil(lambda: table.rowCount() == 1, timeout=10_000)
    item = table.item(0, 2)
    assert item is not None
    assert item.text() == "1 use"
