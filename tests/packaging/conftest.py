"""Fixtures for the packaging tests."""

from __future__ import annotations

import ctypes.util
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


@pytest.fixture
def zbar_missing_a_dependency(tmp_path: Path) -> Path:
    """A copy of the system's libzbar whose ``libX11.so.6`` dependency is renamed to a library
    no system has (``libX99.so.6``): what the bundled ZBar is like on a till lacking a library."""
    source = Path(ctypes.util.find_library("zbar") or "libzbar.so.0")
    for folder in ("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib"):
        if (Path(folder) / source).exists():
            source = Path(folder) / source
    data = source.read_bytes()
    assert data.count(b"libX11.so.6\0") == 1, "expected libzbar to need libX11.so.6"
    broken = tmp_path / "broken" / "libzbar.so.0"
    broken.parent.mkdir()
    broken.write_bytes(data.replace(b"libX11.so.6\0", b"libX99.so.6\0"))
    return broken
