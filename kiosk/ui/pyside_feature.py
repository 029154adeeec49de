"""PySide6 imported without reading the source of every module imported after it.

For its optional ``from __feature__ import snake_case, true_property`` switches, PySide6 asks
of every module imported after it whether it "uses PySide6", by reading the module's whole
source (``inspect.getsource``) and searching it for the word. From source that costs a
start of the kiosk ~30-45 ms of CPU (some 320 modules, on the UI thread and the opening job
alike) and keeps every source file in ``linecache``. The answer only tells the switches
which modules to leave alone; the kiosk selects no switch, so any answer serves it. This
one comes from the module's globals (does it hold a PySide6 class, function or module?),
which costs microseconds. A bundle has no sources: there PySide6's own check finds none and
nothing changes (start-up, docs/performance.md).

The check is PySide6's internal ``shibokensupport.feature._mod_uses_pyside``; where a
PySide6 version has none, PySide6 is left as it is.
"""

from __future__ import annotations

import importlib
from types import ModuleType

PACKAGE = "PySide6"
CHECK = "_mod_uses_pyside"  # in shibokensupport.feature


def uses_pyside(module: ModuleType) -> bool:
    """Whether ``module`` holds anything of PySide6 (a class, a function, a module)."""
    for value in list(vars(module).values()):
        owner = value.__name__ if isinstance(value, ModuleType) else \
            getattr(value, "__module__", None)
        if isinstance(owner, str) and (owner == PACKAGE or owner.startswith(PACKAGE + ".")):
            return True
    return False


def import_pyside() -> bool:
    """Import PySide6 and answer its feature check from globals; False where this PySide6
    has no such check (then it is left alone)."""
    importlib.import_module(f"{PACKAGE}.QtCore")
    try:
        feature = importlib.import_module("shibokensupport.feature")
    except ImportError:
        return False
    if not callable(getattr(feature, CHECK, None)):
        return False
    setattr(feature, CHECK, uses_pyside)  # PySide6 internal: see the module docstring
    return True
