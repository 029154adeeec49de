"""The till's local staff list (``kiosk.app.local_staff``) on a real SQLite file: each rule,
the lockout (persisted across a reopen), and the staff id recorded with a redemption."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.app import signin
from kiosk.app.engine import Engine
from kiosk.app.local_staff import (
    LocalStaff,
    LocalStaffError,
    LockedOut,
    Problem,
    StaffMember,
    lockout_seconds,
)
from kiosk.store.database import DB_NAME, Store
from kiosk.store.settings import Settings
from kiosk.ui.pin import hash_pin
from tests.helpers.platforms import VAUCHAR_AUTH
from tests.helpers.sim import Sim


class Clock:
    """Epoch seconds that move only when the test says."""

    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """The till's settings (where its manager PIN is kept)."""
    return Settings.open(tmp_path)


@pytest.fixture
def opened(tmp_path: Path, clock: Clock,
           settings: Settings) -> Iterator[Callable[[], LocalStaff]]:
    """Open the till's staff list (again): each call is a fresh store on the same file."""
    stores: list[Store] = []

    def open_list() -> LocalStaff:
        store = Store.open(tmp_path)
        stores.append(store)
        return LocalStaff(store, settings, clock=clock)

    yield open_list
    for store in stores:
        store.close()


@pytest.fixture
def staff(opened: Callable[[], LocalStaff]) -> LocalStaff:
    """A list with a manager (Alice, 1111) and a member of staff (Bob, 2222)."""
    staff = opened()
    staff.add("Alice", "1111", manager=True)
    staff.add("Bob", "2222")
    return staff


def refused(problem: Problem, action: Callable[[], object]) -> str:
    with pytest.raises(LocalStaffError) as caught:
        action()
    assert caught.value.problem is problem, caught.value.message
    return caught.value.message


def test_ids_are_staff_hex_and_pins_only_salted_scrypt_hashes(
        staff: LocalStaff, tmp_path: Path) -> None:
    members = staff.members()
    assert [m.name for m in members] == ["Alice", "Bob"]
    assert all(re.fullmatch(r"staff-[0-9a-f]{8}", m.id) for m in members)
    staff.add("Carol", "33334444")
    with sqlite3.connect(tmp_path / DB_NAME) as db:
        hashes = [row[0] for row in db.execute("SELECT pin_hash FROM local_staff")]
    assert len(hashes) == 3
    assert all(h.startswith("scrypt$") for h in hashes)
    # No field is a PIN (a hex salt or hash may contain "1111" by chance: 1 run in ~100).
    pins = ("1111", "2222", "33334444")
    assert not any(pin in h.split("$") for h in hashes for pin in pins)
    assert not any(pin.encode().hex() in h for h in hashes for pin in pins)
    assert len({h.split("$")[1] for h in hashes}) == 3  # a salt per entry


@pytest.mark.parametrize("pin", ["123", "123456789", "12a4", "١٢٣٤", ""])
def test_a_pin_is_four_to_eight_digits(staff: LocalStaff, pin: str) -> None:
    message = refused(Problem.PIN_FORMAT, lambda: staff.add("Dan", pin))
    assert "4 to 8 digits" in message


def test_the_two_pins_must_match(staff: LocalStaff) -> None:
    refused(Problem.PIN_MISMATCH, lambda: staff.add("Dan", "4444", confirm="4445"))
    assert staff.add("Dan", "4444", confirm="4444").name == "Dan"


def test_names_are_unique_among_active_staff(staff: LocalStaff) -> None:
    refused(Problem.NAME_TAKEN, lambda: staff.add("  bob ", "5555"))
    refused(Problem.NAME_EMPTY, lambda: staff.add("   ", "5555"))
    bob = staff.by_name("bob")
    assert bob is not None
    staff.deactivate(bob.id)
    assert staff.add("Bob", "5555").id != bob.id  # a new Bob once the old one left


