"""The Vauchar simulator: golden shapes (seed + public docs), look-up by code, redemptions
(partial on fixed value, once on percentage), reversal, errors, one winner for the last value."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from tests.helpers.platforms import VAUCHAR_AUTH, assert_has_shape, basic_client, sample
from tests.helpers.sim import Sim

GIFT50 = "vcr-demo00000000000001"  # £50 fixed, unused
GIFT100 = "vcr-demo00000000000002"  # £100 fixed, £32.50 used
TENPC = "vcr-demo00000000000003"  # 10 %, unused


@pytest.fixture
def vauchar_sim(sim_of: Callable[..., Sim]) -> Sim:
    return sim_of("vauchar")


@pytest.fixture
def api(vauchar_sim: Sim) -> Iterator[httpx.Client]:
    with basic_client(vauchar_sim.api_url, VAUCHAR_AUTH) as client:
        yield client


def assert_error(response: httpx.Response, status: int, code: int) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert set(body) == {"status", "code", "message"}
    assert (body["status"], body["code"]) == (status, code)
    assert body["message"]
    return body


def test_paths_are_at_the_root(vauchar_sim: Sim) -> None:
    assert vauchar_sim.api_url == vauchar_sim.base_url


def test_golden_shapes(api: httpx.Client) -> None:
    assert_has_shape(sample("vauchar", "list"), api.get("vouchers").json())
    assert_has_shape(sample("vauchar", "get"), api.get(f"vouchers/{GIFT50}").json())
    created = api.post("vouchers", json={"count": 2, "start_time": 1480427100, "expiry_time": 0,
                                          "value": "50.00", "value_unit": "percentage",
                                          "currency": "USD", "tag": "internal-47494"})
    assert created.status_code == 201
    assert_has_shape(sample("vauchar", "create"), created.json())
    assert len({v["voucher_code"] for v in created.json()}) == 2
    validated = api.get("vouchers/validate", params={"voucher_code": "GIFT50DEMO001"})
    assert_has_shape(sample("vauchar", "validate"), validated.json())
    assert validated.json()["validation_status"] == {"status": 1000,
                                                     "message": "Voucher is valid"}
    assert_has_shape(sample("vauchar", "validate"),
                     api.get(f"vouchers/{GIFT50}/validate").json())
    assert_has_shape(sample("vauchar", "redemptions-list"),
                     api.get(f"vouchers/{GIFT100}/redemptions").json())


def test_partial_redemptions_until_the_value_is_spent(api: httpx.Client) -> None:
    first = api.post(f"vouchers/{GIFT100}/redemptions",
                     json={"user_id": "anna", "transaction_id": "t-1", "value_used": 40})
    assert first.status_code == 201
    assert_has_shape(sample("vauchar", "redemptions-list")["data"][0], first.json())
    assert (first.json()["value_used"], first.json()["user_id"]) == ("40.00", "anna")
    too_much = api.post(f"vouchers/{GIFT100}/redemptions",
                        json={"user_id": "anna", "value_used": "27.51"})
    assert_error(too_much, 400, 1004)
    rest = api.post(f"vouchers/{GIFT100}/redemptions", json={"user_id": "anna"})  # all left
    assert rest.json()["value_used"] == "27.50"
    voucher = api.get(f"vouchers/{GIFT100}").json()["data"]
    assert voucher["redeemed"] == 1
    assert voucher["redeemed_date"] > 0
    assert_error(api.post(f"vouchers/{GIFT100}/redemptions", json={"user_id": "anna"}), 400, 1003)


def test_a_percentage_voucher_is_used_once(api: httpx.Client) -> None:
    used = api.post(f"vouchers/{TENPC}/redemptions", json={"user_id": "ben", "value_used": 8})
    assert used.status_code == 201
    assert_error(api.post(f"vouchers/{TENPC}/redemptions", json={"user_id": "ben"}), 400, 1003)


def test_deleting_a_redemption_reverses_it(api: httpx.Client) -> None:
    spent = api.post(f"vouchers/{GIFT50}/redemptions", json={"user_id": "anna"}).json()
    assert api.get(f"vouchers/{GIFT50}").json()["data"]["redeemed"] == 1
    gone = api.delete(f"vouchers/{GIFT50}/redemptions/{spent['id']}")
    assert gone.status_code == 204
    voucher = api.get(f"vouchers/{GIFT50}").json()["data"]
    assert (voucher["redeemed"], voucher["redeemed_date"]) == (0, 0)
    assert api.get(f"vouchers/{GIFT50}/redemptions").json()["data"] == []
    assert_error(api.delete(f"vouchers/{GIFT50}/redemptions/{spent['id']}"), 404, 404)


def test_transaction_ids_are_recorded_not_enforced(api: httpx.Client) -> None:
    for _ in range(2):
        assert api.post(f"vouchers/{GIFT100}/redemptions",
                        json={"user_id": "a", "transaction_id": "same", "value_used": 1}
                        ).status_code == 201
    listed = api.get(f"vouchers/{GIFT100}/redemptions").json()["data"]
    assert [r["transaction_id"] for r in listed].count("same") == 2


@pytest.mark.parametrize(("voucher_id", "code"), [
    ("vcr-demo00000000000006", 1001),  # expired
    ("vcr-demo00000000000007", 1002),  # not yet valid
    ("vcr-demo00000000000004", 1003),  # percentage, already used
    ("vcr-demo00000000000005", 1003),  # fixed, spent
])
def test_refusals_say_why(api: httpx.Client, voucher_id: str, code: int) -> None:
    assert api.get(f"vouchers/{voucher_id}/validate").json()["validation_status"]["status"] \
        == code
    assert_error(api.post(f"vouchers/{voucher_id}/redemptions", json={"user_id": "a"}), 400, code)


@pytest.mark.parametrize(("method", "path", "body", "status", "code"), [
    ("POST", f"vouchers/{GIFT50}/redemptions", {"value_used": 5}, 400, 1100),  # no user_id
    ("POST", f"vouchers/{GIFT50}/redemptions", {"user_id": "a", "value_used": -1}, 400, 1100),
    ("POST", f"vouchers/{GIFT50}/redemptions", {"user_id": "a", "value_used": "1.001"}, 400,
     1100),
    ("POST", "vouchers/vcr-nope/redemptions", {"user_id": "a"}, 404, 404),
    ("GET", "vouchers/validate?voucher_code=NOPE", None, 404, 404),
    ("GET", "vouchers/validate", None, 400, 1100),
    ("POST", "vouchers", {"count": 1, "value": "5", "value_unit": "pounds", "currency": "GBP"},
     400, 1100),
    ("PUT", f"vouchers/{GIFT50}", {}, 405, 405),
    ("GET", "v1/vouchers", None, 404, 404),
])
def test_errors(api: httpx.Client, method: str, path: str, body: object, status: int,
                code: int) -> None:
    assert_error(api.request(method, path, json=body), status, code)


def test_wrong_credentials_are_401(vauchar_sim: Sim) -> None:
    for auth in [None, ("demo-merchant", "wrong"), ("other", "demo-api-key")]:
        assert_error(httpx.get(vauchar_sim.api_url + "/vouchers", auth=auth), 401, 401)


def test_with_auth_and_no_fixture_the_store_starts_empty(sim_of: Callable[..., Sim]) -> None:
    empty = sim_of("vauchar", auth="m1:k1")
    with basic_client(empty.api_url, ("m1", "k1")) as client:
        assert client.get("vouchers").json()["count"] == 0
        made = client.post("vouchers", json={"count": 1, "value": "20.00", "value_unit": "fixed",
                                              "currency": "GBP", "voucher_code": "MYCODE"})
        assert made.json()[0]["voucher_code"] == "MYCODE"
        found = client.get("vouchers/validate", params={"voucher_code": "mycode"}).json()
        assert found["data"]["id"] == made.json()[0]["id"]


def test_one_winner_for_the_last_value(vauchar_sim: Sim) -> None:
    def redeem(index: int) -> int:
        with basic_client(vauchar_sim.api_url, VAUCHAR_AUTH) as client:
            return client.post(f"vouchers/{GIFT50}/redemptions",
                               json={"user_id": f"u{index}", "value_used": "50.00"}).status_code

    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(redeem, range(8)))
    assert sorted(statuses) == [201] + [400] * 7
    with basic_client(vauchar_sim.api_url, VAUCHAR_AUTH) as client:
        assert len(client.get(f"vouchers/{GIFT50}/redemptions").json()["data"]) == 1
