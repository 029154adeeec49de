"""The engine on all four platforms, against each platform's simulator: online, offline and
replayed, a lost answer, a gateway error after the server applied it, a crash mid-send -
nothing lost, nothing doubled. Each platform confirms an uncertain entry its own way."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from kiosk.app import signin
from kiosk.app.engine import Engine
from kiosk.domain.outcomes import EntryState, RedeemStatus
from tests.helpers.demo import DOMAIN, TILL
from tests.helpers.sim import Sim


@dataclass(frozen=True)
class Case:
    """One platform: a demo voucher, how to redeem it, how to count what the server holds."""

    api: str
    code: str
    write_path: str
    amount: int | None = None
    order_total: int | None = None
    credentials: tuple[tuple[str, str], ...] = ()

    def count(self, server: Sim) -> Any:
        state = server.voucher(self.code)
        if self.api == "vouchercart":
            return state["current"]
        if self.api == "vouchers-api":
            return state["usage_count"]
        if self.api == "vauchar":
            stored = server.simulator.store.item_by_code(self.code)
            assert stored is not None
            return len(stored["redemptions"])
        return state["used"]

    def step(self) -> int:
        """How much one redemption moves ``count``."""
        return self.amount or 0 if self.api == "vouchercart" else 1


CASES = [
    Case("vouchercart", "GB50-K7QX-9M2F-4TZB", "/v1/redeem", amount=500),
    Case("vouchers-api", "TENOFF", "/v1/vouchers/apply", order_total=5000,
         credentials=(("api_key", "sk_test_demo"),)),
    Case("vauchar", "GIFT100DEMO02", "/vouchers/vcr-demo00000000000002/redemptions",
         amount=1000, credentials=(("username", "demo-merchant"),
                                   ("password", "demo-api-key"))),
    Case("shopwired", "TENOFF", "/v1/vouchers/1", order_total=5000,
         credentials=(("username", "demo-key"), ("password", "demo-secret"))),
]


@pytest.fixture(params=CASES, ids=[c.api for c in CASES])
def case(request: pytest.FixtureRequest) -> Case:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def server(case: Case, sim_of: Callable[..., Sim]) -> Sim:
    return sim_of(case.api)


@pytest.fixture
def engine(case: Case, server: Sim, kiosk_home: Path) -> Iterator[Engine]:
    if case.api == "vouchercart":
        account = signin.sign_in(server.api_url, *TILL, DOMAIN, home=kiosk_home)
    else:
        account = signin.sign_in_platform(case.api, server.api_url, dict(case.credentials),
                                          staff="anna", home=kiosk_home)
    backend = signin.open_backend(account, home=kiosk_home)
    shop = account.shop if case.api != "vouchercart" else None
    engine = Engine(kiosk_home, backend, domain_id=account.domain_id if shop is None else None,
                    shop=shop, staff="anna", settle_seconds=0.0)
    yield engine
    engine.close()


def redeem(engine: Engine, case: Case) -> Any:
    return engine.redeem(case.code, case.amount, order_total=case.order_total)


def test_online(engine: Engine, case: Case, server: Sim) -> None:
    before = case.count(server)
    outcome = redeem(engine, case)
    assert outcome.status is RedeemStatus.APPLIED, outcome.message
    assert case.count(server) == before + case.step()
    entry = engine.outbox.get(outcome.entry_id)
    assert entry is not None
    assert entry.state is EntryState.APPLIED
    assert entry.reference  # the server's own reference (VoucherCart: the minute)
    if case.order_total is not None:
        assert outcome.discount is not None
        assert outcome.to_pay == case.order_total - outcome.discount
        assert "customer pays" in outcome.message


def test_offline_then_replayed_once(engine: Engine, case: Case, server: Sim) -> None:
    assert engine.lookup(case.code).voucher is not None  # seen: the offline policy allows it
    before = case.count(server)
    server.stop()
    queued = redeem(engine, case)
    assert queued.status is RedeemStatus.QUEUED, queued.message
    server.start()
    report = engine.sync()
    assert report.applied == 1
    assert case.count(server) == before + case.step()
    engine.sync()
    assert case.count(server) == before + case.step()


def test_a_lost_answer_is_confirmed_not_resent(engine: Engine, case: Case,
                                               server: Sim) -> None:
    before = case.count(server)
    server.drop_next(1)
    outcome = redeem(engine, case)
    assert outcome.status in (RedeemStatus.APPLIED, RedeemStatus.QUEUED)
    for _ in range(3):
        engine.sync()
    assert case.count(server) == before + case.step()
    entry = engine.outbox.get(outcome.entry_id or "")
    assert entry is not None
    assert entry.state is EntryState.APPLIED
    writes = server.requests(path=case.write_path)
    assert len([w for w in writes if w["method"] in ("POST", "PUT")]) == 1


def test_a_gateway_error_after_the_server_applied(engine: Engine, case: Case,
                                                  server: Sim) -> None:
    before = case.count(server)
    method = "PUT" if case.api == "shopwired" else "POST"
    server.fail_next(1, mode="html", status=502, path=case.write_path, after=True,
                     method=method)
    outcome = redeem(engine, case)
    assert outcome.status in (RedeemStatus.APPLIED, RedeemStatus.QUEUED)
    for _ in range(3):
        engine.sync()
    assert case.count(server) == before + case.step()
    assert not engine.outbox.open_entries()


def test_a_refusal_on_replay_is_a_conflict_not_a_loss(engine: Engine, case: Case,
                                                      server: Sim) -> None:
    assert engine.lookup(case.code).voucher is not None
    server.stop()
    queued = redeem(engine, case)
    assert queued.status is RedeemStatus.QUEUED
    server.start()
    if case.api == "vouchercart":  # meanwhile the voucher was refunded, or deleted
        server.add_voucher({"code": case.code, "stock": 5000, "monetary": True,
                            "multiUsable": True, "status": "refunded"})
    else:
        server.simulator.store.clear_items()
    engine.sync()
    entry = engine.outbox.get(queued.entry_id or "")
    assert entry is not None
    assert entry.state is EntryState.REJECTED
    assert entry.last_error
