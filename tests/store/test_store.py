"""The store on real SQLite files: migrations, outbox states, recovery, settings, cache."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.app.reports import shift_summary, write_csv
from kiosk.domain.errors import StorageError
from kiosk.domain.outcomes import EntryState, OutboxEntry
from kiosk.domain.voucher import HistoryEntry, ValidityWindow, Voucher, VoucherKind
from kiosk.store.cache import VoucherCache
from kiosk.store.database import Store, to_db
from kiosk.store.migrations import LATEST, version
from kiosk.store.outbox import Outbox
from kiosk.store.settings import Settings

T0 = datetime(2030, 5, 1, 12, 30, 15, 123456, tzinfo=UTC)

V1_SCHEMA = """
CREATE TABLE schema_version (version INTEGER PRIMARY KEY);
INSERT INTO schema_version VALUES (1);
CREATE TABLE [outbox] ([id] TEXT PRIMARY KEY, [code] TEXT NOT NULL, [domain] TEXT,
  [amount] INTEGER NOT NULL, [kind] TEXT, [currency] TEXT, [redeemed_at] TEXT NOT NULL,
  [staff] TEXT, [kiosk_id] TEXT, [backend] TEXT, [state] TEXT NOT NULL,
  [attempts] INTEGER DEFAULT 0, [uncertain] INTEGER DEFAULT 0, [last_error] TEXT DEFAULT '',
  [reason] TEXT DEFAULT '', [applied_at] TEXT, [offline] INTEGER DEFAULT 0);
CREATE INDEX idx_outbox_state_redeemed_at ON outbox (state, redeemed_at);
CREATE TABLE [voucher_cache] ([code] TEXT, [domain] TEXT, [data] TEXT, [seen_at] TEXT,
  PRIMARY KEY ([code], [domain]));
