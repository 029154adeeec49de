"""The kiosk's SQLite database: one connection shared by every thread behind one lock.

WAL journal, ``synchronous=FULL`` (a committed redemption survives a power cut), schema
migrations applied on open. Writes that need not survive a power cut on their own (the voucher
cache, the journal) use ``write(durable=False)``: ``synchronous=NORMAL`` for that transaction,
so no fsync; the next durable commit (an outbox change) makes them durable too. Times are
stored as sortable UTC text (``to_db``/``from_db``). Every SQLite failure (disk full, I/O
error, read-only, locked by another process past the busy timeout) surfaces as
``StorageError``; every write is one ``BEGIN IMMEDIATE`` transaction. The file is 0600.
"""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

from kiosk.domain.errors import StorageError
from kiosk.store.migrations import migrate
from kiosk.store.private import private_file
from kiosk.store.reserve import Reserve
from kiosk.store.sqlite import sqlite_utils

DB_NAME = "kiosk.sqlite3"
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA busy_timeout=10000")
STORAGE_FULL = "The till's storage is full."
STORAGE_FAILED = "The till cannot write to its storage."
STORAGE_BUSY = ("The till's database is busy: another Voucher Kiosk program on this till "
                "kept it locked. Try again.")
# Primary SQLite result codes that mean "the file cannot be written", not "try again".
_STORAGE_CODES = frozenset({
    sqlite3.SQLITE_FULL, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_READONLY,
    sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB,
})
_NEARLY_FULL_BYTES = 1 << 20


def to_db(at: datetime) -> str:
    """A UTC timestamp as fixed-width text that sorts in time order."""
    aware = at if at.tzinfo else at.replace(tzinfo=UTC)
    return aware.astimezone(UTC).strftime(_TIME_FORMAT)


def from_db(text: str) -> datetime:
    """The inverse of ``to_db``."""
    if len(text) == 27 and text[-1] == "Z" and text[10] == "T":  # ours: the fast parser
        return datetime.fromisoformat(text[:-1]).replace(tzinfo=UTC)
    return datetime.strptime(text, _TIME_FORMAT).replace(tzinfo=UTC)


def utc_now() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


def storage_error(exc: sqlite3.Error, folder: Path) -> StorageError:
    """``exc`` as the store's own error: every SQLite failure surfaces as ``StorageError``.

    ``full`` for SQLITE_FULL, or an I/O error on a disk with almost no space left (ENOSPC while
    growing the WAL index, …). A database locked by another kiosk program for longer than the
    busy timeout says so.
    """
    code = getattr(exc, "sqlite_errorcode", None)
    primary = code & 0xFF if code is not None else None
    if primary in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
        return StorageError(STORAGE_BUSY)
    if primary not in _STORAGE_CODES:
        return StorageError(f"{STORAGE_FAILED} ({exc})")
    full = primary == sqlite3.SQLITE_FULL
    if not full:
        try:
            full = shutil.disk_usage(folder).free < _NEARLY_FULL_BYTES
        except OSError:
            full = False
    return StorageError(STORAGE_FULL if full else f"{STORAGE_FAILED} ({exc})", full=full)


def _refuse_emptied(path: Path) -> None:
    """A zero-length database where the kiosk has run before was truncated: starting an empty
    queue on it would hide lost redemptions, so refuse with a clear line instead."""
    try:
        emptied = path.stat().st_size == 0 and (path.parent / "settings.json").exists()
        wal = path.with_name(path.name + "-wal")
        emptied = emptied and not (wal.exists() and wal.stat().st_size > 0)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise StorageError(f"{STORAGE_FAILED} ({exc.strerror}: {path})") from exc
    if emptied:
        raise StorageError(
            f"The till's database {path} is empty (0 bytes): it may have been damaged. "
            "Restore it from a backup, or move it away to start with an empty queue.")


class Store:
    """The open database. Use ``write()`` for writes and ``read()`` for reads; both lock."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.RLock()
        _refuse_emptied(path)
        try:
            private_file(path)
            # Autocommit at the driver level: every statement outside ``write()`` commits alone.
            conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None,
                                   timeout=10)
        except (OSError, sqlite3.Error) as exc:
            raise StorageError(f"{STORAGE_FAILED} ({exc})") from exc
        try:
            for pragma in PRAGMAS:
                conn.execute(pragma)
            self.db = sqlite_utils.Database(conn, execute_plugins=False)  # none are used
            with self._lock:
                migrate(self.db)
        except sqlite3.Error as exc:
            conn.close()
            raise storage_error(exc, path.parent) from exc
        except StorageError:
            conn.close()
            raise
        self._synchronous = "FULL"
        self.reserve = Reserve(path.parent)
        self.reserve.keep()

    @classmethod
    def open(cls, home: Path) -> Store:
        """The store in data directory ``home``."""
        return cls(home / DB_NAME)

    @contextmanager
    def write(self, *, durable: bool = True) -> Iterator[sqlite_utils.Database]:
        """Exclusive access for one atomic write (a transaction committed on exit).

        ``durable`` (the default) fsyncs the commit; ``durable=False`` does not (WAL with
        ``synchronous=NORMAL``: consistent after a power cut, but the write may be lost).
        Raises ``StorageError`` when the database cannot be written (disk full, …).
        """
        with self._lock:
            conn = self.db.conn
            try:
                self._set_synchronous("FULL" if durable else "NORMAL")
                # IMMEDIATE takes the write lock first, under busy_timeout: a deferred
                # transaction that read first fails at once (SQLITE_BUSY_SNAPSHOT) when another
                # process wrote meanwhile, which busy_timeout does not cover.
                conn.execute("BEGIN IMMEDIATE")
                try:
                    yield self.db
                    conn.execute("COMMIT")
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK")
                    raise
            except sqlite3.Error as exc:
                raise storage_error(exc, self.path.parent) from exc

    def write_even_if_full(self, sql: str, params: Sequence[object]) -> int:
        """One durable statement a full disk must not stop: if the disk is full, the reserve
        (``kiosk.store.reserve``) is given up for it and it is tried once more. Returns the
        rows it changed."""
        try:
            with self.write() as db:
                return db.execute(sql, params).rowcount
        except StorageError as exc:
            if not exc.full or not self.reserve.release():
                raise
        with self.write() as db:
            return db.execute(sql, params).rowcount

    def _set_synchronous(self, mode: str) -> None:
        # Per connection, outside a transaction; set before every write that needs another mode.
        if self._synchronous != mode:
            self._synchronous = ""  # unknown until the pragma has run
            self.db.execute(f"PRAGMA synchronous={mode}")
            self._synchronous = mode

    @contextmanager
    def read(self) -> Iterator[sqlite_utils.Database]:
        """Exclusive access for reads."""
        with self._lock:
            try:
                yield self.db
            except sqlite3.Error as exc:
                raise storage_error(exc, self.path.parent) from exc

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self.db.close()
