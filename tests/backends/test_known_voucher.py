"""``redeem(request, known=previous answer)``: a replay sending a voucher's entries one after
another skips the reads the previous answer already made, and ends in the same state."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from kiosk.backends.shopwired import ShopWiredBackend
from kiosk.backends.vauchar import VaucharBackend
from kiosk.backends.vouchersapi import VouchersApiBackend
from kiosk.domain.backend import RedeemRequest
from tests.helpers.platforms import SHOPWIRED_AUTH, VAUCHAR_AUTH, VOUCHERS_API_KEY
from tests.helpers.sim import Sim

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def request(code: str, entry: str, amount: int = 1, order_total: int | None = 10000
            ) -> RedeemRequest:
    return RedeemRequest(entry, code, amount, NOW, order_total=order_total, staff="anna")


def test_vouchers_api_counts_on_from_the_previous_answer(sim_of: Callable[..., Sim]) -> None:
    server = sim_of("vouchers-api")
    backend = VouchersApiBackend(server.api_url, VOUCHERS_API_KEY, currency="GBP", timeout=5)
    first = backend.redeem(request("TENOFF", "e1"))
    before = len(server.requests())
    second = backend.redeem(request("TENOFF", "e2"), known=first.voucher)
    assert [r["method"] for r in server.requests()[before:]] == ["POST"]  # apply only
    fresh = backend.status("TENOFF")
    assert (second.voucher.used, second.voucher.total) == (fresh.used, fresh.total)
    assert len(second.voucher.history) == len(fresh.history)
    assert second.discount == 1000
    other = backend.redeem(request("TENOFF", "e3"), known=backend.status("SAVE20"))
    assert other.voucher.used == fresh.used + 1  # another voucher's state is not used
    backend.close()


def test_vauchar_takes_the_id_from_the_previous_answer(sim_of: Callable[..., Sim]) -> None:
    server = sim_of("vauchar")
    backend = VaucharBackend(server.api_url, *VAUCHAR_AUTH, timeout=5)
    first = backend.redeem(request("GIFT100DEMO02", "e1", 1000, None))
    before = len(server.requests())
    second = backend.redeem(request("GIFT100DEMO02", "e2", 500, None), known=first.voucher)
    assert [r["method"] for r in server.requests()[before:]] == ["POST"]
    assert second.voucher.used == backend.status("GIFT100DEMO02").used == 3250 + 1500
    backend.close()


def test_shopwired_reads_once_per_use_after_the_first(sim_of: Callable[..., Sim]) -> None:
    server = sim_of("shopwired")
    backend = ShopWiredBackend(server.api_url, *SHOPWIRED_AUTH, timeout=5)
    first = backend.redeem(request("TENOFF", "e1"))
    before = len(server.requests())
    second = backend.redeem(request("TENOFF", "e2"), known=first.voucher)
    assert [r["method"] for r in server.requests()[before:]] == ["PUT", "GET"]  # no read first
    assert second.voucher.used == server.voucher("TENOFF")["used"] == first.voucher.used + 1
    assert server.voucher("TENOFF")["comments"].split()[-2:] == ["kiosk:e1", "kiosk:e2"]
    before = len(server.requests())
    backend.redeem(request("TENOFF", "e3"), known=backend.status("TENOFF"))  # not its answer
    assert [r["method"] for r in server.requests()[before + 1:]] == ["GET", "PUT", "GET"]
    assert server.voucher("TENOFF")["used"] == first.voucher.used + 2
    backend.close()
