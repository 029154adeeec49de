"""The outbox of one till may hold another shop's entries: they are never sent to this one."""

from __future__ import annotations

from kiosk.app.engine import Engine
from kiosk.domain.outcomes import EntryState, OutboxEntry
from kiosk.store.database import utc_now
from tests.helpers.demo import GBP50
from tests.helpers.sim import Sim


def _pending(engine: Engine, entry_id: str, *, domain: str, backend: str = "vouchercart") -> None:
    engine.outbox.add(OutboxEntry(
        id=entry_id, code=GBP50, domain=domain, amount=700, kind="monetary", currency="GBP",
        redeemed_at=utc_now(), staff="Till", kiosk_id="k", backend=backend,
        state=EntryState.PENDING, offline=True))


def test_other_shops_entries_stay_pending(engine: Engine, sim: Sim) -> None:
    _pending(engine, "cafe", domain="2")
    _pending(engine, "other-server", domain=str(engine.domain_id), backend="othercart")
    assert engine.lookup(GBP50).queued == 0
    report = engine.sync()
    assert report.applied == report.failed == report.rejected == 0, report
    assert not sim.requests("POST", "/v1/redeem")
    assert sim.voucher(GBP50)["current"] == 0
    states = {e.id: e.state for e in engine.entries()}
    assert states == {"cafe": EntryState.PENDING, "other-server": EntryState.PENDING}
    assert engine.connectivity().pending == 2  # still shown: they wait for their own shop


def test_this_shops_entries_are_sent(engine: Engine, sim: Sim) -> None:
    _pending(engine, "mine", domain=str(engine.domain_id))
    assert engine.lookup(GBP50).queued == 700
    assert engine.sync().applied == 1
    assert sim.voucher(GBP50)["current"] == 700
