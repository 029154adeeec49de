"""The till's local staff list (``local_staff``): who may work a till whose platform knows
shops, not people (Vouchers API, Vauchar, ShopWired).

Schema 5 adds the table and the outbox's ``staff_id``; the rows' rules (unique names and
PINs, a manager always, lockout) are ``kiosk.app.local_staff``'s. Rows are never deleted: a
member who leaves is deactivated, so every redemption keeps its name.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from kiosk.store.sqlite import sqlite_utils

TABLE = "local_staff"


def v5_local_staff(db: sqlite_utils.Database) -> None:
    """The local staff list, and the staff id recorded with each redemption."""
    db.table(TABLE).create(
        {
            "id": str, "name": str, "pin_hash": str, "manager": int, "active": int,
            "failed": int, "locked_until": float, "lockouts": int, "created_at": str,
        },
        pk="id",
        not_null=["name", "pin_hash", "manager", "active", "failed", "locked_until",
                  "lockouts"],
        defaults={"manager": 0, "active": 1, "failed": 0, "locked_until": 0.0, "lockouts": 0},
    )
    db.table("outbox").add_column("staff_id", str, not_null_default="")


@dataclass(frozen=True, slots=True)
class StaffRow:
    """One row of ``local_staff`` as stored (``pin_hash``: ``kiosk.domain.verifier``'s)."""

    id: str
    name: str
    pin_hash: str
    manager: bool
    active: bool
    failed: int = 0  # wrong PINs since the last lockout or success
    locked_until: float = 0.0  # epoch seconds; no PIN is checked before then
    lockouts: int = 0  # lockouts in a row (each one twice as long)
    created_at: str = ""


def _row(data: dict[str, Any]) -> StaffRow:
    return StaffRow(
        id=str(data["id"]), name=str(data["name"]), pin_hash=str(data["pin_hash"]),
        manager=bool(data["manager"]), active=bool(data["active"]),
        failed=int(data["failed"] or 0), locked_until=float(data["locked_until"] or 0.0),
        lockouts=int(data["lockouts"] or 0), created_at=str(data["created_at"] or ""))


def rows(db: sqlite_utils.Database) -> list[StaffRow]:
    """Every member, active or not, by name."""
    return [_row(r) for r in db.query("SELECT * FROM local_staff ORDER BY name COLLATE NOCASE")]


def get(db: sqlite_utils.Database, staff_id: str) -> StaffRow | None:
    """The member ``staff_id``, or None."""
    found = next(db.query("SELECT * FROM local_staff WHERE id = ?", [staff_id]), None)
    return None if found is None else _row(found)


def insert(db: sqlite_utils.Database, row: StaffRow) -> None:
    """Add ``row`` (inside the caller's write transaction)."""
    data = asdict(row)
    data["manager"], data["active"] = int(row.manager), int(row.active)
    db.table(TABLE).insert(data)


def update(db: sqlite_utils.Database, staff_id: str, **fields: Any) -> None:
    """Change ``fields`` of ``staff_id`` (inside the caller's write transaction)."""
    values = {k: int(v) if isinstance(v, bool) else v for k, v in fields.items()}
    db.table(TABLE).update(staff_id, values)
