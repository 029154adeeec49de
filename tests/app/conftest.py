"""The engine on each of the four platforms: fixtures parametrised over VoucherCart, Vouchers
API, Vauchar and ShopWired, each against its own simulator on 127.0.0.1 (``tests.helpers.cases``
says what to redeem there and how to count it)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.app import signin
from kiosk.app.engine import Engine
from tests.helpers.cases import NAMES, PLATFORMS, Platform
from tests.helpers.sim import Sim


@pytest.fixture(params=NAMES)
def platform(request: pytest.FixtureRequest) -> Platform:
    """One of the four platforms (the test runs once on each)."""
    return PLATFORMS[request.param]


@pytest.fixture
def server(platform: Platform, sim_of: Callable[..., Sim]) -> Sim:
    """That platform's simulator with its demo fixture, persisted in a temp file."""
    return sim_of(platform.name)


@pytest.fixture
def platform_account(platform: Platform, server: Sim, kiosk_home: Path) -> signin.Account:
    """A till signed in on ``server`` (VoucherCart's till user; the others' shop key)."""
    return platform.sign_in(server.api_url, kiosk_home)


def open_engine(account: signin.Account, home: Path, *, timeout: float | None = None,
                **options: object) -> Engine:
    """An engine for ``account`` as the till opens one (``timeout``: the backend's)."""
    backend = signin.open_backend(account, home=home, timeout=timeout)
    if account.backend == "vouchercart":
        return Engine(home, backend, domain_id=account.domain_id, staff=account.staff_name,
                      **options)  # type: ignore[arg-type]
    return Engine(home, backend, shop=account.shop, staff=account.staff_name,
                  **options)  # type: ignore[arg-type]


@pytest.fixture
def make_platform_engine(platform_account: signin.Account,
                         kiosk_home: Path) -> Iterator[Callable[..., Engine]]:
    """Build engines on the signed-in till (settle window 0 unless given; closed at the end)."""
    engines: list[Engine] = []

    def make(**options: object) -> Engine:
        options.setdefault("settle_seconds", 0.0)
        engine = open_engine(platform_account, kiosk_home, **options)  # type: ignore[arg-type]
        engines.append(engine)
        return engine

    yield make
    for engine in engines:
        engine.close()


@pytest.fixture
def platform_engine(make_platform_engine: Callable[..., Engine]) -> Engine:
    """An engine on the signed-in till (uncertain entries may be re-sent at once)."""
    return make_platform_engine()


@pytest.fixture
def other_till(platform: Platform, server: Sim, tmp_path: Path) -> Iterator[Engine]:
    """Another till of the same shop, signed in on its own data folder."""
    home = tmp_path / "other-till"
    engine = open_engine(platform.sign_in(server.api_url, home), home, settle_seconds=0.0)
    yield engine
    engine.close()
