"""The kiosk's SQLite database: one connection shared by every thread behind one lock.

WAL journal, ``synchronous=FULL`` (a committed redemption survives a power cut), schema
migrations applied on open. Times are stored as sortable UTC text (``to_db``/``from_db``).
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

import sqlite_utils

from kiosk.store.migrations import migrate

DB_NAME = "kiosk.sqlite3"
_TIME_FORMAT = "%Y-%m-%dT%H:%M:%S.%fZ"
PRAGMAS = ("PRAGMA journal_mode=WAL", "PRAGMA synchronous=FULL", "PRAGMA busy_timeout=10000")


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


class Store:
    """The open database. Use ``write()`` for writes and ``read()`` for reads; both lock."""

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        # Autocommit at the driver level: every statement outside ``atomic()`` commits alone.
        conn = sqlite3.connect(path, check_same_thread=False, isolation_level=None, timeout=10)
        for pragma in PRAGMAS:
            conn.execute(pragma)
        self.db = sqlite_utils.Database(conn)
        self._lock = threading.RLock()
        with self._lock:
            migrate(self.db)

    @classmethod
    def open(cls, home: Path) -> Store:
        """The store in data directory ``home``."""
        return cls(home / DB_NAME)

    @contextmanager
    def write(self) -> Iterator[sqlite_utils.Database]:
        """Exclusive access for one atomic write (a transaction, committed durably on exit)."""
        with self._lock, self.db.atomic():
            yield self.db

    @contextmanager
    def read(self) -> Iterator[sqlite_utils.Database]:
        """Exclusive access for reads."""
        with self._lock:
            yield self.db

    def close(self) -> None:
        """Close the connection."""
        with self._lock:
            self.db.close()
