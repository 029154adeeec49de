"""Signing in and out, the saved account and session, and the lock screen's password check."""

from __future__ import annotations

import json
import logging
import os
import stat
import sys
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from kiosk.app import signin
from kiosk.app.signin import (
    Account,
    SecretTokens,
    current_account,
    list_domains,
    open_backend,
    sign_in,
    sign_out,
    verify_password,
)
from kiosk.domain.backend import RedeemRequest
from kiosk.domain.errors import (
    AccessDenied,
    InvalidRequest,
    LoginFailed,
    SessionExpired,
    StorageError,
)
from kiosk.sim.testing import serve_in_thread
from kiosk.store.secrets import open_secrets
from tests.helpers.demo import DOMAIN, GBP50, MANAGER, TILL
from tests.helpers.sim import Sim


def test_list_domains(sim: Sim) -> None:
    assert [d.name for d in list_domains(sim.api_url, MANAGER[0])] == ["demo-shop", "demo-cafe"]


@pytest.mark.parametrize("domain", ["demo-shop", "DEMO-SHOP", 1, "1", None])
def test_sign_in(sim: Sim, kiosk_home: Path, domain: str | int | None) -> None:
    account = sign_in(sim.api_url, *TILL, domain)
    assert account == Account(server_url=sim.api_url, email=TILL[0], staff_name="Taylor Till",
                              user_id=2, domain_id=1, domain_name="demo-shop")
    assert current_account() == account
    saved = json.loads((kiosk_home / "account.json").read_text(encoding="utf-8"))
    assert saved["domain_name"] == "demo-shop"
    assert SecretTokens(open_secrets()).load() is not None


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_tokens_are_kept_private(sim: Sim, kiosk_home: Path) -> None:
    sign_in(sim.api_url, *TILL, DOMAIN)
    secrets_file = kiosk_home / "secrets.json"
    assert stat.S_IMODE(os.stat(secrets_file).st_mode) == 0o600
    tokens = SecretTokens(open_secrets()).load()
    assert tokens is not None
    assert tokens.refresh_token not in (kiosk_home / "account.json").read_text(encoding="utf-8")


def test_several_shops_need_a_choice(sim: Sim) -> None:
    with pytest.raises(InvalidRequest, match="demo-shop, demo-cafe"):
        sign_in(sim.api_url, *MANAGER, None)
    assert sign_in(sim.api_url, *MANAGER, "demo-cafe").domain_id == 2


def test_wrong_password(sim: Sim, kiosk_home: Path) -> None:
    with pytest.raises(LoginFailed, match="Wrong email or password"):
        sign_in(sim.api_url, TILL[0], "wrong", DOMAIN)
    assert current_account() is None
    assert not (kiosk_home / "account.json").exists()


def test_unknown_email(sim: Sim) -> None:
    with pytest.raises(LoginFailed):
        sign_in(sim.api_url, "nobody@example.com", "x", DOMAIN)


def test_shop_not_on_the_account(sim: Sim) -> None:
    with pytest.raises(AccessDenied, match="Shops for this account: demo-shop"):
        sign_in(sim.api_url, *TILL, "demo-cafe")


def test_backend_uses_and_renews_the_saved_session(sim: Sim) -> None:
    account = sign_in(sim.api_url, *TILL, DOMAIN)
    before = SecretTokens(open_secrets()).load()
    backend = open_backend(account)
    assert backend.status(GBP50).code == GBP50
    sim.set_clock(advance=2 * 86400)
    backend.redeem(RedeemRequest(str(uuid.uuid4()), GBP50, 100, datetime.now(UTC)))
    after = SecretTokens(open_secrets()).load()
    assert before is not None
    assert after is not None
    assert after.refresh_token != before.refresh_token  # rotated token saved for next start
    assert open_backend(account).status(GBP50).used == 100  # a new process carries on


def test_sign_out(sim: Sim) -> None:
    account = sign_in(sim.api_url, *TILL, DOMAIN)
    sign_out()
    assert current_account() is None
    with pytest.raises(SessionExpired):
        open_backend(account).status(GBP50)
    sign_out()  # twice is fine


def test_signing_in_again_replaces_the_account(sim: Sim) -> None:
    sign_in(sim.api_url, *TILL, DOMAIN)
    manager = sign_in(sim.api_url, *MANAGER, "demo-cafe")
    assert current_account() == manager


