"""Attacks on counting on from the voucher's cached line (docs/engine.md, "Counting on from the
cached line"): what a till shows and trusts offline after a pass counted on from an older read,
against the real simulator and real SQLite."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.app.engine import Engine
from kiosk.domain.outcomes import RedeemStatus
from kiosk.domain.policy import with_queued
from tests.app.conftest import open_engine
from tests.helpers.cases import PLATFORMS, Platform
from tests.helpers.sim import Sim

COUNT_ON = [PLATFORMS["vouchers-api"], PLATFORMS["vauchar"]]


def _wait(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


@pytest.fixture
def other_till(platform: Platform, server: Sim, tmp_path: Path) -> Iterator[Engine]:
    """Another till of the same shop, signed in on its own data folder."""
    home = tmp_path / "other-till"
    engine = open_engine(platform.sign_in(server.api_url, home), home, settle_seconds=0.0)
    yield engine
    engine.close()


def _queue(engine: Engine, platform: Platform, code: str) -> None:
    engine.set_offline_override(True)
    outcome = platform.case.redeem(engine, code)
    engine.set_offline_override(None)
    assert outcome.status is RedeemStatus.QUEUED, outcome.message


def _trusted_remaining(engine: Engine, code: str) -> int:
    """What the till's offline check would still allow on ``code``: its cached line minus
    what it has queued and not sent."""
    line = engine.cache.get(code)
    assert line is not None
    return with_queued(line.voucher, engine.outbox.queued_amount(code)).remaining


def _real_remaining(server_till: Engine, code: str) -> int:
    voucher = server_till.lookup(code).voucher
    assert voucher is not None
    return voucher.remaining


@pytest.mark.parametrize("platform", COUNT_ON, ids=[p.name for p in COUNT_ON])
def test_a_look_up_during_a_counted_on_send_is_not_undone_by_the_older_line(
    platform: Platform, server: Sim, platform_engine: Engine, other_till: Engine
) -> None:
    """Staff look the voucher up while the pass is sending its queued redemption on the
    line read before the outage: the look-up reads another till's use meanwhile. The line
    the pass counted on (older, without that use) must not replace what the look-up read,
    else the offline check trusts a balance the till already knew was gone."""
    code = platform.case.add(server)
    platform_engine.lookup(code)
    _queue(platform_engine, platform, code)
    taken = platform.case.redeem(other_till, code)
    assert taken.status is RedeemStatus.APPLIED, taken.message
    server.set_latency(1.0, count=1, path=platform.write_path(server, code), method="POST")
    faults = server.simulator.faults
    done = threading.Event()
    thread = threading.Thread(target=lambda: (platform_engine.sync(), done.set()))
    thread.start()
    try:
        _wait(lambda: faults.delayed >= 1)
        platform_engine.lookup(code)  # while the write is on its way
        thread.join(timeout=30)
        assert done.is_set()
    finally:
        thread.join(timeout=30)
    real = _real_remaining(other_till, code)
    trusted = _trusted_remaining(platform_engine, code)
    assert trusted <= real, f"the offline check would allow {trusted}, the server has {real}"
