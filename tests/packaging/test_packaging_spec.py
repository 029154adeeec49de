"""What the spec puts in the bundle: Qt excludes, pruned plug-ins, resources."""

from __future__ import annotations

import ast
import os
import re
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers.packaging import REPO, load


def qt_modules_imported_by_kiosk() -> set[str]:
    used: set[str] = set()
    for path in (REPO / "kiosk").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            used |= {n.split(".")[1] for n in names if n.startswith("PySide6.")}
    return used


def test_every_qt_module_the_kiosk_imports_is_kept(spec_support: ModuleType) -> None:
    missing = qt_modules_imported_by_kiosk() - spec_support.QT_KEEP
    assert not missing, f"{sorted(missing)} not recorded: run packaging/qt_modules.py"


def test_kept_qt_modules_load_no_excluded_module(spec_support: ModuleType) -> None:
    # A binding imports the bindings of the Qt libraries it links (QtMultimedia: QtNetwork);
    # an excluded one is an ImportError in the bundle.
    probe = ("import sys\n" + "".join(f"import PySide6.{m}\n" for m in spec_support.QT_KEEP)
             + "print(' '.join(m.split('.')[1] for m in sys.modules"
             " if m.startswith('PySide6.Qt') and m.count('.') == 1))")
    loaded = set(subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                                check=True, timeout=60).stdout.split())
    assert loaded >= spec_support.QT_KEEP
    assert not loaded - spec_support.QT_KEEP, f"also loads {sorted(loaded - spec_support.QT_KEEP)}"


def test_the_trace_covers_every_screen() -> None:
    from kiosk.ui.screenshot import SCREENS

    qt_modules = load("qt_modules")
    traced = {args[-1] for name, args in qt_modules.runs() if "--screen" in args}
    assert traced == set(SCREENS)
    assert ["--play-sounds"] in [args for _, args in qt_modules.runs()]


def test_unused_qt_modules_are_excluded(spec_support: ModuleType) -> None:
    excluded = set(spec_support.qt_excludes())
    for name in ("QtWebEngineCore", "QtQml", "QtQuick", "Qt3DCore", "QtPdf", "QtCharts",
                 "QtDataVisualization", "QtBluetooth", "QtPositioning", "QtSensors",
                 "QtSerialPort", "QtWebSockets", "QtDesigner", "QtHelp", "QtSql", "QtTest"):
        assert f"PySide6.{name}" in excluded
    assert not {f"PySide6.{name}" for name in spec_support.QT_KEEP} & excluded
    assert set(spec_support.excludes()) >= excluded | set(spec_support.PYTHON_EXCLUDES)


def test_no_excludes_switch(spec_support: ModuleType, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(spec_support.NO_EXCLUDES_ENV, "1")
    assert spec_support.excludes() == []
    toc = [("PySide6/Qt/lib/libQt6Quick.so.6", "/x/libQt6Quick.so.6", "BINARY")]
    assert spec_support.prune(toc) == toc


def test_prune_drops_unused_plugins_their_copies_and_symlinks(spec_support: ModuleType) -> None:
    site = "/venv/site-packages"
    toc = [
        ("PySide6/Qt/lib/libQt6Quick.so.6", f"{site}/PySide6/Qt/lib/libQt6Quick.so.6", "BINARY"),
        ("libQt6Quick.so.6", "PySide6/Qt/lib/libQt6Quick.so.6", "SYMLINK"),
        ("libavcodec.so.63", f"{site}/PySide6/Qt/lib/libavcodec.so.63", "BINARY"),
        ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so",
         f"{site}/PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", "BINARY"),
    ]
    kept = [
        ("PySide6/Qt/lib/libQt6Widgets.so.6", f"{site}/PySide6/Qt/lib/libQt6Widgets.so.6",
         "BINARY"),
        ("libQt6Widgets.so.6", "PySide6/Qt/lib/libQt6Widgets.so.6", "SYMLINK"),
        # OpenCV's own FFmpeg (video files for `kiosk decode`) must stay.
        ("opencv_python_headless.libs/libavcodec-c4204469.so.62",
         f"{site}/opencv_python_headless.libs/libavcodec-c4204469.so.62", "BINARY"),
        ("libzbar.so.0", "/usr/lib/x86_64-linux-gnu/libzbar.so.0", "BINARY"),
    ]
    assert spec_support.prune(toc + kept) == kept


def needed_libraries(binary: Path) -> set[str]:
    out = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=True).stdout
    return {Path(m).name for m in re.findall(r"=> (/\S+)", out)}


def test_pruned_libraries_are_not_needed_by_the_kept_qt_modules(spec_support: ModuleType) -> None:
    import PySide6

    qt_dir = Path(PySide6.__file__).parent
    plugins = qt_dir / "Qt" / "plugins"
    kept_binaries = [next(qt_dir.glob(f"{name}.*.so")) for name in spec_support.QT_KEEP]
    kept_binaries += [plugins / "platforms" / name for name in ("libqxcb.so", "libqoffscreen.so")]
    for binary in kept_binaries:
        for lib in needed_libraries(binary) - spec_support.SYSTEM_PROVIDED:
            pruned = spec_support.prune([(f"PySide6/Qt/lib/{lib}", lib, "BINARY")])
            assert pruned, f"{binary.name} needs {lib}, which PRUNED_BINARIES removes"


def test_resource_datas_keep_the_tree_and_skip_sources(
    spec_support: ModuleType, tmp_path: Path
) -> None:
    res = tmp_path / "resources"
    (res / "translations").mkdir(parents=True)
    (res / "icons").mkdir()
    for name in ("translations/kiosk_de.ts", "translations/kiosk_de.qm", "icons/good.svg",
                 "style.qss", "demo-fixture.json"):
        (res / name).write_text("x")
    datas = {(Path(src).relative_to(res).as_posix(), dest)
             for src, dest in spec_support.resource_datas(res)}
    assert datas == {
        ("translations/kiosk_de.qm", "resources/translations"),
        ("icons/good.svg", "resources/icons"),
        ("style.qss", "resources"),
        ("demo-fixture.json", "resources"),
    }


def test_the_real_resources_are_all_listed(spec_support: ModuleType) -> None:
    sources = {Path(src) for src, _ in spec_support.resource_datas(REPO / "resources")}
    for qm in (REPO / "resources").rglob("*.qm"):
        assert qm in sources
    assert not [s for s in sources if s.suffix in {".ts", ".py"}]


def test_zbar_is_bundled_explicitly(spec_support: ModuleType) -> None:
    [(src, dest)] = spec_support.zbar_binaries()
    assert Path(src).name == "libzbar.so.0"
    assert os.path.exists(src)
    assert dest == "."
