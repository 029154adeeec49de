"""Voucher status and redemption: rules, bookkeeping and every refusal."""

from __future__ import annotations

import httpx
import pytest

from tests.helpers.demo import BARISTA, MANAGER, TILL
from tests.helpers.sim import CAFE, SHOP, Sim, assert_error, bearer

GBP50 = "GB50-K7QX-9M2F-4TZB"
GBP100_USED = "GB10-0PRT-LY8D-2WQC"
EUR40 = "EU40-H3NV-7C5K-RB9E"
YOGA = "YOGA-5X2U-Q8WM-J4LT"
TEA = "TEA2-8FJD-6NKS-3VXA"
MEAL_DONE = "MEAL-2R7H-CY4P-9GDN"
EXPIRED = "OLD5-W6TB-3QHZ-8MEK"
FUTURE = "SOON-4K9V-PX2C-7RFA"
REFUNDED = "RFND-7Y3M-KQ8T-2HWB"
CAFE_ONLY = "CAFE-9D2L-M6QR-5TUY"
REGENERATED = "REGN-3B8X-T5WJ-6PZQ"
LOW = "LOW5-6E4G-9YCH-1NVS"
SPA_SINGLE = "SPA1-2T6N-8KWF-3QJD"
TWIN = "TWIN-6C1R-5VBN-9XHE"


@pytest.fixture
def auth(client: httpx.Client) -> dict[str, str]:
    """The till user's headers."""
    return bearer(client, TILL)


def status(client: httpx.Client, auth: dict[str, str], code: str,
           domain: int = SHOP) -> httpx.Response:
    return client.get("status", params={"code": code, "domain": domain}, headers=auth)


def redeem(client: httpx.Client, auth: dict[str, str], code: str, domain: int = SHOP,
           **extra: str) -> httpx.Response:
    return client.post("redeem", data={"code": code, "domain": str(domain), **extra},
                       headers=auth)


def test_status_of_a_partly_used_money_voucher(client: httpx.Client,
                                               auth: dict[str, str]) -> None:
    response = status(client, auth, GBP100_USED)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert list(body) == ["code", "current", "expirations", "monetary", "multiUsable", "order",
                          "redeemableOn", "redeemed", "redeemHistory", "remainingString",
                          "status", "stock"]
    assert (body["current"], body["stock"], body["redeemed"]) == (3250, 10000, False)
    assert body["remainingString"] == "£67.50 left"
    assert body["order"]["recipient"]["name"] == "Daniel Hughes"
    assert [h["amount"] for h in body["redeemHistory"]] == [2000, 1250]


@pytest.mark.parametrize(("code", "text"), [
    (EUR40, "€25.00 left"), (YOGA, "3 times left"), (TEA, "1 time left"),
    (MEAL_DONE, "0 time left"), (LOW, "£2.50 left"),
])
def test_remaining_string(client: httpx.Client, auth: dict[str, str], code: str,
                          text: str) -> None:
    assert status(client, auth, code).json()["remainingString"] == text


def test_codes_are_case_insensitive(client: httpx.Client, auth: dict[str, str]) -> None:
    assert status(client, auth, f"  {GBP50.lower()} ").json()["code"] == GBP50


def test_partial_then_full_money_redemption(sim: Sim, client: httpx.Client) -> None:
    sim.set_clock("2030-05-06T07:08:09+0000", frozen=True)
    auth = bearer(client, TILL)
    first = redeem(client, auth, GBP50, reductor="1250")
    assert first.status_code == 200, first.text
    body = first.json()
    assert (body["current"], body["status"], body["redeemed"]) == (1250, "in_progress", False)
    assert body["remainingString"] == "£37.50 left"
    assert body["redeemHistory"] == [{"redeemAt": "2030-05-06T07:08:09+0000", "amount": 1250}]
    assert body["order"]["redeemedDate"] is None
    rest = redeem(client, auth, GBP50).json()  # no reductor: everything left
    assert (rest["current"], rest["status"], rest["redeemed"]) == (5000, "completed", True)
    assert rest["redeemHistory"][-1]["amount"] == 3750
    assert rest["order"]["redeemedDate"] == "2030-05-06T07:08:09+0000"
    assert rest["remainingString"] == "£0.00 left"
    assert status(client, auth, GBP50).json() == rest
    assert_error(redeem(client, auth, GBP50, reductor="1"), 422, 1013)


def test_quantity_voucher_uses(client: httpx.Client, auth: dict[str, str]) -> None:
    body = redeem(client, auth, YOGA, reductor="2").json()
    assert (body["current"], body["remainingString"]) == (4, "1 time left")
    assert_error(redeem(client, auth, YOGA, reductor="2"), 422, 1011)
    assert redeem(client, auth, YOGA).json()["status"] == "completed"


def test_single_use_voucher_is_taken_whole(client: httpx.Client, auth: dict[str, str]) -> None:
    assert_error(redeem(client, auth, SPA_SINGLE, reductor="1000"), 422, 1011)
    body = redeem(client, auth, SPA_SINGLE, reductor="6500").json()
    assert (body["current"], body["status"]) == (6500, "completed")
    tea = redeem(client, auth, TEA).json()
    assert (tea["current"], tea["redeemed"], tea["remainingString"]) == (1, True, "0 time left")


@pytest.mark.parametrize("reductor", ["0", "-5", "2.5", "abc", "251", "1e3"])
def test_bad_reductor_is_1011(client: httpx.Client, auth: dict[str, str],
                              reductor: str) -> None:
    assert_error(redeem(client, auth, LOW, reductor=reductor), 422, 1011)


