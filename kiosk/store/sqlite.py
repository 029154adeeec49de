"""sqlite-utils, imported without numpy.

sqlite-utils imports numpy, when it is installed, only to map numpy's scalar types to column
types; the kiosk stores none, and importing numpy costs 0.1-0.2 s on a till's start-up path
(the camera loads it later, once the scan screen is up). So while sqlite-utils is first
imported, a ``None`` in ``sys.modules`` makes its optional ``import numpy`` fail as if numpy
were missing; afterwards numpy imports as usual. Nothing changes when numpy is loaded already.
The kiosk imports its store before anything that needs numpy, on every path (the GUI opens
the engine before it starts the camera), so no other thread imports numpy meanwhile.
"""

from __future__ import annotations

import sys


def _import_without_numpy() -> None:
    if "sqlite_utils" in sys.modules or "numpy" in sys.modules:
        return
    sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401, PLC0415
    finally:
        if "numpy" in sys.modules and sys.modules["numpy"] is None:
            del sys.modules["numpy"]


_import_without_numpy()

import sqlite_utils  # noqa: E402

__all__ = ["sqlite_utils"]
