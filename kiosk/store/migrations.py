"""Schema migrations, recorded in a ``schema_version`` table.

Each step runs in one transaction together with the version bump, so a crash mid-migration
leaves the previous version intact. Steps only ever add: nothing stored is dropped.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlite_utils


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


MIGRATIONS: tuple[Callable[[sqlite_utils.Database], None], ...] = (_v1, _v2)
LATEST = len(MIGRATIONS)


def version(db: sqlite_utils.Database) -> int:
    """The schema version of ``db`` (0 for an empty database)."""
    if "schema_version" not in db.table_names():
        return 0
    row = next(db.query("SELECT max(version) AS v FROM schema_version"), None)
    return int(row["v"]) if row and row["v"] is not None else 0


def migrate(db: sqlite_utils.Database) -> int:
    """Bring ``db`` up to the latest schema; returns the version it was at."""
    with db.atomic():
        db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY)")
    start = version(db)
    if start > LATEST:
        raise RuntimeError(
            f"This database was written by a newer Voucher Kiosk (schema {start} > {LATEST})."
        )
    for number in range(start + 1, LATEST + 1):
        with db.atomic():
            MIGRATIONS[number - 1](db)
            db.execute("INSERT INTO schema_version (version) VALUES (?)", [number])
    return start
