"""The till's local staff list (Qt-free), for platforms that authenticate the shop, not a
person (Vouchers API, Vauchar, ShopWired: ``Capabilities.staff_sign_in`` is False).

Staff sign in on the till with their own PIN; their id (``staff-`` + 8 hex) is recorded with
each redemption and sent as Vauchar's ``user_id``. One list per till, kept by its managers.
The rules:

* a PIN is 4–8 digits, kept only as a salted scrypt hash (``kiosk.domain.verifier``);
* names and PINs are unique among active staff; no PIN equals the till's manager PIN;
* there is always at least one active manager (the last cannot be removed or demoted);
* nobody is deleted: a member who leaves is deactivated, so history keeps the name;
* 5 wrong PINs lock that member out for 30 s, doubling with each lockout in a row up to
  5 minutes; the lockout is in the database, so a restart does not lift it. Wrong PINs at
  the manager check (no name given) count against the till the same way.

Every method blocks (scrypt takes ~50–120 ms per PIN): the UI calls them off its thread.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.domain.errors import KioskError
from kiosk.domain.verifier import check_verifier, make_verifier
from kiosk.store import staff as rows
from kiosk.store.database import Store, to_db, utc_now
from kiosk.store.meta import Meta
from kiosk.store.settings import Settings
from kiosk.store.sqlite import sqlite_utils
from kiosk.store.staff import StaffRow

if TYPE_CHECKING:
    from kiosk.app.engine import Engine

__all__ = ["DEMO_STAFF", "LocalStaff", "LocalStaffError", "LockedOut", "Problem",
           "StaffMember"]

PIN_MIN, PIN_MAX = 4, 8
NAME_MAX = 40
ATTEMPTS = 5  # wrong PINs before a lockout
LOCKOUT_FIRST = 30.0  # seconds
LOCKOUT_MAX = 300.0
MANAGER_CHECK_KEY = "manager_check_lockout"  # the ``meta`` row of the nameless manager check
CURRENT_KEY = "local_staff_current"  # the ``meta`` row: who is signed in on the till now
DEMO_STAFF = (("Demo manager", "1234", True), ("Sam", "2468", False))


class Problem(StrEnum):
    """Why a change or a sign-in was refused (the UI words each one)."""

    NAME_EMPTY = "name_empty"
    NAME_TOO_LONG = "name_too_long"
    NAME_TAKEN = "name_taken"
    PIN_FORMAT = "pin_format"
    PIN_MISMATCH = "pin_mismatch"
    PIN_TAKEN = "pin_taken"
    PIN_IS_TILL_PIN = "pin_is_till_pin"
    FIRST_IS_MANAGER = "first_is_manager"
    LAST_MANAGER = "last_manager"
    UNKNOWN = "unknown"
    CHANGED = "changed"
    LOCKED = "locked"


MESSAGES = {
    Problem.NAME_EMPTY: "Enter the staff member's name.",
    Problem.NAME_TOO_LONG: f"A name has at most {NAME_MAX} characters.",
    Problem.NAME_TAKEN: "Someone on this till already has that name.",
    Problem.PIN_FORMAT: f"A PIN is {PIN_MIN} to {PIN_MAX} digits.",
    Problem.PIN_MISMATCH: "The two PINs do not match.",
    Problem.PIN_TAKEN: "Someone on this till already has that PIN: choose another.",
    Problem.PIN_IS_TILL_PIN: "That is the till's manager PIN: choose another.",
    Problem.FIRST_IS_MANAGER: "The first member of staff must be a manager.",
    Problem.LAST_MANAGER: "The till needs at least one manager: make someone else a "
                          "manager first.",
    Problem.UNKNOWN: "No such member of staff on this till.",
    Problem.CHANGED: "The staff list changed meanwhile: try again.",
    Problem.LOCKED: "Too many wrong PINs.",
}


class LocalStaffError(KioskError):
    """A change or sign-in the rules refuse; ``problem`` says which rule."""

    def __init__(self, problem: Problem, message: str | None = None) -> None:
        super().__init__(message or MESSAGES[problem])
        self.problem = problem


class LockedOut(LocalStaffError):
    """Too many wrong PINs: no PIN is checked for ``seconds`` more."""

    def __init__(self, seconds: float) -> None:
        self.seconds = max(1, int(seconds + 0.999))
        super().__init__(Problem.LOCKED,
                         f"Too many wrong PINs: try again in {self.seconds} seconds.")


@dataclass(frozen=True, slots=True)
class StaffMember:
    """A member of the till's staff."""

    id: str
    name: str
    manager: bool
    active: bool


