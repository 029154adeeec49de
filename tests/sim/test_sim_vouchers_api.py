"""The Vouchers API simulator: golden shapes against the seed's samples, validate/apply rules,
idempotent apply per order_id, errors in the seed's shape, rate limits on demand."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx
import pytest

from tests.helpers.platforms import assert_has_shape, sample, vouchers_api_client
from tests.helpers.sim import Sim

ORDER = {"value": 10000, "currency": "GBP"}


@pytest.fixture
def api_sim(sim_of: Callable[..., Sim]) -> Sim:
    return sim_of("vouchers-api")


@pytest.fixture
def api(api_sim: Sim) -> Iterator[httpx.Client]:
    with vouchers_api_client(api_sim.api_url) as client:
        yield client


def assert_error(response: httpx.Response, status: int, code: str) -> dict[str, Any]:
    assert response.status_code == status, response.text
    body: dict[str, Any] = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"code", "message", "details"}
    assert body["error"]["code"] == code
    assert body["error"]["message"]
    error: dict[str, Any] = body["error"]
    return error


def test_golden_shapes(api: httpx.Client) -> None:
    created = api.post("vouchers", json={
        "code": "GOLDEN20", "type": "percentage", "value": 20,
        "conditions": {"min_order_value": 5000, "max_uses": 1000,
                       "valid_from": "2024-06-01T00:00:00Z",
                       "valid_until": "2035-08-31T23:59:59Z"}})
    assert created.status_code == 201
    assert_has_shape(sample("vouchers-api", "create"), created.json())
    voucher_id = created.json()["id"]
    validated = api.post("vouchers/validate", json={"code": "GOLDEN20", "order": {
        "value": 10000, "currency": "USD", "items": [{"id": "i", "price": 10000, "quantity": 1}]}})
    assert_has_shape(sample("vouchers-api", "validate"), validated.json())
    assert validated.json()["discount_amount"] == 2000
    assert validated.json()["final_amount"] == 8000
    applied = api.post("vouchers/apply", json={"code": "GOLDEN20", "order_id": "order_1",
                                                "order": {"value": 10000, "currency": "USD"}})
    assert_has_shape(sample("vouchers-api", "apply"), applied.json())
    assert_has_shape(sample("vouchers-api", "list"), api.get("vouchers").json())
    assert_has_shape(sample("vouchers-api", "retrieve"), api.get(f"vouchers/{voucher_id}").json())
    updated = api.put(f"vouchers/{voucher_id}", json={"value": 25,
                                                      "conditions": {"min_order_value": 7500}})
    assert_has_shape(sample("vouchers-api", "update"), updated.json())
    assert updated.json()["conditions"]["max_uses"] == 1000  # merged, not replaced
    assert_has_shape(sample("vouchers-api", "delete"), api.delete(f"vouchers/{voucher_id}").json())
    assert api.get(f"vouchers/{voucher_id}").json()["status"] == "inactive"  # soft delete


def test_error_samples_have_the_seed_shape(api: httpx.Client) -> None:
    bad = api.post("vouchers", json={"code": "X", "type": "percentage", "value": 120})
    assert bad.status_code == 400
    assert bad.json() == sample("vouchers-api", "error-400")
    missing = api.get("vouchers/v_1234567890abcdef")
    assert missing.status_code == 404
    assert missing.json() == sample("vouchers-api", "error-404")
    api.post("vouchers", json={"code": "ONE", "type": "fixed", "value": 100,
                               "conditions": {"max_uses": 1}})
    assert api.post("vouchers/apply", json={"code": "ONE", "order_id": "order_1234567890"}
                    ).status_code == 200
    again = api.post("vouchers/apply", json={"code": "ONE", "order_id": "another"})
    assert_has_shape(sample("vouchers-api", "error-409"), again.json())
    assert assert_error(again, 409, "VOUCHER_ALREADY_APPLIED")["details"]["order_id"] == \
        "order_1234567890"  # names the order it was applied to


def test_apply_is_idempotent_per_order_id(api: httpx.Client, api_sim: Sim) -> None:
    first = api.post("vouchers/apply", json={"code": "TENOFF", "order_id": "o-1", "order": ORDER})
    second = api.post("vouchers/apply", json={"code": "TENOFF", "order_id": "o-1", "order": ORDER})
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    state = api_sim.voucher("TENOFF")
    assert state["usage_count"] == 3  # the fixture's 2, plus one
    assert [h["order_id"] for h in state["usage_history"]].count("o-1") == 1


@pytest.mark.parametrize(("code", "order_value", "status", "reason"), [
    ("SUMMER2024", 10000, 422, "outside_date_range"),  # expired
    ("XMAS2034", 10000, 422, "outside_date_range"),  # not yet valid
    ("PAUSED", 10000, 422, "inactive"),
    ("SAVE20", 4999, 422, "min_order_value_not_met"),
])
def test_apply_refusals(api: httpx.Client, code: str, order_value: int, status: int,
                        reason: str) -> None:
    refused = api.post("vouchers/apply", json={
        "code": code, "order_id": "o-x", "order": {"value": order_value, "currency": "GBP"}})
    assert assert_error(refused, status, "VOUCHER_NOT_APPLICABLE")["details"]["reason"] == reason
    checked = api.post("vouchers/validate", json={
        "code": code, "order": {"value": order_value, "currency": "GBP"}}).json()
    assert checked["is_valid"] is False
    assert checked["discount_amount"] == 0


def test_validate_computes_half_up_and_never_more_than_the_order(api: httpx.Client) -> None:
    odd = api.post("vouchers/validate", json={"code": "SAVE20", "order": {"value": 5003}}).json()
    assert odd["discount_amount"] == 1001  # 1000.6 -> 1001
    api.post("vouchers", json={"code": "BIG", "type": "fixed", "value": 5000})
    small = api.post("vouchers/validate", json={"code": "BIG", "order": {"value": 1200}}).json()
    assert (small["discount_amount"], small["final_amount"]) == (1200, 0)


@pytest.mark.parametrize(("method", "path", "body", "status", "code"), [
    ("POST", "vouchers/validate", {"order": ORDER}, 400, "INVALID_REQUEST"),
    ("POST", "vouchers/validate", {"code": "SAVE20"}, 400, "INVALID_REQUEST"),
    ("POST", "vouchers/validate", {"code": "NOPE", "order": ORDER}, 404, "VOUCHER_NOT_FOUND"),
    ("POST", "vouchers/apply", {"code": "SAVE20"}, 400, "INVALID_REQUEST"),
    ("POST", "vouchers/apply", {"code": "NOPE", "order_id": "o"}, 404, "VOUCHER_NOT_FOUND"),
    ("POST", "vouchers", {"code": "SAVE20", "type": "fixed", "value": 1}, 400, "INVALID_REQUEST"),
    ("PUT", "vouchers/v_demo0000000000001", {"code": "NEW"}, 400, "INVALID_REQUEST"),
    ("GET", "vouchers?limit=500", None, 400, "INVALID_REQUEST"),
    ("PATCH", "vouchers/v_demo0000000000001", {}, 405, "METHOD_NOT_ALLOWED"),
    ("GET", "nothing-here", None, 404, "NOT_FOUND"),
])
def test_errors(api: httpx.Client, method: str, path: str, body: object, status: int,
                code: str) -> None:
    assert_error(api.request(method, path, json=body), status, code)


def test_a_body_that_is_not_json_is_refused(api: httpx.Client) -> None:
    response = api.post("vouchers/apply", content=b"{oops",
                        headers={"Content-Type": "application/json"})
    assert_error(response, 400, "INVALID_REQUEST")


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic c2tfdGVzdF9kZW1vOg=="])
def test_a_wrong_api_key_is_401(api_sim: Sim, header: str | None) -> None:
    headers = {"Authorization": header} if header else {}
    response = httpx.get(api_sim.api_url + "/vouchers", headers=headers)
    assert_error(response, 401, "UNAUTHORIZED")


def test_list_filters_and_pages(api: httpx.Client) -> None:
    page = api.get("vouchers", params={"limit": 2, "offset": 1}).json()
    assert (page["total"], page["limit"], page["offset"], page["has_more"]) == (7, 2, 1, True)
    assert [v["code"] for v in page["data"]] == ["TENOFF", "ONCE15"]
    expired = api.get("vouchers", params={"status": "expired"}).json()["data"]
    assert [v["code"] for v in expired] == ["SUMMER2024"]
    fixed = api.get("vouchers", params={"type": "fixed"}).json()["data"]
    assert {v["code"] for v in fixed} == {"TENOFF", "USEDUP", "XMAS2034"}


def test_rate_limits_only_when_asked(api: httpx.Client, api_sim: Sim) -> None:
    for _ in range(120):  # over the 100/min of apply: not throttled by default
        assert api.post("vouchers/validate", json={"code": "SAVE20", "order": ORDER}
                        ).status_code == 200
    httpx.post(api_sim.base_url + "/_sim/rate-limits", json={"enabled": True}).raise_for_status()
    api_sim.set_clock("2030-01-01T00:00:05+0000", frozen=True)
    statuses = [api.post("vouchers/apply", json={"code": "TENOFF", "order_id": f"r{i}"})
                for i in range(101)]
    assert [r.status_code for r in statuses[:100]] == [200] * 100
    limited = statuses[100]
    assert_error(limited, 429, "RATE_LIMIT_EXCEEDED")
    assert limited.headers["Retry-After"] == "55"
    assert limited.headers["X-RateLimit-Limit"] == "100"
    assert statuses[99].headers["X-RateLimit-Remaining"] == "0"
    api_sim.set_clock(advance=60)
    assert api.post("vouchers/apply", json={"code": "TENOFF", "order_id": "next-minute"}
                    ).status_code == 200


def test_with_auth_and_no_fixture_the_store_starts_empty(sim_of: Callable[..., Sim]) -> None:
    empty = sim_of("vouchers-api", auth="sk_live_mine")
    with vouchers_api_client(empty.api_url, "sk_live_mine") as client:
        assert client.get("vouchers").json()["total"] == 0
        assert client.post("vouchers", json={"code": "NEW10", "type": "fixed", "value": 1000}
                           ).status_code == 201
        assert client.get("vouchers").json()["total"] == 1
    with vouchers_api_client(empty.api_url) as demo_key:
        assert demo_key.get("vouchers").status_code == 401


def test_one_winner_for_the_last_use(api: httpx.Client, api_sim: Sim) -> None:
    def apply(index: int) -> int:
        with vouchers_api_client(api_sim.api_url) as client:
            return client.post("vouchers/apply", json={"code": "ONCE15", "order_id": f"t{index}",
                                                        "order": ORDER}).status_code

    with ThreadPoolExecutor(8) as pool:
        statuses = list(pool.map(apply, range(8)))
    assert sorted(statuses) == [200] + [409] * 7
    assert api_sim.voucher("ONCE15")["usage_count"] == 1
