"""The same ``/_sim/`` controls on every API's simulator: injected failures in the API's own
error shape, drop-after-apply on that API's write, latency, clearing faults alone, the request
log, reset, the Date header, ``/_sim/vouchers``; and ``python -m kiosk.sim --api``."""

from __future__ import annotations

import email.utils
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from kiosk.sim.testing import serve_in_subprocess
from tests.helpers.platforms import (
    SHOPWIRED_AUTH,
    VAUCHAR_AUTH,
    VOUCHERS_API_KEY,
    basic_client,
    vouchers_api_client,
)
from tests.helpers.sim import Sim, bearer


@dataclass(frozen=True)
class Api:
    """How to use one API in these tests."""

    name: str
    code: str  # a demo voucher the write uses
    write_path: str  # as logged
    error_key: str  # a key only that API's error body has

    def client(self, sim: Sim) -> httpx.Client:
        if self.name == "vouchers-api":
            return vouchers_api_client(sim.api_url)
        if self.name == "vauchar":
            return basic_client(sim.api_url, VAUCHAR_AUTH)
        if self.name == "shopwired":
            return basic_client(sim.api_url, SHOPWIRED_AUTH)
        with httpx.Client(base_url=sim.api_url + "/", timeout=10) as signing_in:
            headers = bearer(signing_in)
        return httpx.Client(base_url=sim.api_url + "/", timeout=10, headers=headers)

    def write(self, client: httpx.Client) -> httpx.Response:
        """One redeem/apply/use of ``code``."""
        if self.name == "vouchers-api":
            return client.post("vouchers/apply", json={"code": self.code, "order_id": "o-1",
                                                        "order": {"value": 10000}})
        if self.name == "vauchar":
            return client.post("vouchers/vcr-demo00000000000002/redemptions",
                               json={"user_id": "till", "value_used": "1.00"})
        if self.name == "shopwired":
            return client.put("vouchers/1", json={"used": 4})
        return client.post("redeem", data={"code": self.code, "domain": "1", "reductor": "100"})

    def read(self, client: httpx.Client) -> httpx.Response:
        if self.name == "vouchers-api":
            return client.get("vouchers")
        if self.name == "vauchar":
            return client.get("vouchers")
        if self.name == "shopwired":
            return client.get("vouchers")
        return client.get("status", params={"code": self.code, "domain": 1})

    def uses(self, sim: Sim) -> Any:
        """What the write changes, read through ``/_sim/vouchers``."""
        state = sim.voucher(self.code)
        stored = sim.simulator.store.item_by_code(self.code)
        return {"vouchers-api": lambda: state["usage_count"],
                "vauchar": lambda: len(stored["redemptions"]) if stored else None,
                "shopwired": lambda: state["used"],
                "vouchercart": lambda: state["current"]}[self.name]()


APIS = [
    Api("vouchercart", "GB50-K7QX-9M2F-4TZB", "/v1/redeem", "errors"),
    Api("vouchers-api", "TENOFF", "/v1/vouchers/apply", "error"),
    Api("vauchar", "GIFT100DEMO02", "/vouchers/vcr-demo00000000000002/redemptions", "code"),
    Api("shopwired", "TENOFF", "/v1/vouchers/1", "error"),
]


@pytest.fixture(params=APIS, ids=[a.name for a in APIS])
def api(request: pytest.FixtureRequest) -> Api:
    return request.param  # type: ignore[no-any-return]


@pytest.fixture
def server(api: Api, sim_of: Callable[..., Sim]) -> Sim:
    return sim_of(api.name)


def test_injected_failure_in_the_apis_own_shape(api: Api, server: Sim) -> None:
    with api.client(server) as client:
        server.fail_next(1)
        failed = api.read(client)
        assert failed.status_code == 500
        assert api.error_key in failed.json()
        server.fail_next(1, mode="html")
        assert api.read(client).headers["content-type"].startswith("text/html")
        server.fail_next(1, mode="redirect")
        redirected = api.read(client)
        assert (redirected.status_code, redirected.headers["location"]) == \
            (302, "/maintenance.html")
        answer = httpx.post(f"{server.base_url}/_sim/fail",
                            json={"mode": "redirect", "location": "/login?next=/"})
        assert answer.status_code == 200
        assert api.read(client).headers["location"] == "/login?next=/"  # a sign-in page
        assert api.read(client).status_code == 200


