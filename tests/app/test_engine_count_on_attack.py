"""Attacks on counting on from the voucher's cached line (docs/engine.md, "Counting on from the
cached line"): what a till shows and trusts offline after a pass counted on from an older read,
against the real simulator and real SQLite."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.app.engine import Engine
from kiosk.domain.outcomes import EntryState, OutboxEntry, RedeemStatus
from kiosk.domain.policy import with_queued
from kiosk.sync.replay import CLAIM_RUN
from tests.app.conftest import open_engine
from tests.helpers.cases import PLATFORMS, Platform
from tests.helpers.mangler import ManglingProxy, Rule, dropping, mangling
from tests.helpers.replay import drain, sync_in_background
from tests.helpers.sim import Sim

COUNT_ON = [PLATFORMS["vouchers-api"], PLATFORMS["vauchar"]]


def _wait(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


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
    with sync_in_background(platform_engine) as (background, passes):
        _wait(lambda: faults.delayed >= 1)
        platform_engine.lookup(code)  # while the write is on its way
        background.join(timeout=30)
    assert [p.applied for p in passes] == [1]
    real = _real_remaining(other_till, code)
    trusted = _trusted_remaining(platform_engine, code)
    assert trusted <= real, f"the offline check would allow {trusted}, the server has {real}"


def _queue_many(engine: Engine, platform: Platform, shop: str, code: str,
                count: int) -> list[str]:
    """``count`` offline redemptions of ``code`` as the till queued them, a minute apart."""
    case = platform.case
    start = datetime.now(UTC) - timedelta(hours=3)
    ids = [str(uuid.uuid4()) for _ in range(count)]
    engine.outbox.add_many(
        OutboxEntry(id=ids[i], code=code, domain=shop, amount=case.amount or 1,
                    kind="monetary", currency="GBP", redeemed_at=start + timedelta(minutes=i),
                    staff="anna", kiosk_id="test", backend=platform.name,
                    state=EntryState.PENDING, offline=True)
        for i in range(count))
    return ids


def _kiosk(home: Path, *args: str) -> subprocess.Popen[str]:
    env = {**os.environ, "KIOSK_HOME": str(home), "KIOSK_SECRETS": "file"}
    return subprocess.Popen([sys.executable, "-m", "kiosk", *args], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


@pytest.mark.parametrize("platform", [PLATFORMS["vauchar"]], ids=["vauchar"])
def test_kill_9_after_a_second_run_of_one_voucher_keeps_the_line_with_its_marks(
    platform: Platform, server: Sim, kiosk_home: Path
) -> None:
    """More than ``CLAIM_RUN`` entries of one voucher: the first run's applied marks are
    saved with the second run's claim. Killed then, the restarted till, offline, must not
    trust the line from before the first run with those entries no longer queued."""
    with mangling(server.base_url) as proxy:
        account = platform.sign_in(proxy.url(""), kiosk_home)
        engine = open_engine(account, kiosk_home, settle_seconds=0.0)
        code = platform.case.add(server)
        engine.lookup(code)
        ids = _queue_many(engine, platform, account.shop, code, CLAIM_RUN + 3)
        engine.close()
        # The second run's first write lands, and its answer dribbles: killed meanwhile.
        proxy.add(Rule(platform.write_prefix, "trickle", method="POST", skip=CLAIM_RUN,
                       interval=1.0))
        replay = _kiosk(kiosk_home, "queue", "sync")
        try:
            _wait(lambda: any(seen[2] == "trickle" for seen in proxy.seen)
                  and platform.count(server, code) > CLAIM_RUN, timeout=60)
            os.kill(replay.pid, signal.SIGKILL)
        finally:
            replay.communicate(timeout=10)
        _wait(lambda: server.simulator.in_flight == 0)
        assert platform.count(server, code) == CLAIM_RUN + 1
        engine = open_engine(account, kiosk_home, settle_seconds=0.0)
        try:
            trusted = _trusted_remaining(engine, code)
            line = engine.cache.get(code)
            assert line is not None
            real_left = line.voucher.total - (CLAIM_RUN + 1) * (platform.case.amount or 1)
            assert trusted <= real_left, \
                f"offline the till would allow {trusted}, the server has {real_left}"
            drain(engine, 3)
            assert {e.state for e in engine.entries(limit=500)} == {EntryState.APPLIED}
            assert len(engine.entries(limit=500)) == len(ids)
            assert platform.count(server, code) == len(ids)
        finally:
            engine.close()


VAUCHAR = PLATFORMS["vauchar"]


@pytest.mark.parametrize("platform", [VAUCHAR], ids=["vauchar"])
@pytest.mark.parametrize("after", [{"currency": "JPY"},
                                   {"value_unit": "percentage", "value": "10"}],
                         ids=["new-currency", "now-a-percentage"])
def test_a_gift_voucher_made_again_with_other_terms_is_not_charged_in_them(
    platform: Platform, server: Sim, platform_engine: Engine, after: dict[str, str]
) -> None:
    """Vauchar: deleted and made again under the same code (a new id) in another currency,
    or as a percentage discount. The £1.00 queued on the line is refused there (the old id
    is gone) and read for real: it must be a conflict, never ¥100 or a discount's one use
    taken for what the customer was promised in pounds."""
    code = platform.case.add(server)
    platform_engine.lookup(code)
    _queue(platform_engine, platform, code)
    snapshot = platform.snapshot(server, code)
    platform.withdraw(server, code, "deleted")
    server.add_voucher({**snapshot, **after, "id": "vcr-made-again", "redemptions": []})
    report = platform_engine.sync()
    assert platform.count(server, code) == 0, \
        f"taken on the new voucher: {platform.snapshot(server, code)['redemptions']}"
    assert (report.applied, report.rejected) == (0, 1), report.error


def _small(platform: Platform, server: Sim, code: str) -> str:
    """A voucher with room for one of ``platform.case``'s redemptions, not two."""
    if platform.name == "vauchar":
        server.add_voucher({"voucher_code": code, "currency": "GBP", "value": "1.50",
                            "value_unit": "fixed"})
    else:
        server.add_voucher({"code": code, "type": "fixed", "value": 500,
                            "conditions": {"max_uses": 1}})
    return code


