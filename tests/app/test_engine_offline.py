"""Offline queueing, replay with the original minute, lost answers and server faults."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.app import signin
from kiosk.app.engine import Engine
from kiosk.backends.vouchercart.backend import VoucherCartBackend
from kiosk.backends.vouchercart.client import VoucherCartClient
from kiosk.backends.vouchercart.models import Tokens
from kiosk.backends.vouchercart.session import Session
from kiosk.domain.errors import RefusalReason
from kiosk.domain.outcomes import EntryState, RedeemStatus
from kiosk.sim.testing import serve_in_thread
from kiosk.store.secrets import open_secrets
from tests.helpers.app import history, make_voucher, minute_stamp
from tests.helpers.demo import DEMO_FIXTURE, GBP50, PARTLY, QUANTITY
from tests.helpers.sim import Sim


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


def test_server_down_then_back_on_the_same_db(
    make_engine: Callable[..., Engine], sim: Sim, tmp_path: Path
) -> None:
    engine = make_engine()
    engine.lookup(GBP50)
    port = int(sim.api_url.rsplit(":", 1)[1].split("/")[0])
    sim.stop()
    outcome = engine.redeem(GBP50, 1234)
    assert outcome.status is RedeemStatus.QUEUED
    assert engine.sync().remaining == 1
    with serve_in_thread(DEMO_FIXTURE, db=tmp_path / "sim.sqlite3", port=port) as again:
        report = engine.sync()
        assert report.applied == 1
        assert history(again, GBP50) == [(1234, minute_stamp(engine.entries()[0].redeemed_at))]
        assert engine.connectivity().online


@pytest.mark.parametrize("mode", ["json", "html"])
def test_server_errors_queue_and_are_not_lost(engine: Engine, sim: Sim, mode: str) -> None:
    engine.lookup(GBP50)
    sim.fail_next(1, mode=mode, path="/v1/redeem")
    outcome = engine.redeem(GBP50, 500)
    assert outcome.status is RedeemStatus.QUEUED
    assert sim.voucher(GBP50)["current"] == 0
    assert engine.sync().applied == 1
    assert sim.voucher(GBP50)["current"] == 500
    assert engine.sync().applied == 0
    assert len(history(sim, GBP50)) == 1


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


def test_timed_out_request_still_running_is_not_doubled(
    account: signin.Account, sim: Sim, kiosk_home: Path
) -> None:
    """The POST times out while the server is still working on it; it lands a second later.

    Reconciliation finds nothing at first, but the entry is not re-sent before it settles;
    once the late request lands, the history shows it and the entry is applied: once.
    """
    client = VoucherCartClient(account.server_url, timeout=1.0)
    backend = VoucherCartBackend(
        client, Session(client, signin.SecretTokens(open_secrets(kiosk_home))), account.domain_id)
    engine = Engine(kiosk_home, backend, domain_id=account.domain_id, settle_seconds=4.0)
    try:
        engine.lookup(GBP50)
        sim.set_latency(2.0, count=1, path="/v1/redeem")
        started = time.monotonic()
        outcome = engine.redeem(GBP50, 300)
        assert outcome.status is RedeemStatus.QUEUED  # answer lost, not (yet) in the history
        deadline = time.monotonic() + 10
        while engine.connectivity().pending and time.monotonic() < deadline:
            engine.sync()
            time.sleep(0.1)
        assert engine.entries()[0].state is EntryState.APPLIED
        time.sleep(max(0.0, started + 2.5 - time.monotonic()))  # the late request has landed
        assert sim.voucher(GBP50)["current"] == 300
        assert len(sim.requests("POST", "/v1/redeem")) == 1
    finally:
        engine.close()


def test_uncertain_entry_not_in_history_is_resent(engine: Engine, sim: Sim) -> None:
    """A 502 page after sending: the request is over and did not apply; re-sent at once."""
    engine.lookup(GBP50)
    sim.fail_next(1, mode="html", path="/v1/redeem")
    assert engine.redeem(GBP50, 300).status is RedeemStatus.QUEUED
    assert engine.sync().applied == 1
    assert sim.voucher(GBP50)["current"] == 300


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


def test_bad_entry_never_blocks_the_others(engine: Engine, sim: Sim) -> None:
    bad = sim.add_voucher(make_voucher("BADV-OUCH-ER00-0001"))
    engine.lookup(bad)
    engine.lookup(GBP50)
    engine.set_offline_override(True)
    engine.redeem(bad, 100)
    engine.redeem(GBP50, 100)
    voucher = sim.voucher(bad)
    voucher["status"] = "refunded"
    sim.add_voucher(voucher)
    engine.set_offline_override(None)
    report = engine.sync()
    assert (report.rejected, report.applied) == (1, 1)


def test_background_sync_replays_when_the_server_is_back(engine: Engine, sim: Sim) -> None:
    engine.lookup(GBP50)
    engine.set_offline_override(True)
    engine.redeem(GBP50, 250)
    engine.start_background_sync(idle_seconds=0.05)
    engine.set_offline_override(None)
    deadline = time.monotonic() + 10
    while engine.connectivity().pending and time.monotonic() < deadline:
        time.sleep(0.02)
    assert engine.connectivity().pending == 0
    assert sim.voucher(GBP50)["current"] == 250
