"""Replay of N queued redemptions against the simulator vs a raw sequential httpx loop.

Usage: python benchmarks/replay.py [--backend NAME] [--repeat R] [--in-process]
                                  [--shape even|till] [N] [VOUCHERS]
       (default vouchercart, 1 repetition, 10000 over 100 vouchers; NAME: vouchercart,
       vouchers-api, vauchar, shopwired)

``--shape even`` (the default) spreads the N redemptions evenly over VOUCHERS vouchers, in
turn. ``--shape till`` is a real till's queue after an outage: each voucher redeemed 1 to 3
times (2 on average, so VOUCHERS = N / 2 by default), the customers in a shuffled order (a
fixed seed: the same queue in every run); the per-voucher costs (claim, marks, any read of
the voucher a platform needs) then weigh as on a till.

Each repetition starts a fresh simulator and a fresh data folder, then times, in alternating
order, a raw loop and ``Engine.sync()`` of the same
number of redemptions spread over VOUCHERS vouchers (a till's queue is: every VoucherCart
answer carries the voucher's whole ``redeemHistory``, so 10,000 redemptions of one voucher
would measure JSON size, not replay). Printed: wall and CPU time of both, their ratios, the
median ratio over the repetitions, and the lost / doubled counts (both must be 0).

The simulator runs as a child process (``python -m kiosk.sim``, over HTTP on 127.0.0.1), as a
till's server is another machine: its request handling then takes the other core instead of
competing for this interpreter's GIL with the loop being timed, and the CPU time printed is
the client's alone. ``--in-process`` serves it from a thread of this process, as the benchmark
did before (CPU time then counts client and simulator together).

Before the timing, the till looks up each queued voucher once (``Engine.lookup``), as a till
did before the outage: it queues offline only vouchers it has checked, so each has a cache
line (the voucher as read then, with its id), which a replay may count on from
(``Capabilities.count_on_line``). The raw loop gets the same knowledge untimed.

The raw loop is one httpx client (keep-alive) making the requests the platform itself needs
per redemption, with nothing around them (no outbox, no answer checks, no parsing):

* VoucherCart: ``POST /redeem`` (the server checks the voucher, the answer is the voucher);
* Vouchers API: ``POST /vouchers/apply`` (the server checks the voucher and the basket);
* Vauchar: ``POST /vouchers/{id}/redemptions`` (the server checks status and balance), the
  voucher's id looked up once per voucher (``GET /vouchers/validate``) before the timing,
  as the till's own look-ups were (below);
* ShopWired: ``GET /vouchers?code=`` then ``PUT /vouchers/{id}`` with ``used`` + 1 (the
  server stores whatever it is sent, so a client must read the count first).
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx

from kiosk.app import signin
from kiosk.app.engine import Engine
from kiosk.domain.outcomes import EntryState, OutboxEntry
from kiosk.sim.child import serve_in_child
from kiosk.sim.testing import serve_in_thread
from kiosk.store.secrets import open_secrets

REPO = Path(__file__).resolve().parents[1]
CREDENTIALS = {"vouchers-api": {"api_key": "sk_test_demo"},
               "vauchar": {"username": "demo-merchant", "password": "demo-api-key"},
               "shopwired": {"username": "demo-key", "password": "demo-secret"}}


@dataclass
class Run:
    """One repetition's figures."""

    raw_wall: float
    raw_cpu: float
    sync_wall: float
    sync_cpu: float
    applied: int
    remaining: int
    lost: int
    doubled: int


@dataclass
class Setup:
    """A simulator with a signed-in engine and a raw client, ready to time."""

    raw: Callable[[int], None]  # the i-th raw redemption
    queue: Callable[[], None]  # queue the engine's N entries
    engine: Engine
    landed: Callable[[], int]  # redemptions the server holds for the engine's vouchers


