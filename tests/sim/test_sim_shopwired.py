"""The ShopWired simulator: golden shapes, the seed's date format, ``?code=`` look-up, PUT as
the only way to count a use (stored as sent: a read-modify-write race), errors."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from kiosk.sim.shopwired import format_date
from tests.helpers.platforms import SHOPWIRED_AUTH, assert_has_shape, basic_client, sample
from tests.helpers.sim import Sim


@pytest.fixture
def shop_sim(sim_of: Callable[..., Sim]) -> Sim:
    return sim_of("shopwired")


@pytest.fixture
def api(shop_sim: Sim) -> Iterator[httpx.Client]:
    with basic_client(shop_sim.api_url, SHOPWIRED_AUTH) as client:
        yield client


def assert_error(response: httpx.Response, status: int) -> str:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    message: str = body["error"]["message"]
    assert message
    return message


def test_golden_shapes(api: httpx.Client) -> None:
    # (free_shipping has no discount value, as the seed says: leave FREEPOST out)
    assert_has_shape(sample("shopwired", "list"), api.get("vouchers", params={"count": 7}).json())
    assert_has_shape(sample("shopwired", "count"), api.get("vouchers/count").json())
    created = api.post("vouchers", json={"code": "TWENTYOFF", "active": True, "uses": 100,
                                          "discount": {"type": "percent", "value": 20}})
    assert created.status_code == 201
    assert_has_shape(sample("shopwired", "create"), created.json())
    voucher_id = created.json()["id"]
    got = api.put(f"vouchers/{voucher_id}", json={
        "validFrom": "Wed, 30 Sep 2015 20:15:00 +0000",
        "expiresOn": "Mon, 01 Oct 2035 17:15:00 +0000",
        "target": {"type": "orders_over", "value": 50}, "customerUses": 9,
        "comments": "Comments", "discount": {"type": "percent", "value": 75.75}})
    assert_has_shape(sample("shopwired", "get"), got.json())
    assert_has_shape(sample("shopwired", "get"), api.get(f"vouchers/{voucher_id}").json())
    updated = api.put(f"vouchers/{voucher_id}", json={
        "code": "THIRTYOFF", "discount": {"type": "amount", "value": 30}, "active": False})
    assert_has_shape(sample("shopwired", "update"), updated.json())
    assert updated.json()["uses"] == 100  # untouched properties kept


def test_look_up_by_code_and_fields(api: httpx.Client) -> None:
    found = api.get("vouchers", params={"code": "lastone"}).json()
    assert [v["code"] for v in found] == ["LASTONE"]
    assert (found[0]["uses"], found[0]["used"]) == (5, 4)
    assert api.get("vouchers", params={"code": "NOPE"}).json() == []
    picked = api.get("vouchers/3", params={"fields": "code,used"}).json()
    assert picked == {"code": "LASTONE", "used": 4}


def test_dates_use_the_seed_format(api: httpx.Client) -> None:
    assert format_date(__import__("datetime").datetime(2015, 9, 30, 20, 15,
                                                       tzinfo=__import__("datetime").UTC)) \
        == "Wed, 30 Sep 2015 20:15:00 +0000"
    for bad in ["2015-09-30T20:15:00Z", "Thu, 30 Sep 2015 20:15:00 +0000",
                "Wed, 30 Sep 2015 20:15 +0000"]:
        assert "format" in assert_error(api.put("vouchers/1", json={"validFrom": bad}), 422)


def test_a_use_is_a_put_of_used(api: httpx.Client, shop_sim: Sim) -> None:
    assert api.put("vouchers/3", json={"used": 5, "comments": "kiosk:entry-1"}).status_code == 200
    assert (shop_sim.voucher("LASTONE")["used"], shop_sim.voucher("LASTONE")["comments"]) == \
        (5, "kiosk:entry-1")
    assert "used" in assert_error(api.put("vouchers/3", json={"used": 6}), 422)


@pytest.mark.parametrize(("method", "path", "body", "status"), [
    ("GET", "vouchers/999", None, 404),
    ("PUT", "vouchers/999", {"used": 1}, 404),
    ("POST", "vouchers", {"code": "TENOFF", "discount": {"type": "percent", "value": 5}}, 422),
    ("POST", "vouchers", {"code": "X", "discount": {"type": "half"}}, 422),
    ("POST", "vouchers", {"code": "X", "discount": {"type": "percent", "value": 101}}, 422),
    ("PUT", "vouchers/1", {"used": -1}, 422),
    ("PUT", "vouchers/1", {"code": "FIVER"}, 422),
    ("PATCH", "vouchers/1", {}, 405),
    ("GET", "orders", None, 404),
])
def test_errors(api: httpx.Client, method: str, path: str, body: object, status: int) -> None:
    assert_error(api.request(method, path, json=body), status)


def test_wrong_credentials_are_401(shop_sim: Sim) -> None:
    for auth in [None, ("demo-key", "wrong")]:
        assert_error(httpx.get(shop_sim.api_url + "/vouchers", auth=auth), 401)


def test_deleting(api: httpx.Client) -> None:
    assert api.delete("vouchers/8").status_code == 204
    assert_error(api.get("vouchers/8"), 404)
    assert api.get("vouchers/count").json() == {"count": 8}


def test_with_auth_and_no_fixture_the_store_starts_empty(sim_of: Callable[..., Sim]) -> None:
    empty = sim_of("shopwired", auth="k:s")
    with basic_client(empty.api_url, ("k", "s")) as client:
        assert client.get("vouchers").json() == []
        assert client.post("vouchers", json={"code": "A", "discount": {"type": "free_shipping"}}
                           ).json()["id"] == 1


def test_vouchers_added_together_get_an_id_each(shop_sim: Sim, api: httpx.Client) -> None:
    codes = [f"BATCH{i}" for i in range(3)]
    added = httpx.post(shop_sim.base_url + "/_sim/vouchers", json={"vouchers": [
        {"code": code, "discount": {"type": "amount", "value": 1}} for code in codes]})
    assert added.status_code == 200, added.text
    found = [api.get("vouchers", params={"code": code}).json() for code in codes]
    assert [[v["code"] for v in listed] for listed in found] == [[code] for code in codes]
    assert len({listed[0]["id"] for listed in found}) == 3


def test_the_last_use_race_the_server_cannot_stop(api: httpx.Client, shop_sim: Sim) -> None:
    """Eight tills read used=4 of 5 and each PUT used=5: the server stores them all (it has no
    compare-and-set) - the lost update the adapter's marker check has to catch - while a PUT
    beyond ``uses`` is refused: one use can be counted twice, never a sixth."""
    def put(index: int, used: int) -> int:
        with basic_client(shop_sim.api_url, SHOPWIRED_AUTH) as client:
            return client.put("vouchers/3", json={"used": used, "comments": f"kiosk:{index}"}
                              ).status_code

    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(put, range(8), [5] * 8)) == [200] * 8
    assert shop_sim.voucher("LASTONE")["used"] == 5
    with ThreadPoolExecutor(8) as pool:
        assert list(pool.map(put, range(8), [6] * 8)) == [422] * 8
