"""Doubles and wrong refusals around a crash, a late server and a second process (issue #10).

Real processes, real kill -9, the real simulator's latency and drop controls.
"""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from kiosk.app import signin
from kiosk.app.engine import Engine
from kiosk.domain.outcomes import EntryState, RedeemStatus
from kiosk.store.database import DB_NAME, utc_now
from tests.helpers.app import history
from tests.helpers.cases import Platform
from tests.helpers.demo import GBP50, PARTLY, TILL
from tests.helpers.mangler import mangling
from tests.helpers.sim import Sim
from tests.helpers.waiting import wait_for


def _wait(condition: Callable[[], bool], timeout: float = 15.0) -> None:
    wait_for(condition, timeout, step=0.05)


def _states(home: Path) -> list[str]:
    path = home / DB_NAME
    if not path.exists():
        return []
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=5) as conn:
            return [row[0] for row in conn.execute("SELECT state FROM outbox")]
    except sqlite3.OperationalError:  # not created yet
        return []


def _cli(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "KIOSK_HOME": str(home), "KIOSK_SECRETS": "file"}
    return subprocess.run([sys.executable, "-m", "kiosk", *args], env=env, text=True,
                          capture_output=True, timeout=60, check=False)


# --- 4. kill -9 of `kiosk redeem` after the outbox commit, then the cashier's retry ---------------

def _kill_with_the_write_on_the_server(command: subprocess.Popen[str], server: Sim,
                                       home: Path) -> None:
    """kill -9 ``command`` once its write has reached the server (the write, held by the
    simulator's latency rule, is being served), so the server applies it after the till is
    gone - whatever the machine's load. (Not "any request in flight": a platform may read
    before it writes, and a kill then would leave nothing for the server to apply.)"""
    faults = server.simulator.faults
    try:
        _wait(lambda: faults.delayed >= 1 and server.simulator.in_flight >= 1, timeout=30)
        os.kill(command.pid, signal.SIGKILL)  # the power cut: the request is on its way
    finally:
        command.communicate(timeout=10)


