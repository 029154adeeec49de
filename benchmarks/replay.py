"""Replay of N queued redemptions against the simulator vs a raw sequential httpx POST loop.

Usage: python benchmarks/replay.py [N] [VOUCHERS]   (default 10000 over 100 vouchers)
Prints wall times, the ratio, and the lost / doubled counts (both must be 0). The queue is
spread over VOUCHERS vouchers, as a till's is: every VoucherCart answer carries the voucher's
whole redeemHistory, so 10,000 redemptions of one voucher would measure JSON size, not replay.
"""

from __future__ import annotations

import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

from kiosk.app import signin
from kiosk.app.engine import Engine
from kiosk.domain.outcomes import EntryState, OutboxEntry
from kiosk.sim.testing import serve_in_thread
from kiosk.store.secrets import open_secrets

REPO = Path(__file__).resolve().parents[1]


def voucher(code: str, stock: int) -> dict[str, object]:
    now = datetime.now(UTC)
    stamp = "%Y-%m-%dT%H:%M:%S+0000"
    return {
        "code": code, "current": 0, "stock": stock, "monetary": False, "multiUsable": True,
        "status": "in_progress", "redeemableOn": [1], "redeemHistory": [],
        "expirations": [{"from": (now - timedelta(days=30)).strftime(stamp),
                         "to": (now + timedelta(days=30)).strftime(stamp)}],
        "order": {"currency": "GBP", "reference": "BENCH", "purchasedAt": now.strftime(stamp),
                  "buyer": {"name": "Bench", "email": "bench@example.com"},
                  "recipient": {"name": "Bench"},
                  "product": {"name": "Benchmark uses", "currency": "GBP", "price": 0}},
    }


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    spread = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    replay_codes = [f"BENC-HREP-{i:04d}-0001" for i in range(spread)]
    raw_codes = [f"BENC-HRAW-{i:04d}-0001" for i in range(spread)]
    with tempfile.TemporaryDirectory() as tmp, serve_in_thread(
        REPO / "resources" / "demo-fixture.json"
    ) as sim:
        home = Path(tmp)
        for code in replay_codes + raw_codes:
            sim.add_voucher(voucher(code, n * 10))
        account = signin.sign_in(sim.api_url, "till@demo-shop.example", "till1234",
                                 "demo-shop", home=home)
        tokens = signin.SecretTokens(open_secrets(home)).load()
        assert tokens is not None

        # Baseline: the same POSTs, one after another, with nothing around them.
        start = datetime.now(UTC) - timedelta(days=7)
        with httpx.Client(base_url=sim.api_url + "/", timeout=10) as client:
            started = time.perf_counter()
            for i in range(n):
                at = (start + timedelta(seconds=i)).strftime("%Y-%m-%d %H:%M")
                client.post("redeem", data={
                    "code": raw_codes[i % spread], "domain": "1", "reductor": "1",
                    "redeemDate": at}, headers={"Authorization": f"Bearer {tokens.access_token}"},
                ).raise_for_status()
            raw = time.perf_counter() - started

        engine = Engine(home, signin.open_backend(account, home=home),
                        domain_id=account.domain_id, staff=account.staff_name, settle_seconds=0)
        engine.outbox.add_many(
            OutboxEntry(id=str(uuid.uuid4()), code=replay_codes[i % spread], domain="1", amount=1,
                        kind="quantity", currency=None, redeemed_at=start + timedelta(seconds=i),
                        staff=account.staff_name, kiosk_id="bench", backend="vouchercart",
                        state=EntryState.PENDING, offline=True)
            for i in range(n))
        started = time.perf_counter()
        report = engine.sync()
        replay = time.perf_counter() - started
        applied = len(engine.entries([EntryState.APPLIED], limit=n * 2))
        history = sum(len(sim.voucher(c)["redeemHistory"]) for c in replay_codes)
        engine.close()

    print(f"replay of {n} queued redemptions over {spread} vouchers against the simulator")
    print(f"  raw httpx POST loop : {raw:8.2f} s  ({raw / n * 1000:.2f} ms each)")
    print(f"  Engine.sync()       : {replay:8.2f} s  ({replay / n * 1000:.2f} ms each)")
    print(f"  ratio (sync/raw)    : {replay / raw:5.2f}x")
    print(f"  applied {report.applied}, remaining {report.remaining}")
    print(f"  lost    : {n - applied}")
    print(f"  doubled : {max(history - applied, 0)}")


if __name__ == "__main__":
    main()
