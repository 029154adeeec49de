"""Sign-in, domains, token checks and refresh-token rotation."""

from __future__ import annotations

import base64
import json

import httpx
import jwt

from tests.helpers.demo import BARISTA, MANAGER, TILL
from tests.helpers.sim import Sim, assert_error, bearer, sign_in


def test_authorize_returns_a_signed_jwt_and_the_profile(client: httpx.Client) -> None:
    body = sign_in(client, TILL)
    assert body["status"] == "authenticated"
    assert body["refreshToken"].startswith("RT")
    assert body["profile"] == {"email": TILL[0], "fullName": "Taylor Till", "id": 2,
                               "locale": "en"}
    claims = jwt.decode(body["accessToken"], options={"verify_signature": False})
    assert set(claims) == {"jti", "iat", "exp", "aud", "user"}
    assert claims["jti"] == body["identifiedBy"]
    assert claims["user"] == 2
    assert claims["exp"] - claims["iat"] == 86400
    assert jwt.get_unverified_header(body["accessToken"])["alg"] == "HS256"


def test_authorize_refuses_wrong_or_missing_credentials(client: httpx.Client) -> None:
    assert_error(client.post("authorize", auth=(TILL[0], "nope"), data={"subdomain": "demo-shop"}),
                 401, 1001)
    assert_error(client.post("authorize", auth=("who@example.com", "x"),
                             data={"subdomain": "demo-shop"}), 401, 1001)
    assert_error(client.post("authorize", data={"subdomain": "demo-shop"}), 401, 1001)
    garbled = {"Authorization": "Basic %%%not-base64"}
    assert_error(client.post("authorize", headers=garbled, data={"subdomain": "demo-shop"}),
                 401, 1001)


def test_authorize_checks_the_subdomain(client: httpx.Client) -> None:
    assert_error(client.post("authorize", auth=TILL), 422, 1018)
    body = assert_error(client.post("authorize", auth=TILL, data={"subdomain": "nowhere"}),
                        422, 1000)
    assert "subdomain" in body["errors"]  # type: ignore[operator]
    assert_error(client.post("authorize", auth=TILL, data={"subdomain": "demo-cafe"}), 403, 1003)
    assert sign_in(client, BARISTA, "demo-cafe")["status"] == "authenticated"


def test_user_domains_needs_no_login(client: httpx.Client) -> None:
    response = client.get("user-domains", params={"email": MANAGER[0]})
    assert response.status_code == 200
    assert response.json() == {"status": "success", "domains": [
        {"id": 1, "name": "demo-shop", "url": "https://demo-shop.example/"},
        {"id": 2, "name": "demo-cafe", "url": "https://demo-cafe.example/"}]}
    till = client.get("user-domains", params={"email": TILL[0].upper()}).json()
    assert [d["id"] for d in till["domains"]] == [1]


def test_user_domains_unknown_email_matches_the_seed(client: httpx.Client) -> None:
    body = assert_error(client.get("user-domains", params={"email": "x@example.com"}), 422, 1000)
    assert body == {"code": 1000,
                    "errors": {"email": ["We do not recognize given email address."]},
                    "message": "Incorrect request", "status": "failed"}
    assert_error(client.get("user-domains"), 422, 1000)


def test_domains_lists_only_the_users_domains(client: httpx.Client) -> None:
    till = client.get("domains", headers=bearer(client, TILL)).json()
    assert till == {"status": "success", "domains": [
        {"id": 1, "name": "demo-shop", "url": "https://demo-shop.example/"}]}
    manager = client.get("domains", headers=bearer(client, MANAGER)).json()
    assert [d["name"] for d in manager["domains"]] == ["demo-shop", "demo-cafe"]


def test_missing_or_unknown_keys_are_1001(client: httpx.Client) -> None:
    assert_error(client.get("domains"), 401, 1001)
    assert_error(client.get("domains", headers={"Authorization": "Bearer VCaccessToken"}),
                 401, 1001)
    assert_error(client.get("domains", headers={"Authorization": "Token abc"}), 401, 1001)


