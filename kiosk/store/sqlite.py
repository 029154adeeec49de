"""sqlite-utils, imported without numpy and without loading dateutil's parser.

sqlite-utils imports numpy, when it is installed, only to map numpy's scalar types to column
types; the kiosk stores none, and importing numpy costs 0.1-0.2 s on a till's start-up path
(the camera loads it later, once the scan screen is up). So while sqlite-utils is first
imported, a ``None`` in ``sys.modules`` makes its optional ``import numpy`` fail as if numpy
were missing; afterwards numpy imports as usual. Nothing changes when numpy is loaded already.
The kiosk imports its store before anything that needs numpy, on every path (the GUI opens
the engine before it starts the camera), so no other thread imports numpy meanwhile.

Its date-parsing recipes import dateutil's parser (and time zones) at once, ~10 ms of a
start-up that opens the store before the scan screen shows; the kiosk parses no dates with
them. ``dateutil.parser`` is put in place as a module that loads on first use
(``importlib.util.LazyLoader``), so it still works for whoever calls it.
"""

from __future__ import annotations

import importlib.util
import sys


def _load_on_first_use(name: str) -> None:
    """Put module ``name`` in ``sys.modules`` so that it runs when first used, not now."""
    if name in sys.modules:
        return
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        return
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent:  # ``from parent import child`` then finds it without asking the import system
        setattr(sys.modules[parent], child, module)  # (which would load it at once)


def _import_lean() -> None:
    if "sqlite_utils" in sys.modules:
        return
    _load_on_first_use("dateutil.parser")
    hide_numpy = "numpy" not in sys.modules
    if hide_numpy:
        sys.modules["numpy"] = None  # type: ignore[assignment]
    try:
        import sqlite_utils  # noqa: F401, PLC0415
    finally:
        if hide_numpy and "numpy" in sys.modules and sys.modules["numpy"] is None:
            del sys.modules["numpy"]


_import_lean()

import sqlite_utils  # noqa: E402

__all__ = ["sqlite_utils"]
