"""The kiosk's SQLite database: one connection shared by every thread behind one lock.

WAL journal, ``synchronous=FULL`` (a committed redemption survives a power cut), schema
migrations applied on open. Writes that need not survive a power cut on their own (the voucher
cache, the journal) use ``write(durable=False)``: ``synchronous=NORMAL`` for that transaction,
so no fsync; the next durable commit (an outbox change) makes them durable too. Times are
stored as sortable UTC text (``to_db``/``from_db``). SQLite failures to write (disk full, I/O
error, read-only) surface as ``StorageError``.
"""

from __future__ import annotations

import shutil
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from kiosk.domain.errors import StorageError
from kiosk.store.migrations import migrate

DB_NAME = "kiosk.sqlite3"
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA busy_timeout=10000")
STORAGE_FULL = "The till's storage is full."
STORAGE_FAILED = "The till cannot write to its storage."
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
    return datetime.strptime(text, _TIME_FORMAT).replace(tzinfo=UTC)


def utc_now() -> datetime:
    """The current time, timezone-aware UTC."""
    return datetime.now(UTC)


def storage_error(exc: sqlite3.Error, folder: Path) -> StorageError | None:
    """``exc`` as a ``StorageError`` when it means the database cannot be written, else None.

    An I/O error on a disk with almost no space left (ENOSPC while growing the WAL index, …)
    counts as full.
    """
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None or code & 0xFF not in _STORAGE_CODES:
        return None
    full = code & 0xFF == sqlite3.SQLITE_FULL
    if not full:
        try:
            full = shutil.disk_usage(folder).free < _NEARLY_FULL_BYTES
        except OSError:
            full = False
    return StorageError(STORAGE_FULL if full else f"{STORAGE_FAILED} ({exc})", full=full)


class Store:
    """The open database. Use ``write()`` for writes and ``read()`` for reads; both lock."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.RLock()
        # Autocommit at the driver level: every statement outside ``atomic()`` commits alone.
        conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=10)
        try:
            for pragma in PRAGMAS:
                conn.execute(pragma)
            self.db = sqlite_utils.Database(conn)
            with self._lock:
                migrate(self.db)
        except sqlite3.Error as exc:
            conn.close()
            mapped = storage_error(exc, path.parent)
            if mapped is None:
                raise
            raise mapped from exc
        self._synchronous = "FULL"

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
            try:
                self._set_synchronous("FULL" if durable else "NORMAL")
                with self.db.atomic():
                    yield self.db
            except sqlite3.Error as exc:
                mapped = storage_error(exc, self.path.parent)
                if mapped is None:
                    raise
                raise mapped from exc

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
            yield self.db

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self.db.close()
