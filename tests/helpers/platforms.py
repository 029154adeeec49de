"""Helpers for the tests of the Vouchers API, Vauchar and ShopWired simulators and adapters."""

from __future__ import annotations

import json
from typing import Any

import httpx

from tests.helpers.corpus import DATA

# The demo fixtures' credentials (resources/demo-*.json).
VOUCHERS_API_KEY = "sk_test_demo"
VAUCHAR_AUTH = ("demo-merchant", "demo-api-key")
SHOPWIRED_AUTH = ("demo-key", "demo-secret")


def sample(platform: str, name: str) -> Any:
    """A sample response copied from the seed into ``tests/data/<platform>/<name>.json``."""
    return json.loads((DATA / platform / f"{name}.json").read_text(encoding="utf-8"))


def assert_has_shape(sample: Any, actual: Any, where: str = "$") -> None:
    """Every key of the sample is there with the same value type, recursively (a JSON number
    may be whole or not; a null in the sample allows anything; extra keys are allowed; a list
    may be empty, its items have the shape of the sample's first)."""
    if sample is None:
        return
    numbers = (int, float)
    if isinstance(sample, numbers) and not isinstance(sample, bool):
        assert isinstance(actual, numbers), f"{where}: {actual!r} is not a number"
        assert not isinstance(actual, bool), f"{where}: {actual!r} is not a number"
        return
    names = f"{type(actual).__name__} != {type(sample).__name__}"
    assert type(actual) is type(sample), f"{where}: {names}"
    if isinstance(sample, dict):
        missing = sorted(set(sample) - set(actual))
        assert not missing, f"{where}: missing keys {missing}"
        for key, value in sample.items():
            assert_has_shape(value, actual[key], f"{where}.{key}")
    elif isinstance(sample, list) and sample:
        for index, item in enumerate(actual):
            assert_has_shape(sample[0], item, f"{where}[{index}]")


def vouchers_api_client(api_url: str, key: str = VOUCHERS_API_KEY) -> httpx.Client:
    """An httpx client for a Vouchers API simulator."""
    return httpx.Client(base_url=api_url + "/", timeout=10,
                        headers={"Authorization": f"Bearer {key}"})


def basic_client(api_url: str, auth: tuple[str, str]) -> httpx.Client:
    """An httpx client with HTTP Basic (Vauchar, ShopWired)."""
    return httpx.Client(base_url=api_url + "/", timeout=10, auth=auth)
