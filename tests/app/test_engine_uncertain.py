"""Answers that may hide an applied redemption, on each platform: never re-sent before they
settle and are confirmed (an idempotent platform may re-send at once: its server answers a
repeat with the first application)."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kiosk.app.engine import Engine
from kiosk.domain.outcomes import EntryState, RedeemStatus, UndoStatus
from kiosk.store.database import utc_now
from tests.app.conftest import open_engine
from tests.helpers.cases import Platform
from tests.helpers.demo import GBP50
from tests.helpers.mangler import ManglingProxy, Rule, mangling
from tests.helpers.sim import API_PATHS, Sim


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = utc_now()

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def proxy(server: Sim) -> Iterator[ManglingProxy]:
    with mangling(server.base_url) as running:
        yield running


@pytest.mark.parametrize("forward", [True, False], ids=["applied", "never-arrived"])
def test_a_garbled_200_on_the_write_is_confirmed_not_trusted(
    platform: Platform, server: Sim, proxy: ManglingProxy, kiosk_home: Path, forward: bool
) -> None:
    """A 200 whose body is not the API's answer (an edge proxy's, a captive portal's): the
    write may or may not have reached the server; either way nothing is lost or doubled."""
    account = platform.sign_in(proxy.url(API_PATHS[platform.name]), kiosk_home)
    engine = open_engine(account, kiosk_home, settle_seconds=0.0)
    try:
        code = platform.case.add(server)
        engine.lookup(code)
        proxy.add(Rule(platform.write_prefix, "status", method=platform.write_method,
                       status=200, body=b'{"unexpected": true}',
                       content_type="application/json", forward=forward))
        outcome = platform.case.redeem(engine, code)
        assert outcome.status in (RedeemStatus.APPLIED, RedeemStatus.QUEUED), outcome.message
        for _ in range(3):
            engine.sync()
        entry = engine.outbox.get(outcome.entry_id or "")
        assert entry is not None
        assert entry.state is EntryState.APPLIED, entry.last_error
        assert platform.count(server, code) == 1, "lost or doubled"
    finally:
        engine.close()


@pytest.mark.parametrize("mode", ["html", "json"])
def test_5xx_on_the_write_settles_before_resend(
    platform: Platform, server: Sim, make_platform_engine: Callable[..., Engine], mode: str
) -> None:
    """A 502/500 may come from a proxy while the server still works on the request: not
    re-sent before its settle window, unless the platform is idempotent."""
    clock = Clock()
    engine = make_platform_engine(settle_seconds=30.0, clock=clock)
    code = platform.case.add(server)
    engine.lookup(code)
    server.fail_next(1, mode=mode, path=platform.write_path(server, code),
                     method=platform.write_method)
    assert platform.case.redeem(engine, code).status is RedeemStatus.QUEUED
    [entry] = engine.entries()
    assert entry.uncertain
    assert entry.resend_after is not None
    report = engine.sync()
    if platform.capabilities.idempotent:
        assert report.applied == 1, report  # a repeat cannot count twice: sent again at once
    else:
        assert (report.applied, report.remaining) == (0, 1), report
        assert len(platform.writes(server, code)) == 1  # not re-sent before settling
        clock.now += timedelta(seconds=31)
        assert engine.sync().applied == 1
    assert platform.count(server, code) == 1
    assert len(platform.writes(server, code)) == 2


@pytest.mark.parametrize("marker", ["bare pid", "another instance"])
def test_sending_entry_of_a_previous_boot_is_recovered_and_settles(
    platform: Platform, server: Sim, make_platform_engine: Callable[..., Engine], marker: str
) -> None:
    """After a reboot our PID may be the crashed process's: its entry is not held forever,
    and it is not re-sent before it settles (the request may still land)."""
    clock = Clock()
    engine = make_platform_engine(settle_seconds=30.0, clock=clock)
    code = platform.case.add(server)
    engine.lookup(code)
    engine.set_offline_override(True)
    entry_id = platform.case.redeem(engine, code).entry_id
    assert entry_id is not None
    assert engine.outbox.claim(entry_id)
    owner: object = os.getpid() if marker == "bare pid" else f"{os.getpid()}:a-previous-boot"
    with engine.store.write() as db:
        db.execute("UPDATE outbox SET sending_pid = ? WHERE id = ?", [owner, entry_id])
    engine.set_offline_override(None)
    report = engine.sync()
    entry = engine.outbox.get(entry_id)
    assert entry is not None
    if platform.capabilities.idempotent:
        assert entry.state is EntryState.APPLIED  # confirmed not there, re-sent at once
    else:
        assert entry.state is EntryState.PENDING
        assert entry.uncertain
        assert entry.resend_after is not None
        assert entry.resend_after > clock.now
        assert report.applied == 0
        assert not platform.writes(server, code)
        clock.now += timedelta(seconds=31)
        assert engine.sync().applied == 1
    assert platform.count(server, code) == 1


def test_own_sending_entry_is_held(make_engine: Callable[..., Engine]) -> None:
    engine = make_engine()
    engine.lookup(GBP50)
    engine.set_offline_override(True)
    entry_id = engine.redeem(GBP50, 300).entry_id
    assert entry_id is not None
    assert engine.outbox.claim(entry_id)
    assert engine.outbox.recover_in_flight() == 0


def test_a_failed_confirmation_after_a_lost_answer_never_says_not_redeemed(
    platform: Platform, server: Sim, proxy: ManglingProxy, kiosk_home: Path
) -> None:
    """The write was applied and its answer lost; the till's confirmation ("did it land?")
    then fails too (a 503 on its read). The money may be taken: staff must hear "saved", not
    an error that invites taking payment another way, and it is counted once in the end."""
    account = platform.sign_in(proxy.url(API_PATHS[platform.name]), kiosk_home)
    engine = open_engine(account, kiosk_home, settle_seconds=0.0)
    try:
        # How many requests a redeem whose answer is lost makes here (its last one confirms).
        rehearsal = platform.case.add(server)
        engine.lookup(rehearsal)
        server.drop_next(1)
        before = len(proxy.seen)
        platform.case.redeem(engine, rehearsal)
        requests = len(proxy.seen) - before
        code = platform.case.add(server)
        engine.lookup(code)
        server.drop_next(1)
        proxy.add(Rule("/", "status", skip=requests - 1, status=503, forward=False,
                       body=b"<html><body>503 Service Unavailable</body></html>"))
        outcome = platform.case.redeem(engine, code)  # raised before the fix
        assert outcome.status is RedeemStatus.QUEUED, outcome.message
        assert platform.count(server, code) == 1  # the server did take it
        for _ in range(3):
            engine.sync()
        assert platform.count(server, code) == 1, "doubled"
        entry = engine.outbox.get(outcome.entry_id or "")
        assert entry is not None
        assert entry.state is EntryState.APPLIED
    finally:
        engine.close()


@pytest.mark.parametrize("platform", ["vouchers-api", "shopwired"], indirect=True)
def test_a_failed_read_after_an_answered_write_is_never_cancelled_as_unsent(
    platform: Platform, server: Sim, proxy: ManglingProxy, kiosk_home: Path
) -> None:
    """The write was answered (applied); the adapter's read of the voucher after it fails
    (Vouchers API reads the voucher after the apply, ShopWired re-reads for its marker). The
    entry must not look as if no request had reached the server: an undo would then cancel
    it "on the till" while the server keeps the use, and the books would say it never
    happened."""
    account = platform.sign_in(proxy.url(API_PATHS[platform.name]), kiosk_home)
    engine = open_engine(account, kiosk_home, settle_seconds=0.0)
    try:
        # Where, in a clean redeem, its last read is (the one after the write, if any).
        rehearsal = platform.case.add(server)
        engine.lookup(rehearsal)
        before = len(proxy.seen)
        platform.case.redeem(engine, rehearsal)
        seen = proxy.seen[before:]
        write = max(i for i, (method, path, _) in enumerate(seen)
                    if method == platform.write_method and path.startswith(platform.write_prefix))
        last_read = len(seen) - 1
        assert last_read > write, f"no read after the write here: {seen}"
        code = platform.case.add(server)
        engine.lookup(code)
        proxy.add(Rule("/", "status", skip=last_read, status=503, forward=False,
                       body=b"<html><body>503 Service Unavailable</body></html>"))
        outcome = platform.case.redeem(engine, code)
        assert outcome.status in (RedeemStatus.APPLIED, RedeemStatus.QUEUED), outcome.message
        assert platform.count(server, code) == 1
        undo = engine.undo_last(outcome.entry_id)
        assert undo.status is not UndoStatus.CANCELLED, (
            f"cancelled as never sent, but the server has it: {undo.message}")
        for _ in range(3):
            engine.sync()
        entry = engine.outbox.get(outcome.entry_id or "")
        assert entry is not None
        assert entry.state in (EntryState.APPLIED, EntryState.REVERSED)
        assert platform.count(server, code) == (0 if entry.state is EntryState.REVERSED else 1)
    finally:
        engine.close()
