"""The audit journal: every scan, check and redemption outcome, newest first on request.

Best effort, like the voucher cache: a failed write (disk full) is logged, never raised (the
outbox is the record of redemptions that must not be lost). Not fsynced on its own.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from kiosk.domain.errors import StorageError
from kiosk.store.database import Store, from_db, to_db, utc_now

log = logging.getLogger(__name__)

Z_REPORT = "z_report"  # the action that closes a shift (the end-of-shift report)


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """One thing that happened at the till."""

    at: datetime
    action: str  # "check", "redeem", "retry", "write_off"
    code: str
    outcome: str  # a VoucherState, RedeemStatus or EntryState value
    amount: int | None = None
    currency: str | None = None
    offline: bool = False
    entry_id: str | None = None
    message: str = ""


class Journal:
    """Append-only record of what staff did and what came of it."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def record(self, entry: JournalEntry) -> bool:
        """Append ``entry``; False if it could not be written."""
        try:
            # Plain SQL, as the cache: sqlite-utils' insert reads the schema on every call.
            with self._store.write(durable=False) as db:
                db.execute(
                    "INSERT INTO journal (at, action, code, outcome, amount, currency, offline, "
                    "entry_id, message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    [to_db(entry.at), entry.action, entry.code, entry.outcome, entry.amount,
                     entry.currency, int(entry.offline), entry.entry_id, entry.message])
        except StorageError as exc:
            log.warning("journal entry not written: %s", exc.message)
            return False
        return True

    def add(
        self, action: str, code: str, outcome: str, *, amount: int | None = None,
        currency: str | None = None, offline: bool = False, entry_id: str | None = None,
        message: str = "",
    ) -> bool:
        """Append an entry stamped now; False if it could not be written."""
        return self.record(JournalEntry(
            utc_now(), action, code, outcome, amount, currency, offline, entry_id, message))

    def last_at(self, action: str) -> datetime | None:
        """When ``action`` was last recorded (e.g. the last Z report), or None."""
        with self._store.read() as db:
            rows = list(db.query(
                "SELECT at FROM journal WHERE action = ? ORDER BY id DESC LIMIT 1", [action]))
        return from_db(rows[0]["at"]) if rows else None

    def recent(self, limit: int = 20) -> list[JournalEntry]:
        """The last ``limit`` entries, newest first."""
        with self._store.read() as db:
            rows = list(db.query(
                "SELECT * FROM journal ORDER BY id DESC LIMIT ?", [int(limit)]))
        return [
            JournalEntry(
                at=from_db(r["at"]), action=r["action"], code=r["code"] or "",
                outcome=r["outcome"], amount=r["amount"], currency=r["currency"],
                offline=bool(r["offline"]), entry_id=r["entry_id"], message=r["message"] or "",
            )
            for r in rows
        ]
