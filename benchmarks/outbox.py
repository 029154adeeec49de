"""Outbox commit latency vs a bare SQLite insert with the same pragmas (WAL, synchronous=FULL).

Usage: python benchmarks/outbox.py [N]   (default 500 commits each)
"""

from __future__ import annotations

import sqlite3
import statistics
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

from kiosk.domain.outcomes import EntryState, OutboxEntry
from kiosk.store.database import PRAGMAS, Store
from kiosk.store.outbox import Outbox


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1]


def measure(tmp: Path, n: int) -> tuple[list[float], list[float]]:
    """Interleave the two so disk caches and background load hit both alike."""
    conn = sqlite3.connect(tmp / "bare.sqlite3", isolation_level=None)
    for pragma in PRAGMAS:
        conn.execute(pragma)
    conn.execute("CREATE TABLE outbox (id TEXT PRIMARY KEY, code TEXT, amount INTEGER, "
                 "redeemed_at TEXT, state TEXT)")
    store = Store.open(tmp / "home")
    box = Outbox(store)
    base, ours = [], []
    for _ in range(n):
        started = time.perf_counter()
        conn.execute("INSERT INTO outbox VALUES (?, ?, ?, ?, 'pending')",
                     [str(uuid.uuid4()), "GB50-K7QX-9M2F-4TZB", 100,
                      datetime.now(UTC).isoformat()])
        base.append(time.perf_counter() - started)
        entry = OutboxEntry(
            id=str(uuid.uuid4()), code="GB50-K7QX-9M2F-4TZB", domain="1", amount=100,
            kind="monetary", currency="GBP", redeemed_at=datetime.now(UTC), staff="Till",
            kiosk_id="bench", backend="vouchercart", state=EntryState.PENDING)
        started = time.perf_counter()
        box.add(entry)
        ours.append(time.perf_counter() - started)
    conn.close()
    store.close()
    return base, ours


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    with tempfile.TemporaryDirectory() as tmp:
        base, ours = measure(Path(tmp), n)
    b50, b95 = percentiles(base)
    o50, o95 = percentiles(ours)
    print(f"outbox commit, {n} durable inserts each (WAL, synchronous=FULL)")
    print(f"  bare sqlite3 insert : p50 {b50 * 1000:7.3f} ms   p95 {b95 * 1000:7.3f} ms")
    print(f"  Outbox.add          : p50 {o50 * 1000:7.3f} ms   p95 {o95 * 1000:7.3f} ms")
    print(f"  ratio (outbox/bare) : p50 {o50 / b50:5.2f}x      p95 {o95 / b95:5.2f}x")
    print(f"  DESIGN bar: outbox commit p95 <= 20 ms -> {'met' if o95 <= 0.020 else 'NOT met'}")


if __name__ == "__main__":
    main()
