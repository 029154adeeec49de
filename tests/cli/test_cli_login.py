"""``kiosk login``: one line on success, one line on stderr and exit 1 on failure."""

from __future__ import annotations

from pathlib import Path

import pytest

from kiosk.app.signin import current_account
from kiosk.main import main
from tests.helpers.backends import free_port
from tests.helpers.demo import TILL
from tests.helpers.sim import Sim


def login(server: str, *extra: str, password: str = TILL[1]) -> list[str]:
    return ["login", "--server", server, "--email", TILL[0], "--password", password, *extra]


def test_login(sim: Sim, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(login(sim.api_url, "--domain", "demo-shop")) == 0
    out, err = capsys.readouterr()
    assert out == "Signed in as Taylor Till on demo-shop\n"
    assert err == ""
    account = current_account()
    assert account is not None
    assert account.domain_id == 1


def test_login_with_home(sim: Sim, tmp_path: Path) -> None:
    home = tmp_path / "elsewhere"
    assert main(["--home", str(home), *login(sim.api_url, "--domain", "1")]) == 0
    assert (home / "account.json").exists()
    assert current_account(home=home) is not None


@pytest.mark.parametrize(("args", "needle"), [
    (["--domain", "demo-shop"], "Wrong email or password."),
    (["--domain", "demo-cafe"], "cannot sign in to shop 'demo-cafe'"),
])
def test_login_refused(sim: Sim, capsys: pytest.CaptureFixture[str], args: list[str],
                       needle: str) -> None:
    password = "wrong" if "Wrong" in needle else TILL[1]
    assert main(login(sim.api_url, *args, password=password)) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert needle in err
    assert err.count("\n") == 1
    assert current_account() is None


def test_login_server_down(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(login(f"http://127.0.0.1:{free_port()}/v1", "--domain", "1")) == 1
    err = capsys.readouterr().err
    assert err.startswith("kiosk login: Cannot reach the server at 127.0.0.1")
    assert err.count("\n") == 1


def test_login_refuses_plain_http_to_a_remote_host(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(login("http://api.vouchercart.com/v1", "--domain", "1")) == 1
    assert "Use https://" in capsys.readouterr().err


def _unsent(home: Path) -> None:
    from kiosk.domain.outcomes import EntryState, OutboxEntry
    from kiosk.store.database import Store, utc_now
    from kiosk.store.outbox import Outbox

    store = Store.open(home)
    try:
        Outbox(store).add(OutboxEntry(
            id="e1", code="GB50-K7QX-9M2F-4TZB", domain="1", amount=700, kind="monetary",
            currency="GBP", redeemed_at=utc_now(), staff="Till", kiosk_id="k",
            backend="vouchercart", state=EntryState.PENDING, offline=True))
    finally:
        store.close()


@pytest.mark.parametrize("where", ["shop", "server"])
def test_login_elsewhere_refused_while_entries_unsent(
    sim: Sim, tmp_path: Path, capsys: pytest.CaptureFixture[str], where: str
) -> None:
    home = tmp_path / "till"
    assert main(["--home", str(home), *login(sim.api_url, "--domain", "demo-shop")]) == 0
    _unsent(home)
    capsys.readouterr()
    server = sim.api_url if where == "shop" else f"http://127.0.0.1:{free_port()}/v1"
    assert main(["--home", str(home), *login(server, "--domain", "demo-cafe")]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.count("\n") == 1
    assert "not sent yet" in err
    account = current_account(home=home)
    assert account is not None
    assert account.domain_name == "demo-shop"
    # The same shop again is fine (e.g. another staff member or a new session).
    assert main(["--home", str(home), *login(sim.api_url)]) == 0
