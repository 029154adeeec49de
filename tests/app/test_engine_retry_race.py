"""Two at once on one till's outbox (a double tap; the CLI and the till), on each platform:
retrying one conflict twice redeems once; two replays of one queue send each entry once."""

from __future__ import annotations

import threading
from collections.abc import Callable

from pytestqt.qtbot import QtBot

from kiosk.app.engine import Engine
from kiosk.app.qt.controller import KioskController
from kiosk.domain.errors import InvalidRequest
from kiosk.domain.outcomes import EntryState, RedeemOutcome, RedeemStatus
from kiosk.sync.replay import SyncReport
from tests.helpers.cases import PLATFORMS, Platform
from tests.helpers.sim import Sim


def _conflict(engine: Engine, server: Sim, platform: Platform) -> tuple[str, str]:
    """A queued redemption refused on replay (the voucher was switched off), then the voucher
    switched on again: it has room for the retry twice over. Returns (code, entry id)."""
    code = platform.case.add(server)
    engine.lookup(code)
    before = platform.snapshot(server, code)
    engine.set_offline_override(True)
    entry_id = platform.case.redeem(engine, code).entry_id
    assert entry_id is not None
    platform.withdraw(server, code, "deactivated")
    engine.set_offline_override(None)
    assert engine.sync().rejected == 1
    platform.restore(server, before)
    return code, entry_id


def _together(*calls: Callable[[], object]) -> None:
    """Run ``calls`` in threads released at the same moment."""
    start = threading.Barrier(len(calls), timeout=10)

    def run(call: Callable[[], object]) -> None:
        start.wait()
        call()

    threads = [threading.Thread(target=run, args=(call,)) for call in calls]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)


def test_concurrent_retries_redeem_once(platform: Platform, server: Sim,
                                        make_platform_engine: Callable[..., Engine]) -> None:
    first, second = make_platform_engine(), make_platform_engine()  # two handles, one outbox
    code, entry_id = _conflict(first, server, platform)
    before = len(platform.writes(server, code))
    outcomes: list[RedeemOutcome] = []
    refused: list[InvalidRequest] = []

    def retry(engine: Engine) -> None:
        try:
            outcomes.append(engine.retry_conflict(entry_id))
        except InvalidRequest as exc:
            refused.append(exc)

    _together(lambda: retry(first), lambda: retry(first), lambda: retry(second))
    assert [o.status for o in outcomes] == [RedeemStatus.APPLIED], outcomes
    assert len(refused) == 2
    assert len(platform.writes(server, code)) == before + 1
    assert platform.count(server, code) == 1
    entry = first.outbox.get(entry_id)
    assert entry is not None
    assert entry.state is EntryState.WRITTEN_OFF
    assert entry.note == f"retried as {outcomes[0].entry_id}"


def test_two_replays_at_once_send_each_entry_once(
    platform: Platform, server: Sim, make_platform_engine: Callable[..., Engine]
) -> None:
    """The till's background sync and ``kiosk queue sync`` on the same queue, released
    together: each entry goes out once, whoever sends it."""
    first, second = make_platform_engine(), make_platform_engine()
    codes = [platform.case.add(server) for _ in range(3)]
    for code in codes:
        first.lookup(code)
    first.set_offline_override(True)
    queued = [platform.case.redeem(first, code) for code in codes for _ in range(2)]
    assert {q.status for q in queued} == {RedeemStatus.QUEUED}
    first.set_offline_override(None)
    reports: list[SyncReport] = []
    _together(lambda: reports.append(first.sync()), lambda: reports.append(second.sync()))
    for engine in (first, second):
        engine.sync()  # whatever one left because the other held a voucher
    assert sum(r.applied for r in reports) <= len(queued)
    for code in codes:
        assert platform.count(server, code) == 2, f"{code}: lost or doubled"
    paths = {platform.write_path(server, code) for code in codes}
    assert sum(len(server.requests(platform.write_method, p)) for p in paths) == len(queued)
    assert {first.outbox.get(q.entry_id or "").state  # type: ignore[union-attr]
            for q in queued} == {EntryState.APPLIED}


def test_refused_retry_leaves_the_conflict_open(platform: Platform, server: Sim,
                                                platform_engine: Engine) -> None:
    code, entry_id = _conflict(platform_engine, server, platform)
    platform.withdraw(server, code, "deactivated")
    assert platform_engine.retry_conflict(entry_id).status is RedeemStatus.REFUSED
    entry = platform_engine.outbox.get(entry_id)
    assert entry is not None
    assert entry.state is EntryState.REJECTED
    assert entry.note == ""
    assert platform_engine.connectivity().conflicts == 1


def test_double_tap_on_retry_runs_once(
    qtbot: QtBot, engine: Engine, sim: Sim
) -> None:
    _, entry_id = _conflict(engine, sim, PLATFORMS["vouchercart"])
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