def _member(row: StaffRow) -> StaffMember:
    return StaffMember(row.id, row.name, row.manager, row.active)


def valid_pin(pin: str) -> bool:
    """Whether ``pin`` has the form of a staff PIN (4–8 ASCII digits)."""
    return PIN_MIN <= len(pin) <= PIN_MAX and pin.isascii() and pin.isdigit()


def lockout_seconds(lockouts: int) -> float:
    """How long the ``lockouts``-th lockout in a row lasts (30 s doubling, at most 5 min)."""
    return float(min(LOCKOUT_FIRST * 2 ** max(lockouts - 1, 0), LOCKOUT_MAX))


@dataclass(frozen=True, slots=True)
class _Attempts:
    """Wrong PINs of one member (or of the manager check) and the lockout they caused."""

    failed: int = 0
    locked_until: float = 0.0
    lockouts: int = 0

    def failure(self, now: float) -> _Attempts:
        failed = self.failed + 1
        if failed < ATTEMPTS:
            return replace(self, failed=failed)
        lockouts = self.lockouts + 1
        return _Attempts(0, now + lockout_seconds(lockouts), lockouts)


class LocalStaff:
    """The staff list of one till, in its database; thread-safe."""

    def __init__(self, store: Store, settings: Settings, *,
                 clock: Callable[[], float] = time.time) -> None:
        self._store = store
        self._settings = settings
        self._meta = Meta(store)
        self._clock = clock
        self._lock = threading.Lock()  # one check of the nameless manager PIN at a time

    # --- reading ---------------------------------------------------------------------

    def members(self, *, everyone: bool = False) -> list[StaffMember]:
        """Active staff by name (``everyone``: the deactivated too)."""
        with self._store.read() as db:
            found = rows.rows(db)
        return [_member(r) for r in found if everyone or r.active]

    def is_empty(self) -> bool:
        """Whether nobody is on the list yet (the first manager must be set up)."""
        return not self.members()

    def get(self, staff_id: str) -> StaffMember | None:
        """The member ``staff_id`` (active or not), or None."""
        with self._store.read() as db:
            row = rows.get(db, staff_id)
        return None if row is None else _member(row)

    def by_name(self, name: str) -> StaffMember | None:
        """The active member called ``name`` (case and surrounding spaces ignored)."""
        wanted = name.strip().casefold()
        return next((m for m in self.members() if m.name.casefold() == wanted), None)

    def pin_in_use(self, pin: str) -> bool:
        """Whether an active member has ``pin`` (slow: one scrypt per member) — the till's
        manager PIN may not be one of theirs either."""
        with self._store.read() as db:
            return _holds(rows.rows(db), pin)

    def current(self) -> StaffMember | None:
        """Who is signed in on the till (kept across a restart until they lock or switch),
        or None."""
        staff_id = self._meta.get(CURRENT_KEY) or ""
        member = self.get(staff_id) if staff_id else None
        return member if member is not None and member.active else None

    def set_current(self, staff_id: str) -> None:
        """Record who is signed in now ("" = nobody: the till waits on the lock screen)."""
        self._meta.put(CURRENT_KEY, staff_id)

    # --- changes ---------------------------------------------------------------------

    def add(self, name: str, pin: str, *, manager: bool = False,
            confirm: str | None = None) -> StaffMember:
        """Put a new member on the list (the first must be a manager)."""
        name = self._check_name(name)
        snapshot = self._check_pin(pin, confirm)
        row = StaffRow(id=f"staff-{secrets.token_hex(4)}", name=name,
                       pin_hash=make_verifier(pin), manager=manager, active=True,
                       created_at=to_db(utc_now()))
        with self._store.write() as db:
            active = self._same(db, snapshot)
            if not active and not manager:
                raise LocalStaffError(Problem.FIRST_IS_MANAGER)
            if any(r.name.casefold() == name.casefold() for r in active):
                raise LocalStaffError(Problem.NAME_TAKEN)
            rows.insert(db, row)
        return _member(row)

    def set_pin(self, staff_id: str, pin: str, confirm: str | None = None) -> None:
        """Give ``staff_id`` a new PIN (a manager's action; lifts a lockout)."""
        self._active(staff_id)
        snapshot = self._check_pin(pin, confirm, besides=staff_id)
        pin_hash = make_verifier(pin)
        with self._store.write() as db:
            self._same(db, snapshot)
            rows.update(db, staff_id, pin_hash=pin_hash, failed=0, locked_until=0.0,
                        lockouts=0)

    def set_manager(self, staff_id: str, manager: bool) -> None:
        """Make ``staff_id`` a manager, or staff (never the last manager)."""
        with self._store.write() as db:
            row = self._active_row(db, staff_id)
            if row.manager and not manager:
                self._keep_a_manager(db, staff_id)
            rows.update(db, staff_id, manager=manager)

    def deactivate(self, staff_id: str) -> None:
        """Take ``staff_id`` off the till (kept, inactive, for the history's names)."""
        with self._store.write() as db:
            row = self._active_row(db, staff_id)
            if row.manager:
                self._keep_a_manager(db, staff_id)
            rows.update(db, staff_id, active=False)

    # --- signing in ------------------------------------------------------------------

    def verify(self, staff_id: str, pin: str) -> StaffMember | None:
        """The member when ``pin`` is theirs, None when it is wrong; ``LockedOut`` while
        locked out (the wrong PIN that starts a lockout raises it too)."""
        with self._store.read() as db:
            row = self._active_row(db, staff_id)
        now = self._clock()
        if row.locked_until > now:
            raise LockedOut(row.locked_until - now)
        right = check_verifier(row.pin_hash, pin)
        with self._store.write() as db:
            row = self._active_row(db, staff_id)
            if right:
                rows.update(db, staff_id, failed=0, locked_until=0.0, lockouts=0)
                return _member(row)
            after = _Attempts(row.failed, row.locked_until, row.lockouts).failure(now)
            rows.update(db, staff_id, failed=after.failed, locked_until=after.locked_until,
                        lockouts=after.lockouts)
        if after.locked_until > now:
            raise LockedOut(after.locked_until - now)
        return None

    def attempts_left(self, staff_id: str) -> int:
        """Wrong PINs ``staff_id`` may still type before a lockout."""
        with self._store.read() as db:
            row = self._active_row(db, staff_id)
        return ATTEMPTS - row.failed

    def check_manager(self, pin: str) -> StaffMember | None:
        """Who authorises with ``pin``: any active manager's PIN, or the till's manager PIN
        (then a member of no name: ``StaffMember("", "", True, True)``); None when wrong.
        Wrong PINs here count against the till (``LockedOut`` as for a member)."""
        with self._lock:
            now = self._clock()
            attempts = self._manager_attempts()
            if attempts.locked_until > now:
                raise LockedOut(attempts.locked_until - now)
            found = self._manager_with(pin)
            after = _Attempts() if found is not None else attempts.failure(now)
            if after != attempts:
                self._meta.put(MANAGER_CHECK_KEY, json.dumps(
                    [after.failed, after.locked_until, after.lockouts]))
            if after.locked_until > now:
                raise LockedOut(after.locked_until - now)
            return found

    def _manager_with(self, pin: str) -> StaffMember | None:
        if self._is_till_pin(pin):
            return StaffMember("", "", True, True)
        with self._store.read() as db:
            managers = [r for r in rows.rows(db) if r.active and r.manager]
        return next((_member(r) for r in managers if check_verifier(r.pin_hash, pin)), None)

    def _manager_attempts(self) -> _Attempts:
        try:
            failed, until, lockouts = json.loads(self._meta.get(MANAGER_CHECK_KEY) or "[]")
            return _Attempts(int(failed), float(until), int(lockouts))
        except (ValueError, TypeError):
            return _Attempts()

    # --- the rules -------------------------------------------------------------------

    def _check_name(self, name: str) -> str:
        name = " ".join(name.split())
        if not name:
            raise LocalStaffError(Problem.NAME_EMPTY)
        if len(name) > NAME_MAX:
            raise LocalStaffError(Problem.NAME_TOO_LONG)
        return name

    def _check_pin(self, pin: str, confirm: str | None,
                   besides: str = "") -> list[tuple[str, str]]:
        """Refuse a PIN of the wrong form, a mismatch, the till's PIN or another member's
        (slow: one scrypt per active member); the active rows it was checked against."""
        if not valid_pin(pin):
            raise LocalStaffError(Problem.PIN_FORMAT)
        if confirm is not None and confirm != pin:
            raise LocalStaffError(Problem.PIN_MISMATCH)
        if self._is_till_pin(pin):
            raise LocalStaffError(Problem.PIN_IS_TILL_PIN)
        with self._store.read() as db:
            active = [r for r in rows.rows(db) if r.active]
        if _holds(active, pin, besides):
            raise LocalStaffError(Problem.PIN_TAKEN)
        return sorted((r.id, r.pin_hash) for r in active)

    def _is_till_pin(self, pin: str) -> bool:
        till_pin = str(self._settings.lock_pin or "")
        return bool(till_pin) and check_verifier(till_pin, pin)

    @staticmethod
    def _same(db: sqlite_utils.Database, snapshot: list[tuple[str, str]]) -> list[StaffRow]:
        """The active rows, refusing if their PINs changed since ``snapshot`` was checked."""
        active = [r for r in rows.rows(db) if r.active]
        if sorted((r.id, r.pin_hash) for r in active) != snapshot:
            raise LocalStaffError(Problem.CHANGED)
        return active

    @staticmethod
    def _active_row(db: sqlite_utils.Database, staff_id: str) -> StaffRow:
        row = rows.get(db, staff_id)
        if row is None or not row.active:
            raise LocalStaffError(Problem.UNKNOWN)
        return row

    def _active(self, staff_id: str) -> StaffRow:
        with self._store.read() as db:
            return self._active_row(db, staff_id)

    @staticmethod
    def _keep_a_manager(db: sqlite_utils.Database, leaving: str) -> None:
        others = [r for r in rows.rows(db) if r.active and r.manager
                  and r.id != leaving]
        if not others:
            raise LocalStaffError(Problem.LAST_MANAGER)

    # --- set-up ----------------------------------------------------------------------

    def add_demo_staff(self) -> None:
        """On an empty list, the demo's staff: "Demo manager" (PIN 1234, signed in) and
        "Sam" (2468)."""
        if self.is_empty():
            added = [self.add(name, pin, manager=manager) for name, pin, manager in DEMO_STAFF]
            self.set_current(added[0].id)