def test_pins_are_unique_among_active_staff(staff: LocalStaff) -> None:
    refused(Problem.PIN_TAKEN, lambda: staff.add("Dan", "2222"))
    bob = staff.by_name("Bob")
    assert bob is not None
    alice = staff.by_name("Alice")
    assert alice is not None
    refused(Problem.PIN_TAKEN, lambda: staff.set_pin(bob.id, "1111"))
    staff.set_pin(bob.id, "2222")  # keeping one's own PIN is no clash
    staff.deactivate(bob.id)
    assert staff.add("Dan", "2222").name == "Dan"


def test_a_pin_may_not_be_the_tills_manager_pin(staff: LocalStaff,
                                                settings: Settings) -> None:
    settings.lock_pin = hash_pin("9999")
    message = refused(Problem.PIN_IS_TILL_PIN, lambda: staff.add("Dan", "9999"))
    assert "manager PIN" in message


def test_the_first_member_must_be_a_manager(opened: Callable[[], LocalStaff]) -> None:
    staff = opened()
    assert staff.is_empty()
    refused(Problem.FIRST_IS_MANAGER, lambda: staff.add("Bob", "2222"))
    assert staff.add("Alice", "1111", manager=True).manager


def test_the_last_manager_can_be_neither_removed_nor_demoted(staff: LocalStaff) -> None:
    alice, bob = staff.members()
    refused(Problem.LAST_MANAGER, lambda: staff.deactivate(alice.id))
    refused(Problem.LAST_MANAGER, lambda: staff.set_manager(alice.id, False))
    staff.set_manager(bob.id, True)
    staff.set_manager(alice.id, False)
    refused(Problem.LAST_MANAGER, lambda: staff.deactivate(bob.id))
    assert [(m.name, m.manager) for m in staff.members()] == [("Alice", False), ("Bob", True)]


def test_staff_are_deactivated_never_deleted(staff: LocalStaff) -> None:
    bob = staff.by_name("Bob")
    assert bob is not None
    staff.deactivate(bob.id)
    assert [m.name for m in staff.members()] == ["Alice"]
    everyone = staff.members(everyone=True)
    assert [(m.name, m.active) for m in everyone] == [("Alice", True), ("Bob", False)]
    assert staff.get(bob.id) == everyone[1]  # history still finds the name
    refused(Problem.UNKNOWN, lambda: staff.verify(bob.id, "2222"))
    refused(Problem.UNKNOWN, lambda: staff.deactivate(bob.id))


def test_verify_accepts_only_the_members_own_pin(staff: LocalStaff) -> None:
    alice, bob = staff.members()
    assert staff.verify(bob.id, "2222") == bob
    assert staff.verify(bob.id, "1111") is None
    assert staff.attempts_left(bob.id) == 4
    assert staff.verify(bob.id, "2222") == bob  # a right PIN starts the count again
    assert staff.attempts_left(bob.id) == 5
    assert staff.verify(alice.id, "1111") == alice


def test_five_wrong_pins_lock_out_for_30_s_doubling_to_5_minutes(
        staff: LocalStaff, clock: Clock) -> None:
    bob = staff.by_name("Bob")
    assert bob is not None
    assert [lockout_seconds(n) for n in range(1, 7)] == [30, 60, 120, 240, 300, 300]
    for _ in range(4):
        assert staff.verify(bob.id, "0000") is None
    with pytest.raises(LockedOut) as caught:
        staff.verify(bob.id, "0000")
    assert caught.value.seconds == 30
    assert "30 seconds" in caught.value.message
    with pytest.raises(LockedOut):
        staff.verify(bob.id, "2222")  # even the right PIN waits
    clock.now += 31
    for _ in range(4):
        assert staff.verify(bob.id, "0000") is None
    with pytest.raises(LockedOut) as caught:
        staff.verify(bob.id, "0000")
    assert caught.value.seconds == 60
    clock.now += 61
    assert staff.verify(bob.id, "2222") == bob  # over: a right PIN resets it all
    for _ in range(4):
        staff.verify(bob.id, "0000")
    with pytest.raises(LockedOut) as caught:
        staff.verify(bob.id, "0000")
    assert caught.value.seconds == 30


