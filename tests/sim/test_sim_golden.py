"""Golden shapes: the simulator answers with the same keys and value types as every complete
sample response in the seed document ``vouchercart-api.txt``."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from typing import Any

import httpx
import pytest

from tests.helpers.demo import MANAGER, TILL
from tests.helpers.sim import SEED, bearer, sign_in

TEA = "TEA2-8FJD-6NKS-3VXA"  # fixed, single-use, unused: like the seed's samples


def seed_samples() -> dict[str, list[Any]]:
    """Every complete JSON sample in the seed (those abbreviated with ``...`` are skipped),
    grouped by the response they show."""
    text = SEED.read_text(encoding="utf-8")
    decoder = json.JSONDecoder()
    samples: dict[str, list[Any]] = defaultdict(list)
    for match in re.finditer(r"^[{\[]", text, re.MULTILINE):
        try:
            value, _ = decoder.raw_decode(text, match.start())
        except json.JSONDecodeError:
            continue
        samples[_kind(value)].append(value)
    return samples


def _kind(value: Any) -> str:
    if isinstance(value, list):
        return "users"
    if "profile" in value:
        return "authorize"
    if value.get("status") == "refreshed":
        return "refresh"
    if "domains" in value:
        return "domains"
    if "stock" in value:
        return "redeem" if value["current"] else "status"
    if "userId" in value:
        return "created"
    if "permissions" in value:
        return "user"
    if "errors" in value:
        return "error"
    raise AssertionError(f"unexpected sample in the seed: {value!r}")


def assert_same_shape(sample: Any, actual: Any, where: str = "$") -> None:
    """Same keys and value types, recursively; a null in the sample allows any value."""
    if sample is None:
        return
    names = f"{type(actual).__name__} != {type(sample).__name__}"
    assert type(actual) is type(sample), f"{where}: {names}"
    if isinstance(sample, dict):
        assert set(actual) == set(sample), f"{where}: keys {sorted(set(actual) ^ set(sample))}"
        for key, value in sample.items():
            assert_same_shape(value, actual[key], f"{where}.{key}")
    elif isinstance(sample, list) and sample:
        assert actual, f"{where}: empty list where the seed shows items"
        for index, item in enumerate(actual):
            assert_same_shape(sample[0], item, f"{where}[{index}]")


def test_the_seed_has_the_expected_complete_samples() -> None:
    counts = {kind: len(values) for kind, values in seed_samples().items()}
    assert counts == {"authorize": 1, "domains": 2, "refresh": 1, "status": 1, "redeem": 1,
                      "created": 1, "user": 1, "users": 1, "error": 1}


@pytest.fixture(scope="module")
def samples() -> dict[str, list[Any]]:
    return seed_samples()


def test_auth_shapes(client: httpx.Client, samples: dict[str, list[Any]]) -> None:
    session = sign_in(client, TILL)
    assert_same_shape(samples["authorize"][0], session)
    refreshed = client.put("refresh", data={"accessToken": session["accessToken"],
                                            "refreshToken": session["refreshToken"]}).json()
    assert_same_shape(samples["refresh"][0], refreshed)
    headers = bearer(client, MANAGER)
    for sample in samples["domains"]:
        assert_same_shape(sample, client.get("domains", headers=headers).json())
        assert_same_shape(sample, client.get("user-domains",
                                             params={"email": MANAGER[0]}).json())


def test_voucher_shapes(client: httpx.Client, samples: dict[str, list[Any]]) -> None:
    headers = bearer(client, TILL)
    status = client.get("status", params={"code": TEA, "domain": 1}, headers=headers).json()
    assert_same_shape(samples["status"][0], status)
    redeemed = client.post("redeem", data={"code": TEA, "domain": "1"}, headers=headers).json()
    assert_same_shape(samples["redeem"][0], redeemed)
    assert list(redeemed) == list(samples["redeem"][0])  # even the key order


def test_user_shapes(client: httpx.Client, samples: dict[str, list[Any]]) -> None:
    headers = bearer(client, MANAGER)
    body = {"fullName": "Test User", "email": "test.user@demo-shop.example",
            "password": "sEcret9", "phone": "+1 123 456 789",
            "permissions": [{"domainId": 1, "roleId": 0, "customPermissions": []},
                            {"domainId": 2, "roleId": 0, "customPermissions": []}]}
    created = client.post("users", json=body, headers=headers).json()
    assert_same_shape(samples["created"][0], created)
    user = client.get(f"users/{created['userId']}", headers=headers).json()
    assert_same_shape(samples["user"][0], user)
    assert_same_shape(samples["users"][0], client.get("users", headers=headers).json())


def test_error_shape(client: httpx.Client, samples: dict[str, list[Any]]) -> None:
    error = client.get("user-domains", params={"email": "nobody@example.com"})
    assert error.status_code == 422
    assert error.json() == samples["error"][0]
