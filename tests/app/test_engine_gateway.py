"""Faults from gateways and broken servers between the till and the API (issue #10).

A mangling proxy (``mangler.py``) sits between a real engine and the real simulator: 5xx
after the server applied, maintenance redirects, refusals labelled ``text/html``, answers
about the wrong voucher or with impossible numbers, trickled and endless bodies.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from kiosk.app import signin
from kiosk.app.engine import Engine
from kiosk.app.signin import SecretTokens
from kiosk.backends.vouchercart import Session, VoucherCartBackend, VoucherCartClient
from kiosk.domain.errors import RefusalReason
from kiosk.domain.outcomes import EntryState, RedeemStatus
from kiosk.store.secrets import open_secrets
from tests.helpers.app import history
from tests.helpers.demo import GBP50, TILL
from tests.helpers.mangler import ManglingProxy, Rule, mangling
from tests.helpers.sim import Sim

API_REFUSAL_1011 = (b'{"code": 1011, "errors": {}, "message": "Voucher cannot be reduced", '
                    b'"status": "failed"}')


@pytest.fixture
def proxy(sim: Sim) -> Iterator[ManglingProxy]:
    with mangling(sim.base_url) as running:
        yield running


@pytest.fixture
def proxied(proxy: ManglingProxy, kiosk_home: Path) -> Iterator[Callable[..., Engine]]:
    """Engines signed in through the proxy."""
    account = signin.sign_in(proxy.api_url, TILL[0], TILL[1], "demo-shop", home=kiosk_home)
    engines: list[Engine] = []

    def make(*, deadline: float | None = None, **options: Any) -> Engine:
        options.setdefault("settle_seconds", 0.0)
        if deadline is None:
            backend = signin.open_backend(account, home=kiosk_home)
        else:
            client = VoucherCartClient(account.server_url, deadline=deadline)
            session = Session(client, SecretTokens(open_secrets(kiosk_home)))
            backend = VoucherCartBackend(client, session, account.domain_id)
        engine = Engine(kiosk_home, backend, domain_id=account.domain_id,
                        staff=account.staff_name, **options)
        engines.append(engine)
        return engine

    yield make
    for engine in engines:
        engine.close()


def _sync_until_done(engine: Engine, passes: int = 4) -> None:
    for _ in range(passes):
        if engine.sync().remaining == 0:
            return


# --- 1. a 5xx (or any answer not the API's own) after the server applied: never re-sent ------

@pytest.mark.parametrize(("status", "body", "content_type"), [
    (503, b"<html>Service Unavailable</html>", "text/html"),
    (502, b"<html>Bad Gateway</html>", "text/html"),
    (504, b"", "text/plain"),
    (500, b'{"code": 500, "message": "upstream", "status": "failed"}', "application/json"),
    (404, b'{"code": 404, "message": "Not Found"}', "application/json"),  # a proxy's JSON
    (400, b"<html>Bad Request</html>", "text/html"),
])
def test_gateway_error_after_apply_is_reconciled_not_resent(
    proxied: Callable[..., Engine], proxy: ManglingProxy, sim: Sim,
    status: int, body: bytes, content_type: str,
) -> None:
    engine = proxied()
    proxy.add(Rule("/v1/redeem", "status", status=status, body=body,
                   content_type=content_type))
    outcome = engine.redeem(GBP50, 300)
    assert outcome.status in (RedeemStatus.APPLIED, RedeemStatus.QUEUED), outcome
    _sync_until_done(engine)
    assert [e.state for e in engine.entries()] == [EntryState.APPLIED]
    assert history(sim, GBP50) == [(300, history(sim, GBP50)[0][1])]
    assert len(sim.requests("POST", "/v1/redeem")) == 1


def test_simulator_fault_after_serving_is_reconciled(
    proxied: Callable[..., Engine], sim: Sim
) -> None:
    """The simulator's own control: serve (apply), then answer 503."""
    engine = proxied()
    sim.fail_next(1, mode="html", status=503, path="/v1/redeem", after=True)
    engine.redeem(GBP50, 300)
    _sync_until_done(engine)
    assert len(history(sim, GBP50)) == 1
    assert [e.state for e in engine.entries()] == [EntryState.APPLIED]


# --- 3. a maintenance redirect during replay: transient, never a conflict ------------------------

def test_maintenance_redirect_during_replay_keeps_entries_queued(
    proxied: Callable[..., Engine], proxy: ManglingProxy, sim: Sim
) -> None:
    engine = proxied()
    engine.lookup(GBP50)
    engine.set_offline_override(True)
    for amount in (100, 200):
        assert engine.redeem(GBP50, amount).status is RedeemStatus.QUEUED
    engine.set_offline_override(None)
    proxy.add(Rule("/v1/", "redirect", count=10))
    report = engine.sync()
    assert report.rejected == 0
    assert engine.connectivity().conflicts == 0
    assert {e.state for e in engine.entries()} == {EntryState.PENDING}
    proxy.rules.clear()
    _sync_until_done(engine)
    assert {e.state for e in engine.entries()} == {EntryState.APPLIED}
    assert sorted(a for a, _ in history(sim, GBP50)) == [100, 200]


