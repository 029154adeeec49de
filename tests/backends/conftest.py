"""Fixtures for the backend tests: a real simulator on loopback, clients, signed-in tokens."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from backend_helpers import MANAGER, SHOP, TILL

from kiosk.backends.vouchercart import Tokens, VoucherCartClient
from kiosk.sim.testing import SimServer, serve_in_thread


@pytest.fixture(autouse=True)
def file_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the developer's OS keyring: secrets go to the data dir's 0600 file."""
    monkeypatch.setenv("KIOSK_SECRETS", "file")


@pytest.fixture
def sim() -> Iterator[SimServer]:
    """The VoucherCart simulator with the demo fixture, on 127.0.0.1, port 0."""
    with serve_in_thread() as server:
        yield server


@pytest.fixture
def client(sim: SimServer) -> Iterator[VoucherCartClient]:
    """A client for ``sim``."""
    with VoucherCartClient(sim.api_url) as api:
        yield api


@pytest.fixture
def till(client: VoucherCartClient) -> Tokens:
    """Tokens of the demo shop's till user."""
    return client.authorize(*TILL, SHOP).tokens


@pytest.fixture
def manager(client: VoucherCartClient) -> Tokens:
    """Tokens of the demo shop's manager (administrator)."""
    return client.authorize(*MANAGER, SHOP).tokens
