"""The runtime hook makes pyzbar load the ZBar copy inside the bundle, not the system's.

Each case runs a fresh interpreter that pretends to be frozen (``sys.frozen``,
``sys._MEIPASS`` = a temp dir holding a copy of libzbar), then decodes a real photo with
pyzbar and reports which libzbar file the process actually mapped.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.helpers.packaging import BARCODE_IMAGE, BARCODE_TEXT, PACKAGING

HOOK = PACKAGING / "hooks" / "rthook_pyzbar.py"

PROBE = """
import json, runpy, sys
meipass, hook = sys.argv[1], sys.argv[2]
sys.frozen, sys._MEIPASS = True, meipass
if hook:
    runpy.run_path(hook)
import cv2
from pyzbar import pyzbar, zbar_library
symbols = pyzbar.decode(cv2.imread(sys.argv[3], cv2.IMREAD_GRAYSCALE))
with open("/proc/self/maps") as maps:
    mapped = sorted({line.split()[-1] for line in maps if "libzbar" in line})
print(json.dumps({"texts": [s.data.decode() for s in symbols], "mapped": mapped,
                  "patched": zbar_library.find_library.__module__ != "ctypes.util"}))
"""


def system_zbar() -> Path:
    import ctypes.util

    name = ctypes.util.find_library("zbar")
    assert name, "libzbar0 must be installed for the tests (make sysdeps)"
    for folder in ("/usr/lib/x86_64-linux-gnu", "/lib/x86_64-linux-gnu", "/usr/lib", "/usr/lib64"):
        if (Path(folder) / name).exists():
            return (Path(folder) / name).resolve()
    raise AssertionError(f"cannot locate {name}")


def probe(meipass: Path, *, hook: bool) -> dict[str, object]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(meipass), str(HOOK) if hook else "", str(BARCODE_IMAGE)],
        capture_output=True, text=True, check=True, timeout=60,
    ).stdout
    result: dict[str, object] = json.loads(out)
    return result


@pytest.fixture
def meipass(tmp_path: Path) -> Path:
    root = tmp_path / "_internal"
    root.mkdir()
    shutil.copy2(system_zbar(), root / "libzbar.so.0")
    return root


def test_hook_loads_the_bundled_libzbar(meipass: Path) -> None:
    result = probe(meipass, hook=True)
    assert result["texts"] == [BARCODE_TEXT]
    assert result["mapped"] == [str(meipass / "libzbar.so.0")]
    assert result["patched"] is True


def test_without_the_hook_pyzbar_uses_the_system_copy(meipass: Path) -> None:
    # The control case: it shows the probe can tell the two copies apart.
    result = probe(meipass, hook=False)
    assert result["texts"] == [BARCODE_TEXT]
    assert result["mapped"] == [str(system_zbar())]


def test_hook_leaves_pyzbar_alone_when_nothing_is_bundled(tmp_path: Path) -> None:
    result = probe(tmp_path, hook=True)
    assert result["patched"] is False
    assert result["texts"] == [BARCODE_TEXT]