@pytest.mark.parametrize("platform", COUNT_ON, ids=[p.name for p in COUNT_ON])
def test_two_tills_replaying_one_voucher_on_their_lines_never_take_more_than_it_has(
    platform: Platform, server: Sim, platform_engine: Engine, other_till: Engine
) -> None:
    """Both tills checked the voucher, both queued a redemption offline that fits alone, not
    together. Each replays on its own line: the second is refused on its line, read for
    real and refused again (a conflict), and its line is that read."""
    code = _small(platform, server, "TWO-TILLS-0001-0000")
    for till in (platform_engine, other_till):
        till.lookup(code)
        _queue(till, platform, code)
    assert platform_engine.sync().applied == 1
    report = other_till.sync()
    assert (report.applied, report.rejected) == (0, 1), report.error
    assert platform.count(server, code) == 1
    line = other_till.cache.get(code)
    assert line is not None
    assert (line.counted, line.voucher.remaining) == (0, 0 if platform.name == "vouchers-api"
                                                     else 50)
    # The first till's line, counted on, misses nothing: the other till's use never landed.
    assert _trusted_remaining(platform_engine, code) == _real_remaining(other_till, code)


@pytest.mark.parametrize("platform", COUNT_ON, ids=[p.name for p in COUNT_ON])
def test_a_refusal_on_the_line_with_the_read_failing_is_sent_again_later_not_doubted(
    platform: Platform, server: Sim, platform_engine: Engine
) -> None:
    """Refused on the line, and the real read after it fails (a 502 page): the entry goes
    back to pending (the refusal said it did not land), the voucher waits; the next pass
    refuses it for good. Nothing lands, nothing is marked uncertain."""
    code = platform.case.add(server)
    platform_engine.lookup(code)
    _queue(platform_engine, platform, code)
    platform.withdraw(server, code, "deactivated")
    read = "/vouchers/validate" if platform.name == "vauchar" else "/v1/vouchers"
    server.fail_next(1, "html", path=read, method="GET")
    report = platform_engine.sync()
    assert (report.applied, report.rejected, report.failed) == (0, 0, 1)
    (entry,) = platform_engine.outbox.open_entries(code)
    assert (entry.state, entry.uncertain) == (EntryState.PENDING, False)
    report = platform_engine.sync()
    assert (report.applied, report.rejected) == (0, 1), report.error
    assert platform.count(server, code) == 0


