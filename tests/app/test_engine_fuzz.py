"""Hypothesis fuzz of codes and amounts through the real engine and simulator.

Whatever is typed or scanned: no crash, no negative or over-limit redemption, and the
server's balance moves by exactly what the engine reported as applied.
"""

from __future__ import annotations

from collections import Counter

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.app.engine import Engine
from kiosk.domain.outcomes import RedeemStatus
from tests.helpers.demo import GBP50, PARTLY, QUANTITY, SINGLE, SPA_SINGLE
from tests.helpers.sim import Sim

REAL = (GBP50, PARTLY, QUANTITY, SINGLE, SPA_SINGLE)
codes = st.one_of(
    st.sampled_from(REAL),
    st.sampled_from(REAL).map(lambda c: f"  {c.lower()}\t"),
    st.text(max_size=300),
)
amounts = st.one_of(st.none(), st.integers(-(10**15), 10**15), st.integers(-2, 3000))


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(code=codes, amount=amounts)
def test_fuzzed_redeems_never_overdraw(
    engine: Engine, sim: Sim, code: str, amount: int | None
) -> None:
    before = {c: sim.voucher(c)["current"] for c in REAL}
    outcome = engine.redeem(code, amount)
    assert outcome.status in (RedeemStatus.APPLIED, RedeemStatus.REFUSED)
    taken = Counter({c: sim.voucher(c)["current"] - before[c] for c in REAL})
    for real in REAL:
        voucher = sim.voucher(real)
        assert 0 <= voucher["current"] <= voucher["stock"]
    if outcome.status is RedeemStatus.APPLIED:
        assert outcome.amount > 0
        assert +taken == Counter({outcome.code: outcome.amount})
        if amount is not None:
            assert outcome.amount == amount
    else:
        assert +taken == Counter()
        assert outcome.message


@settings(max_examples=60, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(code=st.text(max_size=200))
def test_fuzzed_lookups_never_crash(engine: Engine, code: str) -> None:
    lookup = engine.lookup(code)
    assert lookup.available >= 0
    assert lookup.message
