"""Schema 4 (four platforms): an outbox at schema 3 with open VoucherCart entries migrates
untouched, and those entries still replay once against VoucherCart."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlite_utils

from kiosk.app import signin
from kiosk.app.engine import Engine
from kiosk.domain.outcomes import EntryState
from kiosk.store.database import DB_NAME, Store, to_db
from kiosk.store.migrations import LATEST, MIGRATIONS, version
from kiosk.store.outbox import Outbox
from tests.helpers.demo import DOMAIN, GBP50, SHOP_ID, TILL
from tests.helpers.sim import Sim

AT = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
COLUMNS = ("id, code, domain, amount, kind, currency, redeemed_at, staff, kiosk_id, backend, "
           "state, uncertain, offline, reported")


def schema_3(path: Path) -> None:
    db = sqlite_utils.Database(sqlite3.connect(path))
    db.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY)")
    for number, step in enumerate(MIGRATIONS[:3], start=1):
        step(db)
        db.execute("INSERT INTO schema_version (version) VALUES (?)", [number])
    rows = [("pending-1", GBP50, str(SHOP_ID), 250, "monetary", "GBP", to_db(AT), "Till", "k",
             "vouchercart", "pending", 0, 1, 1),
            ("uncertain-1", GBP50, str(SHOP_ID), 300, "monetary", "GBP",
             to_db(AT + timedelta(minutes=1)), "Till", "k", "vouchercart", "pending", 1, 1, 1)]
    db.conn.executemany(f"INSERT INTO outbox ({COLUMNS}) VALUES "
                        f"({', '.join('?' * 14)})", rows)
    db.conn.commit()
    db.conn.close()


def test_open_vouchercart_entries_migrate_untouched(tmp_path: Path) -> None:
    schema_3(tmp_path / DB_NAME)
    before = sqlite3.connect(tmp_path / DB_NAME)
    old_rows = before.execute(f"SELECT {COLUMNS} FROM outbox ORDER BY id").fetchall()
    before.close()
    store = Store.open(tmp_path)
    with store.read() as db:
        assert version(db) == LATEST >= 4
        after = db.execute(f"SELECT {COLUMNS} FROM outbox ORDER BY id").fetchall()
    assert after == old_rows
    entry = Outbox(store).get("uncertain-1")
    assert entry is not None
    assert (entry.state, entry.uncertain, entry.amount) == (EntryState.PENDING, True, 300)
    assert (entry.order_total, entry.discount, entry.reference) == (None, None, "")
    store.close()


def test_migrated_entries_replay_once(tmp_path: Path, sim: Sim, kiosk_home: Path,
                                      make_engine: Callable[..., Engine]) -> None:
    kiosk_home.mkdir(parents=True, exist_ok=True)
    schema_3(kiosk_home / DB_NAME)
    signin.sign_in(sim.api_url, *TILL, DOMAIN, home=kiosk_home)
    before = sim.voucher(GBP50)["current"]
    engine = make_engine()
    engine.sync()
    engine.sync()
    assert sim.voucher(GBP50)["current"] == before + 550
    states = {e.id: e.state for e in engine.outbox.entries()}
    assert states == {"pending-1": EntryState.APPLIED, "uncertain-1": EntryState.APPLIED}