@pytest.mark.parametrize("platform", COUNT_ON, ids=[p.name for p in COUNT_ON])
@pytest.mark.parametrize("fault", ["drop", "html-after"])
def test_a_lost_answer_to_a_counted_on_write_is_confirmed_once(
    platform: Platform, server: Sim, platform_engine: Engine, fault: str
) -> None:
    """The write sent on the line lands and its answer is lost (cut, or a gateway's 502
    page after the server applied it): uncertain, confirmed against the server, never sent
    again; the next entry is counted on from the read that confirmed it."""
    code = platform.case.add(server)
    platform_engine.lookup(code)
    seen = platform_engine.cache.get(code)
    assert seen is not None
    _queue(platform_engine, platform, code)
    _queue(platform_engine, platform, code)
    if fault == "drop":
        server.drop_next(1)
    else:
        server.fail_next(1, "html", path=platform.write_path(server, code),
                         method=platform.write_method, after=True)
    drain(platform_engine, 3)
    assert platform.count(server, code) == 2
    assert len(platform.writes(server, code)) == 2, "never re-sent"
    assert not platform_engine.outbox.open_entries(code)
    line = platform_engine.cache.get(code)
    assert line is not None
    units = platform.case.amount or 1
    assert line.voucher.used - seen.voucher.used == 2 * units
    assert line.seen_at > seen.seen_at  # the confirming read


@pytest.mark.parametrize("platform", COUNT_ON, ids=[p.name for p in COUNT_ON])
def test_a_line_older_than_the_offline_checks_trust_is_read_not_counted_on(
    platform: Platform, server: Sim, platform_engine: Engine
) -> None:
    """A line read longer ago than ``offline_seen_within_hours`` (72 h) is not sent on: the
    voucher is read first, and the line saved is that read."""
    code = platform.case.add(server)
    platform_engine.lookup(code)
    old = platform_engine.cache.get(code)
    assert old is not None
    _queue(platform_engine, platform, code)
    aged = old.seen_at - timedelta(hours=73)
    platform_engine.cache.put(old.voucher, aged, code)
    before = len(server.requests())
    assert platform_engine.sync().applied == 1
    assert len(server.requests()) - before > 1, "read before (or after) the write"
    line = platform_engine.cache.get(code)
    assert line is not None
    assert line.counted == 0
    assert line.seen_at > old.seen_at


@pytest.mark.parametrize("platform", [VAUCHAR], ids=["vauchar"])
def test_a_group_voucher_the_till_redeems_meanwhile_is_sent_once_on_a_fresh_read(
    platform: Platform, server: Sim, platform_engine: Engine
) -> None:
    """Two checked vouchers queued offline are claimed in one group with their lines. While
    the first one's write is on its way, staff redeem the second at the counter: the till
    takes its claim over and sends its queued entry and the new one on a fresh read; the
    pass then sends nothing more of it, nor saves the group's older line over that read."""
    first, second = platform.case.add(server), platform.case.add(server)
    for code in (first, second):
        platform_engine.lookup(code)
        _queue(platform_engine, platform, code)
    old = platform_engine.cache.get(second)
    assert old is not None
    server.set_latency(1.0, count=1, path=platform.write_path(server, first), method="POST")
    faults = server.simulator.faults
    with sync_in_background(platform_engine) as (background, passes):
        _wait(lambda: faults.delayed >= 1)
        outcome = platform.case.redeem(platform_engine, second)
        background.join(timeout=30)
    assert outcome.status is RedeemStatus.APPLIED, outcome.message
    assert [p.applied for p in passes] == [1]  # the first voucher's; the second's went with
    assert (platform.count(server, first), platform.count(server, second)) == (1, 2)
    assert not platform_engine.outbox.open_entries()
    line = platform_engine.cache.get(second)
    assert line is not None
    assert line.seen_at > old.seen_at, "the group's older line saved over the till's read"
    assert line.voucher.used - old.voucher.used == 2 * (platform.case.amount or 1)