def _holds(found: Iterable[StaffRow], pin: str, besides: str = "") -> bool:
    """Whether an active row other than ``besides`` has ``pin`` (one scrypt per row)."""
    return any(r.active and r.id != besides and check_verifier(r.pin_hash, pin) for r in found)


def open_local_staff(home: Path) -> tuple[LocalStaff, Store]:
    """The staff list of data directory ``home`` and the store it opened (close it after)."""
    store = Store.open(home)
    return LocalStaff(store, Settings.open(home)), store


def take_staff(engine: Engine, name: str) -> None:
    """The CLI's ``--staff NAME`` on a key-based platform: record the local staff member of
    that name (their id too). With no name, the signed-in account's staff name is looked up
    the same way, and kept as a bare name when it is not on the list; with an empty list,
    any name is kept as it is (no ids yet). An unknown ``name`` raises ``LocalStaffError``.
    """
    if engine.capabilities.staff_sign_in:
        return
    staff = LocalStaff(engine.store, engine.settings)
    if staff.is_empty():
        return
    member = staff.by_name(name or engine.staff)
    if member is not None:
        engine.set_staff(member.name, member.id)
    elif name:
        known = ", ".join(m.name for m in staff.members())
        raise LocalStaffError(Problem.UNKNOWN, f"No member of staff called {name!r} on this "
                                               f"till (staff: {known}).")
