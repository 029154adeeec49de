"""PyInstaller runtime hook: make pyzbar load the ZBar library shipped inside the bundle.

pyzbar looks ZBar up with ``ctypes.util.find_library("zbar")``, which asks the system
(``ldconfig``, ``gcc``, ``ld``) and so fails on a till without libzbar0, or silently picks
the system's copy when there is one. The spec bundles ``libzbar.so.0`` at the bundle root;
this hook answers pyzbar's look-up with that file's absolute path. Windows needs nothing:
pyzbar finds its DLLs in its own package folder, where the spec puts them.
"""

from __future__ import annotations

import sys
from pathlib import Path

_BUNDLED_NAMES = ("libzbar.so.0", "libzbar.0.dylib")


def _bundled_zbar() -> Path | None:
    root = Path(getattr(sys, "_MEIPASS", ""))
    return next((root / n for n in _BUNDLED_NAMES if (root / n).is_file()), None)


def _install() -> None:
    bundled = _bundled_zbar()
    if sys.platform == "win32" or bundled is None:
        return
    from pyzbar import zbar_library  # noqa: PLC0415 - light: ctypes, platform, pathlib

    system_find_library = zbar_library.find_library

    def find_library(name: str) -> str | None:
        return str(bundled) if name == "zbar" else system_find_library(name)

    zbar_library.find_library = find_library


_install()