def test_retry_after_a_power_cut_mid_send_does_not_charge_twice(
    platform: Platform, server: Sim, platform_account: signin.Account, kiosk_home: Path
) -> None:
    case = platform.case
    code = case.add(server)
    how = ["--amount", str(case.amount)] if case.amount else \
        ["--order-total", str(case.order_total)]
    # The write is held long enough that a starved test process still sees it in flight
    # (1.5 s was missed once under a load average of 5: the redeem ended, the wait timed out).
    server.set_latency(4.0, count=1, path=platform.write_path(server, code),
                       method=platform.write_method)
    env = {**os.environ, "KIOSK_HOME": str(kiosk_home), "KIOSK_SECRETS": "file"}
    first = subprocess.Popen([sys.executable, "-m", "kiosk", "redeem", code, *how],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _kill_with_the_write_on_the_server(first, server, kiosk_home)
    _wait(lambda: platform.count(server, code) == 1)  # the server applied it anyway
    retry = _cli(kiosk_home, "redeem", code, *how)
    assert retry.returncode == 0, retry.stderr
    assert "did go through" in retry.stdout
    assert platform.count(server, code) == 1
    again = _cli(kiosk_home, "redeem", code, *how)  # now a deliberate second one
    assert again.returncode == 0, again.stderr
    assert "did go through" not in again.stdout
    assert platform.count(server, code) == 2


def test_entry_saved_but_never_sent_is_sent_once_on_retry(
    make_engine: Callable[..., Engine], sim: Sim, kiosk_home: Path
) -> None:
    """Killed between the commit and the send: the retry sends the saved one, not a second."""
    script = textwrap.dedent(f"""
        import os, sys
        from kiosk.app.engine import Engine
        from kiosk.app import signin
        from pathlib import Path
        home = Path({str(kiosk_home)!r})
        account = signin.current_account(home=home)
        engine = Engine(home, signin.open_backend(account, home=home),
                        domain_id=account.domain_id)
        engine.lookup({GBP50!r})
        engine.set_offline_override(True)   # commit without sending...
        engine.settings.offline_forced = False
        outcome = engine._commit({GBP50!r}, 250, None, engine.till_clock.now())
        print("COMMITTED", flush=True)
        os.kill(os.getpid(), 9)             # ...and the power goes before anyone is told
    """)
    env = {**os.environ, "KIOSK_HOME": str(kiosk_home), "KIOSK_SECRETS": "file"}
    done = subprocess.run([sys.executable, "-c", script], env=env, text=True,
                          capture_output=True, timeout=60, check=False)
    assert "COMMITTED" in done.stdout, done.stderr
    assert done.returncode == -signal.SIGKILL
    engine = make_engine()
    card = engine.lookup(GBP50)
    assert "not confirmed yet" in card.message
    outcome = engine.redeem(GBP50, 250)
    assert outcome.earlier is not None
    assert outcome.status is RedeemStatus.APPLIED
    assert "did go through" in outcome.message
    assert [a for a, _ in history(sim, GBP50)] == [250]


# --- 5. a server that applies long after the till gave up -----------------------------------------

def test_late_apply_is_not_resent_within_the_settle_window(
    sim: Sim, tmp_path: Path
) -> None:
    home = tmp_path / "late-home"
    later = [timedelta()]
    with mangling(sim.base_url) as proxy:  # the proxy sees every request arrive
        account = signin.sign_in(proxy.api_url, TILL[0], TILL[1], "demo-shop", home=home)
        engine = Engine(home, signin.open_backend(account, home=home, timeout=1.0),
                        domain_id=account.domain_id, clock=lambda: utc_now() + later[0])
        try:
            engine.lookup(GBP50)
            sim.set_latency(4.0, count=1, path="/v1/redeem")  # applied 4 s after it was sent
            assert engine.redeem(GBP50, 300).status is RedeemStatus.QUEUED
            later[0] += timedelta(seconds=25)  # past the old 10 s settle window
            engine.sync()

            def all_landed() -> bool:
                arrived = [p for _, p, _ in proxy.seen if p == "/v1/redeem"]
                return len(sim.requests("POST", "/v1/redeem")) == len(arrived)
            _wait(all_landed)
            later[0] += timedelta(minutes=30)
            for _ in range(3):
                engine.sync()
            assert [a for a, _ in history(sim, GBP50)] == [300]
            assert [e.state for e in engine.entries()] == [EntryState.APPLIED]
        finally:
            engine.close()


def test_uncertain_resends_back_off(
    make_engine: Callable[..., Engine], sim: Sim
) -> None:
    """Each uncertain attempt doubles the wait before the next re-send."""
    engine = make_engine(settle_seconds=60.0)
    engine.lookup(GBP50)
    sim.fail_next(1, mode="html", path="/v1/redeem")  # 502, not applied
    engine.redeem(GBP50, 300)
    [first] = engine.entries()
    assert first.resend_after is not None
    engine.outbox.clear_uncertain(first.id)
    sim.fail_next(1, mode="html", path="/v1/redeem")
    engine.sync()
    [second] = engine.entries()
    assert second.resend_after is not None
    assert second.resend_after - utc_now() > timedelta(seconds=100)  # 2 x 60 s


# --- 6. a lost-but-applied redeem is not subtracted twice ----------------------------------------

def test_lost_answer_is_not_counted_twice_in_status_or_redeem(
    make_engine: Callable[..., Engine], sim: Sim
) -> None:
    engine = make_engine(settle_seconds=600.0)
    engine.lookup(GBP50)  # £50.00
    engine.set_offline_override(True)
    assert engine.redeem(GBP50, 3000).status is RedeemStatus.QUEUED
    engine.set_offline_override(None)
    sim.drop_next(1)  # applied, answer lost
    engine.sync()
    [entry] = engine.entries()
    assert entry.uncertain
    status = engine.lookup(GBP50)
    assert status.available == 2000, status
    assert status.queued == 0
    outcome = engine.redeem(GBP50, 1500)
    assert outcome.status is RedeemStatus.APPLIED, outcome.message
    assert sorted(a for a, _ in history(sim, GBP50)) == [1500, 3000]


# --- 2. a second kiosk program on the same data folder -------------------------------------------

WRITER = textwrap.dedent("""
    import sqlite3, sys, time
    conn = sqlite3.connect(sys.argv[1], timeout=10, isolation_level=None)
    print("READY", flush=True)
    end = time.monotonic() + float(sys.argv[2])
    while time.monotonic() < end:
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("INSERT INTO journal (at, action, outcome) VALUES ('x', 'other', 'x')")
        time.sleep(0.02)
        conn.execute("COMMIT")
""")


def test_second_process_writing_never_fails_a_confirmed_redemption(
    make_engine: Callable[..., Engine], sim: Sim, kiosk_home: Path
) -> None:
    engine = make_engine()
    engine.lookup(PARTLY)
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(kiosk_home / DB_NAME), "8"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert writer.stdout is not None
        assert writer.stdout.readline().strip() == "READY"
        outcomes = [engine.redeem(PARTLY, 10) for _ in range(40)]
        for _ in range(20):
            engine.lookup(PARTLY)
    finally:
        writer.kill()
        writer.communicate(timeout=10)
    assert {o.status for o in outcomes} == {RedeemStatus.APPLIED}
    assert [a for a, _ in history(sim, PARTLY)].count(10) == 40


def test_lookup_names_an_earlier_redemption_that_went_through(
    account: signin.Account, sim: Sim, kiosk_home: Path
) -> None:
    """The card says what became of a redemption the till died in the middle of."""
    sim.set_latency(1.5, count=1, path="/v1/redeem")
    env = {**os.environ, "KIOSK_HOME": str(kiosk_home), "KIOSK_SECRETS": "file"}
    first = subprocess.Popen([sys.executable, "-m", "kiosk", "redeem", GBP50, "--amount", "300"],
                             env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    _kill_with_the_write_on_the_server(first, sim, kiosk_home)
    _wait(lambda: len(history(sim, GBP50)) == 1)
    status = _cli(kiosk_home, "status", GBP50)
    assert "did go through" in status.stdout, status.stdout
    assert "£47.00" in status.stdout
