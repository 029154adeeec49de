"""Shared test set-up: offscreen Qt, a private data directory for every test, the simulator,
signed-in clients and engines.

Area-specific fixtures live in each sub-folder's own conftest.py.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from kiosk.app import signin
from kiosk.app.engine import Engine
from kiosk.backends.vouchercart import Tokens, VoucherCartClient
from tests.helpers.demo import DOMAIN, MANAGER, TILL
from tests.helpers.sim import Sim

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def kiosk_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Point the kiosk's data directory at a temp dir so a developer's own data is never touched."""
    from kiosk import paths

    home = tmp_path / "kiosk-home"
    monkeypatch.setenv("KIOSK_HOME", str(home))
    monkeypatch.setenv("KIOSK_SECRETS", "file")  # never touch a developer's real keyring
    paths.set_home(None)
    yield home
    paths.set_home(None)


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[Sim]:
    """The VoucherCart simulator with the demo fixture, persisted in a temp file, on loopback."""
    server = Sim(tmp_path / "sim.sqlite3").start()
    yield server
    server.stop()


@pytest.fixture
def client(sim: Sim) -> Iterator[VoucherCartClient]:
    """A VoucherCart client for ``sim``."""
    with VoucherCartClient(sim.api_url) as api:
        yield api


@pytest.fixture
def till(client: VoucherCartClient) -> Tokens:
    """Tokens of the demo shop's till user."""
    return client.authorize(*TILL, DOMAIN).tokens


@pytest.fixture
def manager(client: VoucherCartClient) -> Tokens:
    """Tokens of the demo shop's manager (administrator)."""
    return client.authorize(*MANAGER, DOMAIN).tokens


@pytest.fixture
def account(sim: Sim, kiosk_home: Path) -> signin.Account:
    """The demo till user, signed in on demo-shop."""
    return signin.sign_in(sim.api_url, *TILL, DOMAIN, home=kiosk_home)


@pytest.fixture
def make_engine(account: signin.Account, kiosk_home: Path) -> Iterator[Callable[..., Engine]]:
    """Build engines on the signed-in account (closed at the end of the test)."""
    engines: list[Engine] = []

    def make(**options: object) -> Engine:
        options.setdefault("settle_seconds", 0.0)
        engine = Engine(kiosk_home, signin.open_backend(account, home=kiosk_home),
                        domain_id=account.domain_id, staff=account.staff_name,
                        **options)  # type: ignore[arg-type]
        engines.append(engine)
        return engine

    yield make
    for engine in engines:
        engine.close()


@pytest.fixture
def engine(make_engine: Callable[..., Engine]) -> Engine:
    """An engine for the signed-in till (reconciled entries may be re-sent at once)."""
    return make_engine()