def test_sim_maintenance_redirect_is_transient(
    proxied: Callable[..., Engine], sim: Sim
) -> None:
    engine = proxied()
    engine.lookup(GBP50)
    engine.set_offline_override(True)
    engine.redeem(GBP50, 100)
    engine.set_offline_override(None)
    sim.fail_next(3, mode="redirect", path="/v1/redeem")
    engine.sync()
    assert engine.connectivity().conflicts == 0
    _sync_until_done(engine)
    assert [a for a, _ in history(sim, GBP50)] == [100]


# --- 12. the API's own refusal is final whatever its content type says ---------------------------

def test_refusal_labelled_html_is_final_not_retried(
    proxied: Callable[..., Engine], proxy: ManglingProxy, sim: Sim
) -> None:
    engine = proxied()
    proxy.add(Rule("/v1/redeem", "status", status=422, body=API_REFUSAL_1011,
                   content_type="text/html", forward=False))
    outcome = engine.redeem(GBP50, 300)
    assert outcome.status is RedeemStatus.REFUSED
    assert outcome.reason is RefusalReason.CANNOT_REDUCE
    engine.sync()
    assert [e.state for e in engine.entries()] == [EntryState.REJECTED]
    assert [p for m, p, _ in proxy.seen if p == "/v1/redeem"] == ["/v1/redeem"]


# --- 10. answers that cannot be believed are neither shown nor cached ----------------------------

def _without(key: str) -> Callable[[Any], Any]:
    def rewrite(data: Any) -> Any:
        data.pop(key, None)
        return data
    return rewrite


def _setting(key: str, value: object) -> Callable[[Any], Any]:
    def rewrite(data: Any) -> Any:
        data[key] = value
        return data
    return rewrite


BAD_ANSWERS = {
    "no stock": _without("stock"),
    "no current": _without("current"),
    "another code": _setting("code", "GB10-0PRT-LY8D-2WQC"),
    "negative current": _setting("current", -10000),
    "used beyond value": _setting("current", 999999),
}


@pytest.mark.parametrize("mangle", BAD_ANSWERS.values(), ids=BAD_ANSWERS.keys())
def test_bad_status_answer_is_not_shown_or_cached(
    proxied: Callable[..., Engine], proxy: ManglingProxy, mangle: Callable[[Any], Any]
) -> None:
    engine = proxied()
    good = engine.lookup(GBP50)
    assert good.voucher is not None
    cached = engine.cache.get(GBP50)
    assert cached is not None
    proxy.add(Rule("/v1/status", "rewrite", rewrite=mangle))
    bad = engine.lookup(GBP50)
    assert bad.offline, bad  # fell back to what the till knew
    assert bad.voucher == good.voucher
    after = engine.cache.get(GBP50)
    assert after is not None
    assert after.voucher == cached.voucher
    engine.set_offline_override(True)
    assert engine.redeem(GBP50, 100).status is RedeemStatus.QUEUED  # not "fully redeemed"


def test_redeem_answer_about_another_voucher_is_uncertain(
    proxied: Callable[..., Engine], proxy: ManglingProxy, sim: Sim
) -> None:
    engine = proxied()
    proxy.add(Rule("/v1/redeem", "rewrite", rewrite=_setting("code", "OTHER-CODE-0000")))
    engine.redeem(GBP50, 300)
    _sync_until_done(engine)
    assert [a for a, _ in history(sim, GBP50)] == [300]
    assert [e.state for e in engine.entries()] == [EntryState.APPLIED]


# --- 7. a trickling or endless answer cannot hang the till ----------------------------------------

@pytest.mark.parametrize("action", ["trickle", "trickle-all"])
def test_trickling_answer_is_abandoned_at_the_deadline(
    proxied: Callable[..., Engine], proxy: ManglingProxy, action: str
) -> None:
    """Each byte comes well within the read timeout; the whole answer would take minutes."""
    engine = proxied(deadline=2.0)
    engine.lookup(GBP50)
    proxy.add(Rule("/v1/status", action, interval=0.4))
    started = time.monotonic()
    lookup = engine.lookup(GBP50)
    assert time.monotonic() - started < 6
    assert lookup.offline


def test_trickled_redeem_answer_is_uncertain_not_doubled(
    proxied: Callable[..., Engine], proxy: ManglingProxy, sim: Sim
) -> None:
    engine = proxied(deadline=2.0)
    proxy.add(Rule("/v1/redeem", "trickle", interval=0.4))
    started = time.monotonic()
    engine.redeem(GBP50, 300)
    assert time.monotonic() - started < 8
    _sync_until_done(engine)
    assert [a for a, _ in history(sim, GBP50)] == [300]


@pytest.mark.parametrize("path", ["/v1/status", "/v1/redeem"])
def test_endless_answer_is_capped(
    proxied: Callable[..., Engine], proxy: ManglingProxy, sim: Sim, path: str
) -> None:
    engine = proxied()
    engine.lookup(GBP50)
    proxy.add(Rule(path, "endless"))
    if path == "/v1/status":
        assert engine.lookup(GBP50).offline
    else:
        assert engine.redeem(GBP50, 300).status is RedeemStatus.QUEUED
        assert history(sim, GBP50) == []  # the proxy never forwarded it
        _sync_until_done(engine)
        assert [a for a, _ in history(sim, GBP50)] == [300]
