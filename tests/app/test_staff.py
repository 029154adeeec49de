"""Staff accounts through the simulator's users API, in a separate administrator session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.app import signin
from kiosk.app.staff import StaffError, StaffManager
from kiosk.backends.vouchercart import Permission, VoucherCartClient
from kiosk.backends.vouchercart.models import ROLE_ADMIN, ROLE_CUSTOM, ROLE_NONE, ROLE_STAFF
from kiosk.domain.errors import AccessDenied, LoginFailed
from tests.helpers.demo import MANAGER, TILL
from tests.helpers.sim import Sim

NEW = ("Nora New", "nora@demo-shop.example", "start123")


@pytest.fixture
def staff(account: signin.Account, kiosk_home: Path) -> Iterator[StaffManager]:
    manager = StaffManager.open(account, *MANAGER, home=kiosk_home)
    yield manager
    manager.close()


def folder_state(home: Path) -> dict[str, bytes]:
    return {str(p.relative_to(home)): p.read_bytes() for p in home.rglob("*") if p.is_file()
            and p.suffix not in (".sqlite3-wal", ".sqlite3-shm", ".log")}


@pytest.mark.parametrize(("login", "words"), [
    ((MANAGER[0], "wrong1234"), "Wrong administrator e-mail or password."),
    (TILL, "may not manage staff on this shop"),
    (("", ""), "Enter an administrator's e-mail and password."),
])
def test_only_an_administrator_gets_in(account: signin.Account, login: tuple[str, str],
                                       words: str) -> None:
    with pytest.raises(StaffError, match=words):
        StaffManager.open(account, *login)


def test_the_admin_session_is_never_saved_on_the_till(
    account: signin.Account, kiosk_home: Path,
) -> None:
    before = folder_state(kiosk_home)
    manager = StaffManager.open(account, *MANAGER, home=kiosk_home)
    manager.close()
    assert folder_state(kiosk_home) == before
    assert signin.current_account(home=kiosk_home) == account
    with pytest.raises(StaffError, match="closed"):
        manager.refresh()


def test_lists_this_shops_staff_with_roles(staff: StaffManager) -> None:
    members = {m.email: m.role_name for m in staff.members()}
    assert members == {MANAGER[0]: "administrator", TILL[0]: "staff"}  # not the café's barista


def test_add_a_staff_member_who_can_redeem_here_only(
    staff: StaffManager, client: VoucherCartClient,
) -> None:
    user_id = staff.add(*NEW, confirm=NEW[2])
    assert any(m.id == user_id and m.role_name == "staff" for m in staff.members())
    assert client.authorize(NEW[1], NEW[2], "demo-shop").profile.id == user_id
    assert [d.name for d in client.user_domains(NEW[1])] == ["demo-shop"]


@pytest.mark.parametrize(("details", "words"), [
    (("", "x@demo-shop.example", "start123"), "Enter the person's name."),
    (("X", "not-an-email", "start123"), "not-an-email is not an e-mail address."),
    (("X", "x@demo-shop.example", "short"), "at least 6 characters, with a letter and a digit"),
    (("X", "x@demo-shop.example", "12345678"), "at least 6 characters, with a letter and a digit"),
    (("X", TILL[0].upper(), "start123"), "already used by Taylor Till"),
])
def test_bad_details_are_refused_in_plain_words(staff: StaffManager,
                                                details: tuple[str, str, str],
                                                words: str) -> None:
    with pytest.raises(StaffError, match=words):
        staff.add(*details)


def test_a_duplicate_the_server_finds_is_said_plainly(
    staff: StaffManager, client: VoucherCartClient,
) -> None:
    # Someone else adds the same e-mail after this list was loaded: the server refuses (302).
    admin = client.authorize(*MANAGER, "demo-shop").tokens.access_token
    client.create_user(admin, email=NEW[1], password="other123", full_name="Other",
                       permissions=[Permission(1, ROLE_STAFF), Permission(2, ROLE_NONE)])
    with pytest.raises(StaffError) as refused:
        staff.add(*NEW)
    assert refused.value.message == "Not saved: This email address is already used."


def test_edit_keeps_other_shops_and_remove_takes_only_this_one(
    staff: StaffManager, client: VoucherCartClient,
) -> None:
    user_id = staff.add(*NEW)
    admin = client.authorize(*MANAGER, "demo-shop").tokens.access_token
    client.update_user(admin, user_id, email=NEW[1], full_name=NEW[0],
                       permissions=[Permission(1, ROLE_STAFF), Permission(2, ROLE_STAFF)])
    staff.refresh()
    staff.edit(user_id, full_name="Nora Newer", email=NEW[1], role=ROLE_CUSTOM)
    member = next(m for m in staff.members() if m.id == user_id)
    assert (member.full_name, member.role_name, member.other_shops) == (
        "Nora Newer", "custom: redeem.voucher", 1)
    staff.remove(user_id)
    assert user_id not in {m.id for m in staff.members()}
    with pytest.raises(AccessDenied):
        client.authorize(NEW[1], NEW[2], "demo-shop")
    assert client.authorize(NEW[1], NEW[2], "demo-cafe").profile.id == user_id  # kept there


def test_an_administrator_cannot_lock_themselves_out(staff: StaffManager) -> None:
    with pytest.raises(StaffError, match="cannot remove yourself"):
        staff.remove(staff.admin_id)
    with pytest.raises(StaffError, match="own administrator role"):
        staff.edit(staff.admin_id, full_name="Morgan Manager", email=MANAGER[0], role=ROLE_STAFF)
    staff.edit(staff.admin_id, full_name="Morgan M.", email=MANAGER[0], role=ROLE_ADMIN)


def test_reset_password_keeps_the_offline_check_in_step(
    staff: StaffManager, account: signin.Account, sim: Sim, kiosk_home: Path,
    client: VoucherCartClient,
) -> None:
    with pytest.raises(StaffError, match="do not match"):
        staff.reset_password(account.user_id, "fresh123", "fresh124")
    staff.reset_password(account.user_id, "fresh123", "fresh123")
    with pytest.raises(LoginFailed):
        client.authorize(TILL[0], TILL[1], "demo-shop")
    sim.stop()  # offline: the till's lock screen checks against what it saved
    assert signin.verify_password(account, "fresh123", home=kiosk_home)
    assert not signin.verify_password(account, TILL[1], home=kiosk_home)


def test_removing_the_tills_own_account_ends_its_offline_unlock(
    staff: StaffManager, account: signin.Account, sim: Sim, kiosk_home: Path,
) -> None:
    staff.remove(account.user_id)
    sim.stop()
    assert not signin.verify_password(account, TILL[1], home=kiosk_home)


def test_server_down_mid_session(staff: StaffManager, sim: Sim) -> None:
    sim.stop()
    with pytest.raises(StaffError, match="server cannot be reached, so adding the staff member "
                                         "did not happen"):
        staff.add(*NEW)


def test_a_server_error_is_not_called_unreachable(staff: StaffManager, sim: Sim) -> None:
    sim.fail_next(1)
    with pytest.raises(StaffError) as failed:
        staff.refresh()
    assert failed.value.message.startswith(
        "The server had a problem, so loading the staff list did not happen (The server is "
        "not answering properly (HTTP 500))")
