"""The Vouchers API adapter against its simulator: look-up through validate, apply once per
order, every error path of the seed in plain words, lost answers confirmed by order_id."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import UTC, datetime

import httpx
import pytest

from kiosk.backends.vouchersapi import VouchersApiBackend, parse_voucher
from kiosk.domain.backend import RedeemRequest
from kiosk.domain.discount import DiscountKind
from kiosk.domain.errors import (
    InvalidRequest,
    RateLimited,
    Refusal,
    RefusalReason,
    ServerUnavailable,
    SessionExpired,
    TransportError,
)
from kiosk.domain.voucher import VoucherState
from tests.helpers.platforms import VOUCHERS_API_KEY, sample
from tests.helpers.sim import Sim

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def server(sim_of: Callable[..., Sim]) -> Sim:
    return sim_of("vouchers-api")


@pytest.fixture
def backend(server: Sim) -> Iterator[VouchersApiBackend]:
    api = VouchersApiBackend(server.api_url, VOUCHERS_API_KEY, currency="GBP", timeout=5)
    yield api
    api.close()


def apply(code: str, order_total: int | None = 10000, entry: str = "entry-1") -> RedeemRequest:
    return RedeemRequest(entry, code, 1, NOW, order_total=order_total, staff="anna")


def test_parses_the_seeds_retrieve_sample() -> None:
    voucher = parse_voucher(sample("vouchers-api", "retrieve"), "USD")
    assert voucher.discount is not None
    assert voucher.discount.kind is DiscountKind.PERCENT
    assert (voucher.total, voucher.used, voucher.ref) == (1000, 45, "v_1234567890abcdef")
    assert voucher.discount.min_order == 5000
    # 45 of 1000 uses taken: a promotion's earlier uses are nothing to check (green, valid)
    assert voucher.state(datetime(2024, 7, 1, tzinfo=UTC)) is VoucherState.VALID
    assert voucher.state(datetime(2024, 9, 1, tzinfo=UTC)) is VoucherState.EXPIRED


def test_status_of_a_code(backend: VouchersApiBackend) -> None:
    voucher = backend.status("save20", order_total=10000)
    assert voucher.code == "SAVE20"
    assert voucher.discount is not None
    assert voucher.discount.amount_off(10000) == 2000
    assert voucher.format_units(voucher.remaining) == "unlimited uses"
    assert backend.status("PAUSED").state(NOW) is VoucherState.CANCELLED
    assert backend.status("SUMMER2024").state(NOW) is VoucherState.EXPIRED
    assert backend.status("XMAS2034").state(NOW) is VoucherState.NOT_YET_VALID
    assert backend.status("USEDUP").state(NOW) is VoucherState.FULLY_REDEEMED


def test_apply_returns_the_application_and_repeats_are_one_use(
        backend: VouchersApiBackend, server: Sim) -> None:
    first = backend.redeem(apply("TENOFF"))
    assert first.reference.startswith("va_")
    assert first.discount == 1000
    assert first.voucher.used == 3
    again = backend.redeem(apply("TENOFF"))  # the same entry: the same application
    assert again.reference == first.reference
    assert server.voucher("TENOFF")["usage_count"] == 3


def test_apply_sends_the_order(backend: VouchersApiBackend, server: Sim) -> None:
    done = backend.redeem(apply("SAVE20", order_total=12345))
    assert done.discount == 2469  # 2469.0
    assert server.voucher("SAVE20")["usage_history"][-1] == {
        "order_id": "entry-1", "discount_amount": 2469,
        "applied_at": server.voucher("SAVE20")["usage_history"][-1]["applied_at"]}


@pytest.mark.parametrize(("code", "order_total", "reason", "words"), [
    ("NOPE-0000", 10000, RefusalReason.NOT_FOUND, "No voucher with this code."),
    ("PAUSED", 10000, RefusalReason.CANCELLED, "switched off"),
    ("SUMMER2024", 10000, RefusalReason.EXPIRED, "not valid today"),
    ("SAVE20", 4000, RefusalReason.CANNOT_REDUCE, "minimum"),
    ("USEDUP", 10000, RefusalReason.FULLY_REDEEMED, "order order_demo_3"),
])
def test_refusals_in_plain_words(backend: VouchersApiBackend, code: str, order_total: int,
                                 reason: RefusalReason, words: str) -> None:
    with pytest.raises(Refusal) as refused:
        backend.redeem(apply(code, order_total))
    assert refused.value.reason is reason
    assert words in refused.value.message


def test_a_discount_voucher_needs_the_order_total(backend: VouchersApiBackend) -> None:
    with pytest.raises(InvalidRequest, match="order total"):
        backend.redeem(apply("SAVE20", order_total=None))


def test_a_wrong_key_ends_the_session(server: Sim) -> None:
    with closing(VouchersApiBackend(server.api_url, "sk_wrong")) as bad, \
            pytest.raises(SessionExpired, match="API key"):
        bad.status("SAVE20")


def test_a_bad_request_is_invalid_request(backend: VouchersApiBackend) -> None:
    with pytest.raises(InvalidRequest, match="order_id"):
        backend.redeem(apply("SAVE20", entry=""))


def test_rate_limit_is_transient(backend: VouchersApiBackend, server: Sim) -> None:
    server.set_rate_limits(True)
    server.set_clock("2030-01-01T00:00:01+0000", frozen=True)
    for index in range(100):
        backend.channel.request("POST", "vouchers/apply",
                                json={"code": "TENOFF", "order_id": f"x{index}"})
    with pytest.raises(RateLimited) as limited:
        backend.redeem(apply("TENOFF"))
    assert limited.value.retry_after == 59
    assert not limited.value.maybe_applied


def test_a_lost_answer_is_confirmed_by_order_id(backend: VouchersApiBackend,
                                                server: Sim) -> None:
    assert backend.confirm([apply("TENOFF")]) == set()
    server.drop_next(1)
    with pytest.raises(TransportError) as lost:
        backend.redeem(apply("TENOFF"))
    assert lost.value.maybe_applied
    assert backend.confirm([apply("TENOFF")]) == {"entry-1"}
    assert backend.confirm([apply("TENOFF", entry="entry-2")]) == set()
    batch = [apply("TENOFF"), apply("SAVE20", entry="entry-3"), apply("NOPE", entry="entry-4")]
    backend.redeem(batch[1])
    assert backend.confirm(batch) == {"entry-1", "entry-3"}
    backend.redeem(apply("TENOFF"))  # a re-send is harmless: idempotent
    assert server.voucher("TENOFF")["usage_count"] == 3


def test_a_server_error_on_apply_is_uncertain(backend: VouchersApiBackend, server: Sim) -> None:
    server.fail_next(1, path="/v1/vouchers/apply")
    with pytest.raises(ServerUnavailable) as failed:
        backend.redeem(apply("TENOFF"))
    assert failed.value.maybe_applied


class _RepeatAnswers409(httpx.BaseTransport):
    """The real simulator, but ``apply`` answers as a server that reports a repeat as 409
    naming the order (the seed's error sample), as some would."""

    def __init__(self) -> None:
        self._real = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._real.handle_request(request)
        if request.url.path.endswith("/vouchers/apply"):
            response.read()
            order_id = json.loads(request.content)["order_id"]
            body = {"error": {"code": "VOUCHER_ALREADY_APPLIED",
                              "message": "Voucher has already been applied to this order",
                              "details": {"order_id": order_id, "voucher_id": "v"}}}
            return httpx.Response(409, json=body, request=request)
        return response


def test_409_naming_our_order_is_applied_not_a_conflict(server: Sim) -> None:
    with closing(VouchersApiBackend(server.api_url, VOUCHERS_API_KEY,
                                     transport=_RepeatAnswers409())) as backend:
        done = backend.redeem(apply("TENOFF"))
    assert done.voucher.used == 3  # it did land, once


def test_409_naming_another_order_is_refused(backend: VouchersApiBackend) -> None:
    backend.redeem(apply("ONCE15", entry="first"))
    with pytest.raises(Refusal, match="order first") as refused:
        backend.redeem(apply("ONCE15", entry="second"))
    assert refused.value.reason is RefusalReason.FULLY_REDEEMED

