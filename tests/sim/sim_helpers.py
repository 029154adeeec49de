"""Helpers shared by the simulator's tests."""

from __future__ import annotations

from pathlib import Path

import httpx

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "vouchercart-api.txt"

TILL = ("till@demo-shop.example", "till1234")
MANAGER = ("manager@demo-shop.example", "manager1234")
BARISTA = ("barista@demo-cafe.example", "barista1234")
SHOP, CAFE = 1, 2


def sign_in(client: httpx.Client, login: tuple[str, str] = TILL,
            subdomain: str = "demo-shop") -> dict[str, str]:
    """Sign in; returns the authorize response body."""
    response = client.post("authorize", auth=login, data={"subdomain": subdomain})
    assert response.status_code == 200, response.text
    body: dict[str, str] = response.json()
    return body


def bearer(client: httpx.Client, login: tuple[str, str] = TILL,
           subdomain: str = "demo-shop") -> dict[str, str]:
    """Authorization headers for ``login``."""
    return {"Authorization": f"Bearer {sign_in(client, login, subdomain)['accessToken']}"}


def assert_error(response: httpx.Response, http_status: int, code: int) -> dict[str, object]:
    """The response is the API's error body with this HTTP status and code."""
    assert response.status_code == http_status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, object] = response.json()
    assert set(body) == {"code", "errors", "message", "status"}
    assert body["code"] == code
    assert body["status"] == "failed"
    assert isinstance(body["errors"], dict)
    assert isinstance(body["message"], str)
    assert body["message"]
    return body
