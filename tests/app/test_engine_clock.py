"""The till's clock is corrected by the server's ``Date`` header, online and offline (#10.11)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.app import signin
from kiosk.app.engine import Engine
from kiosk.app.shift import shift_start
from kiosk.backends.vouchercart.reconcile import minute
from kiosk.domain.errors import RefusalReason
from kiosk.domain.outcomes import RedeemStatus
from kiosk.store.database import utc_now
from tests.helpers.app import history
from tests.helpers.demo import GBP50
from tests.helpers.sim import Sim

TILL_AHEAD = timedelta(days=365 * 15)  # the till thinks it is 2040-ish


def _engine(account: signin.Account, home: Path, skew: timedelta) -> Engine:
    return Engine(home, signin.open_backend(account, home=home), domain_id=account.domain_id,
                  clock=lambda: utc_now() + skew)


@pytest.fixture
def skewed(account: signin.Account, kiosk_home: Path) -> Iterator[Engine]:
    engine = _engine(account, kiosk_home, TILL_AHEAD)
    yield engine
    engine.close()


def test_till_far_ahead_online_redeems_at_the_servers_time(
    skewed: Engine, sim: Sim
) -> None:
    card = skewed.lookup(GBP50)
    assert card.state.value != "expired", card.message  # the voucher ends in 2035
    outcome = skewed.redeem(GBP50, 300)
    assert outcome.status is RedeemStatus.APPLIED, outcome.message
    [entry] = skewed.entries()
    assert abs(entry.redeemed_at - utc_now()) < timedelta(minutes=1)
    [(amount, at)] = history(sim, GBP50)
    assert amount == 300
    assert at.startswith(f"{minute(entry.redeemed_at):%Y-%m-%dT%H:%M}")
    assert "behind" in skewed.connectivity().clock_warning or \
        "ahead" in skewed.connectivity().clock_warning


def test_offline_after_a_restart_still_uses_the_measured_offset(
    account: signin.Account, kiosk_home: Path
) -> None:
    first = _engine(account, kiosk_home, TILL_AHEAD)
    first.lookup(GBP50)
    first.close()
    again = _engine(account, kiosk_home, TILL_AHEAD)
    try:
        again.set_offline_override(True)
        outcome = again.redeem(GBP50, 200)
        assert outcome.status is RedeemStatus.QUEUED, outcome.message
        [entry] = again.entries()
        assert abs(entry.redeemed_at - utc_now()) < timedelta(minutes=1)
    finally:
        again.close()


@pytest.mark.parametrize("skew", [
    datetime(1970, 1, 1, tzinfo=UTC) - utc_now(),  # a dead RTC battery
    -timedelta(hours=2),  # went back in time since the server was last heard
    timedelta(days=400),  # far past what the server last said
], ids=["1970", "backwards", "far-ahead"])
def test_offline_stamp_outside_the_sane_window_is_refused(
    account: signin.Account, kiosk_home: Path, sim: Sim, skew: timedelta
) -> None:
    honest = _engine(account, kiosk_home, timedelta())
    honest.lookup(GBP50)  # the server was heard now
    honest.close()
    sim.stop()  # offline from here on: no offset can be measured again
    broken = Engine(kiosk_home, signin.open_backend(account, home=kiosk_home),
                    domain_id=account.domain_id, clock=lambda: utc_now() + skew)
    try:
        broken.till_clock._saved_offset = None  # as if this till never measured an offset
        outcome = broken.redeem(GBP50, 200)
        assert outcome.status is RedeemStatus.REFUSED
        assert outcome.reason is RefusalReason.CLOCK_WRONG
        assert broken.entries() == []
    finally:
        broken.close()


def test_simulator_date_header_follows_its_clock(sim: Sim) -> None:
    import httpx

    sim.set_clock("2031-05-06T07:08:09+0000", frozen=True)
    answer = httpx.get(f"{sim.base_url}/_sim/health")
    assert answer.headers["date"] == "Tue, 06 May 2031 07:08:09 GMT"


@pytest.fixture
def london() -> Iterator[None]:
    """The till's time zone is Europe/London (clocks change in March and October)."""
    before = os.environ.get("TZ")
    os.environ["TZ"] = "Europe/London"
    time.tzset()
    yield
    if before is None:
        del os.environ["TZ"]
    else:
        os.environ["TZ"] = before
    time.tzset()


@pytest.mark.parametrize(("now", "midnight"), [
    ("2026-10-25T12:00:00+00:00", "2026-10-24T23:00:00+00:00"),  # BST ended at 02:00 today
    ("2026-03-29T12:00:00+00:00", "2026-03-29T00:00:00+00:00"),  # BST began at 01:00 today
    ("2026-07-01T12:00:00+00:00", "2026-06-30T23:00:00+00:00"),
])
def test_a_shift_starts_at_local_midnight_on_the_days_the_clocks_change(
    make_engine: Callable[..., Engine], london: None, now: str, midnight: str
) -> None:
    # Undo, the offline cap per shift and the Z report count from local midnight: on the days
    # the clocks change, today's midnight had yesterday's offset, not the one of "now".
    at = datetime.fromisoformat(now)
    engine = make_engine(clock=lambda: at)
    expected = datetime.fromisoformat(midnight)
    assert engine.shift_started() == expected
    assert shift_start(engine, at) == expected


def test_a_till_clock_set_right_while_offline_is_not_corrected_twice(
    account: signin.Account, kiosk_home: Path, sim: Sim
) -> None:
    # The till's clock runs an hour fast; the server's Date header measured that. Then the
    # clock is set right (NTP) while the network is down: the old offset must not be applied
    # on top, or every offline redemption is refused ("went back in time") or mis-stamped.
    skew = [timedelta(hours=1)]
    engine = Engine(kiosk_home, signin.open_backend(account, home=kiosk_home),
                    domain_id=account.domain_id, clock=lambda: utc_now() + skew[0])
    try:
        engine.lookup(GBP50)
        assert "ahead" in engine.connectivity().clock_warning
        sim.stop()
        skew[0] = timedelta()  # the clock is set right
        outcome = engine.redeem(GBP50, 200)
        assert outcome.status is RedeemStatus.QUEUED, outcome.message
        [entry] = engine.entries()
        assert abs(entry.redeemed_at - utc_now()) < timedelta(minutes=1), entry.redeemed_at
        assert engine.connectivity().clock_warning == ""
    finally:
        engine.close()
