"""``kiosk login``: one line on success, one line on stderr and exit 1 on failure."""

from __future__ import annotations

from pathlib import Path

import pytest
from backend_helpers import TILL, free_port

from kiosk.app.signin import current_account
from kiosk.main import main
from kiosk.sim.testing import SimServer


def login(server: str, *extra: str, password: str = TILL[1]) -> list[str]:
    return ["login", "--server", server, "--email", TILL[0], "--password", password, *extra]


def test_login(sim: SimServer, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(login(sim.api_url, "--domain", "demo-shop")) == 0
    out, err = capsys.readouterr()
    assert out == "Signed in as Taylor Till on demo-shop\n"
    assert err == ""
    account = current_account()
    assert account is not None
    assert account.domain_id == 1


def test_login_with_home(sim: SimServer, tmp_path: Path) -> None:
    home = tmp_path / "elsewhere"
    assert main(["--home", str(home), *login(sim.api_url, "--domain", "1")]) == 0
    assert (home / "account.json").exists()
    assert current_account(home=home) is not None


@pytest.mark.parametrize(("args", "needle"), [
    (["--domain", "demo-shop"], "Wrong email or password."),
    (["--domain", "demo-cafe"], "cannot sign in to shop 'demo-cafe'"),
])
def test_login_refused(sim: SimServer, capsys: pytest.CaptureFixture[str], args: list[str],
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
