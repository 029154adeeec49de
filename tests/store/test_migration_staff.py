"""Schema 5 (the local staff list): a database at schema 4 with open outbox entries migrates
untouched; the new table is empty and old entries carry no staff id."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime, timedelta
from pathlib import Path

import sqlite_utils

from kiosk.domain.outcomes import EntryState
from kiosk.store.database import DB_NAME, Store, to_db
from kiosk.store.migrations import MIGRATIONS, version
from kiosk.store.outbox import Outbox

AT = datetime.now(UTC).replace(microsecond=0) - timedelta(hours=1)
COLUMNS = ("id, code, domain, amount, kind, currency, redeemed_at, staff, kiosk_id, backend, "
           "state, uncertain, offline, reported, order_total, discount, reference")


def schema_4(path: Path) -> list[tuple[object, ...]]:
    db = sqlite_utils.Database(sqlite3.connect(path))
    db.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY)")
    for number, step in enumerate(MIGRATIONS[:4], start=1):
        step(db)
        db.execute("INSERT INTO schema_version (version) VALUES (?)", [number])
    rows = [("pending-1", "GIFT50DEMO001", "demo-merchant", 250, "monetary", "GBP", to_db(AT),
             "anna", "k", "vauchar", "pending", 0, 1, 1, None, None, ""),
            ("uncertain-1", "SAVE20", "key-1", 1, "discount", "GBP",
             to_db(AT + timedelta(minutes=1)), "ben", "k", "vouchers-api", "pending", 1, 1, 1,
             10000, 2000, "")]
    db.conn.executemany(f"INSERT INTO outbox ({COLUMNS}) VALUES ({', '.join('?' * 17)})", rows)
    db.conn.commit()
    old = db.conn.execute(f"SELECT {COLUMNS} FROM outbox ORDER BY id").fetchall()
    db.conn.close()
    return old


def test_open_entries_migrate_to_schema_5_untouched(tmp_path: Path) -> None:
    old_rows = schema_4(tmp_path / DB_NAME)
    store = Store.open(tmp_path)
    try:
        with store.read() as db:
            assert version(db) == 5
            assert db.execute(f"SELECT {COLUMNS} FROM outbox ORDER BY id").fetchall() == old_rows
            assert db.execute("SELECT count(*) FROM local_staff").fetchone() == (0,)
        entries = {e.id: e for e in Outbox(store).open_entries()}
    finally:
        store.close()
    assert set(entries) == {"pending-1", "uncertain-1"}
    uncertain = entries["uncertain-1"]
    assert (uncertain.state, uncertain.uncertain, uncertain.staff, uncertain.staff_id) == \
        (EntryState.PENDING, True, "ben", "")
    assert (uncertain.order_total, uncertain.discount) == (10000, 2000)