"""


def entry(entry_id: str = "e1", *, amount: int = 100, at: datetime = T0, offline: bool = False,
          code: str = "CODE") -> OutboxEntry:
    return OutboxEntry(
        id=entry_id, code=code, domain="1", amount=amount, kind="monetary", currency="GBP",
        redeemed_at=at, staff="Till", kiosk_id="k", backend="vouchercart",
        state=EntryState.PENDING, offline=offline)


def test_fresh_database_is_at_the_latest_schema_with_wal(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    with store.read() as db:
        assert version(db) == LATEST
        assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    store.close()


def test_migrates_a_version_1_database(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.sqlite3"
    conn = sqlite3.connect(path)
    conn.executescript(V1_SCHEMA)
    conn.execute(
        "INSERT INTO outbox (id, code, domain, amount, kind, currency, redeemed_at, staff, "
        "kiosk_id, backend, state) VALUES ('old', 'CODE', '1', 250, 'monetary', 'GBP', ?, "
        "'Till', 'k', 'vouchercart', 'sending')", [to_db(T0)])
    conn.commit()
    conn.close()
    store = Store(path)
    outbox = Outbox(store)
    with store.read() as db:
        assert version(db) == LATEST
        assert "journal" in db.table_names()
    assert outbox.recover_in_flight() == 1  # v1 had no owner: it is surely not in flight
    old = outbox.get("old")
    assert old is not None
    assert (old.state, old.uncertain, old.amount, old.note) == (EntryState.PENDING, True, 250, "")
    assert old.redeemed_at == T0
    store.close()


def test_refuses_a_newer_schema(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    with store.write() as db:
        db.execute("INSERT INTO schema_version VALUES (99)")
    store.close()
    with pytest.raises(StorageError, match="newer"):
        Store.open(tmp_path)


def test_claim_is_compare_and_set(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    first, second = Outbox(store), Outbox(Store.open(tmp_path))  # two connections
    first.add(entry())
    assert first.claim("e1")
    assert not second.claim("e1")
    assert first.release("e1", "timeout", uncertain=True)
    assert first.release("e1", "again", uncertain=False) is False  # not sending any more
    again = first.get("e1")
    assert again is not None
    assert again.uncertain
    assert again.attempts == 1
    assert second.claim("e1")
    assert second.mark_applied("e1")
    assert not first.mark_rejected("e1", "x", "y")  # applied is final


def test_recovery_ignores_live_senders_and_takes_dead_ones(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    outbox = Outbox(store)
    outbox.add(entry("mine"))
    outbox.add(entry("dead"))
    outbox.claim("mine")
    outbox.claim("dead")
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)
    with store.write() as db:
        db.execute("UPDATE outbox SET sending_pid = ? WHERE id = 'dead'", [int(gone.stdout)])
    assert outbox.recover_in_flight() == 1
    states = {e.id: (e.state, e.uncertain) for e in outbox.entries()}
    assert states == {"mine": (EntryState.SENDING, False), "dead": (EntryState.PENDING, True)}


def test_queue_sums_and_counts(tmp_path: Path) -> None:
    outbox = Outbox(Store.open(tmp_path))
    outbox.add(entry("a", amount=100, offline=True))
    outbox.add(entry("b", amount=200, at=T0 + timedelta(minutes=1)))
    outbox.add(entry("c", amount=50, code="OTHER", offline=True))
    assert outbox.queued_amount("CODE") == 300
    assert [e.id for e in outbox.open_entries()] == ["a", "c", "b"]
    outbox.claim("a")
    outbox.mark_rejected("a", "cancelled", "This voucher has been cancelled.")
    assert outbox.counts() == (2, 1)
    assert outbox.offline_total_since(T0 - timedelta(hours=1)) == 150
    assert outbox.write_off("a", "refunded")
    assert outbox.counts() == (2, 0)


def test_summary_and_csv(tmp_path: Path) -> None:
    outbox = Outbox(Store.open(tmp_path))
    outbox.add(entry("a", amount=100))
    outbox.add(entry("b", amount=250, offline=True))
    outbox.claim("a")
    outbox.mark_applied("a")
    summary = shift_summary(T0, outbox.since(T0))
    assert summary.online.money == {"GBP": 100}
    assert summary.offline.money == {"GBP": 250}
    assert (summary.total.count, summary.pending) == (2, 1)
    out = tmp_path / "queue.csv"
    assert write_csv(out, outbox.since(T0)) == 2
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("id,code,amount")
    assert lines[1].startswith("a,CODE,100,monetary,GBP,2030-05-01T12:30:15")


def test_cache_round_trip(tmp_path: Path) -> None:
    cache = VoucherCache(Store.open(tmp_path), "1")
    voucher = Voucher(
        code="X", kind=VoucherKind.QUANTITY, multi_use=True, total=5, used=2,
        windows=(ValidityWindow(T0, None),), redeemable_on=(1, 2), purchased_at=T0,
        history=(HistoryEntry(2, T0),), message="Happy birthday\nfriend", buyer_name="Ann")
    cache.put(voucher, T0)
    cached = cache.get("X")
    assert cached is not None
    assert cached.voucher == voucher
    assert cached.seen_at == T0
    assert VoucherCache(Store.open(tmp_path), "2").get("X") is None
    assert cache.latest_code() == "X"


def test_settings_typed_validated_and_persisted(tmp_path: Path) -> None:
    settings = Settings.open(tmp_path)
    assert settings.volume == 80
    assert len(settings.kiosk_id) == 32
    settings.volume = 30
    settings.camera_device = "/dev/video2"
    with pytest.raises(ValueError, match="range"):
        settings.volume = 101
    with pytest.raises(ValueError, match="expected"):
        settings.set("beep", 1)
    with pytest.raises(KeyError):
        settings.set("nope", 1)
    again = Settings.open(tmp_path)
    assert (again.volume, again.camera_device, again.kiosk_id) == (
        30, "/dev/video2", settings.kiosk_id)
    assert set(Settings.options()) >= {"offline_allow_unseen", "idle_lock_minutes", "fullscreen"}


def test_settings_survive_bad_hand_edits(tmp_path: Path) -> None:
    (tmp_path / "settings.json").write_text(json.dumps({"volume": "loud", "beep": False}))
    settings = Settings.open(tmp_path)
    assert (settings.volume, settings.beep) == (80, False)



@pytest.mark.parametrize("garbage", ["{not json", "[1, 2]", ""])
def test_damaged_settings_file_is_refused_not_replaced(tmp_path: Path, garbage: str) -> None:
    """It holds the till's id and the offline limits: never silently start afresh."""
    (tmp_path / "settings.json").write_text(garbage)
    with pytest.raises(StorageError, match=r"settings file .* is damaged"):
        Settings.open(tmp_path)
    assert (tmp_path / "settings.json").read_text() == garbage
