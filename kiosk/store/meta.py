"""Small named values the kiosk keeps between runs (the ``meta`` table)."""

from __future__ import annotations

import logging

from kiosk.domain.errors import StorageError
from kiosk.store.database import Store

log = logging.getLogger(__name__)


class Meta:
    """Text values by key; writes are best effort and not fsynced on their own."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, key: str) -> str | None:
        """The value of ``key``, or None."""
        with self._store.read() as db:
            row = next(db.query("SELECT value FROM meta WHERE key = ?", [key]), None)
        return None if row is None else str(row["value"])

    def put(self, key: str, value: str) -> bool:
        """Set ``key``; False (logged) if it could not be written."""
        try:
            with self._store.write(durable=False) as db:
                db.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                           "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [key, value])
        except StorageError as exc:
            log.warning("meta %s not saved: %s", key, exc.message)
            return False
        return True
