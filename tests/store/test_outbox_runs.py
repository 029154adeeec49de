"""Claiming a voucher's entries in runs (one fsync each) and saving applied marks together."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.domain.errors import StorageError
from kiosk.domain.outcomes import EntryState
from kiosk.domain.voucher import Voucher, VoucherKind
from kiosk.store.cache import VoucherCache
from kiosk.store.database import Store, utc_now
from kiosk.store.outbox import Applied, Outbox
from tests.store.test_store import T0, entry


def _outbox(tmp_path: Path, count: int) -> Outbox:
    outbox = Outbox(Store.open(tmp_path))
    outbox.add_many(entry(f"e{i}", at=T0 + timedelta(seconds=i)) for i in range(count))
    return outbox


def _states(outbox: Outbox) -> dict[str, EntryState]:
    return {e.id: e.state for e in outbox.entries()}


def test_a_run_is_claimed_in_order_and_stops_at_one_someone_else_holds(tmp_path: Path) -> None:
    outbox = _outbox(tmp_path, 4)
    other = Outbox(Store.open(tmp_path))  # another connection (another process's engine)
    assert other.claim("e2")
    assert outbox.claim_run(["e0", "e1", "e2", "e3"]) == ["e0", "e1"]
    assert _states(outbox) == {"e0": EntryState.SENDING, "e1": EntryState.SENDING,
                               "e2": EntryState.SENDING, "e3": EntryState.PENDING}
    claimed = outbox.get("e0")
    assert claimed is not None
    assert claimed.attempts == 1


def test_unsent_entries_go_back_pending_with_their_attempt_taken_back(tmp_path: Path) -> None:
    outbox = _outbox(tmp_path, 3)
    other = Outbox(Store.open(tmp_path))
    assert outbox.claim_run(["e0", "e1"]) == ["e0", "e1"]
    with Store.open(tmp_path).write() as db:  # e1 now held by another process
        db.execute("UPDATE outbox SET sending_pid = '1:someone' WHERE id = 'e1'")
    assert other.unclaim(["e0"]) == 1  # same process token: the engine's other connection
    assert outbox.unclaim(["e1", "e2"]) == 0
    back = outbox.get("e0")
    assert back is not None
    assert (back.state, back.attempts, back.uncertain) == (EntryState.PENDING, 0, False)


def test_applied_marks_ride_with_the_next_claims(tmp_path: Path) -> None:
    outbox = _outbox(tmp_path, 4)
    assert outbox.claim_run(["e0", "e1"]) == ["e0", "e1"]
    at = utc_now()
    claimed = outbox.claim_run(["e2", "e3"], [Applied("e0", at, "ref-0", 150), Applied("e1", at)])
    assert claimed == ["e2", "e3"]
    first = outbox.get("e0")
    assert first is not None
    assert (first.state, first.reference, first.discount) == (EntryState.APPLIED, "ref-0", 150)
    assert first.applied_at is not None
    assert abs((first.applied_at - at).total_seconds()) < 0.001
    assert outbox.mark_applied_many([Applied("e2", at), Applied("e3", at), Applied("e0", at)]) == 2
    assert set(_states(outbox).values()) == {EntryState.APPLIED}


def test_an_applied_mark_never_reopens_a_final_entry(tmp_path: Path) -> None:
    outbox = _outbox(tmp_path, 1)
    assert outbox.claim("e0")
    assert outbox.mark_rejected("e0", "cancelled", "This voucher has been cancelled.")
    assert outbox.mark_applied_many([Applied("e0", utc_now())]) == 0
    assert _states(outbox) == {"e0": EntryState.REJECTED}


def test_open_codes_in_the_order_of_their_oldest_entry(tmp_path: Path) -> None:
    outbox = Outbox(Store.open(tmp_path))
    outbox.add(entry("b1", code="B", at=T0 + timedelta(minutes=1)))
    outbox.add(entry("a1", code="A", at=T0 + timedelta(minutes=2)))
    outbox.add(entry("b0", code="B", at=T0 + timedelta(minutes=3)))
    outbox.add(entry("c0", code="C", at=T0))
    assert outbox.claim("c0")
    assert outbox.mark_applied("c0")
    assert outbox.open_codes() == ["B", "A"]


def test_more_writes_ride_in_the_claims_transaction_all_or_nothing(tmp_path: Path) -> None:
    outbox = _outbox(tmp_path, 4)
    assert outbox.claim_run(["e0", "e1"]) == ["e0", "e1"]
    marks = [Applied("e0", utc_now()), Applied("e1", utc_now())]

    def broken(db: object) -> None:
        raise StorageError("The till's storage is full.", full=True)

    with pytest.raises(StorageError):
        outbox.claim_run(["e2", "e3"], marks, also=broken)
    assert _states(outbox) == {"e0": EntryState.SENDING, "e1": EntryState.SENDING,
                               "e2": EntryState.PENDING, "e3": EntryState.PENDING}
    written: list[str] = []
    assert outbox.claim_run(["e2", "e3"], marks, also=lambda db: written.append("cache")) \
        == ["e2", "e3"]
    assert written == ["cache"]
    assert _states(outbox) == {"e0": EntryState.APPLIED, "e1": EntryState.APPLIED,
                               "e2": EntryState.SENDING, "e3": EntryState.SENDING}


def test_a_cache_line_is_saved_even_without_marks(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    outbox, cache = Outbox(store), VoucherCache(store, "1")
    voucher = Voucher("CODE-0001", VoucherKind.QUANTITY, True, 10, 3)
    assert outbox.mark_applied_many([], also=lambda db: cache.put_in(db, voucher, T0)) == 0
    cached = cache.get("CODE-0001")
    assert cached is not None
    assert (cached.voucher, cached.seen_at) == (voucher, T0)


def test_a_group_claims_each_voucher_run_up_to_the_first_entry_someone_else_holds(
    tmp_path: Path,
) -> None:
    outbox = _outbox(tmp_path, 6)
    other = Outbox(Store.open(tmp_path))
    assert other.claim("e3")
    at = utc_now()
    assert outbox.claim_run(["e0"]) == ["e0"]
    claimed = outbox.claim_runs([["e1", "e2"], ["e3", "e4"], ["e5"]], [Applied("e0", at)])
    assert claimed == [["e1", "e2"], [], ["e5"]]  # e4 waits behind e3: order is kept
    assert _states(outbox) == {"e0": EntryState.APPLIED, "e1": EntryState.SENDING,
                               "e2": EntryState.SENDING, "e3": EntryState.SENDING,
                               "e4": EntryState.PENDING, "e5": EntryState.SENDING}


def test_open_entries_of_several_codes_in_one_read(tmp_path: Path) -> None:
    outbox = Outbox(Store.open(tmp_path))
    outbox.add_many(entry(f"e{i}", code=code, at=T0 + timedelta(seconds=i))
                    for i, code in enumerate(["AAAA", "BBBB", "AAAA", "CCCC"]))
    assert outbox.claim_run(["e3"]) == ["e3"]
    assert outbox.mark_applied("e1")
    found = outbox.open_entries_of(["AAAA", "BBBB", "CCCC", "DDDD"])
    assert {code: [e.id for e in entries] for code, entries in found.items()} == {
        "AAAA": ["e0", "e2"], "CCCC": ["e3"]}
    assert outbox.open_entries_of([]) == {}


def test_open_counts_tell_plain_pending_entries_from_the_others(tmp_path: Path) -> None:
    outbox = Outbox(Store.open(tmp_path))
    outbox.add_many(entry(f"e{i}", code=code, at=T0 + timedelta(seconds=i))
                    for i, code in enumerate(["AAAA", "AAAA", "BBBB", "BBBB", "CCCC"]))
    assert outbox.claim_run(["e2"]) == ["e2"]  # in flight
    assert outbox.mark_applied("e4")
    assert outbox.open_counts(["AAAA", "BBBB", "CCCC"]) == {"AAAA": (2, 2), "BBBB": (2, 1)}
    assert outbox.open_counts([]) == {}


def test_a_claim_group_goes_by_each_vouchers_entries_not_the_whole_queue(
    tmp_path: Path,
) -> None:
    # A group's reads name up to 64 vouchers, its claim up to 128 entries. SQLite's planner
    # (no statistics) took the state index for that many and walked every open entry of the
    # queue, once per group: a queue of N entries cost N²/128 row visits.
    store = Store.open(tmp_path)
    outbox = Outbox(store, domain="1", backend="vouchercart")
    codes = [f"CODE{i:03d}" for i in range(200)]
    outbox.add_many(entry(f"e{i}", code=codes[i % 200], at=T0 + timedelta(seconds=i))
                    for i in range(600))
    executed: list[str] = []
    store.db.conn.set_trace_callback(executed.append)
    try:
        entries = outbox.open_entries_of(codes[:64])
        assert len(entries) == 64
        assert outbox.open_counts(codes[:64])[codes[0]] == (3, 3)
        runs = [[e.id for e in entries[code]] for code in codes[:40]]
        assert outbox.claim_runs(runs) == runs
    finally:
        store.db.conn.set_trace_callback(None)
    statements = [sql for sql in executed if sql.lstrip().upper().startswith(("SELECT", "UPDATE"))]
    assert len(statements) == 4, executed
    for sql in statements:
        plan = " ".join(row[3] for row in store.db.conn.execute(f"EXPLAIN QUERY PLAN {sql}"))
        assert "state_redeemed_at" not in plan, f"{sql}\n  goes: {plan}"
        assert "code_redeemed_at" in plan or "autoindex_outbox" in plan, f"{sql}\n  goes: {plan}"
