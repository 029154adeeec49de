"""The test-only controls under /_sim/ and the faults they inject, over real HTTP."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator

import httpx
import pytest

from tests.helpers.demo import TILL
from tests.helpers.sim import Sim, assert_error, bearer

CODE = "TEST-0000-0000-0001"


@pytest.fixture
def control(sim: Sim) -> Iterator[httpx.Client]:
    """A client for the /_sim/ controls."""
    with httpx.Client(base_url=sim.base_url + "/_sim/", timeout=10) as http:
        yield http


@pytest.fixture
def auth(client: httpx.Client) -> dict[str, str]:
    return bearer(client, TILL)


def add_test_voucher(control: httpx.Client, stock: int = 1000) -> None:
    response = control.post("vouchers", json={"code": CODE.lower(), "stock": stock,
                                              "monetary": True, "multiUsable": True})
    assert response.json() == {"status": "ok", "codes": [CODE]}


def redeem(client: httpx.Client, auth: dict[str, str], reductor: int) -> httpx.Response:
    return client.post("redeem", data={"code": CODE, "domain": "1", "reductor": str(reductor)},
                       headers=auth)


def test_add_and_read_vouchers(control: httpx.Client, client: httpx.Client,
                               auth: dict[str, str]) -> None:
    add_test_voucher(control)
    state = control.get(f"vouchers/{CODE}").json()
    assert (state["stock"], state["current"], state["status"]) == (1000, 0, "in_progress")
    assert state["redeemableOn"] == [1, 2]
    assert redeem(client, auth, 300).json()["current"] == 300
    assert control.get(f"vouchers/{CODE}").json()["current"] == 300
    many = control.post("vouchers", json={"vouchers": [
        {"code": "TEST-0000-0000-0002", "stock": 3, "monetary": False, "multiUsable": True,
         "redeemableOn": [2], "expirations": [{"from": "2020-01-01T00:00:00+0000",
                                               "to": "2021-01-01T00:00:00+0000"}]}]})
    assert many.json()["codes"] == ["TEST-0000-0000-0002"]
    assert control.get("vouchers/TEST-0000-0000-0002").json()["redeemableOn"] == [2]
    assert control.get("vouchers/NOPE").status_code == 404
    assert control.post("vouchers", json={"code": "X"}).status_code == 422


def test_clock_controls(sim: Sim, control: httpx.Client) -> None:
    body = control.post("clock", json={"now": "2030-01-01T00:00:00+0000", "frozen": True}).json()
    assert body == {"now": "2030-01-01T00:00:00+0000", "offset": body["offset"], "frozen": True}
    assert control.post("clock", json={"advance": 90}).json()["now"] == "2030-01-01T00:01:30+0000"
    assert sim.now() == "2030-01-01T00:01:30+0000"
    offset = control.post("clock", json={"offset": -86400}).json()
    assert offset["frozen"] is False
    assert abs(offset["offset"] + 86400) < 5
    assert control.post("clock", json={"reset": True}).json()["offset"] == pytest.approx(0, abs=1)
    assert control.get("clock").json()["frozen"] is False
    assert control.post("clock", json={"now": "yesterday"}).status_code == 422


def test_clock_sets_redeem_at(control: httpx.Client, client: httpx.Client) -> None:
    add_test_voucher(control)
    control.post("clock", json={"now": "2029-07-08T09:10:11+0000", "frozen": True})
    auth = bearer(client, TILL)
    assert redeem(client, auth, 1).json()["redeemHistory"] == [
        {"redeemAt": "2029-07-08T09:10:11+0000", "amount": 1}]


def test_fail_next_with_json(control: httpx.Client, client: httpx.Client,
                             auth: dict[str, str]) -> None:
    add_test_voucher(control)
    assert control.post("fail", json={"count": 2}).json() == {"status": "ok"}
    for _ in range(2):
        failed = redeem(client, auth, 1)
        assert failed.status_code == 500
        assert failed.json()["status"] == "failed"
    assert redeem(client, auth, 1).status_code == 200
    assert control.get(f"vouchers/{CODE}").json()["current"] == 1  # failures applied nothing


def test_fail_next_with_an_html_page(control: httpx.Client, client: httpx.Client,
                                     auth: dict[str, str]) -> None:
    control.post("fail", json={"count": 1, "mode": "html", "path": "/v1/status"})
    assert client.get("domains", headers=auth).status_code == 200  # another path: untouched
    page = client.get("status", params={"code": CODE, "domain": 1}, headers=auth)
    assert page.status_code == 502
    assert page.headers["content-type"].startswith("text/html")
    assert "502 Bad Gateway" in page.text
    assert control.post("fail", json={"mode": "xml"}).status_code == 422


def test_drop_applies_then_cuts_the_connection(control: httpx.Client, client: httpx.Client,
                                               auth: dict[str, str]) -> None:
    add_test_voucher(control)
    control.post("drop", json={"count": 1})
    with pytest.raises(httpx.RemoteProtocolError):
        redeem(client, auth, 250)
    state = control.get(f"vouchers/{CODE}").json()
    assert state["current"] == 250
    assert state["redeemHistory"][0]["amount"] == 250
    assert redeem(client, auth, 250).json()["current"] == 500  # next one answers normally
    outcomes = [r["outcome"] for r in control.get(
        "requests", params={"method": "POST", "path": "/v1/redeem"}).json()["requests"]]
    assert outcomes == ["dropped", "served"]


def test_drop_only_affects_redeems(sim: Sim, client: httpx.Client,
                                   auth: dict[str, str]) -> None:
    sim.drop_next(1)
    assert client.get("domains", headers=auth).status_code == 200
    with pytest.raises(httpx.RemoteProtocolError):
        client.post("redeem", data={"code": "GB50-K7QX-9M2F-4TZB", "domain": "1",
                                    "reductor": "1"}, headers=auth)


def test_latency_for_the_next_requests(control: httpx.Client, client: httpx.Client,
                                       auth: dict[str, str]) -> None:
    control.post("latency", json={"seconds": 0.3, "count": 1})
    started = time.perf_counter()
    assert client.get("domains", headers=auth).status_code == 200
    slow = time.perf_counter() - started
    started = time.perf_counter()
    client.get("domains", headers=auth)
    fast = time.perf_counter() - started
    assert slow >= 0.3
    assert fast < 0.3


def test_latency_makes_a_client_time_out(sim: Sim, auth: dict[str, str]) -> None:
    sim.set_latency(5)
    with httpx.Client(base_url=sim.api_url + "/", timeout=0.2) as impatient, \
            pytest.raises(httpx.ReadTimeout):
        impatient.get("domains", headers=auth)
    sim.set_latency(0)


def test_request_log_counts_what_reached_the_server(sim: Sim, control: httpx.Client,
                                                    client: httpx.Client,
                                                    auth: dict[str, str]) -> None:
    add_test_voucher(control)
    sim.fail_next(1, path="/v1/redeem")
    redeem(client, auth, 1)
    redeem(client, auth, 1)
    client.get("status", params={"code": CODE, "domain": 1}, headers=auth)
    log = control.get("requests", params={"method": "POST", "path": "/v1/redeem"}).json()
    assert log["count"] == 2
    assert [(r["status"], r["outcome"]) for r in log["requests"]] == [(500, "failed"),
                                                                     (200, "served")]
    everything = control.get("requests").json()
    assert everything["count"] == 4  # authorize + 2 redeems + status; /_sim/ is not logged
    assert sim.requests("post", "/v1/redeem") == log["requests"]
    assert control.delete("requests").json() == {"status": "ok"}
    assert control.get("requests").json()["count"] == 0


def test_reset_restores_the_fixture(sim: Sim, control: httpx.Client,
                                    client: httpx.Client, auth: dict[str, str]) -> None:
    code = "GB50-K7QX-9M2F-4TZB"
    client.post("redeem", data={"code": code, "domain": "1"}, headers=auth)
    add_test_voucher(control)
    sim.set_latency(1)
    sim.set_clock(offset=500)
    assert control.post("reset").json() == {"status": "ok"}
    assert sim.voucher(code)["current"] == 0
    assert control.get(f"vouchers/{CODE}").status_code == 404
    assert control.get("requests").json()["count"] == 0
    assert abs(control.get("clock").json()["offset"]) < 1
    started = time.perf_counter()
    bearer(client, TILL)
    assert time.perf_counter() - started < 1


def test_controls_are_not_under_v1(sim: Sim, client: httpx.Client) -> None:
    assert_error(client.post("../v1/_sim/reset"), 404, 1004)
    assert httpx.get(f"{sim.base_url}/_sim/health").json() == {"status": "ok", "in_flight": 0}
    assert_error(httpx.get(f"{sim.base_url}/_sim/nothing"), 404, 1004)


def test_helper_wrappers(sim: Sim) -> None:
    assert sim.api_url == sim.base_url + "/v1"
    assert sim.base_url.startswith("http://127.0.0.1:")
    assert sim.add_voucher({"code": CODE, "stock": 5, "monetary": False,
                            "multiUsable": False}) == CODE
    assert sim.voucher(CODE)["remainingString"] == "5 times left"
    with pytest.raises(KeyError):
        sim.voucher("NOPE")


def test_requests_in_flight_are_reported(sim: Sim, control: httpx.Client,
                                         client: httpx.Client, auth: dict[str, str]) -> None:
    """A request held by injected latency is in flight (``/_sim/health``, ``quiet()``) until
    it is answered; a crash test waits for that before judging what a killed client did."""
    sim.set_latency(0.5, count=1, path="/v1/redeem", method="POST")
    add_test_voucher(control)
    answers: list[int] = []
    sender = threading.Thread(target=lambda: answers.append(redeem(client, auth, 100).status_code))
    sender.start()
    deadline = time.monotonic() + 10
    while control.get("health").json()["in_flight"] != 1:
        assert time.monotonic() < deadline, "the request never arrived"
        time.sleep(0.01)
    assert not sim.quiet()
    sender.join(timeout=10)
    assert answers == [200]
    assert control.get("health").json()["in_flight"] == 0
    client.close()  # every client's keep-alive connection counts too
    control.close()
    deadline = time.monotonic() + 10
    while not sim.quiet():
        assert time.monotonic() < deadline, "a connection stayed open"
        time.sleep(0.01)