@pytest.mark.parametrize("platform", COUNT_ON, ids=[p.name for p in COUNT_ON])
def test_kill_9_while_a_counted_on_write_is_answered_loses_and_doubles_nothing(
    platform: Platform, server: Sim, kiosk_home: Path
) -> None:
    """Three redemptions queued on a checked voucher; the pass is killed while the second
    write's answer is on its way (the server applied it). Restarted offline, the till trusts
    no more than the server has; back online, each lands exactly once."""
    prefix = "/v1" if platform.name == "vouchers-api" else ""
    with mangling(server.base_url) as proxy:
        account = platform.sign_in(proxy.url(prefix), kiosk_home)
        engine = open_engine(account, kiosk_home, settle_seconds=0.0)
        code = platform.case.add(server)
        engine.lookup(code)
        for _ in range(3):
            _queue(engine, platform, code)
        engine.close()
        proxy.add(Rule(platform.write_prefix, "trickle", method="POST", skip=1, interval=1.0))
        replay = _kiosk(kiosk_home, "queue", "sync")
        try:
            _wait(lambda: any(seen[2] == "trickle" for seen in proxy.seen)
                  and platform.count(server, code) == 2, timeout=60)
            os.kill(replay.pid, signal.SIGKILL)
        finally:
            replay.communicate(timeout=10)
        _wait(lambda: server.simulator.in_flight == 0)
        engine = open_engine(account, kiosk_home, settle_seconds=0.0)
        try:
            line = engine.cache.get(code)
            assert line is not None
            units = platform.case.amount or 1
            real_left = line.voucher.total - line.voucher.used - 2 * units
            assert _trusted_remaining(engine, code) <= real_left
            drain(engine, 3)
            assert {e.state for e in engine.entries(limit=10)} == {EntryState.APPLIED}
            assert platform.count(server, code) == 3
        finally:
            engine.close()


@contextmanager
def till_behind_proxy(platform: Platform, server: Sim,
                      home: Path) -> Iterator[tuple[Engine, ManglingProxy, str]]:
    """A till signed in through a mangling proxy to ``server``: the engine, the proxy and the
    platform's API prefix on it; the engine closed at the end."""
    prefix = "/v1" if platform.name == "vouchers-api" else ""
    with mangling(server.base_url) as proxy:
        engine = open_engine(platform.sign_in(proxy.url(prefix), home), home,
                             settle_seconds=0.0)
        try:
            yield engine, proxy, prefix
        finally:
            engine.close()


@pytest.mark.parametrize("platform", COUNT_ON, ids=[p.name for p in COUNT_ON])
def test_a_partial_answer_with_the_read_after_it_failing_is_confirmed_not_resent(
    platform: Platform, server: Sim, kiosk_home: Path
) -> None:
    """The write sent on the line lands, its answer leaves out when it was made (so the
    voucher is read, not counted on), and that read fails: the write happened, so the entry
    is uncertain and confirmed against the server, never sent again nor refused."""
    with till_behind_proxy(platform, server, kiosk_home) as (engine, proxy, prefix):
        code = platform.case.add(server)
        engine.lookup(code)
        _queue(engine, platform, code)
        path, key = (("/v1/vouchers/apply", "applied_at") if platform.name == "vouchers-api"
                     else ("/vouchers/", "created"))
        proxy.add(Rule(path, "rewrite", method="POST", rewrite=dropping(key)))
        proxy.add(Rule(prefix + "/vouchers", "status", method="GET", status=502))
        report = engine.sync()
        assert (report.applied, report.rejected) == (0, 0)
        (entry,) = engine.outbox.open_entries(code)
        assert entry.uncertain
        drain(engine, 3)
        assert platform.count(server, code) == 1
        assert len(platform.writes(server, code)) == 1, "never re-sent"
        assert {e.state for e in engine.entries(limit=10)} == {EntryState.APPLIED}


@pytest.mark.parametrize("platform", COUNT_ON, ids=[p.name for p in COUNT_ON])
def test_a_garbled_200_to_a_counted_on_write_is_confirmed_not_resent(
    platform: Platform, server: Sim, kiosk_home: Path
) -> None:
    """The server applies the write sent on the line and a 200 that is not JSON comes back:
    uncertain, confirmed against the server, never sent again; the line is the read that
    confirmed it, not one counted on from nothing."""
    with till_behind_proxy(platform, server, kiosk_home) as (engine, proxy, _prefix):
        code = platform.case.add(server)
        engine.lookup(code)
        seen = engine.cache.get(code)
        assert seen is not None
        _queue(engine, platform, code)
        proxy.add(Rule(platform.write_prefix, "status", method="POST", status=200,
                       body=b'{"id": "res-1", "value_used": ', content_type="application/json"))
        assert engine.sync().applied == 0
        drain(engine, 3)
        assert platform.count(server, code) == 1
        assert len(platform.writes(server, code)) == 1, "never re-sent"
        line = engine.cache.get(code)
        assert line is not None
        assert (line.counted, line.seen_at > seen.seen_at) == (0, True)
        assert line.voucher.used - seen.voucher.used == (platform.case.amount or 1)
