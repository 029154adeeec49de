"""The simulator's state in SQLite: one file per ``--db`` (or in memory), one lock."""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from kiosk.sim.fixtures import Fixture
from kiosk.sim.passwords import hash_password
from kiosk.sim.vouchers import Voucher, normalise_code

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS domains (id INTEGER PRIMARY KEY, name TEXT UNIQUE NOT NULL,
                                    url TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (id INTEGER PRIMARY KEY AUTOINCREMENT,
                                  email TEXT UNIQUE COLLATE NOCASE NOT NULL,
                                  password_hash TEXT NOT NULL, full_name TEXT NOT NULL,
                                  phone TEXT NOT NULL, locale TEXT NOT NULL,
                                  created_at TEXT NOT NULL, permissions TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS vouchers (code TEXT PRIMARY KEY, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS items (id TEXT PRIMARY KEY, code TEXT UNIQUE COLLATE NOCASE NOT NULL,
                                  seq INTEGER NOT NULL, data TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS refresh_tokens (token TEXT PRIMARY KEY, jti TEXT NOT NULL,
                                           user_id INTEGER NOT NULL, access_hash TEXT NOT NULL,
                                           used INTEGER NOT NULL DEFAULT 0);
"""


class SimStore:
    """Domains, users, vouchers and refresh tokens. Every access holds ``lock``; mutations
    run inside :meth:`transaction` so a request's changes commit together or not at all."""

    def __init__(self, db: str | Path | None = None) -> None:
        self.lock = threading.RLock()
        self.path = Path(db) if db is not None else None
        self._conn = sqlite3.connect(str(db) if db is not None else ":memory:",
                                     check_same_thread=False, isolation_level=None)
        self._conn.row_factory = sqlite3.Row
        if db is not None:
            self._conn.execute("PRAGMA journal_mode=WAL")
            self._conn.execute("PRAGMA synchronous=FULL")
        self._conn.executescript(_SCHEMA)
        self._depth = 0

    def close(self) -> None:
        """Close the database."""
        with self.lock:
            self._conn.close()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Hold the lock and run the block as one SQLite transaction (nesting joins it)."""
        with self.lock:
            if self._depth:
                self._depth += 1
                try:
                    yield
                finally:
                    self._depth -= 1
                return
            self._conn.execute("BEGIN IMMEDIATE")
            self._depth = 1
            try:
                yield
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            else:
                self._conn.execute("COMMIT")
            finally:
                self._depth = 0

    def _all(self, sql: str, *args: object) -> list[sqlite3.Row]:
        with self.lock:
            return self._conn.execute(sql, args).fetchall()

    def _one(self, sql: str, *args: object) -> sqlite3.Row | None:
        with self.lock:
            row: sqlite3.Row | None = self._conn.execute(sql, args).fetchone()
            return row

    def _run(self, sql: str, *args: object) -> int:
        with self.transaction():
            cursor = self._conn.execute(sql, args)
            return int(cursor.lastrowid or 0) if sql.lstrip().upper().startswith(
                "INSERT") else cursor.rowcount

    # --- meta ---------------------------------------------------------------------------
    def get_meta(self, key: str) -> str | None:
        """A stored setting (JWT secret, initial fixture…)."""
        row = self._one("SELECT value FROM meta WHERE key = ?", key)
        return str(row["value"]) if row else None

    def set_meta(self, key: str, value: str) -> None:
        """Store a setting."""
        self._run("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)", key, value)

    def is_seeded(self) -> bool:
        """True once a fixture has been loaded into this database."""
        return self.get_meta("fixture") is not None

    def seed(self, fixture: Fixture, created_at: str) -> None:
        """Replace all domains, users, vouchers and tokens by the fixture's."""
        with self.transaction():
            for table in ("domains", "users", "vouchers", "refresh_tokens"):
                self._conn.execute(f"DELETE FROM {table}")  # noqa: S608 - fixed table names
            for domain in fixture["domains"]:
                self._conn.execute("INSERT INTO domains (id, name, url) VALUES (?, ?, ?)",
                                   (domain["id"], domain["name"], domain["url"]))
            for user in fixture["users"]:
                self.insert_user(user, hash_password(user["password"]),
                                 user.get("createdAt") or created_at)
            for voucher in fixture["vouchers"]:
                self.put_voucher(voucher)
            self.set_meta("fixture", json.dumps(fixture))

    # --- domains ------------------------------------------------------------------------
    def domains(self) -> list[dict[str, Any]]:
        """All domains, by id."""
        return [dict(r) for r in self._all("SELECT id, name, url FROM domains ORDER BY id")]

    def domain_by_name(self, name: str) -> dict[str, Any] | None:
        """The domain called ``name``."""
        row = self._one("SELECT id, name, url FROM domains WHERE name = ?", name)
        return dict(row) if row else None

    # --- users --------------------------------------------------------------------------
    @staticmethod
    def _user(row: sqlite3.Row | None) -> dict[str, Any] | None:
        if row is None:
            return None
        return {"id": row["id"], "email": row["email"], "passwordHash": row["password_hash"],
                "fullName": row["full_name"], "phone": row["phone"], "locale": row["locale"],
                "createdAt": row["created_at"], "permissions": json.loads(row["permissions"])}

    def users(self) -> list[dict[str, Any]]:
        """All users, by id."""
        return [u for r in self._all("SELECT * FROM users ORDER BY id")
                if (u := self._user(r)) is not None]

    def user_by_id(self, user_id: int) -> dict[str, Any] | None:
        """One user, or None."""
        return self._user(self._one("SELECT * FROM users WHERE id = ?", user_id))

    def user_by_email(self, email: str) -> dict[str, Any] | None:
        """One user by e-mail (case-insensitive), or None."""
        return self._user(self._one("SELECT * FROM users WHERE email = ?", email.strip()))

    def insert_user(self, user: Mapping[str, Any], password_hash: str, created_at: str) -> int:
        """Add a user; returns its id (``user["id"]`` if given)."""
        return self._run(
            "INSERT INTO users (id, email, password_hash, full_name, phone, locale, created_at,"
            " permissions) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            user.get("id"), user["email"], password_hash, user["fullName"],
            user.get("phone") or "", user.get("locale") or "en", created_at,
            json.dumps(user["permissions"]))

    def update_user(self, user_id: int, user: Mapping[str, Any]) -> None:
        """Change a user's e-mail, name, phone and permissions."""
        self._run("UPDATE users SET email = ?, full_name = ?, phone = ?, permissions = ?"
                  " WHERE id = ?", user["email"], user["fullName"], user.get("phone") or "",
                  json.dumps(user["permissions"]), user_id)

    def set_password_hash(self, user_id: int, password_hash: str) -> None:
        """Replace a user's password hash."""
        self._run("UPDATE users SET password_hash = ? WHERE id = ?", password_hash, user_id)

    def delete_user(self, user_id: int) -> bool:
        """Remove a user and its refresh tokens; False if there was none."""
        with self.transaction():
            self._run("DELETE FROM refresh_tokens WHERE user_id = ?", user_id)
            return self._run("DELETE FROM users WHERE id = ?", user_id) > 0

    # --- vouchers -----------------------------------------------------------------------
    def voucher(self, code: str) -> Voucher | None:
        """A stored voucher by code (case-insensitive), or None."""
        row = self._one("SELECT data FROM vouchers WHERE code = ?", normalise_code(code))
        return json.loads(row["data"]) if row else None

    def put_voucher(self, voucher: Mapping[str, Any]) -> None:
        """Add or replace a voucher."""
        self._run("INSERT OR REPLACE INTO vouchers (code, data) VALUES (?, ?)",
                  voucher["code"], json.dumps(voucher))

    # --- items: the other APIs' vouchers (JSON in their own shape, by id and code) ---------
    def clear_items(self) -> None:
        """Forget every item."""
        self._run("DELETE FROM items")

    def put_item(self, item_id: str, code: str, data: Mapping[str, Any]) -> None:
        """Add or replace an item (a replaced one keeps its place in the order)."""
        with self.transaction():
            row = self._one("SELECT seq FROM items WHERE id = ?", item_id)
            if row is not None:
                seq = int(row["seq"])
            else:
                last = self._one("SELECT COALESCE(MAX(seq), 0) AS seq FROM items")
                seq = int(last["seq"] if last else 0) + 1
            self._run("DELETE FROM items WHERE code = ? AND id != ?", code.strip(), item_id)
            self._run("INSERT OR REPLACE INTO items (id, code, seq, data) VALUES (?, ?, ?, ?)",
                      item_id, code.strip(), seq, json.dumps(data))

    def item(self, item_id: str) -> dict[str, Any] | None:
        """One item by id, or None."""
        row = self._one("SELECT data FROM items WHERE id = ?", item_id)
        return json.loads(row["data"]) if row else None

    def item_by_code(self, code: str) -> dict[str, Any] | None:
        """One item by code (case-insensitive, blanks ignored), or None."""
        row = self._one("SELECT data FROM items WHERE code = ?", code.strip())
        return json.loads(row["data"]) if row else None

    def items(self) -> list[dict[str, Any]]:
        """Every item, oldest first."""
        return [json.loads(r["data"]) for r in self._all("SELECT data FROM items ORDER BY seq")]

    def item_count(self) -> int:
        """How many items there are."""
        row = self._one("SELECT COUNT(*) AS n FROM items")
        return int(row["n"]) if row else 0

    def delete_item(self, item_id: str) -> bool:
        """Remove an item; False if there was none."""
        return self._run("DELETE FROM items WHERE id = ?", item_id) > 0

    # --- refresh tokens -----------------------------------------------------------------
    def add_refresh_token(self, token: str, jti: str, user_id: int, access_hash: str) -> None:
        """Remember a refresh token and the access token it is paired with."""
        self._run("INSERT INTO refresh_tokens (token, jti, user_id, access_hash)"
                  " VALUES (?, ?, ?, ?)", token, jti, user_id, access_hash)

    def take_refresh_token(self, token: str) -> dict[str, Any] | None:
        """Mark a refresh token used and return it; None if unknown or already used."""
        with self.transaction():
            row = self._one("SELECT * FROM refresh_tokens WHERE token = ? AND used = 0", token)
            if row is None:
                return None
            self._run("UPDATE refresh_tokens SET used = 1 WHERE token = ?", token)
            return dict(row)
