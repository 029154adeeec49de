"""State across restarts (in-thread and the real CLI), and the last-unit race."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import jwt
import pytest

from kiosk.sim.fixtures import normalise_fixture
from kiosk.sim.testing import serve_in_subprocess, serve_in_thread
from tests.helpers.demo import MANAGER, TILL
from tests.helpers.sim import bearer, sign_in

GBP50 = "GB50-K7QX-9M2F-4TZB"


def redeem(api_url: str, headers: dict[str, str], amount: int,
           code: str = GBP50) -> httpx.Response:
    return httpx.post(f"{api_url}/redeem", headers=headers,
                      data={"code": code, "domain": "1", "reductor": str(amount)})


def status(api_url: str, headers: dict[str, str], code: str = GBP50) -> dict[str, object]:
    body: dict[str, object] = httpx.get(f"{api_url}/status", headers=headers,
                                        params={"code": code, "domain": 1}).json()
    return body


def login(api_url: str) -> dict[str, str]:
    with httpx.Client(base_url=api_url + "/") as client:
        return bearer(client, TILL)


def test_state_survives_a_restart_on_the_same_db(tmp_path: Path) -> None:
    db = tmp_path / "sim.db"
    with serve_in_thread(db=db) as first:
        with httpx.Client(base_url=first.api_url + "/") as client:
            session = sign_in(client, TILL)
        headers = {"Authorization": f"Bearer {session['accessToken']}"}
        assert redeem(first.api_url, headers, 1200).status_code == 200
    other_fixture = {"domains": [{"id": 1, "name": "elsewhere"}], "users": [], "vouchers": []}
    with serve_in_thread(other_fixture, db=db) as second:  # the fixture is ignored
        # the JWT secret persists too: the old session still works after the restart
        assert status(second.api_url, headers)["current"] == 1200
        refreshed = httpx.put(f"{second.api_url}/refresh", data={
            "accessToken": session["accessToken"], "refreshToken": session["refreshToken"]})
        assert refreshed.status_code == 200


def test_without_db_state_is_in_memory() -> None:
    with serve_in_thread() as first:
        headers = login(first.api_url)
        redeem(first.api_url, headers, 100)
    with serve_in_thread() as second:
        assert status(second.api_url, login(second.api_url))["current"] == 0


def test_a_custom_fixture_seeds_a_new_db(tmp_path: Path) -> None:
    fixture = {"domains": [{"id": 5, "name": "tiny", "url": "https://tiny.example/"}],
               "users": [{"email": "a@tiny.example", "password": "pw12345", "fullName": "A",
                          "permissions": [{"domainId": 5, "roleId": 2}]}],
               "vouchers": [{"code": "tiny-0000-0000-0001", "stock": 3, "monetary": False,
                             "multiUsable": True}]}
    path = tmp_path / "tiny.json"
    path.write_text(json.dumps(fixture))
    assert normalise_fixture(fixture)["vouchers"][0]["redeemableOn"] == [5]
    with serve_in_thread(path, db=tmp_path / "tiny.db") as sim, \
            httpx.Client(base_url=sim.api_url + "/") as client:
        headers = bearer(client, ("a@tiny.example", "pw12345"), "tiny")
        body = client.get("status", params={"code": "TINY-0000-0000-0001", "domain": 5},
                          headers=headers).json()
        assert body["remainingString"] == "3 times left"


def test_cli_restart_keeps_the_balance(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    with serve_in_subprocess(db=db) as first:
        assert first.api_url.startswith("http://127.0.0.1:")
        assert first.api_url.endswith("/v1")
        headers = login(first.api_url)
        assert redeem(first.api_url, headers, 700).status_code == 200
        first.kill()  # no clean shutdown: the committed redemption must survive
    with serve_in_subprocess(db=db) as second:
        assert status(second.api_url, headers)["current"] == 700
        assert status(second.api_url, headers)["remainingString"] == "£43.00 left"
        assert httpx.get(f"{second.base_url}/_sim/health").is_success


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_cli_stops_cleanly_on_signals(signum: int, tmp_path: Path) -> None:
    fixture = tmp_path / "f.json"
    fixture.write_text(json.dumps({"domains": [], "users": [], "vouchers": []}))
    with serve_in_subprocess(fixture, token_ttl=60) as sim:
        response = httpx.get(f"{sim.api_url}/user-domains", params={"email": "x@y.z"})
        assert response.status_code == 422
        sim.process.send_signal(signum)
        assert sim.process.wait(timeout=10) == 0


def test_cli_reports_a_bad_fixture(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    result = subprocess.run([sys.executable, "-m", "kiosk.sim", "--port", "0", "--fixture",
                             str(bad)], capture_output=True, text=True, timeout=30, check=False)
    assert result.returncode == 1
    assert "not valid JSON" in result.stderr
    assert result.stdout == ""
    with pytest.raises(RuntimeError, match="did not start"), serve_in_subprocess(bad):
        pass


def test_cli_token_ttl(tmp_path: Path) -> None:
    with serve_in_subprocess(token_ttl=120) as sim, \
            httpx.Client(base_url=sim.api_url + "/") as client:
        token = sign_in(client, MANAGER)["accessToken"]
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == 120


def race(client: httpx.Client, url: str, data: dict[str, str], headers: dict[str, str],
         runners: int) -> list[int]:
    """POST ``data`` from ``runners`` threads released at once; their HTTP statuses."""
    barrier = threading.Barrier(runners)
    results: list[int] = []

    def attempt() -> None:
        barrier.wait()
        results.append(client.post(url, headers=headers, data=data).status_code)

    threads = [threading.Thread(target=attempt) for _ in range(runners)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


def test_concurrent_redeems_of_the_last_unit(tmp_path: Path) -> None:
    code = "LAST-0000-0000-0001"
    limits = httpx.Limits(max_connections=8, max_keepalive_connections=8)
    with serve_in_thread(db=tmp_path / "race.db") as sim, httpx.Client(limits=limits) as client:
        headers = login(sim.api_url)
        for round_ in range(3):
            sim.add_voucher({"code": code, "stock": 1, "monetary": False, "multiUsable": True})
            results = race(client, f"{sim.api_url}/redeem",
                           {"code": code, "domain": "1", "reductor": "1"}, headers, 8)
            assert sorted(results) == [200] + [422] * 7, round_
            state = sim.voucher(code)
            assert (state["current"], len(state["redeemHistory"])) == (1, 1)
