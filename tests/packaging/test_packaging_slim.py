"""The bundle's ICU trim, size breakdown, run-time hook and what it leaves out."""

from __future__ import annotations

import ctypes
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers.packaging import PACKAGING, load


@pytest.fixture(scope="module")
def icu() -> ModuleType:
    return load("icu")


@pytest.fixture(scope="module")
def sizes() -> ModuleType:
    return load("sizes")


def test_icu_keeps_the_shipped_languages_and_what_is_not_locale_data(icu: ModuleType) -> None:
    for kept in ("root.res", "de.res", "de_CH.res", "en_GB.res", "coll/de.res", "zone/en.res",
                 "pool.res", "res_index.res", "supplementalData.res", "uprops.icu", "nfc.nrm",
                 "coll/ucadata.icu", "cnvalias.icu"):
        assert icu.keep_item(kept), kept
    for dropped in ("fr.res", "zh_Hant_TW.res", "coll/ja.res", "ibm-1390_P110-2003.cnv",
                    "brkitr/root.res", "brkitr/cjdict.dict", "translit/root.res", "unames.icu",
                    "confusables.cfu", "rfc3491.spp"):
        assert not icu.keep_item(dropped), dropped


@pytest.fixture(scope="module")
def trimmed_icu(icu: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with PySide6's ICU libraries, the data library trimmed."""
    if shutil.which("icupkg") is None:
        pytest.fail("icupkg not installed: sudo apt-get install icu-devtools (make package)")
    import PySide6

    lib = Path(PySide6.__file__).resolve().parent / "Qt" / "lib"
    folder = tmp_path_factory.mktemp("icu")
    for path in lib.glob("libicu*.so.*"):
        shutil.copy2(path, folder / path.name)
    data = next(folder.glob("libicudata.so.*"))
    before = data.stat().st_size
    saved = icu.trim_library(data)
    assert saved == before - data.stat().st_size
    assert data.stat().st_size < before / 3
    return folder


def _french_in(folder: Path, language: str) -> str:
    """The name of the French language in ``language``, from the ICU data in ``folder``."""
    uc = next(folder.glob("libicuuc.so.*"))
    version = uc.name.rsplit(".", 1)[1]
    code = (f"import ctypes\nlib = ctypes.CDLL({str(uc)!r})\nstatus = ctypes.c_int(0)\n"
            "out = ctypes.create_string_buffer(200)\n"
            f"size = lib.uloc_getDisplayLanguage_{version}(b'fr', {language.encode()!r}, out, 100,"
            " ctypes.byref(status))\n"
            "assert status.value <= 0, status.value\n"
            "print(out.raw[:2 * size].decode('utf-16-le'))\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={"LD_LIBRARY_PATH": str(folder)}, check=False, timeout=60)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip()


def test_trimmed_icu_speaks_german_and_falls_back_for_others(trimmed_icu: Path) -> None:
    import PySide6

    full = Path(PySide6.__file__).resolve().parent / "Qt" / "lib"
    assert _french_in(full, "sv") == "franska"  # control: the full data speaks Swedish
    assert _french_in(trimmed_icu, "de") == "Französisch"
    assert _french_in(trimmed_icu, "sv") == "French"  # Swedish dropped: the default, English


def test_sizes_sorts_files_into_components(sizes: ModuleType) -> None:
    assert sizes.component("PySide6/Qt/lib/libicudata.so.73").startswith("ICU")
    assert sizes.component("PySide6/Qt/lib/libQt6Gui.so.6") == "Qt libraries"
    assert sizes.component("PySide6/QtCore.abi3.so") == "PySide6 bindings"
    assert sizes.component("opencv_python_headless.libs/libpng16-1.so") == "OpenCV"
    assert sizes.component("numpy/_core/_multiarray_umath.so") == "numpy"
    assert sizes.component("libstdc++.so.6") == "system libraries"
    assert sizes.component("resources/sounds/beep.wav").startswith("kiosk resources")


def test_size_report_counts_files_not_links(sizes: ModuleType, fake_bundle: Path) -> None:
    internal = fake_bundle / "_internal"
    (internal / "cv2").mkdir()
    (internal / "cv2" / "cv2.abi3.so").write_bytes(b"x" * 3_000_000)
    (internal / "cv2" / "link.so").symlink_to("cv2.abi3.so")
    text = sizes.write_report(fake_bundle, fake_bundle.parent, {"k.tar.xz": 1_500_000})
    report = json.loads((fake_bundle.parent / "size-breakdown.json").read_text())
    exe = (fake_bundle / "kiosk").stat().st_size
    lib = (internal / "libfake.so.1").stat().st_size
    assert report["components"]["OpenCV"] == 3_000_000
    assert report["total"] == 3_000_000 + exe + lib
    assert report["archives"] == {"k.tar.xz": 1_500_000}
    assert "| OpenCV | 3.0 |" in text
    assert "| k.tar.xz | 1.5 |" in text
    assert text == (fake_bundle.parent / "size-breakdown.md").read_text()


def test_the_runtime_hook_keeps_opencv_away_from_ffmpeg(tmp_path: Path) -> None:
    """With the hook, OpenCV opens an MJPG .avi by its own reader and refuses an .mp4 (which
    only FFmpeg reads: in the bundle that is a stub that would abort); without it, FFmpeg
    opens both (the control)."""
    import cv2
    import numpy as np

    for name, fourcc in (("v.avi", "MJPG"), ("v.mp4", "mp4v")):
        writer = cv2.VideoWriter(str(tmp_path / name), cv2.VideoWriter.fourcc(*fourcc), 15,
                                 (64, 48))
        for _ in range(5):
            writer.write(np.full((48, 64, 3), 128, np.uint8))
        writer.release()
    probe = ("import runpy, sys\n"
             "if sys.argv[1] == 'hook': runpy.run_path(sys.argv[2])\n"
             "import cv2\n"
             "for name in ('v.avi', 'v.mp4'):\n"
             "    cap = cv2.VideoCapture(name)\n"
             "    print(name, cap.isOpened(), cap.getBackendName() if cap.isOpened() else '-')\n")
    hook = str(PACKAGING / "hooks" / "rthook_slim.py")
    env = {k: v for k, v in os.environ.items() if not k.startswith("OPENCV_")}
    runs = {}
    for mode in ("hook", "none"):
        result = subprocess.run([sys.executable, "-c", probe, mode, hook], cwd=tmp_path, env=env,
                                capture_output=True, text=True, check=True, timeout=60)
        runs[mode] = result.stdout.split("\n")
    assert runs["hook"][:2] == ["v.avi True CV_MJPEG", "v.mp4 False -"]
    assert runs["none"][:2] == ["v.avi True FFMPEG", "v.mp4 True FFMPEG"]


def test_what_pruned_plugins_and_system_libraries_needed_may_go(release: ModuleType) -> None:
    """The candidates for dropping after the build: what the GTK theme plug-in and the system's
    CUPS needed (PyInstaller collected them for files no longer in the bundle)."""
    candidates = release.pruned_needs()
    assert "libgtk-3.so.0" in candidates  # the GTK theme plug-in's
    assert "libavahi-client.so.3" in candidates  # libcups's
    assert "libQt6Core.so.6" in candidates  # also, but kept: the bundle still needs it


def test_strip_makes_libraries_smaller_and_they_still_load(
        release: ModuleType, tmp_path: Path) -> None:
    import numpy

    # An extension module the wheel ships unstripped, needing nothing outside this process.
    source = next((Path(numpy.__file__).parent / "_core").glob("_multiarray_tests.*.so"))
    copy = tmp_path / source.name
    shutil.copy2(source, copy)
    saved = release.strip_binaries(tmp_path)
    assert saved > 0
    assert copy.stat().st_size == source.stat().st_size - saved
    ctypes.CDLL(str(copy))  # still a loadable library


def test_slim_excludes_and_system_libraries(spec_support: ModuleType, release: ModuleType) -> None:
    excludes = spec_support.excludes()
    for name in ("cryptography", "secretstorage", "PIL._avif", "numpy.random", "yaml._yaml"):
        assert name in excludes
    toc = [("libstdc++.so.6", "/usr/lib/x86_64-linux-gnu/libstdc++.so.6", "BINARY"),
           ("libcups.so.2", "/usr/lib/x86_64-linux-gnu/libcups.so.2", "BINARY"),
           ("libzbar.so.0", "/usr/lib/x86_64-linux-gnu/libzbar.so.0", "BINARY"),
           ("PySide6/Qt/translations/qtbase_de.qm", "x/qtbase_de.qm", "DATA"),
           ("PySide6/Qt/translations/qtbase_fr.qm", "x/qtbase_fr.qm", "DATA"),
           ("PySide6/Qt/translations/qtmultimedia_de.qm", "x/qtmultimedia_de.qm", "DATA")]
    kept = [dest for dest, _src, _kind in spec_support.prune(toc)]
    assert kept == ["libzbar.so.0", "PySide6/Qt/translations/qtbase_de.qm"]
    declared = {alt.split()[0] for dep in release.DEB_DEPENDS for alt in dep.split("|")}
    assert {"libstdc++6", "libx11-6", "libfontconfig1"} <= declared
    assert "libcups2" in release.DEB_RECOMMENDS


def test_archives_use_xz_by_default_and_gzip_on_request(
        release: ModuleType, fake_bundle: Path, tmp_path: Path) -> None:
    xz = release.make_tarball(fake_bundle, "1.0", tmp_path)
    gz = release.make_tarball(fake_bundle, "1.0", tmp_path, compression="gz")
    assert xz.name.endswith(".tar.xz")
    assert xz.read_bytes()[:6] == b"\xfd7zXZ\x00"
    assert gz.name.endswith(".tar.gz")
    assert gz.read_bytes()[:2] == b"\x1f\x8b"
    if shutil.which("dpkg-deb") is None:
        pytest.fail("dpkg-deb not found (Debian/Ubuntu only)")
    deb = release.make_deb(fake_bundle, "1.0", tmp_path)
    members = subprocess.run(["ar", "t", str(deb)], capture_output=True, text=True,
                             check=True).stdout.split()
    assert "data.tar.xz" in members
