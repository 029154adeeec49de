"""Status round trip: Engine.lookup vs a raw httpx GET /v1/status against the simulator.

Usage: python benchmarks/status_overhead.py [N]   (default 300 of each, interleaved)
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

from kiosk.app import signin
from kiosk.app.engine import Engine
from kiosk.sim.testing import serve_in_thread
from kiosk.store.secrets import open_secrets

REPO = Path(__file__).resolve().parents[1]
CODE = "GB10-0PRT-LY8D-2WQC"


def pct(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1]


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    with tempfile.TemporaryDirectory() as tmp, serve_in_thread(
        REPO / "resources" / "demo-fixture.json"
    ) as sim:
        home = Path(tmp)
        account = signin.sign_in(sim.api_url, "till@demo-shop.example", "till1234",
                                 "demo-shop", home=home)
        tokens = signin.SecretTokens(open_secrets(home)).load()
        assert tokens is not None
        engine = Engine(home, signin.open_backend(account, home=home),
                        domain_id=account.domain_id, staff=account.staff_name)
        raw, ours = [], []
        with httpx.Client(base_url=sim.api_url + "/", timeout=10) as client:
            headers = {"Authorization": f"Bearer {tokens.access_token}"}
            for _ in range(n):
                started = time.perf_counter()
                client.get("status", params={"code": CODE, "domain": 1},
                           headers=headers).raise_for_status()
                raw.append(time.perf_counter() - started)
                started = time.perf_counter()
                engine.lookup(CODE)
                ours.append(time.perf_counter() - started)
        engine.close()
    r50, r95 = pct(raw)
    o50, o95 = pct(ours)
    print(f"status round trip, {n} each (loopback simulator)")
    print(f"  raw httpx GET   : p50 {r50 * 1000:7.2f} ms   p95 {r95 * 1000:7.2f} ms")
    print(f"  Engine.lookup() : p50 {o50 * 1000:7.2f} ms   p95 {o95 * 1000:7.2f} ms")
    print(f"  overhead        : p50 {(o50 - r50) * 1000:+7.2f} ms ({o50 / r50:.2f}x)   "
          f"p95 {(o95 - r95) * 1000:+7.2f} ms ({o95 / r95:.2f}x)")
    print("  (lookup = status GET + parse + cache and journal writes, synchronous=NORMAL)")


if __name__ == "__main__":
    main()
