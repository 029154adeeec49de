"""Schema migrations, recorded in a ``schema_version`` table.

Each step runs in one transaction together with the version bump, so a crash mid-migration
leaves the previous version intact. Steps only ever add: nothing stored is dropped.
"""

from __future__ import annotations

from collections.abc import Callable

from kiosk.domain.errors import StorageError
from kiosk.store.sqlite import sqlite_utils
from kiosk.store.staff import v5_local_staff


def _v1(db: sqlite_utils.Database) -> None:
    """Outbox and voucher cache."""
    db.table("outbox").create(
        {
            "id": str, "code": str, "domain": str, "amount": int, "kind": str,
            "currency": str, "redeemed_at": str, "staff": str, "kiosk_id": str,
            "backend": str, "state": str, "attempts": int, "uncertain": int,
            "last_error": str, "reason": str, "applied_at": str, "offline": int,
        },
        pk="id",
        not_null=["code", "amount", "redeemed_at", "state"],
        defaults={"attempts": 0, "uncertain": 0, "last_error": "", "reason": "", "offline": 0},
    )
    db.table("outbox").create_index(["state", "redeemed_at"])
    db.table("voucher_cache").create(
        {"code": str, "domain": str, "data": str, "seen_at": str}, pk=("code", "domain")
    )


def _v2(db: sqlite_utils.Database) -> None:
    """Conflict resolution, in-flight ownership, and the journal of every scan and check."""
    outbox = db.table("outbox")
    outbox.add_column("note", str, not_null_default="")
    outbox.add_column("replaces", str)
    outbox.add_column("sending_pid", int)
    outbox.add_column("updated_at", str)
    outbox.add_column("resend_after", str)
    outbox.create_index(["code", "redeemed_at"])
    db.table("journal").create(
        {
            "id": int, "at": str, "action": str, "code": str, "outcome": str, "amount": int,
            "currency": str, "offline": int, "entry_id": str, "message": str,
        },
        pk="id",
        not_null=["at", "action", "outcome"],
        defaults={"offline": 0, "message": ""},
    )
    db.table("journal").create_index(["at"])
    db.table("meta").create({"key": str, "value": str}, pk="key")


def _v3(db: sqlite_utils.Database) -> None:
    """``reported``: staff were told how the entry ended (0 after a crash before they were)."""
    db.table("outbox").add_column("reported", int, not_null_default=1)


def _v4(db: sqlite_utils.Database) -> None:
    """Four platforms: a discount voucher's basket and discount, the server's reference."""
    outbox = db.table("outbox")
    outbox.add_column("order_total", int)
    outbox.add_column("discount", int)
    outbox.add_column("reference", str, not_null_default="")


MIGRATIONS: tuple[Callable[[sqlite_utils.Database], None], ...] = (
    _v1, _v2, _v3, _v4, v5_local_staff)
LATEST = len(MIGRATIONS)


def version(db: sqlite_utils.Database) -> int:
    """The schema version of ``db`` (0 for an empty database)."""
    if "schema_version" not in db.table_names():
        return 0
    row = next(db.query("SELECT max(version) AS v FROM schema_version"), None)
    return int(row["v"]) if row and row["v"] is not None else 0


def migrate(db: sqlite_utils.Database) -> int:
    """Bring ``db`` up to the latest schema; returns the version it was at.

    Each step takes the write lock first (``BEGIN IMMEDIATE``) and re-reads the version, so
    two kiosk programs opening one new database at once migrate it once. A database from a
    newer version is refused with ``StorageError`` (nothing is changed).
    """
    conn = db.conn
    start: int | None = None
    while True:
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.execute("CREATE TABLE IF NOT EXISTS schema_version "
                         "(version INTEGER PRIMARY KEY)")
            current = version(db)
            start = current if start is None else start
            if current > LATEST:
                raise StorageError(
                    f"This till's database was written by a newer Voucher Kiosk (schema "
                    f"{current}, this version knows {LATEST}). Install that version or newer; "
                    "nothing was changed.")
            if current < LATEST:
                MIGRATIONS[current](db)
                conn.execute("INSERT INTO schema_version (version) VALUES (?)", [current + 1])
            conn.execute("COMMIT")
        except BaseException:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            raise
        if current + 1 >= LATEST:
            return start
