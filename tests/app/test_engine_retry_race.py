"""Retrying one conflict twice at once (a double tap; the CLI and the till) redeems once."""

from __future__ import annotations

import threading
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from kiosk.app.engine import Engine
from kiosk.app.qt.controller import KioskController
from kiosk.domain.errors import InvalidRequest
from kiosk.domain.outcomes import EntryState, RedeemOutcome, RedeemStatus
from tests.helpers.app import make_voucher
from tests.helpers.sim import Sim


def _conflict(engine: Engine, sim: Sim, code: str) -> str:
    """A 10.00 offline redemption refused (voucher refunded), then the refund undone: the
    voucher has room for the retry twice over."""
    sim.add_voucher(make_voucher(code, stock=5000))
    engine.lookup(code)
    engine.set_offline_override(True)
    entry_id = engine.redeem(code, 1000).entry_id
    assert entry_id is not None
    voucher = sim.voucher(code)
    sim.add_voucher({**voucher, "status": "refunded"})
    engine.set_offline_override(None)
    assert engine.sync().rejected == 1
    sim.add_voucher({**voucher, "status": "in_progress"})
    return entry_id


def test_concurrent_retries_redeem_once(
    make_engine: Callable[..., Engine], sim: Sim
) -> None:
    first, second = make_engine(), make_engine()  # two handles on one till's outbox
    entry_id = _conflict(first, sim, "RACE-RETR-YTWO-0001")
    before = len(sim.requests("POST", "/v1/redeem"))
    start = threading.Barrier(3, timeout=10)
    outcomes: list[RedeemOutcome] = []
    refused: list[InvalidRequest] = []

    def retry(engine: Engine) -> None:
        start.wait()
        try:
            outcomes.append(engine.retry_conflict(entry_id))
        except InvalidRequest as exc:
            refused.append(exc)

    threads = [threading.Thread(target=retry, args=(e,)) for e in (first, first, second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=20)
    assert [o.status for o in outcomes] == [RedeemStatus.APPLIED]
    assert len(refused) == 2
    assert len(sim.requests("POST", "/v1/redeem")) == before + 1
    assert sim.voucher("RACE-RETR-YTWO-0001")["current"] == 1000
    entry = first.outbox.get(entry_id)
    assert entry is not None
    assert entry.state is EntryState.WRITTEN_OFF
    assert entry.note == f"retried as {outcomes[0].entry_id}"


def test_refused_retry_leaves_the_conflict_open(engine: Engine, sim: Sim) -> None:
    entry_id = _conflict(engine, sim, "RACE-RETR-YTWO-0002")
    voucher = sim.voucher("RACE-RETR-YTWO-0002")
    sim.add_voucher({**voucher, "status": "refunded"})
    assert engine.retry_conflict(entry_id).status is RedeemStatus.REFUSED
    entry = engine.outbox.get(entry_id)
    assert entry is not None
    assert entry.state is EntryState.REJECTED
    assert entry.note == ""
    assert engine.connectivity().conflicts == 1


def test_double_tap_on_retry_runs_once(
    qtbot: QtBot, engine: Engine, sim: Sim
) -> None:
    entry_id = _conflict(engine, sim, "RACE-RETR-YTWO-0003")
    controller = KioskController(engine)
    failures: list[tuple[str, object]] = []
    done: list[RedeemOutcome] = []
    controller.redeem_done.connect(done.append)

    def failed(exc: BaseException) -> None:
        failures.append(("retry", exc))

    try:
        controller.retry_conflict(entry_id, failed)
        controller.retry_conflict(entry_id, failed)  # second tap while the first is running
        qtbot.waitUntil(lambda: bool(done) and not controller.runner.busy, timeout=10_000)
    finally:
        controller.close()
    assert [o.status for o in done] == [RedeemStatus.APPLIED]
    assert failures == []


def test_retry_guard_released_after_failure(qtbot: QtBot, engine: Engine) -> None:
    controller = KioskController(engine)
    failures: list[str] = []
    try:
        for _ in range(2):
            controller.retry_conflict("no-such-entry", lambda _exc: failures.append("retry"))
            qtbot.waitUntil(lambda: not controller.runner.busy, timeout=10_000)
    finally:
        controller.close()
    assert failures == ["retry", "retry"]
