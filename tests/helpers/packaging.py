"""Shared helpers for the packaging tests: paths, and the build modules in packaging/.

``packaging/`` is not a Python package on purpose (it would shadow the PyPI ``packaging``),
so its modules are loaded by path.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from tests.helpers.corpus import BUNDLED

REPO = Path(__file__).resolve().parents[2]
PACKAGING = REPO / "packaging"
BARCODE_IMAGE = BUNDLED / "code128-1" / "1.png"
BARCODE_TEXT = "168901"


def load(name: str) -> ModuleType:
    """Import ``packaging/<name>.py`` (once) under its own name."""
    if name in sys.modules:
        return sys.modules[name]
    if str(PACKAGING) not in sys.path:
        sys.path.insert(0, str(PACKAGING))  # release.py imports spec_support the same way
    spec = importlib.util.spec_from_file_location(name, PACKAGING / f"{name}.py")
    assert spec
    assert spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module
