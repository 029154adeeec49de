"""The platform registry: each key-based platform signs in by probing its simulator with the
shop's credentials; wrong or missing credentials and unknown names are plain errors."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from kiosk.backends.registry import PLATFORMS, platform
from kiosk.domain.errors import InvalidRequest, LoginFailed
from tests.helpers.platforms import SHOPWIRED_AUTH, VAUCHAR_AUTH, VOUCHERS_API_KEY
from tests.helpers.sim import Sim

GOOD = {
    "vouchers-api": {"api_key": VOUCHERS_API_KEY},
    "vauchar": {"username": VAUCHAR_AUTH[0], "password": VAUCHAR_AUTH[1]},
    "shopwired": {"username": SHOPWIRED_AUTH[0], "password": SHOPWIRED_AUTH[1]},
}
WRONG = {
    "vouchers-api": {"api_key": "sk_wrong"},
    "vauchar": {"username": VAUCHAR_AUTH[0], "password": "wrong"},
    "shopwired": {"username": SHOPWIRED_AUTH[0], "password": "wrong"},
}


@pytest.mark.parametrize("name", sorted(GOOD))
def test_sign_in_probes_with_the_credentials(sim_of: Callable[..., Sim], name: str) -> None:
    server = sim_of(name)
    shop = platform(name).check(server.api_url, GOOD[name])
    assert shop
    assert VOUCHERS_API_KEY not in shop  # the opaque id never carries the key
    with pytest.raises(LoginFailed):
        platform(name).check(server.api_url, WRONG[name])
    backend = platform(name).open(server.api_url, GOOD[name])
    try:
        assert backend.capabilities == PLATFORMS[name].capabilities
        assert backend.name == name
    finally:
        backend.close()


def test_missing_credentials_and_unknown_platforms() -> None:
    with pytest.raises(InvalidRequest, match="needs password"):
        platform("vauchar").open("http://127.0.0.1:1", {"username": "m"})
    with pytest.raises(InvalidRequest, match="one of vouchercart, vouchers-api"):
        platform("square")
    with pytest.raises(InvalidRequest, match="signs staff in"):
        platform("vouchercart").open("http://127.0.0.1:1", {})


def test_only_vauchar_can_reverse_and_only_vouchercart_signs_staff_in() -> None:
    assert [n for n, p in PLATFORMS.items() if p.capabilities.reversal] == ["vauchar"]
    assert [n for n, p in PLATFORMS.items() if p.capabilities.staff_sign_in] == ["vouchercart"]
    assert [n for n, p in PLATFORMS.items() if not p.capabilities.discounts] == ["vouchercart"]
