"""The ShopWired adapter against its simulator: discount codes in the shop's currency, a use
counted by a guarded PUT with the entry's marker, the race with another till, errors."""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import UTC, datetime

import httpx
import pytest

from kiosk.backends.shopwired import ShopWiredBackend, parse_voucher
from kiosk.backends.shopwired.backend import LOST_RACE
from kiosk.domain.backend import RedeemRequest
from kiosk.domain.discount import DiscountKind
from kiosk.domain.errors import (
    InvalidRequest,
    Refusal,
    RefusalReason,
    SessionExpired,
    TransportError,
)
from kiosk.domain.voucher import VoucherState
from tests.helpers.platforms import SHOPWIRED_AUTH, sample
from tests.helpers.sim import Sim

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def server(sim_of: Callable[..., Sim]) -> Sim:
    return sim_of("shopwired")


@pytest.fixture
def backend(server: Sim) -> Iterator[ShopWiredBackend]:
    api = ShopWiredBackend(server.api_url, *SHOPWIRED_AUTH, currency="GBP", timeout=5)
    yield api
    api.close()


def use(code: str, order_total: int | None = 10000, entry: str = "entry-1",
        at: datetime = NOW) -> RedeemRequest:
    return RedeemRequest(entry, code, 1, at, order_total=order_total, staff="anna")


def test_parses_the_seeds_sample() -> None:
    voucher = parse_voucher(sample("shopwired", "get"), "GBP")
    assert voucher.discount is not None
    assert voucher.discount.kind is DiscountKind.PERCENT
    assert voucher.discount.amount_off(10000) == 7575
    assert voucher.discount.min_order == 5000  # orders over £50
    assert not voucher.discount.meets_minimum(5000)
    assert (voucher.total, voucher.used) == (99, 0)
    assert voucher.state(datetime(2015, 10, 2, tzinfo=UTC)) is VoucherState.EXPIRED


def test_status(backend: ShopWiredBackend) -> None:
    fiver = backend.status("fiver")
    assert fiver.discount is not None
    assert fiver.discount.describe("GBP") == "£5.00 off"
    assert (fiver.total, fiver.used) == (100, 12)
    assert backend.status("SWITCHEDOFF").state(NOW) is VoucherState.CANCELLED
    assert backend.status("ALLGONE").state(NOW) is VoucherState.FULLY_REDEEMED
    assert backend.status("SPRING24").state(NOW) is VoucherState.EXPIRED
    assert backend.status("NEWYEAR35").state(NOW) is VoucherState.NOT_YET_VALID
    shoes = backend.status("SHOES30").discount
    assert shoes is not None
    assert shoes.targeted
    free = backend.status("FREEPOST").discount
    assert free is not None
    assert free.amount_off(10000) == 0


def test_a_use_is_counted_with_the_entrys_marker(backend: ShopWiredBackend,
                                                 server: Sim) -> None:
    done = backend.redeem(use("TENOFF", order_total=4999))
    assert done.discount == 500  # 499.9 half-up
    assert done.reference == "kiosk:entry-1"
    state = server.voucher("TENOFF")
    assert state["used"] == 4
    assert state["comments"] == "Counter promotion kiosk:entry-1"
    again = backend.redeem(use("TENOFF", order_total=4999))  # the same entry: not twice
    assert again.voucher.used == 4


@pytest.mark.parametrize(("code", "order_total", "reason", "words"), [
    ("NOPE", 10000, RefusalReason.NOT_FOUND, "No voucher"),
    ("ALLGONE", 10000, RefusalReason.FULLY_REDEEMED, "Fully redeemed"),
    ("SWITCHEDOFF", 10000, RefusalReason.CANCELLED, "cancelled"),
    ("SPRING24", 10000, RefusalReason.EXPIRED, "expired on 31 Mar 2024"),
    ("NEWYEAR35", 10000, RefusalReason.NOT_YET_VALID, "Not valid until 1 Jan 2035"),
    ("FIVER", 2000, RefusalReason.CANNOT_REDUCE, "orders over £20.00"),
])
def test_refusals_in_plain_words(backend: ShopWiredBackend, server: Sim, code: str,
                                 order_total: int, reason: RefusalReason, words: str) -> None:
    with pytest.raises(Refusal, match=words) as refused:
        backend.redeem(use(code, order_total))
    assert refused.value.reason is reason
    assert not server.requests("PUT")


def test_validity_is_judged_at_the_redemptions_own_time(backend: ShopWiredBackend) -> None:
    during = datetime(2024, 3, 15, tzinfo=UTC)  # queued offline while SPRING24 was valid
    assert backend.redeem(use("SPRING24", at=during)).voucher.used == 58


def test_a_discount_voucher_needs_the_order_total(backend: ShopWiredBackend) -> None:
    with pytest.raises(InvalidRequest, match="order total"):
        backend.redeem(use("TENOFF", order_total=None))


def test_wrong_credentials_end_the_session(server: Sim) -> None:
    with closing(ShopWiredBackend(server.api_url, "demo-key", "wrong")) as bad, \
            pytest.raises(SessionExpired, match="API key or secret"):
        bad.status("TENOFF")


def test_a_lost_answer_is_confirmed_by_the_marker(backend: ShopWiredBackend,
                                                  server: Sim) -> None:
    assert backend.confirm([use("TENOFF")]) == set()
    server.drop_next(1)
    with pytest.raises(TransportError) as lost:
        backend.redeem(use("TENOFF"))
    assert lost.value.maybe_applied
    assert backend.confirm([use("TENOFF")]) == {"entry-1"}
    assert backend.redeem(use("TENOFF")).voucher.used == 4  # re-sent: found, not counted twice


class _RivalTill(httpx.BaseTransport):
    """The real simulator; right after our PUT lands, another till's PUT (made from the
    same earlier read) overwrites it - the lost update ShopWired cannot prevent."""

    def __init__(self, api_url: str) -> None:
        self._real = httpx.HTTPTransport()
        self.api_url = api_url
        self.rivals = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self._real.handle_request(request)
        if request.method == "PUT" and self.rivals == 0:
            self.rivals += 1
            ours = json.loads(request.content)
            with httpx.Client(auth=SHOPWIRED_AUTH) as rival:
                rival.put(str(request.url), json={"used": ours["used"],
                                                  "comments": "kiosk:rival"}).raise_for_status()
        return response


def test_an_overwritten_use_is_applied_again(server: Sim) -> None:
    with closing(ShopWiredBackend(server.api_url, *SHOPWIRED_AUTH,
                                  transport=_RivalTill(server.api_url))) as backend:
        done = backend.redeem(use("TENOFF"))
    assert done.voucher.used == 5  # 3 + the rival's + ours: both counted
    assert server.voucher("TENOFF")["comments"].split()[-2:] == ["kiosk:rival", "kiosk:entry-1"]


def test_the_last_use_lost_to_another_till_is_refused(server: Sim) -> None:
    with closing(ShopWiredBackend(server.api_url, *SHOPWIRED_AUTH,
                                  transport=_RivalTill(server.api_url))) as backend, \
            pytest.raises(Refusal) as refused:
        backend.redeem(use("LASTONE"))
    assert refused.value.message == LOST_RACE
    assert server.voucher("LASTONE")["used"] == 5
