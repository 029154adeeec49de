"""Answers that may hide an applied redemption: never re-sent before settling and reconciling."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import httpx
import pytest

from kiosk.app import signin
from kiosk.app.engine import Engine
from kiosk.backends.vouchercart.backend import VoucherCartBackend
from kiosk.backends.vouchercart.client import VoucherCartClient
from kiosk.backends.vouchercart.session import Session
from kiosk.domain.outcomes import EntryState, RedeemStatus
from kiosk.store.database import utc_now
from kiosk.store.secrets import open_secrets
from tests.helpers.app import history
from tests.helpers.demo import GBP50
from tests.helpers.sim import Sim


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = utc_now()

    def __call__(self) -> datetime:
        return self.now


def _garbling_proxy(sim: Sim, garble: list[int]) -> httpx.MockTransport:
    """Forwards to the real simulator; the first ``garble[0]`` redeem answers come back 200
    with a body that is not a voucher (an edge proxy mangling it: the sim never does)."""
    upstream = httpx.HTTPTransport()

    def handle(request: httpx.Request) -> httpx.Response:
        response = upstream.handle_request(request)
        response.read()
        if request.url.path.endswith("/redeem") and garble[0] > 0:
            garble[0] -= 1
            return httpx.Response(200, json={"unexpected": True})
        return httpx.Response(response.status_code, headers=response.headers,
                              content=response.content)

    return httpx.MockTransport(handle)


@pytest.fixture
def garbled(account: signin.Account, sim: Sim, kiosk_home: Path) -> Iterator[Engine]:
    client = VoucherCartClient(account.server_url, transport=_garbling_proxy(sim, [1]))
    backend = VoucherCartBackend(
        client, Session(client, signin.SecretTokens(open_secrets(kiosk_home))), account.domain_id)
    engine = Engine(kiosk_home, backend, domain_id=account.domain_id, settle_seconds=0.0)
    yield engine
    engine.close()


def test_unreadable_2xx_on_redeem_is_reconciled_not_doubled(
    garbled: Engine, sim: Sim
) -> None:
    garbled.lookup(GBP50)
    outcome = garbled.redeem(GBP50, 300)
    [entry] = garbled.entries()
    assert entry.state is EntryState.APPLIED or entry.uncertain, entry
    assert outcome.status in (RedeemStatus.APPLIED, RedeemStatus.QUEUED)
    garbled.sync()
    assert [e.state for e in garbled.entries()] == [EntryState.APPLIED]
    assert len(history(sim, GBP50)) == 1
    assert sim.voucher(GBP50)["current"] == 300
    assert len(sim.requests("POST", "/v1/redeem")) == 1


@pytest.mark.parametrize("mode", ["html", "json"])
def test_5xx_on_redeem_settles_before_resend(
    make_engine: Callable[..., Engine], sim: Sim, mode: str
) -> None:
    """A 502/500 may come from a proxy while the server still works on the request."""
    clock = Clock()
    engine = make_engine(settle_seconds=30.0, clock=clock)
    engine.lookup(GBP50)
    sim.fail_next(1, mode=mode, path="/v1/redeem")
    assert engine.redeem(GBP50, 300).status is RedeemStatus.QUEUED
    [entry] = engine.entries()
    assert entry.uncertain
    assert entry.resend_after is not None
    report = engine.sync()
    assert report.applied == 0, report
    assert report.remaining == 1, report
    assert len(sim.requests("POST", "/v1/redeem")) == 1  # not re-sent before settling
    clock.now += timedelta(seconds=31)
    assert engine.sync().applied == 1
    assert sim.voucher(GBP50)["current"] == 300
    assert len(sim.requests("POST", "/v1/redeem")) == 2


@pytest.mark.parametrize("marker", ["bare pid", "another instance"])
def test_sending_entry_of_a_previous_boot_is_recovered_and_settles(
    make_engine: Callable[..., Engine], sim: Sim, marker: str
) -> None:
    """After a reboot our PID may be the crashed process's: its entry is not held forever,
    and it is not re-sent before it settles (the request may still land)."""
    clock = Clock()
    engine = make_engine(settle_seconds=30.0, clock=clock)
    engine.lookup(GBP50)
    engine.set_offline_override(True)
    entry_id = engine.redeem(GBP50, 300).entry_id
    assert entry_id is not None
    assert engine.outbox.claim(entry_id)
    owner: object = os.getpid() if marker == "bare pid" else f"{os.getpid()}:a-previous-boot"
    with engine.store.write() as db:
        db.execute("UPDATE outbox SET sending_pid = ? WHERE id = ?", [owner, entry_id])
    engine.set_offline_override(None)
    report = engine.sync()
    entry = engine.outbox.get(entry_id)
    assert entry is not None
    assert entry.state is EntryState.PENDING
    assert entry.uncertain
    assert entry.resend_after is not None
    assert entry.resend_after > clock.now
    assert report.applied == 0
    assert not sim.requests("POST", "/v1/redeem")
    clock.now += timedelta(seconds=31)
    assert engine.sync().applied == 1
    assert len(history(sim, GBP50)) == 1


def test_own_sending_entry_is_held(make_engine: Callable[..., Engine]) -> None:
    engine = make_engine()
    engine.lookup(GBP50)
    engine.set_offline_override(True)
    entry_id = engine.redeem(GBP50, 300).entry_id
    assert entry_id is not None
    assert engine.outbox.claim(entry_id)
    assert engine.outbox.recover_in_flight() == 0
