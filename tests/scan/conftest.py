"""Fixtures for the scanning tests (helpers live in scan_helpers.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from scan_helpers import CORPUS


@pytest.fixture(scope="session")
def corpus() -> Path:
    """The corpus root (the tests need it: fail loudly if it is gone)."""
    assert CORPUS.is_dir(), f"corpus missing at {CORPUS}"
    return CORPUS
