"""Replay of N queued redemptions against the simulator vs a raw sequential httpx POST loop.

Usage: python benchmarks/replay.py [--backend NAME] [N] [VOUCHERS]
       (default vouchercart, 10000 over 100 vouchers; NAME: vouchercart, vouchers-api,
       vauchar, shopwired - the raw loop is that platform's bare write request)
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
    args = sys.argv[1:]
    backend = "vouchercart"
    if args[:1] == ["--backend"] and len(args) > 1:
        backend, args = args[1], args[2:]
    n = int(args[0]) if args else 10_000
    spread = int(args[1]) if len(args) > 1 else 100
    if backend != "vouchercart":
        platform_replay(backend, n, spread)
        return
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


CREDENTIALS = {"vouchers-api": {"api_key": "sk_test_demo"},
               "vauchar": {"username": "demo-merchant", "password": "demo-api-key"},
               "shopwired": {"username": "demo-key", "password": "demo-secret"}}


def _platform_voucher(backend: str, code: str, n: int) -> dict[str, object]:
    if backend == "vouchers-api":
        return {"code": code, "type": "fixed", "value": 100, "conditions": {}}
    if backend == "vauchar":
        return {"voucher_code": code, "value": f"{n * 10}.00", "value_unit": "fixed",
                "currency": "GBP"}
    return {"code": code, "discount": {"type": "amount", "value": 1}, "used": 0}


def _raw_write(backend: str, client: httpx.Client, sim: object, code: str, i: int) -> None:
    if backend == "vouchers-api":
        client.post("vouchers/apply", json={"code": code, "order_id": f"raw-{i}",
                                             "order": {"value": 1000, "currency": "GBP"}}
                    ).raise_for_status()
    elif backend == "vauchar":
        voucher_id = sim.simulator.store.item_by_code(code)["id"]  # type: ignore[attr-defined]
        client.post(f"vouchers/{voucher_id}/redemptions",
                    json={"user_id": "bench", "transaction_id": f"raw-{i}",
                          "value_used": "0.01"}).raise_for_status()
    else:
        voucher_id = sim.simulator.store.item_by_code(code)["id"]  # type: ignore[attr-defined]
        client.put(f"vouchers/{voucher_id}", json={"used": i + 1}).raise_for_status()


def _uses(backend: str, sim: object, code: str) -> int:
    stored = sim.simulator.store.item_by_code(code)  # type: ignore[attr-defined]
    if backend == "vouchers-api":
        return int(stored["usage_count"])
    if backend == "vauchar":
        return len(stored["redemptions"])
    return int(stored["used"])


def platform_replay(backend: str, n: int, spread: int) -> None:
    """The same measurement on a key-based platform: its own raw write vs ``Engine.sync``."""
    replay_codes = [f"BENCHREP{i:04d}" for i in range(spread)]
    raw_codes = [f"BENCHRAW{i:04d}" for i in range(spread)]
    discount = backend != "vauchar"
    with tempfile.TemporaryDirectory() as tmp, serve_in_thread(api=backend) as sim:
        home = Path(tmp)
        for code in replay_codes + raw_codes:
            sim.add_voucher(_platform_voucher(backend, code, n))
        account = signin.sign_in_platform(backend, sim.api_url, CREDENTIALS[backend],
                                          staff="bench", home=home)
        auth = {} if backend == "vouchers-api" else {
            "auth": (CREDENTIALS[backend]["username"], CREDENTIALS[backend]["password"])}
        headers = {"Authorization": "Bearer sk_test_demo"} if backend == "vouchers-api" else {}
        with httpx.Client(base_url=sim.api_url + "/", timeout=10, headers=headers,
                          **auth) as client:  # type: ignore[arg-type]
            started = time.perf_counter()
            for i in range(n):
                _raw_write(backend, client, sim, raw_codes[i % spread], i // spread)
            raw = time.perf_counter() - started

        engine = Engine(home, signin.open_backend(account, home=home), shop=account.shop,
                        staff="bench", settle_seconds=0)
        start = datetime.now(UTC) - timedelta(hours=1)
        engine.outbox.add_many(
            OutboxEntry(id=str(uuid.uuid4()), code=replay_codes[i % spread], domain=account.shop,
                        amount=1, kind="quantity" if discount else "monetary",
                        currency="GBP", redeemed_at=start + timedelta(milliseconds=i),
                        staff="bench", kiosk_id="bench", backend=backend,
                        state=EntryState.PENDING, offline=True,
                        order_total=1000 if discount else None, discount=100 if discount else None)
            for i in range(n))
        started = time.perf_counter()
        report = engine.sync()
        replay = time.perf_counter() - started
        applied = len(engine.entries([EntryState.APPLIED], limit=n * 2))
        landed = sum(_uses(backend, sim, c) for c in replay_codes)
        engine.close()
    print(f"replay of {n} queued redemptions over {spread} vouchers on {backend}")
    print(f"  raw httpx write loop: {raw:8.2f} s  ({raw / n * 1000:.2f} ms each)")
    print(f"  Engine.sync()       : {replay:8.2f} s  ({replay / n * 1000:.2f} ms each)")
    print(f"  ratio (sync/raw)    : {replay / raw:5.2f}x")
    print(f"  applied {report.applied}, remaining {report.remaining}")
    print(f"  lost    : {n - applied}")
    print(f"  doubled : {max(landed - applied, 0)}")


if __name__ == "__main__":
    main()
