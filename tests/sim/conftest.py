"""Fixtures for the simulator's tests: a server on loopback and an httpx client for it."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.helpers.sim import Sim


@pytest.fixture
def client(sim: Sim) -> Iterator[httpx.Client]:
    """An httpx client whose base URL is the simulator's API URL."""
    with httpx.Client(base_url=sim.api_url + "/", timeout=10) as http:
        yield http

