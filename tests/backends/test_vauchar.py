"""The Vauchar adapter against its simulator: gift balances from the redemptions, percentage
vouchers on the basket, staff id and entry id on every redemption, errors in plain words,
lost answers confirmed by transaction_id, reversal."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import UTC, datetime

import pytest

from kiosk.backends.vauchar import VaucharBackend, parse_voucher
from kiosk.domain.backend import RedeemRequest
from kiosk.domain.errors import (
    InvalidRequest,
    Refusal,
    RefusalReason,
    ServerUnavailable,
    SessionExpired,
    TransportError,
)
from kiosk.domain.voucher import VoucherKind, VoucherState
from tests.helpers.platforms import VAUCHAR_AUTH, sample
from tests.helpers.sim import Sim

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


@pytest.fixture
def server(sim_of: Callable[..., Sim]) -> Sim:
    return sim_of("vauchar")


@pytest.fixture
def backend(server: Sim) -> Iterator[VaucharBackend]:
    api = VaucharBackend(server.api_url, *VAUCHAR_AUTH, timeout=5)
    yield api
    api.close()


def redeem(code: str, amount: int = 1, order_total: int | None = None,
           entry: str = "entry-1") -> RedeemRequest:
    return RedeemRequest(entry, code, amount, NOW, order_total=order_total, staff="anna")


def redemptions(server: Sim, code: str) -> list[dict[str, str]]:
    stored = server.simulator.store.item_by_code(code)
    assert stored is not None
    return list(stored["redemptions"])


def test_parses_the_seeds_sample() -> None:
    data = sample("vauchar", "get")["data"]
    voucher = parse_voucher(data, 1003, sample("vauchar", "redemptions-list")["data"])
    assert voucher.discount is not None  # 50 % off
    assert voucher.state(NOW) is VoucherState.FULLY_REDEEMED
    assert voucher.ref == "vcr-150659959859cce2ae044b5"


def test_a_gift_balance(backend: VaucharBackend) -> None:
    voucher = backend.status("gift100demo02")
    assert (voucher.kind, voucher.currency) == (VoucherKind.MONETARY, "GBP")
    assert (voucher.total, voucher.used) == (10000, 3250)
    assert [h.amount for h in voucher.history] == [2000, 1250]
    assert backend.status("EURO40DEMO008").format_units(4000) == "€40.00"


def test_redeem_part_of_a_balance(backend: VaucharBackend, server: Sim) -> None:
    done = backend.redeem(redeem("GIFT100DEMO02", amount=1234))
    assert done.reference.startswith("res-")
    assert done.voucher.used == 3250 + 1234
    last = redemptions(server, "GIFT100DEMO02")[-1]
    assert (last["user_id"], last["transaction_id"], last["value_used"]) == \
        ("anna", "entry-1", "12.34")


def test_a_percentage_voucher_takes_the_discount_on_the_basket(backend: VaucharBackend,
                                                               server: Sim) -> None:
    with pytest.raises(InvalidRequest, match="order total"):
        backend.redeem(redeem("TENPCDEMO0003"))
    done = backend.redeem(redeem("TENPCDEMO0003", order_total=4567))
    assert done.discount == 457  # 456.7, half-up
    assert redemptions(server, "TENPCDEMO0003")[-1]["value_used"] == "4.57"
    assert done.voucher.state(NOW) is VoucherState.FULLY_REDEEMED


@pytest.mark.parametrize(("code", "amount", "reason"), [
    ("NOPE-CODE", 100, RefusalReason.NOT_FOUND),
    ("OLDGIFTDEMO06", 100, RefusalReason.EXPIRED),
    ("SOONDEMO00007", 100, RefusalReason.NOT_YET_VALID),
    ("SPENTDEMO0005", 100, RefusalReason.FULLY_REDEEMED),
    ("GIFT50DEMO001", 5001, RefusalReason.CANNOT_REDUCE),
])
def test_refusals_in_plain_words(backend: VaucharBackend, code: str, amount: int,
                                 reason: RefusalReason) -> None:
    with pytest.raises(Refusal) as refused:
        backend.redeem(redeem(code, amount))
    assert refused.value.reason is reason
    assert refused.value.message.endswith(".")


def test_an_invalid_amount_is_invalid_request(backend: VaucharBackend) -> None:
    with pytest.raises(InvalidRequest, match="Vauchar refused"):
        backend.redeem(redeem("GIFT50DEMO001", amount=0))


def test_wrong_credentials_end_the_session(server: Sim) -> None:
    with closing(VaucharBackend(server.api_url, "demo-merchant", "wrong")) as bad, \
            pytest.raises(SessionExpired, match="merchant id or API key"):
        bad.status("GIFT50DEMO001")


def test_a_lost_answer_is_confirmed_by_transaction_id(backend: VaucharBackend,
                                                      server: Sim) -> None:
    assert backend.confirm([redeem("GIFT50DEMO001", 500)]) == set()
    server.drop_next(1)
    with pytest.raises(TransportError) as lost:
        backend.redeem(redeem("GIFT50DEMO001", 500))
    assert lost.value.maybe_applied
    assert backend.confirm([redeem("GIFT50DEMO001", 500)]) == {"entry-1"}
    assert backend.confirm([redeem("GIFT50DEMO001", 500, entry="other")]) == set()
    assert backend.confirm([redeem("NOPE-CODE", 500)]) == set()


def test_a_server_error_on_a_redemption_is_uncertain(backend: VaucharBackend,
                                                     server: Sim) -> None:
    # (status() reads the same path first, so fail the POST itself)
    server.fail_next(1, path="/vouchers/vcr-demo00000000000001/redemptions", after=True)
    with pytest.raises(ServerUnavailable) as failed:
        backend.channel.request("POST", "vouchers/vcr-demo00000000000001/redemptions",
                                json={"user_id": "anna", "value_used": "5.00"},
                                auth=("demo-merchant", "demo-api-key"))
    assert failed.value.maybe_applied
    assert backend.status("GIFT50DEMO001").used == 500  # it had landed


def test_reverse_a_redemption(backend: VaucharBackend) -> None:
    done = backend.redeem(redeem("GIFT50DEMO001", 5000))
    assert done.voucher.state(NOW) is VoucherState.FULLY_REDEEMED
    back = backend.reverse("GIFT50DEMO001", done.reference)
    assert (back.used, back.state(NOW)) == (0, VoucherState.VALID)
    with pytest.raises(Refusal, match="reversed already"):
        backend.reverse("GIFT50DEMO001", done.reference)
