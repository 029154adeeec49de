"""VoucherCartClient against the simulator over real HTTP: every endpoint and failure."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import httpx
import jwt
import pytest

from kiosk.backends.http import check_base_url, transport_error
from kiosk.backends.vouchercart import Permission, Tokens, VoucherCartClient
from kiosk.domain.errors import (
    AccessDenied,
    InvalidRequest,
    LoginFailed,
    RateLimited,
    Refusal,
    RefusalReason,
    ServerUnavailable,
    SessionExpired,
    TransportError,
)
from kiosk.domain.voucher import HistoryEntry, VoucherKind
from tests.helpers.backends import free_port
from tests.helpers.demo import BARISTA, DOMAIN, GBP50, MANAGER, SHOP_ID, TILL
from tests.helpers.sim import Sim

# --- sign-in endpoints -------------------------------------------------------------------

def test_authorize(client: VoucherCartClient) -> None:
    result = client.authorize(*TILL, DOMAIN)
    assert result.profile.full_name == "Taylor Till"
    assert result.profile.email == TILL[0]
    assert result.tokens.refresh_token.startswith("RT")
    assert result.tokens.identified_by


def test_authorize_wrong_password(client: VoucherCartClient) -> None:
    with pytest.raises(LoginFailed, match="Wrong email or password"):
        client.authorize(TILL[0], "nope", DOMAIN)


def test_authorize_unknown_email(client: VoucherCartClient) -> None:
    with pytest.raises(LoginFailed, match="Wrong email or password"):
        client.authorize("nobody@example.com", "x", DOMAIN)


def test_authorize_unknown_shop(client: VoucherCartClient) -> None:
    with pytest.raises(LoginFailed, match="subdomain"):
        client.authorize(*TILL, "no-such-shop")


def test_authorize_shop_without_access(client: VoucherCartClient) -> None:
    with pytest.raises(AccessDenied):
        client.authorize(*TILL, "demo-cafe")


def test_user_domains(client: VoucherCartClient) -> None:
    assert [(d.id, d.name) for d in client.user_domains(MANAGER[0])] == [
        (1, "demo-shop"), (2, "demo-cafe")]
    assert [d.name for d in client.user_domains(TILL[0])] == ["demo-shop"]


def test_user_domains_unknown_email(client: VoucherCartClient) -> None:
    with pytest.raises(LoginFailed, match="We do not recognize given email address"):
        client.user_domains("nobody@example.com")


def test_domains(client: VoucherCartClient, manager: Tokens) -> None:
    assert [d.name for d in client.domains(manager.access_token)] == ["demo-shop", "demo-cafe"]


def test_refresh_rotates_and_spends_the_old_token(client: VoucherCartClient, till: Tokens) -> None:
    fresh = client.refresh(till)
    assert fresh.refresh_token != till.refresh_token
    assert fresh.identified_by == till.identified_by
    assert client.status(fresh.access_token, GBP50, SHOP_ID).code == GBP50
    with pytest.raises(SessionExpired):
        client.refresh(till)  # already used


# --- vouchers ----------------------------------------------------------------------------

def test_status(client: VoucherCartClient, till: Tokens) -> None:
    voucher = client.status(till.access_token, "gb10-0prt-ly8d-2wqc", SHOP_ID)
    assert voucher.kind is VoucherKind.MONETARY
    assert (voucher.total, voucher.used, voucher.currency) == (10000, 3250, "GBP")
    assert voucher.history[0] == HistoryEntry(2000, datetime(2025, 2, 1, 11, 15, tzinfo=UTC))
    assert voucher.message == "Congratulations on the new job!"


def test_redeem_partial_then_rest(client: VoucherCartClient, till: Tokens,
                                  sim: Sim) -> None:
    at = datetime(2025, 6, 1, 10, 30, 45, tzinfo=UTC)
    after = client.redeem(till.access_token, GBP50, SHOP_ID, 1250, at)
    assert (after.used, after.remaining) == (1250, 3750)
    assert after.history == (HistoryEntry(1250, at.replace(second=0)),)
    last = client.redeem(till.access_token, GBP50, SHOP_ID, 3750, at)
    assert last.remaining == 0
    assert sim.voucher(GBP50)["status"] == "completed"
    form = sim.requests("POST", "/v1/redeem")
    assert len(form) == 2


def test_redeem_sends_reductor_and_minute(client: VoucherCartClient, till: Tokens,
                                          sim: Sim) -> None:
    client.redeem(till.access_token, "YOGA-5X2U-Q8WM-J4LT", SHOP_ID, 1,
                  datetime(2026, 1, 2, 3, 4, 59, tzinfo=UTC))
    history = sim.voucher("YOGA-5X2U-Q8WM-J4LT")["redeemHistory"]
    assert history[-1] == {"redeemAt": "2026-01-02T03:04:00+0000", "amount": 1}


@pytest.mark.parametrize(("code", "amount", "reason"), [
    ("NOPE-NOPE", 1, RefusalReason.NOT_FOUND),                  # 1010
    ("CAFE-9D2L-M6QR-5TUY", 1, RefusalReason.NOT_FOUND),        # other shop's voucher: 1010
    (GBP50, 5001, RefusalReason.CANNOT_REDUCE),                  # 1011
    ("SPA1-2T6N-8KWF-3QJD", 100, RefusalReason.CANNOT_REDUCE),  # single use, partial: 1011
    ("OLD5-W6TB-3QHZ-8MEK", 100, RefusalReason.EXPIRED),        # 1012
    ("DONE-8P3S-4LZK-7AWC", 1, RefusalReason.FULLY_REDEEMED),   # 1013
    ("RFND-7Y3M-KQ8T-2HWB", 1, RefusalReason.CANCELLED),        # 1014
])
def test_redeem_refusals(client: VoucherCartClient, till: Tokens, code: str, amount: int,
                         reason: RefusalReason) -> None:
    with pytest.raises(Refusal) as caught:
        client.redeem(till.access_token, code, SHOP_ID, amount, datetime.now(UTC))
    assert caught.value.reason is reason


def test_expired_voucher_redeemed_with_date_inside_its_window(
        client: VoucherCartClient, till: Tokens) -> None:
    at = datetime(2023, 6, 1, 12, 0, tzinfo=UTC)  # offline redemption replayed later
    assert client.redeem(till.access_token, "OLD5-W6TB-3QHZ-8MEK", SHOP_ID, 500, at).used == 500


def test_missing_parameter(client: VoucherCartClient, till: Tokens) -> None:
    with pytest.raises(InvalidRequest) as caught:
        client.status(till.access_token, "", SHOP_ID)
    assert caught.value.code == 1018


def test_no_right_on_domain(client: VoucherCartClient) -> None:
    barista = client.authorize(*BARISTA, "demo-cafe").tokens
    with pytest.raises(AccessDenied):
        client.status(barista.access_token, GBP50, SHOP_ID)


def test_expired_token(client: VoucherCartClient, till: Tokens, sim: Sim) -> None:
    sim.set_clock(advance=2 * 86400)
    with pytest.raises(SessionExpired) as caught:
        client.status(till.access_token, GBP50, SHOP_ID)
    assert caught.value.code == 1006


def test_not_yet_valid_token(client: VoucherCartClient, till: Tokens, sim: Sim) -> None:
    sim.set_clock(advance=-3600)
    with pytest.raises(SessionExpired) as caught:
        client.status(till.access_token, GBP50, SHOP_ID)
    assert caught.value.code == 1007


def forged_token() -> str:
    claims = {"jti": "x", "iat": int(time.time()), "exp": int(time.time()) + 60, "user": 2}
    return jwt.encode(claims, "not-the-servers-secret-but-long-enough-for-hs256", "HS256")


@pytest.mark.parametrize(("token", "codes"), [
    ("garbage", {1001, 1008}),
    ("not.a.jwt", {1008}),
    (forged_token(), {1009}),
])
def test_bad_tokens(client: VoucherCartClient, token: str, codes: set[int]) -> None:
    with pytest.raises(SessionExpired) as caught:
        client.status(token, GBP50, SHOP_ID)
    assert caught.value.code in codes


# --- users -------------------------------------------------------------------------------

def test_users_crud(client: VoucherCartClient, manager: Tokens) -> None:
    token = manager.access_token
    assert {u.email for u in client.list_users(token)} >= {MANAGER[0], TILL[0]}
    perms = [Permission(1, 2), Permission(2, 0)]
    new_id = client.create_user(token, email="new@demo-shop.example", password="Secret123",
                                full_name="New Starter", permissions=perms, phone="+44 1")
    created = client.get_user(token, new_id)
    assert (created.full_name, created.phone, created.permissions) == (
        "New Starter", "+44 1", tuple(perms))
    assert created.created_at is not None
    client.update_user(token, new_id, email="new@demo-shop.example", full_name="Renamed",
                       permissions=[Permission(1, 3, ("redeem.voucher",)), Permission(2, 0)])
    assert client.get_user(token, new_id).permissions[0].custom == ("redeem.voucher",)
    client.change_password(token, new_id, "Changed456")
    assert client.authorize("new@demo-shop.example", "Changed456", DOMAIN).profile.id == new_id
    client.delete_user(token, new_id)
    with pytest.raises(InvalidRequest):
        client.get_user(token, new_id)


def test_users_need_an_administrator(client: VoucherCartClient, till: Tokens) -> None:
    with pytest.raises(AccessDenied):
        client.list_users(till.access_token)


def test_create_user_validation(client: VoucherCartClient, manager: Tokens) -> None:
    with pytest.raises(InvalidRequest):
        client.create_user(manager.access_token, email="not-an-email", password="x",
                           full_name="", permissions=[])


# --- transport ---------------------------------------------------------------------------

def test_connection_refused() -> None:
    with VoucherCartClient(f"http://127.0.0.1:{free_port()}/v1") as api, \
            pytest.raises(TransportError) as caught:
        api.redeem("t", GBP50, SHOP_ID, 1, datetime.now(UTC))
    assert not caught.value.maybe_applied
    assert type(caught.value) is TransportError
    assert "Cannot reach the server" in caught.value.message


def test_html_error_page(client: VoucherCartClient, till: Tokens, sim: Sim) -> None:
    sim.fail_next(1, mode="html", path="/v1/status")
    with pytest.raises(ServerUnavailable, match="HTTP 502"):
        client.status(till.access_token, GBP50, SHOP_ID)
    assert client.status(till.access_token, GBP50, SHOP_ID).code == GBP50


def test_500_on_redeem_may_have_applied(client: VoucherCartClient, till: Tokens,
                                        sim: Sim) -> None:
    sim.fail_next(1, mode="json", status=500, path="/v1/redeem")
    with pytest.raises(ServerUnavailable) as caught:
        client.redeem(till.access_token, GBP50, SHOP_ID, 100, datetime.now(UTC))
    assert caught.value.maybe_applied


def test_read_timeout_on_status(sim: Sim, till: Tokens) -> None:
    sim.set_latency(2.0, count=1, path="/v1/status")
    with VoucherCartClient(sim.api_url, timeout=0.2) as fast, \
            pytest.raises(TransportError) as caught:
        fast.status(till.access_token, GBP50, SHOP_ID)
    assert not caught.value.maybe_applied
    assert "did not answer in time" in caught.value.message


def test_read_timeout_on_redeem_may_have_applied(sim: Sim, till: Tokens) -> None:
    sim.set_latency(0.6, count=1, path="/v1/redeem")
    with VoucherCartClient(sim.api_url, timeout=0.2) as fast, \
            pytest.raises(TransportError) as caught:
        fast.redeem(till.access_token, GBP50, SHOP_ID, 700, datetime.now(UTC))
    assert caught.value.maybe_applied
    deadline = time.monotonic() + 5
    while sim.voucher(GBP50)["current"] == 0 and time.monotonic() < deadline:
        time.sleep(0.02)
    assert sim.voucher(GBP50)["current"] == 700  # it did land: the engine must reconcile


def test_connection_dropped_after_applying(client: VoucherCartClient, till: Tokens,
                                           sim: Sim) -> None:
    sim.drop_next(1)
    with pytest.raises(TransportError) as caught:
        client.redeem(till.access_token, GBP50, SHOP_ID, 300, datetime.now(UTC))
    assert caught.value.maybe_applied
    assert sim.voucher(GBP50)["current"] == 300


def test_429_honours_retry_after() -> None:
    # The simulator has no rate limiter: a 429 is an edge server's behaviour, so this one
    # case uses httpx's own MockTransport.
    def edge(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, headers={"Retry-After": "12"}, text="slow down")

    with VoucherCartClient("https://api.vouchercart.example/v1",
                           transport=httpx.MockTransport(edge)) as api, \
            pytest.raises(RateLimited) as caught:
        api.status("t", GBP50, SHOP_ID)
    assert caught.value.retry_after == 12.0
    assert not caught.value.maybe_applied


# --- addresses ---------------------------------------------------------------------------

@pytest.mark.parametrize("url", ["http://api.vouchercart.com/v1", "http://10.0.0.5/v1",
                                 "ftp://127.0.0.1/v1", "not a url", "https:///v1"])
def test_refused_addresses(url: str) -> None:
    with pytest.raises(InvalidRequest):
        VoucherCartClient(url)


@pytest.mark.parametrize(("url", "base"), [
    ("https://api.vouchercart.com/v1/", "https://api.vouchercart.com/v1"),
    ("http://127.0.0.1:8765/v1", "http://127.0.0.1:8765/v1"),
    ("http://localhost:8765/v1", "http://localhost:8765/v1"),
    ("http://[::1]:8765/v1", "http://[::1]:8765/v1"),
])
def test_accepted_addresses(url: str, base: str) -> None:
    assert str(check_base_url(url)) == base


@pytest.mark.parametrize(("exc", "method", "maybe"), [
    (httpx.ConnectTimeout("t"), "POST", False),
    (httpx.PoolTimeout("t"), "POST", False),
    (httpx.ConnectError("refused"), "POST", False),
    (httpx.WriteTimeout("t"), "POST", True),
    (httpx.ReadTimeout("t"), "POST", True),
    (httpx.ReadTimeout("t"), "GET", False),
    (httpx.RemoteProtocolError("closed"), "POST", True),
    (httpx.ReadError("reset"), "PUT", True),
])
def test_transport_error_mapping(exc: httpx.TransportError, method: str, maybe: bool) -> None:
    exc.request = httpx.Request(method, "https://api.vouchercart.example/v1/redeem")
    error = transport_error(exc, method)
    assert error.maybe_applied is maybe
    assert "api.vouchercart.example" in error.message
