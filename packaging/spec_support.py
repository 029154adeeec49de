"""What goes into the PyInstaller bundle: kept in plain Python so tests can check it.

``kiosk.spec`` imports this module; ``tests/packaging`` loads it by path. It must not be
turned into a package (``packaging`` is also the name of a well-known PyPI library).
"""

from __future__ import annotations

import json
import os
import pkgutil
import posixpath
import sys
from fnmatch import fnmatch
from pathlib import Path

from kiosk.cli.doctor import BASE_LIBRARIES, DESKTOP_LIBRARIES

APP_ID = "voucher-kiosk"
APP_NAME = "Voucher Kiosk"
EXE_NAME = "kiosk"

# What the kiosk loads at run time, recorded by qt_modules.py (every screen, every sound).
QT_RUNTIME_FILE = Path(__file__).resolve().with_name("qt_runtime.json")
# Qt bindings the kiosk loads, directly or through another binding (QtMultimedia loads
# QtNetwork); every other PySide6 module is excluded from the bundle.
# Bindings loaded only on demand, which no traced run reaches: QtPrintSupport prints receipts
# and reports on a system printer (kiosk.app.qt.pdf.print_system).
QT_ON_DEMAND = frozenset({"QtPrintSupport"})
QT_KEEP = frozenset(json.loads(QT_RUNTIME_FILE.read_text())["modules"]) | QT_ON_DEMAND

# Python packages that are installed in the dev venv but never needed at run time.
PYTHON_EXCLUDES = (
    "tkinter", "PyQt5", "PyQt6", "PySide2", "IPython", "matplotlib",
    "pytest", "pytestqt", "_pytest", "hypothesis", "mypy", "ruff", "importlinter", "grimp",
    "PyInstaller", "setuptools", "pip",
    # Interactive or documentation helpers some dependency may import, never the kiosk.
    "readline", "pydoc_data", "pygments", "rich", "markdown_it",
    # Chinese, Japanese and Korean legacy text codecs (the kiosk reads and writes UTF-8).
    "_codecs_cn", "_codecs_hk", "_codecs_iso2022", "_codecs_jp", "_codecs_kr", "_codecs_tw",
)
# Parts of run-time dependencies the kiosk never reaches (docs/packaging.md, "Size"):
# - Pillow (python-escpos draws receipts' images with it): the AVIF, WebP, colour-management,
#   Tk and Qt extras; the core, PNG/JPEG and fonts (python-barcode's labels) stay;
# - PyYAML's C speed-up (python-escpos reads a YAML config only when asked; pure Python works);
# - numpy's random, FFT, masked-array, polynomial, testing and Fortran-wrapping modules (numpy
#   imports them only on use; the kiosk never does);
# - cryptography and secretstorage (14 MB): keyring's Secret Service back end needs them, so
#   the bundle keeps secrets in the 0600 file on Linux (kiosk/store/secrets.py), as on a till
#   without a desktop session. Windows' and macOS' keyrings need neither.
SLIM_EXCLUDES = (
    "PIL._avif", "PIL.AvifImagePlugin", "PIL._webp", "PIL.WebPImagePlugin", "PIL._imagingcms",
    "PIL.ImageCms", "PIL._imagingtk", "PIL.ImageTk", "PIL.ImageQt", "PIL._imagingmath",
    "PIL.ImageMath", "yaml._yaml", "_yaml", "numpy.random", "numpy.fft", "numpy.f2py",
    "numpy.ma", "numpy.polynomial", "numpy.testing",
    "cryptography", "secretstorage",
)
# Qt's own translations: only Qt Base's, of the languages the kiosk ships (kiosk/ui/i18n.py).
QT_TRANSLATIONS_KEEP = frozenset({"qtbase_de.qm", "qtbase_en.qm"})

# Qt plug-ins (and the libraries only they need) that PyInstaller's Qt hooks collect but the
# kiosk never uses: the FFmpeg media back end (it drags in QtQuick/QtQml; sounds are played
# by QSoundEffect through QtMultimedia's built-in PulseAudio/ALSA output, cameras by OpenCV),
# the PDF image format, and the QML virtual keyboard. Relative to the bundle's _internal/.
_QT = "PySide6/Qt"
PRUNED_BINARIES = (
    f"{_QT}/plugins/multimedia/libffmpegmediaplugin.so",
    f"{_QT}/plugins/imageformats/libqpdf.so",
    f"{_QT}/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
    # The GTK theme: only on a GTK desktop with GTK installed; it pulls cairo, pango, ATK…
    f"{_QT}/plugins/platformthemes/libqgtk3.so",
    # Image formats the kiosk never reads (its own are PNG and SVG), network-state back ends
    # (QtMultimedia loads QtNetwork, nothing asks it about the network), the VNC and Vulkan
    # display platforms.
    *(f"{_QT}/plugins/imageformats/libq{name}.so" for name in ("icns", "tga", "tiff", "wbmp",
                                                               "webp")),
    f"{_QT}/plugins/networkinformation/*.so",
    f"{_QT}/plugins/platforms/libqvnc.so",
    f"{_QT}/plugins/platforms/libqvkkhrdisplay.so",
    f"{_QT}/lib/libQt6Quick.so.*",
    f"{_QT}/lib/libQt6Qml*.so.*",
    f"{_QT}/lib/libQt6Pdf.so.*",
    f"{_QT}/lib/libQt6VirtualKeyboard*.so.*",
    f"{_QT}/lib/libQt6FFmpegStub-*.so.*",
    f"{_QT}/lib/libav*.so.*",
    f"{_QT}/lib/libsw*.so.*",
)

