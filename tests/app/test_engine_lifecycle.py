"""One code normaliser, the persisted "work offline" switch, stopping the sync loop at any
moment, quiet closed pipes in the CLI, and an access token expiring in the middle of a replay."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.app import signin
from kiosk.app.engine import Engine
from kiosk.domain.errors import RefusalReason
from kiosk.domain.outcomes import EntryState, RedeemStatus
from kiosk.domain.voucher import VoucherState
from kiosk.sim.testing import serve_in_thread
from kiosk.store.settings import Settings
from kiosk.sync.loop import SyncLoop
from kiosk.sync.replay import SyncReport
from tests.helpers.app import make_voucher
from tests.helpers.corpus import REPO
from tests.helpers.demo import DEMO_FIXTURE, GBP50, TILL
from tests.helpers.sim import Sim

# --- one normaliser ---------------------------------------------------------------------


@pytest.mark.parametrize("raw", [
    "gb50k7qx9m2f4tzb",  # no dashes, lower case
    " GB50 K7QX 9M2F 4TZB\r\n",  # spaces and a wedge's line end
    "\x02GB50-K7QX-9M2F-4TZB\x03",  # STX/ETX from a scanner
    "https://shop.example/redeem?code=gb50-k7qx-9m2f-4tzb",
])
def test_engine_keys_codes_like_the_scanner(
    raw: str, engine: Engine, sim: Sim
) -> None:
    lookup = engine.lookup(raw)
    assert (lookup.code, lookup.voucher is not None) == (GBP50, True)
    outcome = engine.redeem(raw, 100)
    assert (outcome.status, outcome.code) == (RedeemStatus.APPLIED, GBP50)
    assert [e.code for e in engine.entries()] == [GBP50]


@pytest.mark.parametrize(("raw", "reason"), [
    ("", "empty"), ("AB", "too short"), ("GB50/K7QX", "characters not allowed")])
def test_rejected_codes_are_refused_with_the_reason_without_the_server(
    raw: str, reason: str, engine: Engine, sim: Sim
) -> None:
    outcome = engine.redeem(raw, 100)
    assert (outcome.status, outcome.reason) == (RedeemStatus.REFUSED, RefusalReason.NOT_FOUND)
    assert reason in outcome.message
    lookup = engine.lookup(raw)
    assert lookup.state is VoucherState.UNKNOWN
    assert reason in lookup.message
    assert sim.requests(path="/v1/status") == sim.requests("POST", "/v1/redeem") == []


# --- "work offline" survives a restart ----------------------------------------------------


def test_work_offline_is_restored_when_the_engine_opens_again(
    make_engine: Callable[..., Engine], kiosk_home: Path, account: signin.Account
) -> None:
    engine = make_engine()
    engine.set_offline_override(True)
    engine.close()
    assert Settings.open(kiosk_home).offline_forced is True
    again = Engine.open(kiosk_home)
    try:
        assert again.connectivity().forced is True
        again.set_offline_override(False)  # forced online: this session only
        assert Settings.open(kiosk_home).offline_forced is False
    finally:
        again.close()
    third = make_engine()
    assert third.connectivity().forced is None


# --- stopping the sync loop ------------------------------------------------------------------


def test_sync_loop_stopped_before_it_started_never_runs() -> None:
    calls: list[int] = []
    loop = SyncLoop(lambda: calls.append(1) or SyncReport())  # type: ignore[func-returns-value]
    loop.stop()
    loop.start()
    assert not loop.running
    assert calls == []


def test_sync_loop_can_be_stopped_from_its_own_pass() -> None:
    loop: SyncLoop
    done = threading.Event()

    def sync() -> SyncReport:
        loop.stop()
        done.set()
        return SyncReport()

    loop = SyncLoop(sync)
    loop.start()
    assert done.wait(10)
    deadline = time.monotonic() + 10
    while loop.running and time.monotonic() < deadline:
        time.sleep(0.01)
    assert loop.passes == 1


def test_engine_closed_right_after_starting_sync(
    make_engine: Callable[..., Engine], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR)
    for _ in range(20):
        engine = make_engine()
        starter = threading.Thread(target=engine.start_background_sync)
        starter.start()
        engine.close()
        starter.join()
        engine.close()  # twice is fine
        engine.start_background_sync()  # after close: nothing starts
        assert engine._loop is None
    assert [r.getMessage() for r in caplog.records] == []


# --- a closed pipe --------------------------------------------------------------------------


@pytest.mark.parametrize("argv", [["status", GBP50], ["queue", "list", "--all"]])
def test_cli_into_a_closed_pipe_exits_quietly(
    argv: list[str], account: signin.Account, kiosk_home: Path
) -> None:
    env = {**os.environ, "KIOSK_HOME": str(kiosk_home), "KIOSK_SECRETS": "file"}
    child = subprocess.Popen([sys.executable, "-m", "kiosk", *argv], cwd=REPO, env=env,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None
    assert child.stderr is not None
    child.stdout.close()  # like `| head` that has already exited
    err = child.stderr.read().decode()
    assert child.wait(timeout=60) == 1
    assert "Traceback" not in err
    assert "BrokenPipeError" not in err


# --- the access token expires in the middle of a long replay ------------------------------


def test_token_expiry_mid_replay_loses_and_doubles_nothing(
    tmp_path: Path, kiosk_home: Path
) -> None:
    ttl = 60
    codes = [f"TTL{n:01d}-0000-0000-000{n}" for n in range(8)]
    with serve_in_thread(DEMO_FIXTURE, db=tmp_path / "sim.sqlite3", token_ttl=ttl) as sim:
        for code in codes:
            sim.add_voucher(make_voucher(code, stock=100_000))
        account = signin.sign_in(sim.api_url, TILL[0], TILL[1], "demo-shop", home=kiosk_home)
        engine = Engine(kiosk_home, signin.open_backend(account, home=kiosk_home),
                        domain_id=account.domain_id, staff=account.staff_name,
                        settle_seconds=0.0)
        try:
            for code in codes:
                engine.lookup(code)
            engine.set_offline_override(True)
            amounts = [10 + n % 3 for n in range(240)]
            for n, amount in enumerate(amounts):
                assert engine.redeem(codes[n % len(codes)], amount).status is RedeemStatus.QUEUED
            engine.set_offline_override(None)
            advanced = threading.Event()

            def expire_tokens_mid_replay() -> None:
                deadline = time.monotonic() + 60
                while time.monotonic() < deadline:
                    if len(sim.requests("POST", "/v1/redeem")) >= 60:
                        sim.set_clock(advance=ttl + 5)
                        advanced.set()
                        return
                    time.sleep(0.002)

            watcher = threading.Thread(target=expire_tokens_mid_replay)
            watcher.start()
            report = engine.sync()
            watcher.join()
            assert advanced.is_set()
            assert (report.applied, report.remaining, report.auth_required) == (240, 0, False)
            log = sim.requests()
            refreshes = [r["seq"] for r in log if r["path"].startswith("/v1/refresh")]
            redeems = [r["seq"] for r in log if r["path"] == "/v1/redeem"]
            assert refreshes
            assert redeems[0] < refreshes[0] < redeems[-1]  # mid-replay
            assert all(e.state is EntryState.APPLIED for e in engine.entries())
            for i, code in enumerate(codes):
                sent = Counter(amounts[i::len(codes)])
                assert Counter(h["amount"] for h in sim.voucher(code)["redeemHistory"]) == sent
        finally:
            engine.close()
