"""The end-to-end suite shares one running kiosk (starting it takes seconds)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.helpers.e2e import Kiosk, running_kiosk


@pytest.fixture(scope="module")
def kiosk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Kiosk]:
    """``kiosk --demo`` on a 1024×600 Xvfb screen with no window manager, signed in."""
    with running_kiosk(tmp_path_factory.mktemp("e2e")) as running:
        yield running