# Libraries taken from the system, not bundled (their Debian packages are in the .deb's Depends):
# - those every Debian/Ubuntu system has (kiosk.cli.doctor.BASE_LIBRARIES), and those every
#   graphical one has: X11 client and font libraries (DESKTOP_LIBRARIES);
# - CUPS (Recommends): only Qt's print plug-in needs it, to print on a system printer, and a
#   till with a system printer has CUPS installed. Without it the plug-in does not load.
SYSTEM_PROVIDED = frozenset({*BASE_LIBRARIES, *DESKTOP_LIBRARIES, "libcups.so.2"})

# Set to 1 to build without any excludes (used to measure what the excludes save).
NO_EXCLUDES_ENV = "KIOSK_PACKAGE_NO_EXCLUDES"

# Files in resources/ that are sources, not run-time data.
RESOURCE_SOURCE_SUFFIXES = frozenset({".ts", ".pro", ".md", ".py", ".pyc"})


def pyside6_modules() -> list[str]:
    """Names of the Qt binding modules the installed PySide6 provides (``QtCore``, ...)."""
    import PySide6  # noqa: PLC0415 - only needed while building

    return sorted(m.name for m in pkgutil.iter_modules(PySide6.__path__) if m.name.startswith("Qt"))


def qt_excludes() -> list[str]:
    """``PySide6.QtX`` for every installed Qt module outside :data:`QT_KEEP`."""
    return [f"PySide6.{name}" for name in pyside6_modules() if name not in QT_KEEP]


def qt_hiddenimports() -> list[str]:
    """``PySide6.QtX`` for every module in :data:`QT_KEEP`."""
    return [f"PySide6.{name}" for name in sorted(QT_KEEP)]


def excludes() -> list[str]:
    """The Analysis ``excludes`` list (empty when ``$KIOSK_PACKAGE_NO_EXCLUDES`` is 1)."""
    if os.environ.get(NO_EXCLUDES_ENV) == "1":
        return []
    return [*qt_excludes(), *PYTHON_EXCLUDES, *SLIM_EXCLUDES]


def _is_pruned(dest: str, src: str, typecode: str) -> bool:
    dest = dest.replace("\\", "/")
    src = src.replace("\\", "/")
    if typecode == "SYMLINK":  # src is the link's target, relative to the link
        names = [posixpath.normpath(posixpath.join(posixpath.dirname(dest), src))]
    else:  # a library may also be collected at the top level, copied from PySide6/Qt/lib
        names = [dest, src]
    if typecode != "SYMLINK" and posixpath.basename(dest) in SYSTEM_PROVIDED:
        return True
    translations = f"{_QT}/translations/"
    if dest.startswith(translations) and posixpath.basename(dest) not in QT_TRANSLATIONS_KEEP:
        return True
    return any(
        fnmatch(name, pattern) or fnmatch(name, f"*/{pattern}")
        for name in names
        for pattern in PRUNED_BINARIES
    )


def prune(toc: list[tuple[str, str, str]]) -> list[tuple[str, str, str]]:
    """``toc`` without :data:`PRUNED_BINARIES`, copies of them or symlinks to them.

    Unchanged when ``$KIOSK_PACKAGE_NO_EXCLUDES`` is 1.
    """
    if os.environ.get(NO_EXCLUDES_ENV) == "1":
        return list(toc)
    return [entry for entry in toc if not _is_pruned(*entry)]


def resource_datas(resources: Path) -> list[tuple[str, str]]:
    """``(source, dest_dir)`` for every run-time file under ``resources/``, keeping the tree."""
    datas = []
    for path in sorted(resources.rglob("*")):
        if path.is_file() and path.suffix not in RESOURCE_SOURCE_SUFFIXES:
            dest = Path("resources") / path.parent.relative_to(resources)
            datas.append((str(path), dest.as_posix()))
    return datas


def zbar_binaries() -> list[tuple[str, str]]:
    """The ZBar shared library to bundle explicitly, as ``(source, dest_dir)``.

    On Linux the system's ``libzbar.so.0`` goes to the bundle root, where
    ``hooks/rthook_pyzbar.py`` points pyzbar at it. On Windows pyzbar's wheel carries
    its own DLLs, which must stay in ``pyzbar/`` where pyzbar looks for them.
    """
    if sys.platform == "win32":
        from PyInstaller.utils.hooks import collect_dynamic_libs  # noqa: PLC0415

        return list(collect_dynamic_libs("pyzbar"))
    from PyInstaller.depend.bindepend import resolve_library_path  # noqa: PLC0415

    name = "libzbar.0.dylib" if sys.platform == "darwin" else "libzbar.so.0"
    path = resolve_library_path(name)
    if not path:
        raise SystemExit(f"{name} not found: install ZBar first (Debian: apt-get install libzbar0)")
    # Keep the soname (the path is the libzbar.so.0 symlink; PyInstaller copies its target).
    return [(path, ".")]
