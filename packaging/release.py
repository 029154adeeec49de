# ruff: noqa: T201 - a build script reports on stdout
"""Build the Linux release: the PyInstaller bundle, a .tar.xz with launcher files, and a .deb.

Usage (from the repo root, with the project's venv)::

    .venv/bin/python packaging/release.py            # everything, into dist/
    .venv/bin/python packaging/release.py --no-bundle  # re-pack an existing dist/kiosk/
    .venv/bin/python packaging/release.py --compression gz  # quicker, bigger archives

Outputs: ``dist/kiosk/`` (run ``dist/kiosk/kiosk``),
``dist/voucher-kiosk-VERSION-linux-x86_64.tar.xz`` (``.tar.gz`` with ``--compression gz``),
``dist/voucher-kiosk_VERSION_amd64.deb`` and the size breakdown ``dist/size-breakdown.md``
(and ``.json``). After PyInstaller the bundle is slimmed (Linux): stub libraries for what the
kiosk never calls (``stubs.py``), ICU data for the shipped languages only (``icu.py``) and
stripped binaries.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
LINUX = HERE / "linux"
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(REPO))

import icu  # noqa: E402
import sizes  # noqa: E402
import spec_support  # noqa: E402
import stubs  # noqa: E402

from kiosk.cli.doctor import BASE_LIBRARIES, DESKTOP_LIBRARIES  # noqa: E402

INSTALL_DIR = f"/opt/{spec_support.APP_ID}"
DESKTOP_FILE = LINUX / f"{spec_support.APP_ID}.desktop"
ICON_SVG = LINUX / f"{spec_support.APP_ID}.svg"
ICON_PNG = LINUX / f"{spec_support.APP_ID}.png"

# Debian packages for the few system libraries PyInstaller deliberately leaves out of the
# bundle (libc, the GL/EGL driver stack, libxcb, libdrm) plus fonts for Qt to draw text with.
# The smoke test checks this list covers every library the bundle resolves outside itself.
DEB_DEPENDS = (
    "libc6 (>= 2.36)", "libgl1", "libegl1", "libdrm2", "libxcb1",
    "fontconfig-config", "fonts-dejavu-core | fonts-liberation2",
    # What every Debian/Ubuntu system (and every graphical one) has anyway, which the bundle
    # therefore does not carry (spec_support.SYSTEM_PROVIDED).
    *sorted(set(BASE_LIBRARIES.values()) | set(DESKTOP_LIBRARIES.values())),
)
# Archive compression: xz (preset 6) for releases; gzip -1 for quick local rounds (about 2.3x
# the size, 10x faster).
COMPRESSION = {"xz": ("xz", 6), "gz": ("gz", 1)}
DEFAULT_COMPRESSION = "xz"

# Only needed on a Wayland session; X11 tills (and the kiosk's xcb default) run without them.
# CUPS: for printing on a system printer (Qt's print plug-in loads it; see SYSTEM_PROVIDED).
DEB_RECOMMENDS = ("libwayland-client0", "libwayland-cursor0", "libwayland-egl1", "libcups2")


def version() -> str:
    """The version of the kiosk being packaged (``kiosk.__version__``)."""
    sys.path.insert(0, str(REPO))
    from kiosk import __version__  # noqa: PLC0415

    return __version__


def run_pyinstaller(dist: Path, work: Path) -> Path:
    """Build ``dist/kiosk/`` from ``kiosk.spec``; returns the bundle directory."""
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
         "--distpath", str(dist), "--workpath", str(work), str(HERE / "kiosk.spec")],
        check=True, cwd=REPO,
    )
    return dist / spec_support.EXE_NAME


def _tree_size(path: Path) -> int:
    return sum(p.lstat().st_size for p in path.rglob("*") if p.is_file() or p.is_symlink())


def install_script(depends: Sequence[str] = DEB_DEPENDS) -> bytes:
    """``install.sh`` with its ``SYSTEM_PACKAGES`` taken from ``depends`` (Debian syntax:
    ``"libc6 (>= 2.36)"`` becomes ``libc6``, ``"a | b"`` becomes ``a|b``)."""
    names = [re.sub(r"\s*\([^)]*\)", "", dep).replace(" ", "") for dep in depends]
    text = (LINUX / "install.sh").read_text()
    return text.replace("@SYSTEM_PACKAGES@", " ".join(names)).encode()


def make_tarball(bundle: Path, ver: str, out_dir: Path,
                 depends: Sequence[str] = DEB_DEPENDS, compression: str = DEFAULT_COMPRESSION,
                 ) -> Path:
    """``voucher-kiosk-VER-linux-x86_64.tar.xz`` (or ``.tar.gz``): bundle, .desktop file,
    icons, install.sh (which checks the system packages in ``depends``). xz runs on every core
    through the ``xz`` command when there is one (Python's own lzma uses one core: 2x slower
    here)."""
    top = f"{spec_support.APP_ID}-{ver}"
    kind, level = COMPRESSION[compression]
    out = out_dir / f"{top}-linux-x86_64.tar.{kind}"

    def fill(tar: tarfile.TarFile) -> None:
        tar.add(bundle, arcname=f"{top}/{spec_support.EXE_NAME}")
        for extra in (DESKTOP_FILE, ICON_SVG, ICON_PNG):
            tar.add(extra, arcname=f"{top}/{extra.name}")
        script = install_script(depends)
        info = tar.gettarinfo(LINUX / "install.sh", arcname=f"{top}/install.sh")
        info.size, info.mode = len(script), 0o755
        tar.addfile(info, io.BytesIO(script))

    xz = shutil.which("xz") if kind == "xz" else None
    if xz is None:
        options = {"preset": level} if kind == "xz" else {"compresslevel": level}
        with tarfile.open(out, f"w:{kind}", **options) as tar:  # type: ignore[call-overload]
            fill(tar)
        return out
    with out.open("wb") as raw:
        proc = subprocess.Popen([xz, f"-{level}", "-T0", "-c"], stdin=subprocess.PIPE,
                                stdout=raw)
        assert proc.stdin is not None
        with proc.stdin, tarfile.open(fileobj=proc.stdin, mode="w|") as tar:
            fill(tar)
        if proc.wait() != 0:
            raise SystemExit(f"xz failed ({proc.returncode}) writing {out}")
    return out


def _link_or_copy(src: str, dst: str) -> None:
    try:
        os.link(src, dst)
    except OSError:
        shutil.copy2(src, dst)


def _deb_control(ver: str, installed_kb: int) -> str:
    return "\n".join([
        f"Package: {spec_support.APP_ID}",
        f"Version: {ver}",
        "Architecture: amd64",
        "Section: misc",
        "Priority: optional",
        "Maintainer: Voucher Kiosk team <kiosk@example.invalid>",
        f"Installed-Size: {installed_kb}",
        f"Depends: {', '.join(DEB_DEPENDS)}",
        f"Recommends: {', '.join(DEB_RECOMMENDS)}",
        f"Description: {spec_support.APP_NAME} - redeem gift vouchers at the till",
        " Scan gift-voucher barcodes with a webcam or a USB scanner, see what a voucher",
        " is worth and whether it is valid, and redeem all or part of it. Offline",
        " redemptions are queued durably and sent when the server is back.",
        " .",
        f" Self-contained build (Python, Qt, OpenCV, ZBar, zxing-cpp) in {INSTALL_DIR}.",
        "",
    ])


def make_deb(bundle: Path, ver: str, out_dir: Path,
             compression: str = DEFAULT_COMPRESSION) -> Path:
    """``voucher-kiosk_VER_amd64.deb``: the bundle in /opt, /usr/bin/kiosk, menu entry, icons."""
    out = out_dir / f"{spec_support.APP_ID}_{ver}_amd64.deb"
    kind, level = COMPRESSION[compression]
    # Staged next to the output so the bundle can be hard-linked rather than copied.
    with tempfile.TemporaryDirectory(prefix="kiosk-deb-", dir=out_dir) as tmp:
        root = Path(tmp) / "root"
        shutil.copytree(bundle, root / INSTALL_DIR.lstrip("/"), symlinks=True,
                        copy_function=_link_or_copy)
        usr_bin = root / "usr" / "bin"
        usr_bin.mkdir(parents=True)
        (usr_bin / spec_support.EXE_NAME).symlink_to(f"{INSTALL_DIR}/{spec_support.EXE_NAME}")
        share = root / "usr" / "share"
        (share / "applications").mkdir(parents=True)
        shutil.copy2(DESKTOP_FILE, share / "applications" / DESKTOP_FILE.name)
        for icon, size in ((ICON_SVG, "scalable"), (ICON_PNG, "256x256")):
            apps = share / "icons" / "hicolor" / size / "apps"
            apps.mkdir(parents=True)
            shutil.copy2(icon, apps / icon.name)
        for path in root.rglob("*"):  # dpkg wants sane modes whatever the umask was
            if not path.is_symlink():
                path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
        control = root / "DEBIAN"
        control.mkdir(mode=0o755)
        (control / "control").write_text(_deb_control(ver, _tree_size(root) // 1024))
        subprocess.run(
            ["dpkg-deb", "--root-owner-group", f"-Z{'gzip' if kind == 'gz' else kind}",
             f"-z{level}", "--build",
             str(root), str(out)],
            check=True, stdout=subprocess.DEVNULL,
        )
    return out


def pruned_needs() -> frozenset[str]:
    """The sonames the Qt plug-ins in ``PRUNED_BINARIES`` (read from the venv's PySide6) and
    the libraries in ``SYSTEM_PROVIDED`` (the system's) need: PyInstaller collected them for
    files that are not in the bundle."""
    import PySide6  # noqa: PLC0415 - only needed while building

    site = Path(PySide6.__file__).resolve().parent.parent
    found: set[str] = set()
    for pattern in spec_support.PRUNED_BINARIES:
        if "/plugins/" in pattern:
            for path in site.glob(pattern):
                found |= set(stubs.needed(path))
    from PyInstaller.depend.bindepend import resolve_library_path  # noqa: PLC0415

    for name in spec_support.SYSTEM_PROVIDED:  # what only the system's copies need
        if path := resolve_library_path(name):
            found |= set(stubs.needed(Path(path)))
    return frozenset(found)


def strip_binaries(internal: Path) -> int:
    """``strip --strip-unneeded`` every ELF file under ``internal``; returns the bytes saved."""
    files = [p for p in internal.rglob("*") if stubs.is_elf(p)]
    before = sum(p.stat().st_size for p in files)
    for start in range(0, len(files), 100):
        subprocess.run(["strip", "--strip-unneeded", *map(str, files[start:start + 100])],
                       check=True, capture_output=True)
    return before - sum(p.stat().st_size for p in files)


def slim(bundle: Path) -> dict[str, int]:
    """Slim a Linux bundle in place: stubs, ICU, strip. Returns ``{step: bytes saved}``."""
    internal = bundle / "_internal"
    saved = {"stub libraries and what only they needed":
             sum(stubs.stub_libraries(internal, pruned_needs()).values())}
    saved["ICU data for the shipped languages only"] = sum(
        icu.trim_library(lib) for lib in internal.rglob("libicudata.so.*")
        if not lib.is_symlink())
    saved["stripped binaries"] = strip_binaries(internal)
    return saved


def _mb(path: Path) -> str:
    size = _tree_size(path) if path.is_dir() else path.stat().st_size
    return f"{size / 1e6:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    """Build the bundle and the Linux packages; prints what was built, how big, how long."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=REPO / "dist")
    parser.add_argument("--no-bundle", action="store_true", help="re-pack an existing bundle")
    parser.add_argument("--no-deb", action="store_true", help="skip the .deb")
    parser.add_argument("--compression", choices=sorted(COMPRESSION), default=DEFAULT_COMPRESSION,
                        help="archive compression (default: %(default)s; gz: quick local builds)")
    args = parser.parse_args(argv)
    dist: Path = args.dist.resolve()
    ver = version()
    bundle = dist / spec_support.EXE_NAME
    if not args.no_bundle:
        started = time.perf_counter()
        work = REPO / "build" / "pyinstaller"
        try:
            run_pyinstaller(dist, work)
        finally:
            shutil.rmtree(work, ignore_errors=True)
            with contextlib.suppress(OSError):  # build/ only if nothing else lives there
                work.parent.rmdir()
        print(f"bundle   {bundle}  {_mb(bundle)}  built in {time.perf_counter() - started:.1f} s")
        if sys.platform.startswith("linux") and os.environ.get(spec_support.NO_EXCLUDES_ENV) != "1":
            started = time.perf_counter()
            for step, size in slim(bundle).items():
                print(f"slim     {step}: -{size / 1e6:.1f} MB")
            print(f"bundle   {bundle}  {_mb(bundle)}  slimmed in "
                  f"{time.perf_counter() - started:.1f} s")
    if not (bundle / spec_support.EXE_NAME).is_file():
        parser.error(f"no bundle at {bundle}; build it first")
    for stale in dist.glob(f"{spec_support.APP_ID}-*-linux-x86_64.tar.*"):
        stale.unlink()  # the other compression's archive of an earlier build
    started = time.perf_counter()
    tarball = make_tarball(bundle, ver, dist, compression=args.compression)
    print(f"tarball  {tarball}  {_mb(tarball)}  in {time.perf_counter() - started:.1f} s")
    archives = {tarball.name: tarball.stat().st_size}
    if not args.no_deb:
        if shutil.which("dpkg-deb") is None:
            print("deb      skipped: dpkg-deb not found (Debian/Ubuntu only)")
        else:
            started = time.perf_counter()
            deb = make_deb(bundle, ver, dist, compression=args.compression)
            print(f"deb      {deb}  {_mb(deb)}  in {time.perf_counter() - started:.1f} s")
            archives[deb.name] = deb.stat().st_size
    print()
    print(sizes.write_report(bundle, dist, archives), end="")
    print(f"(also in {dist / 'size-breakdown.md'} and .json)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
