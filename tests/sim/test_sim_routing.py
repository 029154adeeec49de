"""Unknown paths, wrong methods, content types."""

from __future__ import annotations

import httpx
import pytest

from tests.helpers.sim import Sim, assert_error


@pytest.mark.parametrize("path", ["teapot", "", "status/extra", "users/1/password/x"])
def test_unknown_path_is_1004(client: httpx.Client, path: str) -> None:
    assert_error(client.get(path), 404, 1004)


@pytest.mark.parametrize(("method", "path"), [
    ("GET", "authorize"), ("DELETE", "status"), ("GET", "redeem"), ("POST", "refresh"),
    ("PATCH", "users"), ("POST", "users/1"), ("GET", "users/1/password"), ("OPTIONS", "domains"),
])
def test_wrong_method_is_1002(client: httpx.Client, method: str, path: str) -> None:
    assert_error(client.request(method, path), 405, 1002)


def test_a_trailing_slash_is_tolerated(client: httpx.Client) -> None:
    assert client.get("user-domains/", params={"email": "till@demo-shop.example"}).is_success


def test_other_prefixes_are_not_found(sim: Sim) -> None:
    assert_error(httpx.get(f"{sim.base_url}/v2/status"), 404, 1004)
    assert_error(httpx.get(f"{sim.base_url}/"), 404, 1004)
