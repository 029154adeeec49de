# ruff: noqa: T201 - a build script reports on stdout
"""What each part of the bundle costs on disk: ``dist/size-breakdown.md`` and ``.json``.

Every regular file under the bundle is put in one component (:data:`COMPONENTS`, first match
wins, by path relative to ``_internal/``); the executable is split further by reading its
embedded Python archive (PYZ): the kiosk's own modules, the standard library and third-party
Python packages. Symlinks cost nothing and are not counted.

Usage: ``.venv/bin/python packaging/sizes.py [dist/kiosk]`` (``release.py`` runs it after each
build and prints the table).
"""

from __future__ import annotations

import argparse
import json
import sys
from fnmatch import fnmatch
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent

# (component, patterns relative to _internal/); the first component whose pattern matches.
COMPONENTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ICU (Unicode and locale data)", ("*libicu*",)),
    ("Qt libraries", ("PySide6/Qt/lib/*", "libQt6*")),
    ("Qt plug-ins", ("PySide6/Qt/plugins/*",)),
    ("Qt translations", ("PySide6/Qt/translations/*",)),
    ("PySide6 bindings", ("PySide6/*", "shiboken6/*", "libpyside6*", "libshiboken6*")),
    ("OpenCV", ("cv2/*", "opencv_python_headless.libs/*")),
    ("numpy", ("numpy/*", "numpy.libs/*")),
    ("Pillow", ("PIL/*", "pillow.libs/*")),
    ("cryptography", ("cryptography/*", "_cffi_backend*")),
    ("zxing-cpp and ZBar", ("zxingcpp/*", "libzbar*")),
    ("kiosk resources (icons, sounds, translations)", ("resources/*",)),
    ("Python (libpython, extension modules, base library)",
     ("libpython*", "python3*/*", "base_library.zip")),
    ("other Python packages' files", ("*/*",)),
    ("system libraries", ("*.so*",)),
)
OTHER = "other"
# The executable's parts.
BOOTLOADER = "executable: PyInstaller bootloader"
OUR_CODE = "executable: kiosk's Python code"
STDLIB = "executable: Python standard library"
THIRD_PARTY = "executable: third-party Python code"


def component(relative: str) -> str:
    """The component a file belongs to (``relative`` to ``_internal/``, POSIX form)."""
    return next((name for name, patterns in COMPONENTS
                 if any(fnmatch(relative, p) for p in patterns)), OTHER)


def _pyz_split(executable: Path) -> dict[str, int]:
    """Bytes of the executable's embedded PYZ per part (kiosk, stdlib, third party); the rest
    of the file is the bootloader. Empty when PyInstaller is not importable."""
    try:
        from PyInstaller.archive.readers import CArchiveReader  # noqa: PLC0415

        pyz = CArchiveReader(str(executable)).open_embedded_archive("PYZ.pyz")
    except Exception:  # no PyInstaller here, or not a PyInstaller executable: not split
        return {}
    parts = dict.fromkeys((OUR_CODE, STDLIB, THIRD_PARTY), 0)
    for name, (_kind, _offset, length) in pyz.toc.items():
        top = name.split(".")[0]
        part = (OUR_CODE if top == "kiosk" else STDLIB if top in sys.stdlib_module_names
                else THIRD_PARTY)
        parts[part] += length
    parts[BOOTLOADER] = executable.stat().st_size - sum(parts.values())
    return parts


def breakdown(bundle: Path) -> dict[str, int]:
    """``{component: bytes}`` for ``bundle`` (``dist/kiosk``), largest first."""
    sizes: dict[str, int] = {}
    internal = bundle / "_internal"
    for path in bundle.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        if path.parent == bundle:
            split = _pyz_split(path) if path.name == "kiosk" else {}
            for part, size in (split or {f"executable: {path.name}": path.stat().st_size}).items():
                sizes[part] = sizes.get(part, 0) + size
            continue
        name = component(path.relative_to(internal).as_posix())
        sizes[name] = sizes.get(name, 0) + path.stat().st_size
    return dict(sorted(sizes.items(), key=lambda item: -item[1]))


def largest_files(bundle: Path, count: int = 15) -> list[tuple[str, int]]:
    """The ``count`` largest regular files, as ``(path relative to bundle, bytes)``."""
    files = [(p.relative_to(bundle).as_posix(), p.stat().st_size) for p in bundle.rglob("*")
             if p.is_file() and not p.is_symlink()]
    return sorted(files, key=lambda item: -item[1])[:count]


def markdown(sizes: dict[str, int], largest: list[tuple[str, int]],
             archives: dict[str, int] | None = None) -> str:
    """The breakdown as a Markdown document."""
    total = sum(sizes.values())
    lines = ["# Bundle size breakdown", "", "| component | MB | share |", "|---|---:|---:|"]
    lines += [f"| {name} | {size / 1e6:.1f} | {100 * size / total:.1f}% |"
              for name, size in sizes.items()]
    lines += [f"| **total (onedir)** | **{total / 1e6:.1f}** | 100% |", ""]
    if archives:
        lines += ["| archive | MB |", "|---|---:|"]
        lines += [f"| {name} | {size / 1e6:.1f} |" for name, size in archives.items()]
        lines.append("")
    lines += ["Largest files:", "", "| file | MB |", "|---|---:|"]
    lines += [f"| `{name}` | {size / 1e6:.1f} |" for name, size in largest]
    return "\n".join(lines) + "\n"


def write_report(bundle: Path, out_dir: Path, archives: dict[str, int] | None = None) -> str:
    """Write ``size-breakdown.md`` and ``.json`` into ``out_dir``; returns the Markdown."""
    sizes = breakdown(bundle)
    largest = largest_files(bundle)
    text = markdown(sizes, largest, archives)
    (out_dir / "size-breakdown.md").write_text(text)
    (out_dir / "size-breakdown.json").write_text(json.dumps({
        "total": sum(sizes.values()), "components": sizes, "archives": archives or {},
        "largest": dict(largest)}, indent=1) + "\n")
    return text


def main(argv: list[str] | None = None) -> int:
    """Print (and write next to the bundle) the size breakdown of a built bundle."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("bundle", nargs="?", type=Path, default=REPO / "dist" / "kiosk")
    args = parser.parse_args(argv)
    bundle: Path = args.bundle.resolve()
    if not (bundle / "_internal").is_dir():
        parser.error(f"no bundle at {bundle}")
    print(write_report(bundle, bundle.parent), end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