def test_redeem_date_is_minute_precise_utc(client: httpx.Client, auth: dict[str, str]) -> None:
    body = redeem(client, auth, GBP50, reductor="100", redeemDate="2026-01-02 03:04").json()
    assert body["redeemHistory"][-1] == {"redeemAt": "2026-01-02T03:04:00+0000", "amount": 100}
    body = redeem(client, auth, GBP50, reductor="100", redeemDate="2026-01-02 03:05:59").json()
    assert body["redeemHistory"][-1]["redeemAt"] == "2026-01-02T03:05:00+0000"
    body = assert_error(redeem(client, auth, GBP50, redeemDate="02/01/2026 03:04"), 422, 1000)
    assert "redeemDate" in body["errors"]  # type: ignore[operator]


def test_expired_voucher_redeems_with_a_date_inside_its_window(client: httpx.Client,
                                                               auth: dict[str, str]) -> None:
    assert status(client, auth, EXPIRED).json()["status"] == "in_progress"
    assert_error(redeem(client, auth, EXPIRED, reductor="500"), 422, 1012)
    assert_error(redeem(client, auth, EXPIRED, reductor="500", redeemDate="2024-01-11 00:00"),
                 422, 1012)
    body = redeem(client, auth, EXPIRED, reductor="500", redeemDate="2023-12-24 15:30").json()
    assert body["redeemHistory"] == [{"redeemAt": "2023-12-24T15:30:00+0000", "amount": 500}]


def test_not_yet_valid_voucher(sim: Sim, client: httpx.Client,
                               auth: dict[str, str]) -> None:
    assert_error(redeem(client, auth, FUTURE), 422, 1012)
    sim.set_clock("2034-06-01T00:00:01+0000")
    fresh = bearer(client, TILL)
    assert redeem(client, fresh, FUTURE, reductor="100").status_code == 200


def test_voucher_with_two_windows(client: httpx.Client, auth: dict[str, str]) -> None:
    assert_error(redeem(client, auth, TWIN, reductor="1", redeemDate="2024-08-01 12:00"),
                 422, 1012)
    assert redeem(client, auth, TWIN, reductor="1", redeemDate="2023-08-01 12:00").is_success
    assert redeem(client, auth, TWIN, reductor="1").is_success


@pytest.mark.parametrize("code", [REFUNDED, REGENERATED])
def test_cancelled_vouchers_are_1014(client: httpx.Client, auth: dict[str, str],
                                     code: str) -> None:
    assert status(client, auth, code).status_code == 200
    assert_error(redeem(client, auth, code), 422, 1014)


def test_fully_redeemed_is_1013(client: httpx.Client, auth: dict[str, str]) -> None:
    assert status(client, auth, MEAL_DONE).json()["redeemed"] is True
    assert_error(redeem(client, auth, MEAL_DONE), 422, 1013)


def test_unknown_code_or_wrong_domain_is_1010(client: httpx.Client) -> None:
    manager = bearer(client, MANAGER)
    assert_error(status(client, manager, "ZZZZ-ZZZZ-ZZZZ-ZZZZ"), 404, 1010)
    assert_error(redeem(client, manager, "ZZZZ-ZZZZ-ZZZZ-ZZZZ"), 404, 1010)
    assert_error(status(client, manager, CAFE_ONLY, SHOP), 404, 1010)
    assert_error(redeem(client, manager, CAFE_ONLY, SHOP), 404, 1010)
    assert status(client, manager, CAFE_ONLY, CAFE).status_code == 200


def test_no_right_on_the_domain_is_1003(client: httpx.Client, auth: dict[str, str]) -> None:
    assert_error(status(client, auth, CAFE_ONLY, CAFE), 403, 1003)
    assert_error(redeem(client, auth, CAFE_ONLY, CAFE), 403, 1003)
    assert_error(status(client, auth, GBP50, 99), 403, 1003)
    barista = bearer(client, BARISTA, "demo-cafe")
    assert redeem(client, barista, CAFE_ONLY, CAFE, reductor="1").json()["current"] == 4
    assert_error(status(client, barista, GBP50, SHOP), 403, 1003)


def test_missing_parameters_are_1018(client: httpx.Client, auth: dict[str, str]) -> None:
    body = assert_error(client.get("status", params={"code": GBP50}, headers=auth), 422, 1018)
    assert set(body["errors"]) == {"domain"}  # type: ignore[call-overload]
    assert_error(client.post("redeem", data={"domain": "1"}, headers=auth), 422, 1018)
    assert_error(client.post("redeem", headers=auth), 422, 1018)
    assert_error(status(client, auth, GBP50, "shop"), 422, 1000)  # type: ignore[arg-type]


def test_voucher_endpoints_need_a_token(client: httpx.Client) -> None:
    assert_error(client.get("status", params={"code": GBP50, "domain": 1}), 401, 1001)
    assert_error(client.post("redeem", data={"code": GBP50, "domain": "1"}), 401, 1001)


def test_redeem_accepts_a_json_body(client: httpx.Client, auth: dict[str, str]) -> None:
    response = client.post("redeem", json={"code": GBP50, "domain": 1, "reductor": 5},
                           headers=auth)
    assert response.json()["current"] == 5


def test_status_expired_needs_a_redeem_date(sim: Sim, client: httpx.Client,
                                            auth: dict[str, str]) -> None:
    sim.add_voucher({"code": "EXPD-0000-0000-0001", "stock": 100, "monetary": True,
                     "multiUsable": True, "status": "expired",
                     "expirations": [{"from": "2020-01-01T00:00:00+0000",
                                      "to": "2035-01-01T00:00:00+0000"}]})
    assert_error(redeem(client, auth, "EXPD-0000-0000-0001"), 422, 1012)
    dated = redeem(client, auth, "EXPD-0000-0000-0001", redeemDate="2024-05-05 10:00")
    assert dated.json()["status"] == "completed"
