"""Online look-ups and redemptions against the simulator: the seed's tricky cases."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.app.engine import Engine
from kiosk.domain.errors import RefusalReason
from kiosk.domain.outcomes import EntryState, RedeemStatus
from kiosk.domain.voucher import VoucherState
from tests.app.conftest import open_engine
from tests.helpers.app import history, minute_stamp
from tests.helpers.cases import CASES, VoucherCase
from tests.helpers.demo import (
    CAFE_ONLY,
    COMPLETED,
    EXPIRED,
    GBP50,
    NOT_YET,
    PARTLY,
    QUANTITY,
    REFUNDED,
    SINGLE,
    SPA_SINGLE,
)
from tests.helpers.sim import Sim


@pytest.mark.parametrize(("code", "state"), [
    (GBP50, VoucherState.VALID),
    (PARTLY, VoucherState.PARTLY_USED),
    (COMPLETED, VoucherState.FULLY_REDEEMED),
    (EXPIRED, VoucherState.EXPIRED),
    (NOT_YET, VoucherState.NOT_YET_VALID),
    (REFUNDED, VoucherState.CANCELLED),
    ("NOPE-0000-0000-0000", VoucherState.UNKNOWN),
])
def test_lookup_online_states(engine: Engine, code: str, state: VoucherState) -> None:
    lookup = engine.lookup(code)
    assert lookup.state is state
    assert not lookup.offline
    assert lookup.message
    assert engine.recent(1)[0].code == code


def test_lookup_normalises_the_code(engine: Engine) -> None:
    lookup = engine.lookup(f"  {PARTLY.lower()} ")
    assert lookup.code == PARTLY
    assert lookup.voucher is not None
    assert lookup.voucher.remaining == 10000 - 3250


def test_wrong_domain_is_refused_without_an_entry(engine: Engine) -> None:
    outcome = engine.redeem(CAFE_ONLY, 1)
    assert outcome.status is RedeemStatus.REFUSED
    assert outcome.entry_id is None
    assert engine.entries() == []


def test_partial_then_rest(engine: Engine, sim: Sim) -> None:
    first = engine.redeem(PARTLY, 1000)
    assert first.status is RedeemStatus.APPLIED
    assert first.voucher is not None
    assert first.voucher.remaining == 10000 - 3250 - 1000
    rest = engine.redeem(PARTLY)  # None: all that is left
    assert rest.status is RedeemStatus.APPLIED
    assert rest.amount == 10000 - 3250 - 1000
    assert sim.voucher(PARTLY)["status"] == "completed"
    assert [e.state for e in engine.entries()] == [EntryState.APPLIED, EntryState.APPLIED]


def test_redeem_sends_the_original_minute(engine: Engine, sim: Sim) -> None:
    before = datetime.now(UTC)
    outcome = engine.redeem(QUANTITY, 2)
    assert outcome.status is RedeemStatus.APPLIED
    entry = engine.entries()[0]
    assert history(sim, QUANTITY)[-1] == (2, minute_stamp(entry.redeemed_at))
    assert entry.redeemed_at >= before


def test_more_than_remaining_is_refused(engine: Engine, sim: Sim) -> None:
    outcome = engine.redeem(PARTLY, 10000)
    assert outcome.status is RedeemStatus.REFUSED
    assert outcome.reason is RefusalReason.CANNOT_REDUCE
    assert "left" in outcome.message
    assert sim.voucher(PARTLY)["current"] == 3250
    assert sim.requests("POST", "/v1/redeem") == []


@pytest.mark.parametrize(("code", "reason"), [
    (COMPLETED, RefusalReason.FULLY_REDEEMED),
    (REFUNDED, RefusalReason.CANCELLED),
    (EXPIRED, RefusalReason.EXPIRED),
    (NOT_YET, RefusalReason.NOT_YET_VALID),
])
def test_unredeemable_vouchers_are_refused(
    engine: Engine, code: str, reason: RefusalReason
) -> None:
    outcome = engine.redeem(code)
    assert outcome.status is RedeemStatus.REFUSED
    assert outcome.reason is reason
    assert engine.entries() == []


def test_single_use_only_whole(engine: Engine, sim: Sim) -> None:
    partial = engine.redeem(SPA_SINGLE, 100)
    assert partial.status is RedeemStatus.REFUSED
    assert engine.redeem(SPA_SINGLE).status is RedeemStatus.APPLIED
    assert engine.redeem(SINGLE).status is RedeemStatus.APPLIED
    assert sim.voucher(SINGLE)["status"] == "completed"
    again = engine.redeem(SINGLE)
    assert again.status is RedeemStatus.REFUSED
    assert again.reason is RefusalReason.FULLY_REDEEMED


def test_zero_and_negative_amounts_never_reach_the_server(engine: Engine, sim: Sim) -> None:
    for amount in (0, -5):
        outcome = engine.redeem(GBP50, amount)
        assert outcome.status is RedeemStatus.REFUSED
        assert outcome.reason is RefusalReason.INVALID_AMOUNT
    assert sim.requests("POST", "/v1/redeem") == []


@pytest.mark.parametrize(("order_total", "says"), [
    (0, "The order total must be more than zero."),
    (10**12 + 1, "The order total is too large."),
])
def test_an_impossible_order_total_is_refused_saying_why(
        engine: Engine, sim: Sim, order_total: int, says: str) -> None:
    outcome = engine.redeem(GBP50, order_total=order_total)
    assert (outcome.status, outcome.reason) == (RedeemStatus.REFUSED,
                                                RefusalReason.INVALID_AMOUNT)
    assert outcome.message == says
    assert sim.requests("POST", "/v1/redeem") == []


def test_race_lost_to_another_till_is_refused_not_a_conflict(
    engine: Engine, sim: Sim
) -> None:
    # Status says £50 left, but another till takes £45 before our POST arrives.
    sim.set_latency(0.0)
    voucher = sim.voucher(GBP50)
    voucher["current"] = 4500
    voucher["redeemHistory"] = [{"redeemAt": "2025-01-01T10:00:00+0000", "amount": 4500}]
    looked = engine.lookup(GBP50)
    assert looked.available == 5000
    sim.add_voucher(voucher)
    outcome = engine.redeem(GBP50, 1000)
    assert outcome.status is RedeemStatus.REFUSED  # the fresh status check catches it
    assert engine.connectivity().conflicts == 0


def test_journal_records_checks_and_redeems(engine: Engine) -> None:
    engine.lookup(GBP50)
    engine.redeem(GBP50, 100)
    actions = [(j.action, j.outcome) for j in engine.recent(5)]
    assert actions == [("redeem", "applied"), ("check", "valid")]


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_online_redemption_on_every_platform(case: VoucherCase, sim_of: Callable[..., Sim],
                                             kiosk_home: Path) -> None:
    """Applied only once the server confirmed it; the server's own reference kept; a discount
    voucher says what the customer pays."""
    server = sim_of(case.platform)
    engine = open_engine(case.spec.sign_in(server.api_url, kiosk_home), kiosk_home)
    try:
        code = case.add(server)
        outcome = case.redeem(engine, code)
        assert outcome.status is RedeemStatus.APPLIED, outcome.message
        assert case.spec.count(server, code) == 1
        entry = engine.outbox.get(outcome.entry_id or "")
        assert entry is not None
        assert entry.state is EntryState.APPLIED
        assert entry.reference  # the server's own (VoucherCart: the minute; ShopWired: marker)
        if case.order_total is not None:
            assert outcome.discount is not None
            assert outcome.to_pay == case.order_total - outcome.discount
            assert "customer pays" in outcome.message
        else:
            assert outcome.amount == case.amount
    finally:
        engine.close()