def test_clearing_faults_keeps_vouchers_log_and_clock(api: Api, server: Sim) -> None:
    with api.client(server) as client:
        assert api.write(client).status_code < 300
        server.set_clock(offset=600, frozen=True)
        stamp = server.now()
        server.fail_next(1000)
        assert api.read(client).status_code == 500
        assert httpx.delete(server.base_url + "/_sim/faults").status_code == 200
        assert api.read(client).status_code == 200
        assert server.now() == stamp
        assert [r["status"] // 100 for r in server.requests()][-3:] == [2, 5, 2]
        before = api.uses(server)
    server.reset()
    assert api.uses(server) != before


def test_drop_after_applying_the_apis_write(api: Api, server: Sim) -> None:
    with api.client(server) as client:
        before = api.uses(server)
        api.read(client)  # not a write: never dropped
        server.drop_next(1)
        assert api.read(client).status_code == 200
        with pytest.raises(httpx.TransportError):
            api.write(client)
    assert api.uses(server) != before  # applied, then the connection was cut
    dropped = server.requests(path=api.write_path)
    assert [r["outcome"] for r in dropped] == ["dropped"]


def test_latency_and_failure_after_serving(api: Api, server: Sim) -> None:
    with api.client(server) as client:
        server.set_latency(0.3, count=1)
        assert api.read(client).elapsed.total_seconds() >= 0.3
        before = api.uses(server)
        server.fail_next(1, mode="html", status=504, after=True)
        assert api.write(client).status_code == 504
    assert api.uses(server) != before


def test_latency_only_for_the_method_given(api: Api, server: Sim) -> None:
    """ShopWired's use and Vauchar's redemption share their path with a read: a delay for
    the write alone (over HTTP too) leaves the read on that path fast."""
    method = "PUT" if api.name == "shopwired" else "POST"
    with api.client(server) as client:
        answer = httpx.post(f"{server.base_url}/_sim/latency",
                            json={"seconds": 0.3, "count": 1, "method": method})
        assert answer.status_code == 200
        assert api.read(client).elapsed.total_seconds() < 0.3
        assert api.write(client).elapsed.total_seconds() >= 0.3
        assert api.write(client).elapsed.total_seconds() < 0.3  # count 1: spent


def test_date_header_follows_the_clock(api: Api, server: Sim) -> None:
    server.set_clock("2031-02-03T04:05:06+0000", frozen=True)
    with api.client(server) as client:
        date = email.utils.parsedate_to_datetime(api.read(client).headers["date"])
    assert date.isoformat() == "2031-02-03T04:05:06+00:00"


def test_sim_vouchers_control_speaks_the_apis_shape(api: Api, server: Sim) -> None:
    shape = httpx.get(f"{server.base_url}/_sim/vouchers/{api.code}").json()
    assert httpx.post(f"{server.base_url}/_sim/vouchers", json=shape).json()["codes"] == \
        [shape.get("voucher_code", shape.get("code"))]
    assert httpx.get(f"{server.base_url}/_sim/vouchers/NOPE").status_code == 404


def test_rate_limits_are_refused_where_the_api_has_none(api: Api, server: Sim) -> None:
    answer = httpx.post(f"{server.base_url}/_sim/rate-limits", json={"enabled": True})
    assert answer.status_code == (200 if api.name == "vouchers-api" else 422)


@pytest.mark.parametrize(("name", "path", "auth"), [
    ("vouchers-api", "/v1", None),
    ("vauchar", "", VAUCHAR_AUTH),
    ("shopwired", "/v1", SHOPWIRED_AUTH),
])
def test_the_command_line_serves_each_api_and_keeps_state(
        tmp_path: Path, name: str, path: str, auth: tuple[str, str] | None) -> None:
    db = tmp_path / f"{name}.db"
    headers = {"Authorization": f"Bearer {VOUCHERS_API_KEY}"} if auth is None else {}
    with serve_in_subprocess(db=db, api=name) as first:
        assert first.api_url == first.base_url + path  # the banner names the base URL
        made = httpx.post(f"{first.base_url}/_sim/vouchers", json=_voucher(name))
        assert made.status_code == 200, made.text
        first.kill()
    with serve_in_subprocess(db=db, api=name) as second:
        listed = httpx.get(second.api_url + "/vouchers", auth=auth, headers=headers)
        assert listed.status_code == 200
        assert "KEPT" in listed.text
    with pytest.raises(RuntimeError, match="holds the"), \
            serve_in_subprocess(db=db, api="vouchercart"):
        pass


def _voucher(name: str) -> dict[str, Any]:
    if name == "vouchers-api":
        return {"code": "KEPT", "type": "fixed", "value": 100, "conditions": {}}
    if name == "vauchar":
        return {"voucher_code": "KEPT", "value": "1.00", "value_unit": "fixed",
                "currency": "GBP"}
    return {"code": "KEPT", "discount": {"type": "amount", "value": 1}}


def test_auth_is_refused_for_vouchercart(tmp_path: Path) -> None:
    with pytest.raises(RuntimeError, match="--auth is for"), \
            serve_in_subprocess(auth="x:y"):
        pass