def test_malformed_and_forged_tokens(client: httpx.Client) -> None:
    assert_error(client.get("domains", headers={"Authorization": "Bearer a.b.c"}), 401, 1008)
    token = sign_in(client)["accessToken"]
    header, payload, _ = token.split(".")
    claims = json.loads(base64.urlsafe_b64decode(payload + "=="))
    forged_payload = base64.urlsafe_b64encode(
        json.dumps({**claims, "user": 1}).encode()).rstrip(b"=").decode()
    forged = f"{header}.{forged_payload}.{token.split('.')[2]}"
    assert_error(client.get("domains", headers={"Authorization": f"Bearer {forged}"}), 401, 1009)
    other_key = jwt.encode(claims, "not-the-secret-key-of-the-server-000", algorithm="HS256")
    assert_error(client.get("domains", headers={"Authorization": f"Bearer {other_key}"}),
                 401, 1009)


def test_token_expires_with_the_clock(sim: Sim, client: httpx.Client) -> None:
    headers = bearer(client)
    assert client.get("domains", headers=headers).status_code == 200
    sim.set_clock(offset=86400 - 5)
    assert client.get("domains", headers=headers).status_code == 200
    sim.set_clock(offset=86400 + 1)
    assert_error(client.get("domains", headers=headers), 401, 1006)


def test_token_issued_in_the_future_is_not_yet_valid(sim: Sim,
                                                     client: httpx.Client) -> None:
    sim.set_clock(offset=3600)
    headers = bearer(client)
    sim.set_clock(offset=0)
    assert_error(client.get("domains", headers=headers), 401, 1007)


def test_short_token_ttl() -> None:
    from kiosk.sim.testing import serve_in_thread

    with serve_in_thread(token_ttl=60) as server, httpx.Client(base_url=server.api_url + "/") as c:
        headers = bearer(c)
        server.set_clock(advance=61)
        assert_error(c.get("domains", headers=headers), 401, 1006)


def test_refresh_rotates_and_refuses_reuse(sim: Sim, client: httpx.Client) -> None:
    first = sign_in(client)
    sim.set_clock(offset=2 * 86400)  # the access token has expired: refresh still works
    response = client.put("refresh", data={"accessToken": first["accessToken"],
                                           "refreshToken": first["refreshToken"]})
    assert response.status_code == 200, response.text
    second = response.json()
    assert set(second) == {"accessToken", "identifiedBy", "refreshToken", "status"}
    assert second["status"] == "refreshed"
    assert second["identifiedBy"] == first["identifiedBy"]
    assert second["refreshToken"] != first["refreshToken"]
    assert second["refreshToken"].startswith("RT")
    headers = {"Authorization": f"Bearer {second['accessToken']}"}
    assert client.get("domains", headers=headers).status_code == 200
    reused = client.put("refresh", data={"accessToken": second["accessToken"],
                                         "refreshToken": first["refreshToken"]})
    assert_error(reused, 401, 1001)
    third = client.put("refresh", data={"accessToken": second["accessToken"],
                                        "refreshToken": second["refreshToken"]})
    assert third.status_code == 200


def test_refresh_needs_the_paired_access_token(client: httpx.Client) -> None:
    one, two = sign_in(client), sign_in(client)
    mismatched = client.put("refresh", data={"accessToken": two["accessToken"],
                                             "refreshToken": one["refreshToken"]})
    assert_error(mismatched, 401, 1001)
    # the refused attempt did not burn the refresh token
    ok = client.put("refresh", data={"accessToken": one["accessToken"],
                                     "refreshToken": one["refreshToken"]})
    assert ok.status_code == 200
    assert_error(client.put("refresh", data={"accessToken": "x.y.z",
                                             "refreshToken": two["refreshToken"]}), 401, 1008)
    assert_error(client.put("refresh", data={"accessToken": two["accessToken"],
                                             "refreshToken": "RTunknown"}), 401, 1001)
    assert_error(client.put("refresh", data={"refreshToken": "RTx"}), 422, 1018)