@contextmanager
def simulator(api: str, *, in_process: bool) -> Iterator[tuple[str, httpx.Client]]:
    """``api``'s simulator with its demo fixture: its API URL and a client of its ``/_sim/``
    controls (the same in both modes, so only where the server runs differs)."""
    if in_process:
        with serve_in_thread(api=api) as server:
            url = server.api_url
            with httpx.Client(base_url=server.base_url + "/_sim/", timeout=30) as controls:
                yield url, controls
        return
    with serve_in_child(api=api) as url:
        parts = urlsplit(url)
        with httpx.Client(base_url=f"{parts.scheme}://{parts.netloc}/_sim/",
                          timeout=30) as controls:
            yield url, controls


def _seed(controls: httpx.Client, vouchers: list[dict[str, object]]) -> None:
    for voucher in vouchers:  # one at a time: older simulators numbered a batch alike
        controls.post("vouchers", json=voucher).raise_for_status()


def _state(controls: httpx.Client, code: str) -> dict[str, Any]:
    return dict(controls.get(f"vouchers/{code}").raise_for_status().json())


def cart_voucher(code: str, stock: int) -> dict[str, object]:
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


@contextmanager
def vouchercart(order: list[int], spread: int, *, in_process: bool) -> Iterator[Setup]:
    n = len(order)
    replay_codes = [f"BENC-HREP-{i:04d}-0001" for i in range(spread)]
    raw_codes = [f"BENC-HRAW-{i:04d}-0001" for i in range(spread)]
    with tempfile.TemporaryDirectory() as tmp, simulator(
            "vouchercart", in_process=in_process) as (api_url, controls):
        home = Path(tmp)
        _seed(controls, [cart_voucher(code, n * 10) for code in replay_codes + raw_codes])
        account = signin.sign_in(api_url, "till@demo-shop.example", "till1234",
                                 "demo-shop", home=home)
        tokens = signin.SecretTokens(open_secrets(home)).load()
        assert tokens is not None
        start = datetime.now(UTC) - timedelta(days=7)
        engine = Engine(home, signin.open_backend(account, home=home),
                        domain_id=account.domain_id, staff=account.staff_name, settle_seconds=0)

        def queue() -> None:
            seen(engine, replay_codes, order)
            engine.outbox.add_many(
                OutboxEntry(id=str(uuid.uuid4()), code=replay_codes[order[i]], domain="1",
                            amount=1, kind="quantity", currency=None,
                            redeemed_at=start + timedelta(seconds=i), staff=account.staff_name,
                            kiosk_id="bench", backend="vouchercart", state=EntryState.PENDING,
                            offline=True)
                for i in range(n))

        with httpx.Client(base_url=api_url + "/", timeout=10, headers={
                "Authorization": f"Bearer {tokens.access_token}"}) as client:

            def raw(i: int) -> None:
                at = (start + timedelta(seconds=i)).strftime("%Y-%m-%d %H:%M")
                client.post("redeem", data={"code": raw_codes[order[i]], "domain": "1",
                                            "reductor": "1", "redeemDate": at}
                            ).raise_for_status()

            try:
                yield Setup(raw, queue, engine, lambda: sum(
                    len(_state(controls, c)["redeemHistory"]) for c in replay_codes))
            finally:
                engine.close()


def _platform_voucher(backend: str, code: str, n: int) -> dict[str, object]:
    if backend == "vouchers-api":
        return {"code": code, "type": "fixed", "value": 100, "conditions": {}}
    if backend == "vauchar":
        return {"voucher_code": code, "value": f"{n * 10}.00", "value_unit": "fixed",
                "currency": "GBP"}
    return {"code": code, "discount": {"type": "amount", "value": 1}, "used": 0}


def seen(engine: Engine, codes: list[str], order: list[int]) -> None:
    """The look-ups the till made before the outage, one per queued voucher (untimed): a
    till queues offline only vouchers it has checked (``offline_allow_unseen`` is off by
    default), so each has a cache line."""
    for index in sorted(set(order)):
        engine.lookup(codes[index])


