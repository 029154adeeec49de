"""``kiosk doctor`` names the system library that is really missing, as on a minimal till."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from kiosk.cli import doctor
from tests.helpers.packaging import PACKAGING

HOOK = PACKAGING / "hooks" / "rthook_pyzbar.py"

# A frozen kiosk as PyInstaller runs it: sys._MEIPASS holds the bundled libzbar, ctypes is
# PyInstaller's (its errors blame freezing), then our runtime hook runs.
FROZEN_DOCTOR = """
import runpy, sys
sys.frozen, sys._MEIPASS = True, sys.argv[1]
from PyInstaller.loader import pyimod03_ctypes
pyimod03_ctypes.install()
runpy.run_path(sys.argv[2])
from kiosk.main import main
sys.exit(main(["doctor"]))
"""


def test_library_problem_names_the_missing_dependency(zbar_missing_a_dependency: Path) -> None:
    problem = doctor.library_problem(str(zbar_missing_a_dependency))
    assert problem is not None
    assert problem.startswith("libX99.so.6: cannot open shared object file")


def test_library_problem_names_the_package_of_a_known_library(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert doctor.library_problem("libxcb.so.1") is None  # installed here
    monkeypatch.setitem(doctor.SYSTEM_LIBRARIES, "libkiosk-test-absent.so.1", "kiosk-test-pkg")
    problem = doctor.library_problem("libkiosk-test-absent.so.1")
    assert problem == ("libkiosk-test-absent.so.1: cannot open shared object file: No such file "
                       "or directory (Debian/Ubuntu: sudo apt-get install kiosk-test-pkg)")


def test_doctor_in_a_bundle_blames_the_library_zbar_lacks_not_zbar(
    zbar_missing_a_dependency: Path, tmp_path: Path
) -> None:
    result = subprocess.run(
        [sys.executable, "-c", FROZEN_DOCTOR, str(zbar_missing_a_dependency.parent), str(HOOK)],
        env={**os.environ, "KIOSK_HOME": str(tmp_path / "home")},
        capture_output=True, text=True, timeout=60, check=False)
    decoders = next(line for line in result.stdout.splitlines() if line.startswith("Decoders:"))
    assert "zbar (libX99.so.6: cannot open shared object file" in decoders
    assert "combined (zxing only: libX99.so.6" in decoders
    assert "libzbar0" not in result.stdout
    assert "System:      ok" in result.stdout


def test_doctor_names_missing_system_libraries_and_the_command(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(doctor.SYSTEM_LIBRARIES, "libkiosk-test-absent.so.1", "kiosk-test-pkg")
    monkeypatch.setitem(doctor.SYSTEM_LIBRARIES, "libkiosk-test-gone.so.2", "kiosk-test-gone")
    assert doctor._system_libraries() == (
        "MISSING libkiosk-test-absent.so.1, libkiosk-test-gone.so.2 (cannot open shared object "
        "file: No such file or directory) (Debian/Ubuntu: sudo apt-get install kiosk-test-pkg "
        "kiosk-test-gone)")


def test_doctor_libraries_are_the_debs_depends(release: ModuleType) -> None:
    packages = set(doctor.SYSTEM_LIBRARIES.values())
    declared = {alt.split()[0] for dep in release.DEB_DEPENDS for alt in dep.split("|")}
    # libglx0 and libglvnd0 come with libgl1/libegl1 (their own Depends).
    assert packages - {"libglx0", "libglvnd0"} <= declared
    assert {"libgl1", "libegl1", "libdrm2", "libxcb1"} <= packages