def test_a_lockout_survives_a_restart(opened: Callable[[], LocalStaff], clock: Clock) -> None:
    staff = opened()
    staff.add("Alice", "1111", manager=True)
    alice = staff.members()[0]
    for _ in range(4):
        staff.verify(alice.id, "0000")
    with pytest.raises(LockedOut):
        staff.verify(alice.id, "0000")
    again = opened()  # a new store on the same file: the till restarted
    clock.now += 10
    with pytest.raises(LockedOut) as caught:
        again.verify(alice.id, "1111")
    assert caught.value.seconds == 20


def test_a_new_pin_lifts_a_lockout(staff: LocalStaff) -> None:
    bob = staff.by_name("Bob")
    assert bob is not None
    for _ in range(4):
        staff.verify(bob.id, "0000")
    with pytest.raises(LockedOut):
        staff.verify(bob.id, "0000")
    staff.set_pin(bob.id, "7777", "7777")
    assert staff.verify(bob.id, "2222") is None  # the old one is gone
    assert staff.verify(bob.id, "7777") == bob


def test_manager_check_takes_any_managers_pin_or_the_till_pin(
        staff: LocalStaff, settings: Settings) -> None:
    staff.add("Carol", "3333", manager=True)
    settings.lock_pin = hash_pin("9999")
    checked = {pin: staff.check_manager(pin) for pin in ("1111", "3333", "9999", "2222")}
    names = {pin: None if found is None else found.name for pin, found in checked.items()}
    assert names == {"1111": "Alice", "3333": "Carol", "9999": "", "2222": None}
    assert checked["9999"] == StaffMember("", "", True, True)  # the till's PIN: no one named


def test_manager_check_locks_out_and_the_lockout_is_persisted(
        opened: Callable[[], LocalStaff], clock: Clock) -> None:
    staff = opened()
    staff.add("Alice", "1111", manager=True)
    for _ in range(4):
        assert staff.check_manager("0000") is None
    with pytest.raises(LockedOut):
        staff.check_manager("0000")
    with pytest.raises(LockedOut) as caught:
        opened().check_manager("1111")
    assert caught.value.seconds == 30
    clock.now += 30.5
    assert opened().check_manager("1111") is not None


def test_the_engine_records_the_staff_id_and_vauchar_gets_it_as_user_id(
        sim_of: Callable[..., Sim], kiosk_home: Path) -> None:
    server = sim_of("vauchar")
    signin.sign_in_platform("vauchar", server.api_url, dict(
        zip(("username", "password"), VAUCHAR_AUTH, strict=True)), staff="till")
    engine = Engine.open()
    try:
        staff = LocalStaff(engine.store, engine.settings)
        sam = staff.add("Demo manager", "1234", manager=True)
        engine.set_staff(sam.name, sam.id)
        outcome = engine.redeem("GIFT50DEMO001", 500)
        entry = engine.outbox.get(outcome.entry_id or "")
    finally:
        engine.close()
    assert entry is not None
    assert (entry.staff, entry.staff_id) == ("Demo manager", sam.id)
    stored = server.simulator.store.item_by_code("GIFT50DEMO001")
    assert stored is not None
    assert stored["redemptions"][-1]["user_id"] == sam.id


def test_who_is_signed_in_is_kept_across_a_restart(opened: Callable[[], LocalStaff]) -> None:
    staff = opened()
    alice = staff.add("Alice", "1111", manager=True)
    bob = staff.add("Bob", "2222")
    assert staff.current() is None
    staff.set_current(bob.id)
    assert opened().current() == bob
    staff.deactivate(bob.id)
    assert opened().current() is None  # a deactivated member is nobody
    staff.set_current(alice.id)
    staff.set_current("")
    assert opened().current() is None


def test_a_key_based_till_never_asks_vouchercart_for_a_password(
        sim_of: Callable[..., Sim]) -> None:
    server = sim_of("vauchar")
    account = signin.sign_in_platform("vauchar", server.api_url, dict(
        zip(("username", "password"), VAUCHAR_AUTH, strict=True)), staff="till")
    server.simulator.log.clear()
    assert signin.verify_password(account, "demo-api-key") is False
    assert server.simulator.log.entries() == []  # no /authorize, no request at all
