"""Engine fixtures: the real simulator over loopback HTTP, a signed-in till, an engine."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from engine_helpers import DEMO_FIXTURE, TILL

from kiosk.app import signin
from kiosk.app.engine import Engine
from kiosk.sim.testing import SimServer, serve_in_thread


@pytest.fixture
def sim(tmp_path: Path) -> Iterator[SimServer]:
    """The simulator on the demo fixture, persisted in a temp file."""
    with serve_in_thread(DEMO_FIXTURE, db=tmp_path / "sim.sqlite3") as server:
        yield server


@pytest.fixture
def account(sim: SimServer, kiosk_home: Path) -> signin.Account:
    """The demo till user, signed in on demo-shop."""
    return signin.sign_in(sim.api_url, TILL[0], TILL[1], "demo-shop", home=kiosk_home)


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
