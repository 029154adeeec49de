"""An unreadable 2xx answer to a write: the server took the request, so it may have landed."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from kiosk.backends.vouchercart import VoucherCartClient
from kiosk.domain.errors import ServerUnavailable
from tests.helpers.demo import GBP50, SHOP_ID


@pytest.mark.parametrize("body", [{"unexpected": True}, [1, 2], {"code": 7, "stock": "x"}])
def test_unreadable_2xx_on_redeem_may_have_applied(body: object) -> None:
    # The simulator never garbles a 200: this one edge case uses httpx's MockTransport.
    def edge(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json=body)

    with VoucherCartClient("https://api.vouchercart.example/v1",
                           transport=httpx.MockTransport(edge)) as api, \
            pytest.raises(ServerUnavailable) as caught:
        api.redeem("t", GBP50, SHOP_ID, 100, datetime.now(UTC))
    assert caught.value.maybe_applied


def test_unreadable_2xx_on_status_is_not_a_write() -> None:
    def edge(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"unexpected": True})

    with VoucherCartClient("https://api.vouchercart.example/v1",
                           transport=httpx.MockTransport(edge)) as api, \
            pytest.raises(ServerUnavailable) as caught:
        api.status("t", GBP50, SHOP_ID)
    assert not caught.value.maybe_applied