def _raw_loop(backend: str, client: httpx.Client, codes: list[str],
              order: list[int]) -> Callable[[int], None]:
    ids: dict[str, str] = {}
    if backend == "vauchar":  # what the till's look-ups gave it: each voucher's id (untimed)
        for index in sorted(set(order)):
            found = client.get("vouchers/validate", params={"voucher_code": codes[index]})
            ids[codes[index]] = found.raise_for_status().json()["data"]["id"]

    def vouchers_api(i: int) -> None:
        client.post("vouchers/apply", json={
            "code": codes[order[i]], "order_id": f"raw-{i}",
            "order": {"value": 1000, "currency": "GBP"}}).raise_for_status()

    def vauchar(i: int) -> None:
        client.post(f"vouchers/{ids[codes[order[i]]]}/redemptions", json={
            "user_id": "bench", "transaction_id": f"raw-{i}", "value_used": "0.01"}
                    ).raise_for_status()

    def shopwired(i: int) -> None:
        found = client.get("vouchers", params={"code": codes[order[i]]}).raise_for_status()
        voucher = found.json()[0]
        client.put(f"vouchers/{voucher['id']}", json={"used": voucher["used"] + 1}
                   ).raise_for_status()

    return {"vouchers-api": vouchers_api, "vauchar": vauchar, "shopwired": shopwired}[backend]


def _uses(backend: str, controls: httpx.Client, client: httpx.Client, code: str) -> int:
    """Redemptions the server holds for ``code`` (Vauchar lists them through its API)."""
    state = _state(controls, code)
    if backend == "vouchers-api":
        return int(state["usage_count"])
    if backend == "vauchar":
        listed = client.get(f"vouchers/{state['id']}/redemptions").raise_for_status()
        return len(listed.json()["data"])
    return int(state["used"])


@contextmanager
def platform(backend: str, order: list[int], spread: int, *,
             in_process: bool) -> Iterator[Setup]:
    """A key-based platform: its own raw requests vs ``Engine.sync``."""
    n = len(order)
    replay_codes = [f"BENCHREP{i:04d}" for i in range(spread)]
    raw_codes = [f"BENCHRAW{i:04d}" for i in range(spread)]
    discount = backend != "vauchar"
    with tempfile.TemporaryDirectory() as tmp, simulator(
            backend, in_process=in_process) as (api_url, controls):
        home = Path(tmp)
        _seed(controls, [_platform_voucher(backend, code, n)
                         for code in replay_codes + raw_codes])
        account = signin.sign_in_platform(backend, api_url, CREDENTIALS[backend],
                                          staff="bench", home=home)
        auth = {} if backend == "vouchers-api" else {
            "auth": (CREDENTIALS[backend]["username"], CREDENTIALS[backend]["password"])}
        headers = {"Authorization": "Bearer sk_test_demo"} if backend == "vouchers-api" else {}
        engine = Engine(home, signin.open_backend(account, home=home), shop=account.shop,
                        staff="bench", settle_seconds=0)
        start = datetime.now(UTC) - timedelta(hours=1)

        def queue() -> None:
            seen(engine, replay_codes, order)
            engine.outbox.add_many(
                OutboxEntry(id=str(uuid.uuid4()), code=replay_codes[order[i]],
                            domain=account.shop, amount=1,
                            kind="quantity" if discount else "monetary", currency="GBP",
                            redeemed_at=start + timedelta(milliseconds=i), staff="bench",
                            kiosk_id="bench", backend=backend, state=EntryState.PENDING,
                            offline=True, order_total=1000 if discount else None,
                            discount=100 if discount else None)
                for i in range(n))

        with httpx.Client(base_url=api_url + "/", timeout=10, headers=headers,
                          **auth) as client:  # type: ignore[arg-type]
            try:
                yield Setup(_raw_loop(backend, client, raw_codes, order), queue, engine,
                            lambda: sum(_uses(backend, controls, client, c)
                                        for c in replay_codes))
            finally:
                engine.close()


def _timed(action: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), time.process_time()
    action()
    return time.perf_counter() - wall, time.process_time() - cpu


