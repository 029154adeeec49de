"""PySide6's per-import "does this module use PySide6?" check, answered from the module's
globals instead of its source (start-up, docs/performance.md)."""

from __future__ import annotations

import json
import subprocess
import sys
import types
from pathlib import Path

from PySide6 import QtCore
from PySide6.QtCore import QObject

from kiosk.ui.pyside_feature import uses_pyside

AFTER = """
import json, linecache, sys
sys.path.insert(0, sys.argv[1])
from kiosk.ui.pyside_feature import import_pyside
patched = import_pyside()
import with_qt, without_qt  # through PySide6's import hook, as the kiosk's imports go
from shibokensupport import feature
print(json.dumps({"patched": patched,
                  "with_qt": feature.pyside_feature_dict.get("with_qt"),
                  "without_qt": feature.pyside_feature_dict.get("without_qt"),
                  "sources_read": [name for name in linecache.cache
                                   if name.endswith(("with_qt.py", "without_qt.py"))]}))
"""


def test_a_module_holding_pyside_things_uses_pyside() -> None:
    holder = types.ModuleType("holder")
    holder.QObject = QObject  # type: ignore[attr-defined]
    assert uses_pyside(holder)
    qt = types.ModuleType("qt_module")
    qt.QtCore = QtCore  # type: ignore[attr-defined]
    assert uses_pyside(qt)
    assert not uses_pyside(json)
    plain = types.ModuleType("plain")
    plain.name = "PySide6"  # type: ignore[attr-defined]  # a word, not PySide6's
    assert not uses_pyside(plain)


def test_modules_imported_later_are_classified_without_reading_their_source(
    tmp_path: Path,
) -> None:
    (tmp_path / "with_qt.py").write_text("from PySide6.QtCore import QTimer\n")
    (tmp_path / "without_qt.py").write_text("import json\n")
    done = subprocess.run([sys.executable, "-c", AFTER, str(tmp_path)], capture_output=True,
                          text=True, timeout=60, check=True)
    seen = json.loads(done.stdout.strip().splitlines()[-1])
    assert seen["patched"] is True
    assert seen["with_qt"] == 0  # uses PySide6: its default feature set
    assert seen["without_qt"] == -1  # does not: left alone
    assert seen["sources_read"] == []  # PySide6's own check reads (and keeps) each source
