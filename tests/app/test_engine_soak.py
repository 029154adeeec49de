"""The soak: many mixed redemptions under random faults, then a clean sync: 0 lost, 0 doubled.

Faults (issue #10 and before): 500/502 before the server, 503 and 504 after it applied, a
dropped connection after applying, 429, a request applied after the till gave up, maintenance
redirects, answers about another voucher, trickled answers, working offline, and real
``kiosk redeem`` processes killed with SIGKILL while their request is on its way.

``KIOSK_SOAK_REDEMPTIONS`` (default 120) sets the size; ``benchmarks/soak.py`` runs it big.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.app import signin
from kiosk.app.engine import Engine
from kiosk.app.signin import SecretTokens
from kiosk.backends.vouchercart import Session, VoucherCartBackend, VoucherCartClient
from kiosk.domain.outcomes import EntryState, RedeemStatus
from kiosk.store.database import DB_NAME, utc_now
from kiosk.store.secrets import open_secrets
from tests.helpers.app import make_voucher
from tests.helpers.demo import TILL
from tests.helpers.mangler import ManglingProxy, Rule, mangling
from tests.helpers.sim import Sim

REDEMPTIONS = int(os.environ.get("KIOSK_SOAK_REDEMPTIONS", "120"))
KILLS = int(os.environ.get("KIOSK_SOAK_KILLS", "3"))
SEED = int(os.environ.get("KIOSK_SOAK_SEED", "10"))
CODES = [f"SOAK-{n:04d}-0000-0000" for n in range(8)]
# Killed CLIs use vouchers of their own: an older uncertain entry of the same voucher holds
# later ones back (order is kept), and then the CLI would never get to send.
KILL_CODES = [f"KILL-{n:04d}-0000-0000" for n in range(KILLS)]


def _other_code(data: object) -> object:
    assert isinstance(data, dict)
    data["code"] = "OTHER-0000-0000-0000"
    return data


def _fault(rng: random.Random, sim: Sim, proxy: ManglingProxy, engine: Engine) -> str:
    """Arm one random fault for the next redemption; returns its name."""
    kind = rng.choice([
        "none", "none", "none", "500", "502", "503-after", "504-after", "drop", "429",
        "late", "redirect", "other-code", "trickle", "offline",
    ])
    if kind == "500":
        sim.fail_next(1, mode="json", path="/v1/redeem")
    elif kind == "502":
        sim.fail_next(1, mode="html", path="/v1/redeem")
    elif kind == "503-after":
        sim.fail_next(1, mode="html", status=503, path="/v1/redeem", after=True)
    elif kind == "504-after":
        proxy.add(Rule("/v1/redeem", "status", status=504))
    elif kind == "drop":
        sim.drop_next(1)
    elif kind == "429":
        sim.fail_next(1, mode="json", status=429, path="/v1/redeem")
    elif kind == "late":
        sim.set_latency(1.2, count=1, path="/v1/redeem")  # the client gives up after 0.6 s
    elif kind == "redirect":
        proxy.add(Rule("/v1/", "redirect", count=2))
    elif kind == "other-code":
        proxy.add(Rule("/v1/redeem", "rewrite", rewrite=_other_code))
    elif kind == "trickle":
        proxy.add(Rule("/v1/redeem", "trickle", interval=0.2))
    elif kind == "offline":
        engine.set_offline_override(True)
    return kind


def _sending(home: Path) -> bool:
    try:
        with sqlite3.connect(f"file:{home / DB_NAME}?mode=ro", uri=True, timeout=5) as conn:
            count: int = conn.execute(
                "SELECT count(*) FROM outbox WHERE state = 'sending'").fetchone()[0]
            return count > 0
    except sqlite3.OperationalError:
        return False


def _killed_cli(home: Path, sim: Sim, code: str, amount: int) -> bool:
    """A real `kiosk redeem`, killed with SIGKILL while its request is on its way; False if
    it finished first (queued offline, say): its entry is then checked like any other."""
    sim.set_latency(2.0, count=1, path="/v1/redeem")
    env = {**os.environ, "KIOSK_HOME": str(home), "KIOSK_SECRETS": "file"}
    child = subprocess.Popen([sys.executable, "-m", "kiosk", "redeem", code, "--amount",
                              str(amount)], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 20
    while not _sending(home):
        if child.poll() is not None:
            child.communicate()
            return False
        assert time.monotonic() < deadline, "the CLI never got to send"
        time.sleep(0.02)
    os.kill(child.pid, signal.SIGKILL)
    child.communicate(timeout=10)
    return True


@pytest.mark.slow
def test_soak_mixed_faults_nothing_lost_nothing_doubled(
    sim: Sim, tmp_path: Path
) -> None:
    rng = random.Random(SEED)
    for code in CODES + KILL_CODES:
        sim.add_voucher(make_voucher(code, stock=10_000_000))
    home = tmp_path / "soak-home"
    later = [timedelta()]
    with mangling(sim.base_url) as proxy:
        account = signin.sign_in(proxy.api_url, TILL[0], TILL[1], "demo-shop", home=home)
        client = VoucherCartClient(account.server_url, timeout=0.6, deadline=1.5)
        backend = VoucherCartBackend(client, Session(client, SecretTokens(open_secrets(home))),
                                     account.domain_id)
        engine = Engine(home, backend, domain_id=account.domain_id, settle_seconds=30.0,
                        clock=lambda: utc_now() + later[0])
        engine.settings.offline_cap_per_voucher = 0  # the soak is about money, not limits
        engine.settings.offline_cap_per_shift = 0
        faults: Counter[str] = Counter()
        told: dict[str, RedeemStatus] = {}
        started = time.monotonic()
        try:
            for code in CODES + KILL_CODES:
                engine.lookup(code)  # seen online, so offline redemptions are allowed
            kill_at = set(rng.sample(range(REDEMPTIONS), min(KILLS, REDEMPTIONS)))
            for n in range(REDEMPTIONS):
                code, amount = rng.choice(CODES), rng.randint(1, 900)
                if n in kill_at:
                    code = KILL_CODES[len(kill_at & set(range(n)))]
                    faults["kill -9" if _killed_cli(home, sim, code, amount) else "cli"] += 1
                    sim.clear_faults()
                    continue
                faults[_fault(rng, sim, proxy, engine)] += 1
                outcome = engine.redeem(code, amount)
                assert outcome.status is not RedeemStatus.REFUSED, outcome.message
                assert outcome.entry_id is not None
                told[outcome.entry_id] = outcome.status
                engine.set_offline_override(None)
                sim.clear_faults()
                proxy.rules.clear()
                if rng.random() < 0.1:
                    engine.sync()
            for _ in range(12):  # the server is healthy again; time passes between passes
                later[0] += timedelta(hours=1)
                if engine.sync().remaining == 0:
                    break
            entries = engine.entries(limit=100_000)
            print(f"soak: {len(entries)} entries in {time.monotonic() - started:.1f} s, "
                  f"faults {dict(faults)}")
            assert {e.state for e in entries} == {EntryState.APPLIED}, Counter(
                e.state for e in entries)
            assert set(told) <= {e.id for e in entries}, "a redemption staff were told of is lost"
            for code in CODES + KILL_CODES:
                mine = sorted(e.amount for e in entries if e.code == code)
                server = sorted(h["amount"] for h in sim.voucher(code)["redeemHistory"])
                assert server == mine, f"{code}: lost or doubled"
        finally:
            engine.close()
