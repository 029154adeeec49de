"""The Z report against a simulator whose history was changed behind the till's back."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from kiosk.app.engine import Engine
from kiosk.app.shift import Finding, build_report, close_shift, shift_start
from kiosk.app.shift_text import ShiftText, report_lines
from kiosk.backends.vouchercart import Tokens, VoucherCartClient
from kiosk.domain.masking import mask_code
from kiosk.domain.outcomes import RedeemStatus
from tests.helpers.app import rewrite_history
from tests.helpers.demo import GBP50, PARTLY, QUANTITY, SHOP_ID
from tests.helpers.sim import Sim


def test_books_match_after_a_clean_shift(engine: Engine) -> None:
    assert engine.redeem(GBP50, 1000).status is RedeemStatus.APPLIED
    assert engine.redeem(QUANTITY, 1).status is RedeemStatus.APPLIED
    report = build_report(engine, shop="demo-shop")
    assert report.summary.online.count == 2
    assert report.summary.online.money == {"GBP": 1000}
    assert report.summary.online.uses == 1
    assert report.check.checked == 2
    assert report.check.lines == ()
    assert list(report.per_staff) == [engine.staff]
    assert engine.staff
    assert "The server's records match this till's." in "\n".join(report_lines(report))


def test_lost_changed_and_foreign_redemptions_are_told_apart(
    engine: Engine, sim: Sim, client: VoucherCartClient, manager: Tokens,
) -> None:
    lost = engine.redeem(GBP50, 1000)
    changed = engine.redeem(PARTLY, 500)
    assert lost.status is changed.status is RedeemStatus.APPLIED
    # Another till (or the web shop) redeems £2.00 of GBP50 in another minute; the server
    # loses our £10.00 and records our £5.00 on PARTLY as £4.00 (same minute: a changed amount).
    client.redeem(manager.access_token, GBP50, SHOP_ID, 200,
                  datetime.now(UTC) + timedelta(minutes=5))
    rewrite_history(sim, GBP50, {"1000": 0})
    rewrite_history(sim, PARTLY, {"500": 400})
    report = build_report(engine)
    found = {(line.finding, line.code, line.ours, line.server) for line in report.check.lines}
    assert found == {
        (Finding.MISSING_ON_SERVER, mask_code(GBP50), 1000, None),
        (Finding.ELSEWHERE, mask_code(GBP50), None, 200),
        (Finding.DIFFERENT_AMOUNT, mask_code(PARTLY), 500, 400),
    }
    assert len(report.check.mismatches) == 2
    text = "\n".join(report_lines(report))
    assert "redeemed elsewhere (another till or the web shop)" in text
    assert "MISMATCH: ours, not on the server" in text
    assert "ours £5.00 / server £4.00: MISMATCH: different amount on the server" in text
    assert GBP50 not in text
    assert PARTLY not in text


def test_history_before_the_shift_is_not_blamed_on_it(engine: Engine) -> None:
    # PARTLY's £32.50 was redeemed long before this shift: not "elsewhere" in this report.
    assert engine.redeem(PARTLY, 100).status is RedeemStatus.APPLIED
    assert build_report(engine).check.lines == ()


def test_server_down_says_which_figures_were_not_checked(engine: Engine, sim: Sim) -> None:
    assert engine.redeem(GBP50, 1000).status is RedeemStatus.APPLIED
    sim.stop()
    queued = engine.redeem(GBP50, 500)
    assert queued.status is RedeemStatus.QUEUED
    report = build_report(engine)
    assert report.check.unchecked == (mask_code(GBP50),)
    assert "could not be reached" in ShiftText().unchecked(report.check)
    assert report.at_risk.money == {"GBP": 500}
    text = "\n".join(report_lines(report))
    assert "Still queued:  £5.00 (1 redemption) — not yet confirmed" in text
    assert "Not checked" in text


def test_z_report_starts_the_next_shift(engine: Engine) -> None:
    assert shift_start(engine) <= datetime.now(UTC)
    local_midnight = datetime.now().astimezone().replace(hour=0, minute=0, second=0,
                                                         microsecond=0)
    assert shift_start(engine) == local_midnight
    assert engine.redeem(GBP50, 1000).status is RedeemStatus.APPLIED
    first = build_report(engine)
    close_shift(engine, first)
    assert shift_start(engine) >= first.until - timedelta(seconds=1)
    assert engine.redeem(GBP50, 200).status is RedeemStatus.APPLIED
    second = build_report(engine)
    assert second.summary.online.money == {"GBP": 200}


def test_conflicts_and_write_offs_are_listed_with_notes(engine: Engine, sim: Sim) -> None:
    engine.lookup(GBP50)
    sim.stop()
    queued = engine.redeem(GBP50, 4000)
    assert queued.entry_id
    sim.start()
    voucher = sim.voucher(GBP50)
    voucher["status"] = "refunded"
    sim.add_voucher(voucher)
    engine.sync()
    engine.write_off(queued.entry_id, "customer refunded at the desk")
    report = build_report(engine)
    assert [e.id for e in report.write_offs] == [queued.entry_id]
    assert "customer refunded at the desk" in "\n".join(report_lines(report))


def test_foreign_line_on_a_voucher_we_only_queued_names_the_voucher(
    engine: Engine, sim: Sim, client: VoucherCartClient, manager: Tokens,
) -> None:
    engine.lookup(QUANTITY)
    sim.stop()
    assert engine.redeem(QUANTITY, 1).status is RedeemStatus.QUEUED
    sim.start()
    client.redeem(manager.access_token, QUANTITY, SHOP_ID, 1,
                  datetime.now(UTC) + timedelta(minutes=5))
    report = build_report(engine)
    assert [(line.finding, line.code, line.server) for line in report.check.lines] == [
        (Finding.ELSEWHERE, mask_code(QUANTITY), 1)]
    assert report.check.lines[0].currency is None  # uses, not money
    assert "server 1 use: redeemed elsewhere" in "\n".join(report_lines(report))
    assert report.at_risk.uses == 1


def test_work_offline_asks_the_server_nothing(engine: Engine, sim: Sim) -> None:
    assert engine.redeem(GBP50, 1000).status is RedeemStatus.APPLIED
    engine.set_offline_override(True)
    asked = len(sim.requests("GET", "/v1/status"))
    report = build_report(engine)
    assert report.check.unchecked == (mask_code(GBP50),)
    assert ShiftText().unchecked(report.check) == "Not checked: work offline is switched on"
    assert len(sim.requests("GET", "/v1/status")) == asked