def test_damaged_account_file_is_an_error_not_signed_out(kiosk_home: Path) -> None:
    """Read as "signed out", another shop could sign in over this shop's queue (#10.9)."""
    kiosk_home.mkdir(parents=True, exist_ok=True)
    (kiosk_home / "account.json").write_text("{broken", encoding="utf-8")
    with pytest.raises(StorageError, match="damaged"):
        current_account()


def test_unknown_backend_type_or_missing_credentials() -> None:
    account = Account("https://x.example/v1", "a@b", "A", 1, 1, "x", backend="square")
    with pytest.raises(InvalidRequest, match="Unknown voucher platform"):
        open_backend(account)
    vauchar = Account("https://x.example", "m", "A", 0, 0, "m", backend="vauchar")
    with pytest.raises(SessionExpired, match="credentials are gone"):
        open_backend(vauchar)


def test_verify_password_online_and_offline(kiosk_home: Path) -> None:
    with serve_in_thread() as server:
        account = sign_in(server.api_url, *TILL, DOMAIN)
        assert verify_password(account, TILL[1])
        assert not verify_password(account, "wrong")
    # Server gone: the check saved at sign-in still opens the lock screen, and only for
    # the right password.
    assert verify_password(account, TILL[1])
    assert not verify_password(account, "wrong")


def test_verify_password_offline_without_saved_check(sim: Sim) -> None:
    account = sign_in(sim.api_url, *TILL, DOMAIN)
    open_secrets().delete(signin._verifier_name(account.email))
    sim.stop()
    assert not verify_password(account, TILL[1])


def test_sign_in_can_leave_the_password_check_for_later(sim: Sim) -> None:
    sign_in(sim.api_url, *TILL, DOMAIN)
    account = sign_in(sim.api_url, *TILL, DOMAIN, password_check=False)
    name = signin._verifier_name(account.email)
    assert open_secrets().get(name) is None  # the earlier sign-in's check is gone too
    signin.set_password_check(account.email, TILL[1])
    sim.stop()
    assert verify_password(account, TILL[1])
    assert not verify_password(account, "wrong")


def test_no_secret_reaches_the_logs(sim: Sim, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    account = sign_in(sim.api_url, *TILL, DOMAIN)
    first = SecretTokens(open_secrets()).load()
    backend = open_backend(account)
    sim.set_clock(advance=2 * 86400)
    backend.redeem(RedeemRequest(str(uuid.uuid4()), GBP50, 100, datetime.now(UTC)))
    verify_password(account, TILL[1])
    second = SecretTokens(open_secrets()).load()
    assert first is not None
    assert second is not None
    assert "session refreshed" in caplog.text  # the logs did capture this flow
    for secret in (TILL[1], first.access_token, first.refresh_token,
                   second.access_token, second.refresh_token):
        assert secret not in caplog.text


@pytest.mark.parametrize(("backend", "credentials", "code"), [
    ("vouchers-api", {"api_key": "sk_test_demo"}, "SAVE20"),
    ("vauchar", {"username": "demo-merchant", "password": "demo-api-key"}, "GIFT50DEMO001"),
    ("shopwired", {"username": "demo-key", "password": "demo-secret"}, "TENOFF"),
])
def test_sign_in_to_a_key_based_platform(sim_of: Callable[..., Sim], kiosk_home: Path,
                                         backend: str, credentials: dict[str, str],
                                         code: str) -> None:
    server = sim_of(backend)
    wrong = dict.fromkeys(credentials, "wrong")
    with pytest.raises(LoginFailed):
        signin.sign_in_platform(backend, server.api_url, wrong, staff="anna", home=kiosk_home)
    assert signin.current_account(home=kiosk_home) is None
    account = signin.sign_in_platform(backend, server.api_url, credentials, staff="anna",
                                      currency="gbp", home=kiosk_home)
    assert (account.backend, account.staff_name, account.currency) == (backend, "anna", "GBP")
    assert account.shop
    assert "sk_test_demo" not in account.shop
    assert signin.current_account(home=kiosk_home) == account
    opened = signin.open_platform(account, home=kiosk_home)
    try:
        assert opened.status(code).code.upper() == code
    finally:
        opened.close()
    signin.sign_out(home=kiosk_home)
    with pytest.raises(SessionExpired, match="sign in again"):
        signin.open_platform(account, home=kiosk_home)