def queue_order(n: int, spread: int, shape: str) -> list[int]:
    """Which voucher (0 … spread - 1) the i-th of the N queued redemptions is of."""
    if shape == "even":
        return [i % spread for i in range(n)]
    rng = random.Random(14)  # a fixed queue: the same in every run
    order = [v for v in range(spread) for _ in range(rng.choice((1, 2, 3)))]
    while len(order) < n:  # too few uses drawn: top up the first vouchers
        order.append(len(order) % spread)
    order = order[:n]
    rng.shuffle(order)
    return order


def run_once(backend: str, n: int, spread: int, *, raw_first: bool,
             in_process: bool = False, shape: str = "even") -> Run:
    """One repetition: fresh simulator and data folder, raw loop and replay timed."""
    order = queue_order(n, spread, shape)
    opened = vouchercart(order, spread, in_process=in_process) if backend == "vouchercart" \
        else platform(backend, order, spread, in_process=in_process)
    with opened as setup:
        setup.queue()
        times: dict[str, tuple[float, float]] = {}
        report: list[Any] = []
        steps = [("raw", lambda: [setup.raw(i) for i in range(n)]),
                 ("sync", lambda: report.append(setup.engine.sync()))]
        for name, action in steps if raw_first else steps[::-1]:
            times[name] = _timed(action)
        applied = len(setup.engine.entries([EntryState.APPLIED], limit=n * 2))
        landed = setup.landed()
    return Run(*times["raw"], *times["sync"], applied=applied, remaining=report[0].remaining,
               lost=n - applied, doubled=max(landed - applied, 0))


def main() -> None:
    args = sys.argv[1:]
    backend, repeat, in_process, shape = "vouchercart", 1, False, "even"
    while args[:1] == ["--in-process"] or (
            args[:1] in (["--backend"], ["--repeat"], ["--shape"]) and len(args) > 1):
        if args[0] == "--in-process":
            in_process, args = True, args[1:]
            continue
        if args[0] == "--backend":
            backend = args[1]
        elif args[0] == "--shape":
            shape = args[1]
            if shape not in ("even", "till"):
                sys.exit(f"--shape is even or till, not {shape!r}")
        else:
            repeat = int(args[1])
        args = args[2:]
    n = int(args[0]) if args else 10_000
    spread = int(args[1]) if len(args) > 1 else (n // 2 if shape == "till" else 100)
    where = "in this process" if in_process else "in a child process"
    print(f"replay of {n} queued redemptions over {spread} vouchers ({shape}) on {backend} "
          f"(simulator {where}), {repeat} repetition(s), raw and replay in alternating order")
    runs: list[Run] = []
    for index in range(repeat):
        run = run_once(backend, n, spread, raw_first=index % 2 == 0, in_process=in_process,
                       shape=shape)
        runs.append(run)
        print(f"  #{index + 1}: raw {run.raw_wall:7.2f} s ({run.raw_wall / n * 1000:.2f} ms "
              f"each, cpu {run.raw_cpu:.2f} s)  sync {run.sync_wall:7.2f} s "
              f"({run.sync_wall / n * 1000:.2f} ms each, cpu {run.sync_cpu:.2f} s)  "
              f"ratio {run.sync_wall / run.raw_wall:.2f}x wall, "
              f"{run.sync_cpu / run.raw_cpu:.2f}x cpu  applied {run.applied}, "
              f"remaining {run.remaining}, lost {run.lost}, doubled {run.doubled}",
              flush=True)
    print(f"  median ratio (sync/raw): "
          f"{statistics.median(r.sync_wall / r.raw_wall for r in runs):.2f}x wall, "
          f"{statistics.median(r.sync_cpu / r.raw_cpu for r in runs):.2f}x cpu")
    print(f"  lost    : {sum(r.lost for r in runs)}")
    print(f"  doubled : {sum(r.doubled for r in runs)}")


if __name__ == "__main__":
    main()
