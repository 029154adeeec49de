"""The users endpoints: administrators only, validation answered with 302."""

from __future__ import annotations

import re
from typing import Any

import httpx
import pytest

from tests.helpers.demo import BARISTA, MANAGER, TILL
from tests.helpers.sim import Sim, assert_error, bearer, sign_in


def new_user(email: str = "new.staff@demo-shop.example", **changes: Any) -> dict[str, Any]:
    return {"fullName": "New Staff", "email": email, "password": "sEcret9",
            "phone": "+44 1632 960000",
            "permissions": [{"domainId": 1, "roleId": 2, "customPermissions": []},
                            {"domainId": 2, "roleId": 0, "customPermissions": []}],
            **changes}


@pytest.fixture
def admin(client: httpx.Client) -> dict[str, str]:
    """The manager's headers."""
    return bearer(client, MANAGER)


def test_list_users_never_shows_passwords(client: httpx.Client, admin: dict[str, str]) -> None:
    users = client.get("users", headers=admin).json()
    assert [u["email"] for u in users] == [MANAGER[0], TILL[0], BARISTA[0]]
    for user in users:
        assert list(user) == ["id", "fullName", "email", "phone", "createdAt", "permissions"]
    assert "till1234" not in client.get("users", headers=admin).text


def test_create_get_update_delete(sim: Sim, client: httpx.Client,
                                  admin: dict[str, str]) -> None:
    sim.set_clock("2031-02-03T04:05:06+0000")
    admin = bearer(client, MANAGER)
    created = client.post("users", json=new_user(), headers=admin)
    assert created.status_code == 200, created.text
    user_id = created.json()["userId"]
    assert created.json() == {"userId": user_id}
    fetched = client.get(f"users/{user_id}", headers=admin).json()
    assert fetched["createdAt"] == "03/02/2031 04:05"
    assert re.fullmatch(r"\d\d/\d\d/\d{4} \d\d:\d\d", fetched["createdAt"])
    assert fetched["fullName"] == "New Staff"
    assert sign_in(client, ("new.staff@demo-shop.example", "sEcret9"))["profile"]["id"] == user_id

    changed = new_user(fullName="Renamed", phone="+1 987 654 321")
    del changed["password"]
    changed["permissions"][1] = {"domainId": 2, "roleId": 3,
                                 "customPermissions": ["redeem.voucher"]}
    assert client.put(f"users/{user_id}", json=changed, headers=admin).status_code == 204
    fetched = client.get(f"users/{user_id}", headers=admin).json()
    assert (fetched["fullName"], fetched["phone"]) == ("Renamed", "+1 987 654 321")
    assert fetched["permissions"][1]["customPermissions"] == ["redeem.voucher"]

    assert client.delete(f"users/{user_id}", headers=admin).status_code == 204
    assert_error(client.get(f"users/{user_id}", headers=admin), 404, 1004)
    assert_error(client.delete(f"users/{user_id}", headers=admin), 422, 1000)
    assert_error(client.delete("users/abc", headers=admin), 422, 1000)


def test_change_password(client: httpx.Client, admin: dict[str, str]) -> None:
    body = {"password": "SEcreT123", "password2": "SEcreT123"}
    assert client.patch("users/2/password", json=body, headers=admin).status_code == 204
    assert_error(client.post("authorize", auth=TILL, data={"subdomain": "demo-shop"}), 401, 1001)
    assert sign_in(client, (TILL[0], "SEcreT123"))["status"] == "authenticated"
    mismatch = client.patch("users/2/password", json={"password": "SEcreT123",
                                                      "password2": "other123"}, headers=admin)
    errors = assert_error(mismatch, 302, 1000)["errors"]
    assert "password2" in errors  # type: ignore[operator]
    weak = client.patch("users/2/password", json={"password": "abc", "password2": "abc"},
                        headers=admin)
    assert_error(weak, 302, 1000)
    assert_error(client.patch("users/77/password", json=body, headers=admin), 404, 1004)


@pytest.mark.parametrize(("changes", "field"), [
    ({"email": "not-an-email"}, "email"),
    ({"email": TILL[0]}, "email"),
    ({"password": "short"}, "password"),
    ({"password": "lettersonly"}, "password"),
    ({"fullName": ""}, "fullName"),
    ({"permissions": "all"}, "permissions"),
    ({"permissions": [{"domainId": 1, "roleId": 9}]}, "permissions"),
])
def test_validation_failures_answer_302(client: httpx.Client, admin: dict[str, str],
                                        changes: dict[str, Any], field: str) -> None:
    response = client.post("users", json=new_user(**changes), headers=admin)
    body = assert_error(response, 302, 1000)
    assert field in body["errors"]  # type: ignore[operator]
    assert "location" not in response.headers


def test_permissions_must_cover_every_domain(client: httpx.Client,
                                             admin: dict[str, str]) -> None:
    partial = new_user(permissions=[{"domainId": 1, "roleId": 2, "customPermissions": []}])
    assert_error(client.post("users", json=partial, headers=admin), 500, 1000)
    assert len(client.get("users", headers=admin).json()) == 3


def test_only_user_managers_may_manage_users(client: httpx.Client) -> None:
    till = bearer(client, TILL)
    assert_error(client.get("users", headers=till), 403, 1003)
    assert_error(client.post("users", json=new_user(), headers=till), 403, 1003)
    assert_error(client.get("users/1", headers=till), 403, 1003)
    assert_error(client.delete("users/1", headers=till), 403, 1003)
    assert_error(client.get("users"), 401, 1001)


def test_custom_role_with_manage_users(client: httpx.Client, admin: dict[str, str]) -> None:
    body = new_user("hr@demo-shop.example", permissions=[
        {"domainId": 1, "roleId": 3, "customPermissions": ["manage.users"]},
        {"domainId": 2, "roleId": 0, "customPermissions": []}])
    assert client.post("users", json=body, headers=admin).status_code == 200
    hr = bearer(client, ("hr@demo-shop.example", "sEcret9"))
    assert client.get("users", headers=hr).status_code == 200
    # manage.users does not grant redemption
    response = client.get("status", params={"code": "GB50-K7QX-9M2F-4TZB", "domain": 1},
                          headers=hr)
    assert_error(response, 403, 1003)


def test_deleted_users_tokens_stop_working(client: httpx.Client, admin: dict[str, str]) -> None:
    till = bearer(client, TILL)
    assert client.delete("users/2", headers=admin).status_code == 204
    assert_error(client.get("domains", headers=till), 401, 1001)


def test_bad_json_body(client: httpx.Client, admin: dict[str, str]) -> None:
    response = client.post("users", content=b"{nope", headers={**admin,
                                                              "Content-Type": "application/json"})
    assert_error(response, 422, 1000)


def test_staff_cannot_change_their_own_password(client: httpx.Client) -> None:
    """The seed's PATCH has no old-password field: only user managers may use it, even on
    themselves (docs/api-decisions.md, "Who may change a password")."""
    till = bearer(client, TILL)
    me = sign_in(client, TILL)["profile"]["id"]
    body = {"password": "Mine1234", "password2": "Mine1234"}
    assert_error(client.patch(f"users/{me}/password", json=body, headers=till), 403, 1003)
    assert sign_in(client, TILL)["status"] == "authenticated"  # the old one still works
