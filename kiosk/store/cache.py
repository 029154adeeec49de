"""The voucher cache: the last status the server gave for each code, and when.

Best effort: a write that fails (disk full) is logged and dropped, never raised, so a look-up
still shows the server's answer. Writes are not fsynced on their own (``durable=False``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.errors import StorageError
from kiosk.domain.voucher import Voucher
from kiosk.store.codec import voucher_from_data, voucher_to_json
from kiosk.store.database import Store, from_db, to_db
from kiosk.store.sqlite import sqlite_utils

log = logging.getLogger(__name__)


# The key beside the voucher's fields in a line's JSON that says how many redemptions were
# counted on since the read (older versions ignore it and see the read's time: still true).
_COUNTED = "counted_on_read"


@dataclass(frozen=True, slots=True)
class CachedVoucher:
    """A voucher as last seen on the server: read at ``seen_at``, with ``counted`` of this
    till's redemptions the server confirmed since counted on from that read (0: the server's
    answer as read). The offline checks judge its age by ``seen_at``, the read."""

    voucher: Voucher
    seen_at: datetime
    counted: int = 0


class VoucherCache:
    """Last known status per (code, domain)."""

    def __init__(self, store: Store, domain: str) -> None:
        self._store = store
        self._domain = domain

    def put(self, voucher: Voucher, seen_at: datetime, code: str | None = None, *,
            counted: int = 0) -> bool:
        """Remember ``voucher`` as the server's answer read at ``seen_at`` (with ``counted``
        redemptions counted on since); False if it could not."""
        try:
            with self._store.write(durable=False) as db:
                self.put_in(db, voucher, seen_at, code, counted=counted)
        except StorageError as exc:
            log.warning("voucher cache not updated: %s", exc.message)
            return False
        return True

    def put_in(self, db: sqlite_utils.Database, voucher: Voucher, seen_at: datetime,
               code: str | None = None, *, counted: int = 0) -> None:
        """``put`` inside a transaction the caller holds (and commits)."""
        self.put_rows_in(db, [self.row(voucher, seen_at, code, counted=counted)])

    def row(self, voucher: Voucher, seen_at: datetime, code: str | None = None, *,
            counted: int = 0) -> tuple[str, str, str, str]:
        """A line as ``put_rows_in`` writes it (its JSON made now, before any transaction)."""
        data = voucher_to_json(voucher, **{_COUNTED: counted}) if counted \
            else voucher_to_json(voucher)
        return (code or voucher.code, self._domain, data, to_db(seen_at))

    @staticmethod
    def put_rows_in(db: sqlite_utils.Database, rows: Sequence[tuple[str, str, str, str]]) -> None:
        """Write lines made by ``row`` inside a transaction the caller holds (one
        statement for them all)."""
        db.conn.executemany(
            "INSERT INTO voucher_cache (code, domain, data, seen_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (code, domain) DO UPDATE SET data = excluded.data, "
            "seen_at = excluded.seen_at", rows)

    def get(self, code: str) -> CachedVoucher | None:
        """The cached status of ``code``, if this kiosk has seen it."""
        with self._store.read() as db:
            row = next(db.query(
                "SELECT data, seen_at FROM voucher_cache WHERE code = ? AND domain = ?",
                [code, self._domain]), None)
        return None if row is None else _line(row["data"], row["seen_at"])

    def get_many(self, codes: Sequence[str]) -> dict[str, CachedVoucher]:
        """The cached status of each of ``codes`` this kiosk has seen (one read)."""
        if not codes:
            return {}
        marks = ", ".join("?" * len(codes))
        with self._store.read() as db:
            rows = list(db.execute(
                f"SELECT code, data, seen_at FROM voucher_cache WHERE domain = ? "  # noqa: S608
                f"AND code IN ({marks})", [self._domain, *codes]))
        return {code: _line(data, seen_at) for code, data, seen_at in rows}

    def latest_code(self) -> str | None:
        """The code most recently confirmed by the server (used to probe the connection)."""
        with self._store.read() as db:
            row = next(db.query(
                "SELECT code FROM voucher_cache WHERE domain = ? ORDER BY seen_at DESC LIMIT 1",
                [self._domain]), None)
        return str(row["code"]) if row else None


def _line(text: str, seen_at: str) -> CachedVoucher:
    data = json.loads(text)
    counted = data.pop(_COUNTED, 0)
    return CachedVoucher(voucher_from_data(data), from_db(seen_at),
                         counted if isinstance(counted, int) else 0)
