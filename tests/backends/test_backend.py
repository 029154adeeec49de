"""VoucherCartBackend: the engine's view of VoucherCart, with staff-ready refusals."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest

from kiosk.backends.vouchercart import (
    MemoryTokenStore,
    Session,
    VoucherCartBackend,
    VoucherCartClient,
)
from kiosk.domain.backend import RedeemRequest, VoucherBackend
from kiosk.domain.errors import Refusal, RefusalReason, TransportError
from kiosk.domain.voucher import VoucherState
from tests.helpers.backends import sample
from tests.helpers.demo import DOMAIN, GBP50, SHOP_ID, TILL
from tests.helpers.sim import Sim


@pytest.fixture
def backend(sim: Sim) -> Iterator[VoucherCartBackend]:
    client = VoucherCartClient(sim.api_url)
    tokens = client.authorize(*TILL, DOMAIN).tokens
    backend = VoucherCartBackend(client, Session(client, MemoryTokenStore(tokens)), SHOP_ID)
    yield backend
    backend.close()


def request(code: str, amount: int, at: datetime | None = None) -> RedeemRequest:
    return RedeemRequest(str(uuid.uuid4()), code, amount, at or datetime.now(UTC))


def test_is_a_voucher_backend(backend: VoucherCartBackend) -> None:
    as_protocol: VoucherBackend = backend
    assert as_protocol.name == "vouchercart"


def test_status_and_redeem(backend: VoucherCartBackend, sim: Sim) -> None:
    before = backend.status(GBP50)
    assert before.state(datetime.now(UTC), SHOP_ID) is VoucherState.VALID
    at = datetime(2025, 3, 4, 5, 6, tzinfo=UTC)
    done = backend.redeem(request(GBP50, 1999, at))
    after = done.voucher
    assert (after.used, after.remaining) == (1999, 3001)
    assert done.reference == "2025-03-04 05:06"  # VoucherCart's redemption has no id
    assert sim.voucher(GBP50)["redeemHistory"] == [
        {"redeemAt": "2025-03-04T05:06:00+0000", "amount": 1999}]


def test_redeem_after_token_expiry_is_applied_once(backend: VoucherCartBackend,
                                                   sim: Sim) -> None:
    sim.set_clock(advance=2 * 86400)
    backend.redeem(request(GBP50, 500))
    assert sim.voucher(GBP50)["current"] == 500
    assert len(sim.requests("POST", "/v1/redeem")) == 2  # 401, then applied once
    assert len(sim.requests("PUT", "/v1/refresh")) == 1


@pytest.mark.parametrize(("code", "amount", "at", "reason", "message"), [
    ("OLD5-W6TB-3QHZ-8MEK", 100, None, RefusalReason.EXPIRED,
     "This voucher expired on 10 Jan 2024."),
    ("SOON-4K9V-PX2C-7RFA", 100, None, RefusalReason.NOT_YET_VALID,
     "Not valid until 1 Jun 2034."),
    ("LOW5-6E4G-9YCH-1NVS", 500, None, RefusalReason.CANNOT_REDUCE,
     "Only £2.50 left on this voucher."),
    ("SPA1-2T6N-8KWF-3QJD", 100, None, RefusalReason.CANNOT_REDUCE,
     "This voucher can only be used once, for its full value."),
    ("DONE-8P3S-4LZK-7AWC", 100, None, RefusalReason.FULLY_REDEEMED,
     "Fully redeemed on 12 Apr 2025."),
    ("RFND-7Y3M-KQ8T-2HWB", 100, None, RefusalReason.CANCELLED,
     "This voucher has been cancelled."),
    ("REGN-3B8X-T5WJ-6PZQ", 100, None, RefusalReason.CANCELLED,
     "This voucher has been cancelled."),
    ("NOPE-0000", 1, None, RefusalReason.NOT_FOUND, "No voucher with this code at this shop."),
])
def test_refusals_say_why(backend: VoucherCartBackend, code: str, amount: int,
                          at: datetime | None, reason: RefusalReason, message: str) -> None:
    with pytest.raises(Refusal) as caught:
        backend.redeem(request(code, amount, at))
    assert caught.value.reason is reason
    assert caught.value.message == message
    assert caught.value.code is not None  # the server's code is kept for the audit trail


def test_refusal_kept_when_status_cannot_be_fetched(backend: VoucherCartBackend,
                                                    sim: Sim) -> None:
    sim.fail_next(1, mode="html", path="/v1/status")
    with pytest.raises(Refusal) as caught:
        backend.redeem(request("OLD5-W6TB-3QHZ-8MEK", 100))
    assert caught.value.reason is RefusalReason.EXPIRED
    assert caught.value.message == "This voucher has expired."


def test_offline_redemption_replayed_inside_its_window(backend: VoucherCartBackend) -> None:
    at = datetime(2024, 1, 10, 23, 59, 30, tzinfo=UTC)  # the last minute of OLD5's window
    assert backend.redeem(request("OLD5-W6TB-3QHZ-8MEK", 2500, at)).voucher.remaining == 0


def test_seed_sample_voucher_expired_on_2_mar_2017(backend: VoucherCartBackend,
                                                   sim: Sim) -> None:
    code = sim.add_voucher(sample("status-fixed-single-use"))  # the seed's own voucher
    assert backend.status(code).product_name == "Fixed voucher: Meal for two"
    with pytest.raises(Refusal) as caught:
        backend.redeem(request(code, 1))
    assert caught.value.reason is RefusalReason.EXPIRED
    assert caught.value.code == 1012
    assert caught.value.message == "This voucher expired on 2 Mar 2017."
    # Redeemed offline in time and replayed now: accepted, as error 1012 suggests.
    at = datetime(2017, 3, 1, 18, 0, tzinfo=UTC)
    assert backend.redeem(request(code, 1, at)).voucher.remaining == 0


def test_confirm_counts_history_lines(backend: VoucherCartBackend, sim: Sim) -> None:
    at = datetime(2026, 5, 5, 10, 30, 15, tzinfo=UTC)
    first, second = request(GBP50, 250, at), request(GBP50, 250, at.replace(second=40))
    assert backend.confirm([first, second]) == set()
    sim.drop_next(1)
    with pytest.raises(TransportError):
        backend.redeem(first)
    # one line of 2.50 in that minute: it is the first's; the second never landed
    assert backend.confirm([first, second]) == {first.local_id}
    # a line already accounted for by an applied entry is used up first
    assert backend.confirm([second], applied=[first]) == set()
    assert backend.confirm([request("NOPE-0000-0000-0000", 1)]) == set()
    backend.probe()
    assert backend.shop_id == str(SHOP_ID)
