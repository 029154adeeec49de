"""Offline queueing, replay with the original minute, lost answers and server faults."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.app import signin
from kiosk.app.engine import Engine
from kiosk.backends.vouchercart.models import Tokens
from kiosk.domain.errors import RefusalReason
from kiosk.domain.outcomes import EntryState, RedeemStatus
from kiosk.store.secrets import open_secrets
from tests.app.conftest import open_engine
from tests.helpers.app import history, make_voucher, minute_stamp
from tests.helpers.cases import CASES, Platform, VoucherCase
from tests.helpers.demo import GBP50, PARTLY, QUANTITY
from tests.helpers.replay import drain
from tests.helpers.sim import Sim
from tests.helpers.waiting import wait_for


def test_offline_queue_then_replay_with_original_minute(engine: Engine, sim: Sim) -> None:
    assert engine.lookup(PARTLY).available == 6750  # seen: cached
    engine.set_offline_override(True)
    offline = engine.lookup(PARTLY)
    assert offline.offline
    first = engine.redeem(PARTLY, 1000)
    second = engine.redeem(PARTLY, 1000)
    assert (first.status, second.status) == (RedeemStatus.QUEUED, RedeemStatus.QUEUED)
    assert second.voucher is not None
    assert second.voucher.remaining == 4750
    assert engine.lookup(PARTLY).available == 4750  # cache minus what is queued
    assert engine.connectivity().pending == 2
    assert sim.requests("POST", "/v1/redeem") == []
    engine.set_offline_override(None)
    report = engine.sync()
    assert (report.applied, report.remaining) == (2, 0)
    stamps = [minute_stamp(e.redeemed_at) for e in reversed(engine.entries())]
    assert history(sim, PARTLY)[-2:] == [(1000, stamps[0]), (1000, stamps[1])]
    assert sim.voucher(PARTLY)["current"] == 3250 + 2000


def test_offline_refuses_unseen_and_more_than_cached(engine: Engine) -> None:
    engine.lookup(QUANTITY)
    engine.set_offline_override(True)
    unseen = engine.redeem(GBP50, 100)
    assert unseen.status is RedeemStatus.REFUSED
    assert unseen.reason is RefusalReason.OFFLINE_UNSEEN
    too_much = engine.redeem(QUANTITY, 4)
    assert too_much.status is RedeemStatus.REFUSED
    assert engine.redeem(QUANTITY).amount == 3  # everything left
    assert engine.redeem(QUANTITY).status is RedeemStatus.REFUSED  # nothing left once queued




def test_lost_answer_after_apply_redeems_exactly_once(engine: Engine, sim: Sim) -> None:
    sim.drop_next(1)
    outcome = engine.redeem(GBP50, 700)
    # The answer was lost, but the history shows it: applied, not re-sent.
    assert outcome.status is RedeemStatus.APPLIED
    assert engine.entries()[0].state is EntryState.APPLIED
    engine.sync()
    assert len(sim.requests("POST", "/v1/redeem")) == 1
    assert history(sim, GBP50) == [(700, minute_stamp(engine.entries()[0].redeemed_at))]


def test_lost_answers_for_equal_amounts_in_one_minute_count_twice(
    engine: Engine, sim: Sim
) -> None:
    first = engine.redeem(GBP50, 100)
    assert first.status is RedeemStatus.APPLIED
    sim.drop_next(1)
    second = engine.redeem(GBP50, 100)  # same amount, (almost surely) same minute
    assert second.status is RedeemStatus.APPLIED
    sim.drop_next(1)
    third = engine.redeem(GBP50, 100)
    assert third.status is RedeemStatus.APPLIED
    engine.sync()
    assert sim.voucher(GBP50)["current"] == 300
    assert len(sim.requests("POST", "/v1/redeem")) == 3




def test_expired_but_in_window_replays_with_redeem_date(engine: Engine, sim: Sim) -> None:
    code = sim.add_voucher(make_voucher("SOON-EXPI-RING-0001", valid_for=timedelta(hours=1)))
    engine.lookup(code)
    engine.set_offline_override(True)
    assert engine.redeem(code, 2000).status is RedeemStatus.QUEUED
    sim.set_clock(offset=2 * 86400)  # the voucher has expired on the server by now
    engine.set_offline_override(None)
    report = engine.sync()
    assert report.applied == 1, report
    assert sim.voucher(code)["current"] == 2000


def test_cancelled_while_queued_becomes_a_conflict(engine: Engine, sim: Sim) -> None:
    code = sim.add_voucher(make_voucher("CANC-ELLE-D000-0001"))
    engine.lookup(code)
    engine.set_offline_override(True)
    entry_id = engine.redeem(code, 1000).entry_id
    voucher = sim.voucher(code)
    voucher["status"] = "refunded"
    sim.add_voucher(voucher)
    engine.set_offline_override(None)
    assert engine.sync().rejected == 1
    assert engine.connectivity().conflicts == 1
    [conflict] = engine.entries([EntryState.REJECTED])
    assert conflict.id == entry_id
    assert conflict.reason == RefusalReason.CANCELLED.value
    retry = engine.retry_conflict(conflict.id)
    assert retry.status is RedeemStatus.REFUSED  # still cancelled
    engine.write_off(conflict.id, "customer refunded at the desk")
    assert engine.connectivity().conflicts == 0
    assert engine.entries([EntryState.WRITTEN_OFF])[0].note == "customer refunded at the desk"


def test_conflict_retried_with_the_remaining_balance(engine: Engine, sim: Sim) -> None:
    code = sim.add_voucher(make_voucher("PART-IALC-ONFL-ICT1", stock=3000))
    engine.lookup(code)
    engine.set_offline_override(True)
    entry_id = engine.redeem(code, 2500).entry_id
    voucher = sim.voucher(code)
    voucher["current"] = 1000  # another till took £10 meanwhile
    sim.add_voucher(voucher)
    engine.set_offline_override(None)
    assert engine.sync().rejected == 1
    assert entry_id is not None
    outcome = engine.retry_conflict(entry_id)
    assert outcome.status is RedeemStatus.APPLIED
    assert outcome.amount == 2000
    assert sim.voucher(code)["current"] == 3000
    assert engine.outbox.get(entry_id).state is EntryState.WRITTEN_OFF  # type: ignore[union-attr]


def test_token_expiry_mid_replay_refreshes(engine: Engine, sim: Sim) -> None:
    engine.lookup(GBP50)
    engine.lookup(PARTLY)
    engine.set_offline_override(True)
    for code in (GBP50, PARTLY, GBP50):
        assert engine.redeem(code, 100).status is RedeemStatus.QUEUED
    sim.set_clock(offset=3 * 86400)  # every access token has expired
    engine.set_offline_override(None)
    report = engine.sync()
    assert (report.applied, report.remaining, report.auth_required) == (3, 0, False)
    assert sim.voucher(GBP50)["current"] == 200


def test_expired_session_stops_replay_and_keeps_entries(
    make_engine: Callable[..., Engine], sim: Sim, kiosk_home: Path
) -> None:
    engine = make_engine()
    engine.lookup(GBP50)
    engine.set_offline_override(True)
    engine.redeem(GBP50, 100)
    engine.set_offline_override(None)  # "work offline" would be restored on the next open
    engine.close()
    secrets = open_secrets(kiosk_home)
    saved = signin.SecretTokens(secrets).load()
    assert saved is not None
    signin.SecretTokens(secrets).save(Tokens(saved.access_token, "RTspent", saved.identified_by))
    sim.set_clock(offset=3 * 86400)
    engine = make_engine()
    report = engine.sync()
    assert report.auth_required
    assert engine.connectivity().auth_required
    assert [e.state for e in engine.entries()] == [EntryState.PENDING]
    assert {r["status"] for r in sim.requests("POST", "/v1/redeem")} <= {401}
    assert sim.voucher(GBP50)["current"] == 0
    # Offline redemptions still queue while signed out. (The till judges the cache's age by
    # the server's clock, which this test moved three days on: accept any age here.)
    engine.settings.offline_seen_within_hours = 0
    assert engine.redeem(GBP50, 100).status is RedeemStatus.QUEUED



# --- every platform: nothing lost, nothing doubled -----------------------------------------------
# The same test bodies on VoucherCart, Vouchers API, Vauchar and ShopWired (``platform``,
# ``server``, ``platform_engine``: tests/app/conftest.py); what differs is read from the
# platform's ``Capabilities``. "Counted" is what the server holds: history lines, uses,
# redemptions (``Platform.count``).

WRITE_FAULTS = [(status, mode) for status in (500, 502, 503, 504) for mode in ("json", "html")]
WRITE_FAULTS.append((302, "redirect"))  # to a login page (HTML), as a captive proxy does


def _applied(engine: Engine, entry_id: str | None) -> None:
    entry = engine.outbox.get(entry_id or "")
    assert entry is not None
    assert entry.state is EntryState.APPLIED, (entry.state, entry.last_error)


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_offline_queue_then_replayed_once(case: VoucherCase, sim_of: Callable[..., Sim],
                                          kiosk_home: Path) -> None:
    server = sim_of(case.platform)
    engine = open_engine(case.spec.sign_in(server.api_url, kiosk_home), kiosk_home,
                         settle_seconds=0.0)
    try:
        code = case.add(server)
        assert engine.lookup(code).voucher is not None  # seen: the offline policy allows it
        engine.set_offline_override(True)
        times = 2 if case.repeatable else 1
        queued = [case.redeem(engine, code) for _ in range(times)]
        assert {q.status for q in queued} == {RedeemStatus.QUEUED}, queued[-1].message
        assert case.spec.writes(server, code) == []
        assert engine.connectivity().pending == times
        engine.set_offline_override(None)
        report = engine.sync()
        assert (report.applied, report.remaining) == (times, 0)
        assert case.spec.count(server, code) == times
        engine.sync()
        assert case.spec.count(server, code) == times
        assert len(case.spec.writes(server, code)) == times
        for outcome in queued:
            _applied(engine, outcome.entry_id)
    finally:
        engine.close()


def test_server_down_then_back_on_the_same_db(platform: Platform, server: Sim,
                                              platform_engine: Engine) -> None:
    case = platform.case
    code = case.add(server)
    platform_engine.lookup(code)
    server.stop()  # connection refused: nothing left the till
    outcome = case.redeem(platform_engine, code)
    assert outcome.status is RedeemStatus.QUEUED, outcome.message
    assert platform_engine.sync().remaining == 1
    server.start()  # the same database on the same port
    assert platform_engine.sync().applied == 1
    assert platform.count(server, code) == 1
    assert platform_engine.connectivity().online
    _applied(platform_engine, outcome.entry_id)


@pytest.mark.parametrize("after", [False, True], ids=["before-apply", "after-apply"])
def test_write_faults_lose_and_double_nothing(platform: Platform, server: Sim,
                                              platform_engine: Engine, after: bool) -> None:
    """500/502/503/504 with the API's JSON and with a gateway's HTML page, and a 302 to an
    HTML page, on the platform's write: before the server applied it (re-sent once it is
    known not to have landed) and after (confirmed, never re-sent)."""
    case = platform.case
    code = case.add(server)
    platform_engine.lookup(code)
    path = platform.write_path(server, code)
    for turn, (status, mode) in enumerate(WRITE_FAULTS, start=1):
        server.fail_next(1, mode=mode, status=status, path=path, after=after,
                         method=platform.write_method, location="/login?next=/")
        outcome = case.redeem(platform_engine, code)
        assert outcome.status in (RedeemStatus.APPLIED, RedeemStatus.QUEUED), outcome.message
        drain(platform_engine)
        assert platform.count(server, code) == turn, f"{status} {mode}: lost or doubled"
        _applied(platform_engine, outcome.entry_id)
    writes = platform.writes(server, code)
    assert len(writes) == len(WRITE_FAULTS) * (1 if after else 2)
    assert len([w for w in writes if w["outcome"].startswith("failed")]) == len(WRITE_FAULTS)
    assert not platform_engine.outbox.open_entries()


@pytest.mark.parametrize("drops", [1, 3])
def test_lost_answers_are_confirmed_not_resent(platform: Platform, server: Sim,
                                               platform_engine: Engine, drops: int) -> None:
    """Drop-after-apply: the server applied each write and cut the connection unanswered."""
    case = platform.case
    code = case.add(server)
    platform_engine.lookup(code)
    server.drop_next(drops)
    outcomes = [case.redeem(platform_engine, code) for _ in range(drops)]
    assert {o.status for o in outcomes} <= {RedeemStatus.APPLIED, RedeemStatus.QUEUED}
    drain(platform_engine)
    assert platform.count(server, code) == drops
    writes = platform.writes(server, code)
    assert [w["outcome"] for w in writes] == ["dropped"] * drops  # never re-sent
    for outcome in outcomes:
        _applied(platform_engine, outcome.entry_id)


def test_a_write_answered_after_the_timeout_is_not_doubled(
    platform: Platform, server: Sim, make_platform_engine: Callable[..., Engine]
) -> None:
    """The write times out while the server still works on it and lands later. Not found at
    first, the entry waits its settle window (an idempotent platform re-sends at once: the
    server answers the repeat with the first application); once the late write has landed the
    entry is confirmed: counted once."""
    engine = make_platform_engine(settle_seconds=600.0, timeout=0.8)
    case = platform.case
    code = case.add(server)
    engine.lookup(code)
    server.set_latency(1.6, count=1, path=platform.write_path(server, code),
                       method=platform.write_method)
    outcome = case.redeem(engine, code)
    assert outcome.status is RedeemStatus.QUEUED, outcome.message  # the answer never came
    engine.sync()
    # Until the late write has landed (whenever that is on this machine).
    _wait(lambda: server.simulator.in_flight == 0 and bool(platform.writes(server, code)))
    drain(engine)
    _applied(engine, outcome.entry_id)
    assert platform.count(server, code) == 1
    writes = len(platform.writes(server, code))
    if platform.capabilities.idempotent:
        assert writes in (1, 2)  # re-sent unless the late one had landed by the next pass
    else:
        assert writes == 1


@pytest.mark.parametrize("how", ["expired", "deactivated", "deleted"])
def test_a_voucher_withdrawn_while_queued_is_a_conflict_not_a_loss(
    platform: Platform, server: Sim, platform_engine: Engine, how: str
) -> None:
    """Expired (a platform that judges the original time still applies it), switched off or
    refunded, deleted: a conflict for a manager, never silently dropped or doubled."""
    case = platform.case
    code = case.add(server, valid_for=timedelta(hours=1))
    platform_engine.lookup(code)
    platform_engine.set_offline_override(True)
    queued = case.redeem(platform_engine, code)
    assert queued.status is RedeemStatus.QUEUED, queued.message
    if how == "expired":
        server.set_clock(offset=2 * 86400)
    else:
        platform.withdraw(server, code, how)
    platform_engine.set_offline_override(None)
    platform_engine.sync()
    entry = platform_engine.outbox.get(queued.entry_id or "")
    assert entry is not None
    if how == "expired" and platform.capabilities.backdated:
        assert entry.state is EntryState.APPLIED, entry.last_error
        assert platform.count(server, code) == 1
        return
    assert entry.state is EntryState.REJECTED
    assert entry.last_error
    assert platform_engine.connectivity().conflicts == 1
    if how != "deleted":
        assert platform.count(server, code) == 0


def test_a_conflict_is_retried_with_its_order_total(platform: Platform, server: Sim,
                                                    platform_engine: Engine) -> None:
    """Refused on replay (the voucher was switched off), switched on again, retried by a
    manager: the retry carries the queued basket, so a discount voucher applies."""
    case = platform.case
    code = case.add(server)
    platform_engine.lookup(code)
    before = platform.snapshot(server, code)
    platform_engine.set_offline_override(True)
    entry_id = case.redeem(platform_engine, code).entry_id
    assert entry_id is not None
    platform.withdraw(server, code, "deactivated")
    platform_engine.set_offline_override(None)
    assert platform_engine.sync().rejected == 1
    platform.restore(server, before)
    outcome = platform_engine.retry_conflict(entry_id)
    assert outcome.status is RedeemStatus.APPLIED, outcome.message
    assert platform.count(server, code) == 1
    if case.order_total is not None:
        assert outcome.discount == 500  # the suites' discount vouchers: £5 off £50
        assert outcome.order_total == case.order_total
    conflict = platform_engine.outbox.get(entry_id)
    assert conflict is not None
    assert conflict.state is EntryState.WRITTEN_OFF


def test_a_bad_entry_never_blocks_the_others(platform: Platform, server: Sim,
                                             platform_engine: Engine) -> None:
    case = platform.case
    bad, good = case.add(server), case.add(server)
    for code in (bad, good):
        platform_engine.lookup(code)
    platform_engine.set_offline_override(True)
    case.redeem(platform_engine, bad)
    case.redeem(platform_engine, good)
    platform.withdraw(server, bad, "deleted")
    platform_engine.set_offline_override(None)
    report = platform_engine.sync()
    assert (report.rejected, report.applied) == (1, 1)
    assert platform.count(server, good) == 1


def test_background_sync_replays_when_the_server_is_back(platform: Platform, server: Sim,
                                                         platform_engine: Engine) -> None:
    case = platform.case
    code = case.add(server)
    platform_engine.lookup(code)
    platform_engine.set_offline_override(True)
    case.redeem(platform_engine, code)
    platform_engine.start_background_sync(idle_seconds=0.05)
    platform_engine.set_offline_override(None)
    _wait(lambda: platform_engine.connectivity().pending == 0)
    assert platform.count(server, code) == 1


def _wait(condition: Callable[[], bool], timeout: float = 15.0) -> None:
    wait_for(condition, timeout, step=0.02)


def test_the_journal_keeps_a_use_voucher_in_uses_and_a_retry_in_money(engine: Engine,
                                                                       sim: Sim) -> None:
    # The recent-scans list reads amounts from the journal: a currency there makes them
    # money. A use-counted voucher has the shop's currency but its units are uses ("1 use",
    # never "£0.01"); a conflict's retry is money when its voucher is.
    code = sim.add_voucher(make_voucher("JOUR-NALM-ONEY-0001", stock=3000))
    engine.lookup(code)
    engine.lookup(QUANTITY)
    engine.redeem(QUANTITY, 1)
    engine.set_offline_override(True)
    assert engine.redeem(QUANTITY, 1).status is RedeemStatus.QUEUED
    queued = engine.redeem(code, 2500)
    assert queued.entry_id is not None, queued
    voucher = sim.voucher(code)
    voucher["current"] = 1000
    sim.add_voucher(voucher)
    engine.set_offline_override(None)
    engine.sync()
    engine.retry_conflict(queued.entry_id)
    lines = [(j.action, j.code, j.outcome, j.amount, j.currency) for j in engine.recent(20)
             if j.action in ("redeem", "retry", "check")]
    uses = [line for line in lines if line[1] == QUANTITY]
    assert ("redeem", QUANTITY, "applied", 1, None) in uses, uses
    assert ("redeem", QUANTITY, "queued", 1, None) in uses, uses
    assert all(line[4] is None for line in uses), uses
    assert ("retry", code, "applied", 2000, "GBP") in lines, lines
