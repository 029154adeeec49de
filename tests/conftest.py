"""Shared test set-up: offscreen Qt, and a private data directory for every test.

Area-specific fixtures live in each sub-folder's own conftest.py.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO.parent / "shared" / "seeds"
CORPUS = REPO.parent / "shared" / "corpus" / "zxing-blackbox"


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
