"""Fixtures for the packaging tests."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers.packaging import load


@pytest.fixture(scope="session")
def spec_support() -> ModuleType:
    return load("spec_support")


@pytest.fixture(scope="session")
def release() -> ModuleType:
    return load("release")


@pytest.fixture
def fake_bundle(tmp_path: Path) -> Path:
    """A tiny stand-in for dist/kiosk/: an executable, a library and a relative symlink."""
    bundle = tmp_path / "dist" / "kiosk"
    internal = bundle / "_internal"
    internal.mkdir(parents=True)
    exe = bundle / "kiosk"
    exe.write_text("#!/bin/sh\necho fake kiosk \"$@\"\n")
    exe.chmod(0o755)
    (internal / "libfake.so.1").write_bytes(b"\x7fELF-not-really")
    (internal / "libfake.so").symlink_to("libfake.so.1")
    return bundle
