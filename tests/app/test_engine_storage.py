"""A till whose database cannot be written: real SQLite size limits, read-only connections
and a real full tmpfs. Nothing is sent unless it was committed; look-ups keep working."""

from __future__ import annotations

import contextlib
import errno
import os
import re
import subprocess
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.app import signin
from kiosk.app.engine import NOT_RECORDED, NOT_RECORDED_FULL, Engine
from kiosk.domain.errors import StorageError
from kiosk.domain.outcomes import EntryState, OutboxEntry, RedeemOutcome, RedeemStatus
from kiosk.domain.voucher import VoucherState
from kiosk.main import main
from kiosk.store.database import Store
from kiosk.store.reserve import RESERVE_BYTES, RESERVE_NAME
from tests.helpers.demo import GBP50, PARTLY, TILL
from tests.helpers.sim import Sim

FULL_MESSAGE = "Storage full — nothing was redeemed. Call a manager."


def filler(engine: Engine, n: int) -> OutboxEntry:
    """An entry shaped like a real redemption (same field widths), already applied."""
    return OutboxEntry(
        id=str(uuid.uuid4()), code=f"FILL-{n:04d}-0000-0000", domain=engine._domain,
        amount=1000, kind="monetary", currency="GBP", redeemed_at=datetime.now(UTC),
        staff=engine.staff, kiosk_id=engine.settings.kiosk_id, backend=engine.backend.name,
        state=EntryState.APPLIED)


def fill_database(engine: Engine) -> None:
    """Cap the engine's database at its size (``max_page_count``) and fill it to the brim."""
    with engine.store.read() as db:
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages}")
    failures = 0
    for n in range(20_000):
        try:
            engine.outbox.add(filler(engine, n))
        except StorageError as exc:
            full = exc.full
            failures += 1
            assert full
            if failures == 20:  # not one more entry of that shape fits
                return
        else:
            failures = 0
    raise AssertionError("the database never filled up")


def test_full_database_refuses_to_redeem_and_sends_nothing(
    make_engine: Callable[..., Engine], sim: Sim
) -> None:
    engine = make_engine()
    assert engine.lookup(GBP50).voucher is not None
    fill_database(engine)
    with pytest.raises(StorageError) as online:
        engine.redeem(GBP50, 1000)
    assert (online.value.message, online.value.full) == (FULL_MESSAGE, True)
    engine.set_offline_override(True)
    with pytest.raises(StorageError) as offline:
        engine.redeem(GBP50, 1000)
    assert offline.value.message == FULL_MESSAGE
    engine.set_offline_override(None)
    assert sim.requests("POST", "/v1/redeem") == []
    assert sim.voucher(GBP50)["current"] == 0
    assert engine.outbox.open_entries() == []
    # Look-ups still answer from the server, even for a code the cache has no room for.
    for code, available in ((GBP50, 5000), (PARTLY, 6750)):
        lookup = engine.lookup(code)
        assert (lookup.offline, lookup.available) == (False, available)
    # Room again (a manager freed space): redeeming works at once.
    with engine.store.read() as db:
        db.execute("PRAGMA max_page_count = 1000000")
    outcome = engine.redeem(GBP50, 1000)
    assert outcome.status is RedeemStatus.APPLIED
    assert sim.voucher(GBP50)["current"] == 1000


def test_unwritable_database_lookup_still_works_redeem_refused(
    make_engine: Callable[..., Engine], sim: Sim
) -> None:
    engine = make_engine()
    engine.lookup(GBP50)
    before = engine.recent(50)
    with engine.store.read() as db:
        db.execute("PRAGMA query_only = ON")  # every write now fails (SQLITE_READONLY)
    lookup = engine.lookup(PARTLY)
    assert (lookup.state, lookup.available, lookup.offline) == (
        VoucherState.PARTLY_USED, 6750, False)
    assert engine.cache.get(PARTLY) is None  # the cache write failed, quietly
    assert engine.recent(50) == before  # so did the journal's
    with pytest.raises(StorageError) as failed:
        engine.redeem(GBP50, 100)
    assert (failed.value.message, failed.value.full) == (NOT_RECORDED, False)
    assert sim.requests("POST", "/v1/redeem") == []


