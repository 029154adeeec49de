"""Claim groups: a queue of many vouchers with a few entries each is claimed several vouchers
at a time (one fsync per group). A kill between a group's claim and its sends loses and
doubles nothing; a redeem at the till of a voucher waiting in a claimed group takes its
claims back and waits for none of the other vouchers; a pass that stops hands the unsent
claims back unchanged."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk.app import signin
from kiosk.app.engine import Engine
from kiosk.domain.outcomes import EntryState, OutboxEntry, RedeemStatus, UndoStatus
from kiosk.store.database import utc_now
from tests.helpers.cases import PLATFORMS, Platform
from tests.helpers.replay import recover_and_drain, sync_in_background
from tests.helpers.sim import Sim
from tests.helpers.waiting import wait_for


def _queue(engine: Engine, shop: str, platform: Platform, codes: list[str],
           per_voucher: int) -> dict[str, list[OutboxEntry]]:
    """``per_voucher`` offline redemptions of each code, a minute apart and interleaved
    (customers come in any order), as the till queued them."""
    case = platform.case
    start = (datetime.now(UTC) - timedelta(hours=12)).replace(second=0, microsecond=0)
    queued: dict[str, list[OutboxEntry]] = {code: [] for code in codes}
    minute = 0
    for _ in range(per_voucher):
        for code in codes:
            queued[code].append(OutboxEntry(
                id=str(uuid.uuid4()), code=code, domain=shop, amount=case.amount or 1,
                kind="", currency="GBP", redeemed_at=start + timedelta(minutes=minute),
                staff="anna", kiosk_id="test", backend=platform.name,
                state=EntryState.PENDING, offline=True, order_total=case.order_total,
                discount=500 if case.order_total is not None else None))
            minute += 1
    engine.outbox.add_many(e for entries in queued.values() for e in entries)
    return queued


def _wait(condition: Callable[[], bool], timeout: float = 30.0) -> None:
    wait_for(condition, timeout, step=0.02)


def _minutes(moments: Iterable[datetime]) -> list[datetime]:
    return sorted(m.astimezone(UTC).replace(second=0, microsecond=0) for m in moments)


VOUCHERCART = PLATFORMS["vouchercart"]


def test_kill_9_between_a_group_claim_and_its_sends_loses_and_doubles_nothing(
    platform: Platform, server: Sim, platform_account: signin.Account, kiosk_home: Path,
    make_platform_engine: Callable[..., Engine],
) -> None:
    codes = [platform.case.add(server) for _ in range(6)]
    first = make_platform_engine()
    queued = _queue(first, platform_account.shop, platform, codes, 2)
    first.close()
    server.set_latency(0.05, path=platform.write_prefix, method=platform.write_method)
    env = {**os.environ, "KIOSK_HOME": str(kiosk_home), "KIOSK_SECRETS": "file"}
    replay = subprocess.Popen([sys.executable, "-m", "kiosk", "queue", "sync"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        _wait(lambda: sum(platform.count(server, c) for c in codes) >= 2)
        os.kill(replay.pid, signal.SIGKILL)  # the group claimed, its first voucher sent
    finally:
        replay.communicate(timeout=10)
    server.set_latency(0)
    _wait(server.quiet)  # the dead till's last request is over (see test_engine_replay_runs)
    landed = sum(platform.count(server, c) for c in codes)
    assert landed < 12, "the replay finished before the kill: nothing tested"

    engine, recovered = recover_and_drain(make_platform_engine)
    interrupted = {e.code for e in recovered}
    assert len(interrupted) >= 5, "the vouchers' runs are claimed in one group"
    entries = engine.entries(limit=100)
    assert {e.state for e in entries} == {EntryState.APPLIED}
    assert {e.id for e in entries} == {e.id for v in queued.values() for e in v}
    for code in codes:
        assert platform.count(server, code) == 2, code  # each exactly once
    if platform.name == "vouchercart":  # redeemDate = the original time, re-sent or not
        for code in codes:
            history = engine.backend.status(code).history
            assert _minutes(h.at for h in history) == _minutes(e.redeemed_at
                                                               for e in queued[code])


def test_a_till_redeem_of_a_voucher_waiting_in_a_claimed_group_waits_for_none_before_it(
    sim: Sim, account: signin.Account, make_engine: Callable[..., Engine],
) -> None:
    """Its claims are taken back (they never left), its queued entries and the new one go
    out in order at once, with their original times; the pass then skips it."""
    engine = make_engine()
    codes = [VOUCHERCART.case.add(sim) for _ in range(4)]
    queued = _queue(engine, str(account.domain_id), VOUCHERCART, codes, 2)
    last = codes[-1]
    sim.set_latency(0.3, path="/v1/redeem")
    with sync_in_background(engine) as (background, passes):
        _wait(lambda: {e.state for e in engine.entries(limit=20)} == {EntryState.SENDING})
        outcome = engine.redeem(last, 100)  # waiting in the group behind three vouchers
        assert background.is_alive(), "the redeem waited for the vouchers before it"
        assert outcome.status is RedeemStatus.APPLIED
        mine = [e for e in engine.entries(limit=20) if e.code == last]
        assert {e.state for e in mine} == {EntryState.APPLIED}
        assert {e.attempts for e in mine} == {1}  # the taken-back claims did not count
    sim.set_latency(0)
    assert passes[0].applied == 6  # the other three vouchers' entries
    assert {e.state for e in engine.entries(limit=20)} == {EntryState.APPLIED}
    for code in codes:
        history = engine.backend.status(code).history
        times = [e.redeemed_at for e in queued[code]]
        if code == last:
            assert len(history) == 3
            times.append(next(e for e in engine.entries(limit=20)
                              if e.code == last and e.id not in {q.id for q in queued[code]}
                              ).redeemed_at)
        assert _minutes(h.at for h in history) == _minutes(times), code


def test_a_pass_that_stops_hands_every_unsent_claim_of_its_group_back(
    sim: Sim, account: signin.Account, make_engine: Callable[..., Engine],
) -> None:
    engine = make_engine()
    codes = [VOUCHERCART.case.add(sim) for _ in range(4)]
    _queue(engine, str(account.domain_id), VOUCHERCART, codes, 2)
    sim.fail_next(1, mode="json", status=429, path="/v1/redeem")  # rate limited: stop
    report = engine.sync()
    assert (report.failed, report.applied) == (1, 0)
    first, *rest = sorted(engine.entries(limit=20), key=lambda e: e.redeemed_at)
    assert (first.state, first.uncertain, first.attempts) == (EntryState.PENDING, False, 1)
    assert len(rest) == 7
    for entry in rest:  # claimed in the group, never sent: as they were queued
        assert (entry.state, entry.uncertain, entry.attempts) == (EntryState.PENDING, False, 0)
    assert engine.sync().applied == 8
    for code in codes:
        assert len(sim.voucher(code)["redeemHistory"]) == 2


def test_an_undo_of_an_entry_waiting_in_a_claimed_group_cancels_it_never_sent(
    sim: Sim, account: signin.Account, make_engine: Callable[..., Engine],
) -> None:
    """Its claim is taken back, so it is still only queued: cancelled on the till; the
    voucher's other entry still goes out in the same pass."""
    engine = make_engine()
    codes = [VOUCHERCART.case.add(sim) for _ in range(3)]
    now = utc_now()
    queued = [OutboxEntry(id=str(uuid.uuid4()), code=code, domain=str(account.domain_id),
                          amount=100, kind="", currency="GBP",
                          redeemed_at=now - timedelta(seconds=10 - i), staff="anna",
                          kiosk_id="test", backend="vouchercart", state=EntryState.PENDING,
                          offline=True)
              for i, code in enumerate(codes + codes)]  # the last: codes[-1]'s second
    engine.outbox.add_many(queued)
    last = queued[-1]
    sim.set_latency(0.3, path="/v1/redeem")
    with sync_in_background(engine) as (background, passes):
        _wait(lambda: {e.state for e in engine.entries(limit=20)} == {EntryState.SENDING})
        outcome = engine.undo_last(expect=last.id)
        assert outcome.status is UndoStatus.CANCELLED, outcome.message
        assert background.is_alive(), "the undo waited for the vouchers before it"
    sim.set_latency(0)
    assert passes[0].applied == 5
    assert passes[0].remaining == 0
    states = {e.id: e.state for e in engine.entries(limit=20)}
    assert states == {e.id: EntryState.REVERSED if e.id == last.id else EntryState.APPLIED
                      for e in queued}
    assert len(sim.voucher(codes[-1])["redeemHistory"]) == 1  # the cancelled one never left