def test_cache_and_journal_writes_are_not_fsynced_but_the_outbox_is(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    with store.write(durable=False) as db:
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 1  # NORMAL
    with store.write() as db:
        assert db.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    with store.write(durable=False), pytest.raises(ZeroDivisionError):
        raise ZeroDivisionError
    with store.read() as db:
        db.execute("PRAGMA query_only = ON")
    with pytest.raises(StorageError), store.write() as db:
        db.execute("CREATE TABLE t (x)")
    store.close()


# --- a real full disk (tmpfs), through the CLI -------------------------------------------


needs_root = pytest.mark.skipif(
    os.geteuid() != 0,
    reason="mounting a tmpfs needs root (CI runs as root; elsewhere the max_page_count tests "
    "cover the same ground)",
)


@contextlib.contextmanager
def tmpfs(mount: Path, size: str) -> Iterator[Path]:
    """A real tmpfs of ``size`` (``mount``'s option: "2m") mounted on ``mount``."""
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)],
                          capture_output=True, check=False)
    assert done.returncode == 0, f"cannot mount a tmpfs: {done.stderr.decode().strip()}"
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], check=False)


@pytest.fixture
def tiny_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 2 MiB tmpfs (too small for the till to keep a disk reserve on)."""
    with tmpfs(tmp_path / "disk", "2m") as mount:
        yield mount


def fill_disk(folder: Path) -> Path:
    """Write a file until the file system says ENOSPC; returns it."""
    ballast = folder / "ballast"
    reason: int | None = None
    with ballast.open("wb") as out:
        while True:
            try:
                out.write(b"\0" * 4096)
                out.flush()
            except OSError as exc:
                reason = exc.errno
                break
        with contextlib.suppress(OSError):
            out.close()
    assert reason == errno.ENOSPC
    return ballast


@needs_root
def test_full_disk_cli_redeem_exits_1_with_one_line(
    tiny_disk: Path, sim: Sim, capsys: pytest.CaptureFixture[str]
) -> None:
    home = tiny_disk / "home"
    account = signin.sign_in(sim.api_url, TILL[0], TILL[1], "demo-shop", home=home)
    # The till app is running: it holds the database (and its WAL) open.
    till = Engine(home, signin.open_backend(account, home=home), domain_id=account.domain_id,
                  staff=account.staff_name)
    try:
        assert till.lookup(GBP50).voucher is not None
        ballast = fill_disk(tiny_disk)
        code = main(["--home", str(home), "redeem", GBP50, "--amount", "500"])
        out, err = capsys.readouterr()
        assert (code, out, err) == (1, "", f"kiosk redeem: {NOT_RECORDED_FULL}\n")
        assert sim.requests("POST", "/v1/redeem") == []
        code = main(["--home", str(home), "status", PARTLY])
        out, _ = capsys.readouterr()
        assert code == 0
        assert "£67.50" in out
        assert till.outbox.open_entries() == []
        code = main(["--home", str(home), "doctor"])
        out, err = capsys.readouterr()
        assert code == 1
        assert re.search(r"^Storage: +ALMOST FULL: 0\.0 MB free; no disk reserve", out,
                         re.MULTILINE), out
        assert "the till's disk is almost full" in err
        ballast.unlink()
    finally:
        till.close()


def full_on_update(engine: Engine, column: str, when: str) -> None:
    """Real SQLite "database or disk is full" on one update only: an update of ``column``
    where ``when`` holds writes 2 MB into a database capped 100 pages above its size."""
    with engine.store.write() as db:
        db.execute("CREATE TABLE ballast (data BLOB)")
        db.execute(f"CREATE TRIGGER no_room BEFORE UPDATE OF {column} ON outbox "
                   f"WHEN {when} BEGIN INSERT INTO ballast VALUES (randomblob(2000000)); END")
    with engine.store.read() as db:
        pages = db.execute("PRAGMA page_count").fetchone()[0]
        db.execute(f"PRAGMA max_page_count = {pages + 100}")

def test_storage_failure_after_commit_still_says_queued(
    engine: Engine, sim: Sim
) -> None:
    """The entry is safely committed; only marking it "told staff: saved" fails (real SQLite
    full, raised by a trigger on that one update): staff must hear "saved", not "nothing"."""
    engine.lookup(GBP50)
    full_on_update(engine, "offline", "NEW.offline = 1")
    sim.fail_next(1, mode="json", path="/v1/redeem")
    outcome = engine.redeem(GBP50, 300)
    assert outcome.status is RedeemStatus.QUEUED
    [entry] = engine.entries()
    assert entry.id == outcome.entry_id
    assert entry.state is EntryState.PENDING


def refused_while_sending(engine: Engine, sim: Sim,
                         meanwhile: Callable[[], object] = lambda: None) -> RedeemOutcome:
    """The server refuses a redemption of £10: another till takes the balance while ours is
    on its way (the POST delayed 1 s), just after ``meanwhile`` ran."""
    engine.lookup(GBP50)
    sim.set_latency(1.0, count=1, path="/v1/redeem")

    def another_till_takes_it_all() -> None:
        deadline = time.monotonic() + 10  # until our POST is on its way
        while not any(e.state is EntryState.SENDING for e in engine.outbox.open_entries()) \
                and time.monotonic() < deadline:
            time.sleep(0.01)
        meanwhile()
        voucher = sim.voucher(GBP50)
        voucher["current"] = voucher["stock"]
        sim.add_voucher(voucher)

    other = threading.Thread(target=another_till_takes_it_all)
    other.start()
    try:
        outcome = engine.redeem(GBP50, 1000)
    finally:
        other.join()
    assert [r["status"] for r in sim.requests("POST", "/v1/redeem")] == [422]
    return outcome


def refused_on_a_full_disk(engine: Engine, sim: Sim) -> RedeemOutcome:
    """``refused_while_sending``, the disk full for the update that would save the refusal
    (real SQLite full, raised by a trigger on that update)."""
    full_on_update(engine, "state", "NEW.state = 'rejected'")
    return refused_while_sending(engine, sim)


def test_a_refusal_that_cannot_be_saved_is_still_said_as_refused(
    engine: Engine, sim: Sim
) -> None:
    """Staff must hear "not redeemed", never "saved", or the customer leaves with the goods."""
    outcome = refused_on_a_full_disk(engine, sim)
    assert outcome.status is RedeemStatus.REFUSED, (
        f"the server refused it, staff heard: {outcome.status.value}: {outcome.message}")


def test_an_unsaved_refusal_is_saved_later_and_never_re_sent(
    engine: Engine, sim: Sim
) -> None:
    """The refused entry stays ``sending``; taken for an interrupted send (here: its sender's
    mark is a bare PID, as after a reboot) it comes back uncertain, and is not in the
    voucher's history. It must never be re-sent, even though the voucher regained its value
    meanwhile (a refund): that would take £10 the customer never spent. Once the disk has
    room, a pass saves the refusal."""
    outcome = refused_on_a_full_disk(engine, sim)
    assert outcome.status is RedeemStatus.REFUSED
    assert outcome.entry_id is not None
    voucher = sim.voucher(GBP50)
    voucher["current"] = 0
    sim.add_voucher(voucher)
    with engine.store.write() as db:
        db.execute("UPDATE outbox SET sending_pid = ? WHERE id = ?",
                   [str(os.getpid()), outcome.entry_id])
    engine.sync()  # the disk is still full for the refusal: it stays unsaved
    assert [r["status"] for r in sim.requests("POST", "/v1/redeem")] == [422], "re-sent"
    recovered = engine.outbox.get(outcome.entry_id)
    assert recovered is not None
    assert recovered.uncertain
    with engine.store.write() as db:
        db.execute("DROP TRIGGER no_room")
    engine.sync()
    engine.sync()
    assert [r["status"] for r in sim.requests("POST", "/v1/redeem")] == [422]
    [entry] = engine.entries()
    assert (entry.id, entry.state) == (outcome.entry_id, EntryState.REJECTED)
    assert sim.voucher(GBP50)["current"] == 0


@needs_root
def test_a_refusal_on_a_full_disk_is_saved_from_the_reserve(tmp_path: Path, sim: Sim) -> None:
    """A real 16 MiB tmpfs is filled to the last byte while the redemption is on the server,
    which refuses it (another till took the balance). The till's disk reserve gives the
    refusal its room: it is saved, so a restart cannot send it again (a voucher refunded
    meanwhile would take it). Once room is freed, the reserve is made again."""
    with tmpfs(tmp_path / "disk", "16m") as disk:
        home = disk / "home"
        account = signin.sign_in(sim.api_url, TILL[0], TILL[1], "demo-shop", home=home)

        def open_till() -> Engine:
            return Engine(home, signin.open_backend(account, home=home),
                          domain_id=account.domain_id, staff=account.staff_name)

        till = open_till()
        reserve = home / RESERVE_NAME
        assert reserve.stat().st_blocks * 512 >= RESERVE_BYTES  # allocated, not sparse
        filled: list[Path] = []

        def the_disk_fills() -> None:
            with till.store.read() as db:  # an empty WAL: saving anything needs new room
                db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            filled.append(fill_disk(disk))

        outcome = refused_while_sending(till, sim, the_disk_fills)
        assert outcome.status is RedeemStatus.REFUSED
        assert not reserve.exists(), "the reserve was not used"
        till.close()  # a power cut would do the same: the refusal is on disk
        filled[0].unlink()
        voucher = sim.voucher(GBP50)
        voucher["current"] = 0  # refunded meanwhile: a re-send would be applied
        sim.add_voucher(voucher)
        again = open_till()
        try:
            [entry] = again.entries()
            assert (entry.id, entry.state) == (outcome.entry_id, EntryState.REJECTED)
            again.sync()
            assert [r["status"] for r in sim.requests("POST", "/v1/redeem")] == [422]
            assert reserve.exists()
        finally:
            again.close()
