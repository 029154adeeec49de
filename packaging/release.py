# ruff: noqa: T201 - a build script reports on stdout
"""Build the Linux release: the PyInstaller bundle, a .tar.gz with launcher files, and a .deb.

Usage (from the repo root, with the project's venv)::

    .venv/bin/python packaging/release.py            # everything, into dist/
    .venv/bin/python packaging/release.py --no-bundle  # re-pack an existing dist/kiosk/

Outputs: ``dist/kiosk/`` (run ``dist/kiosk/kiosk``),
``dist/voucher-kiosk-VERSION-linux-x86_64.tar.gz`` and ``dist/voucher-kiosk_VERSION_amd64.deb``.
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

import spec_support  # noqa: E402

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
)
# gzip -1: 2.5x faster than -6 on the ~400 MB bundle for a 10% bigger file.
GZIP_LEVEL = 1

# Only needed on a Wayland session; X11 tills (and the kiosk's xcb default) run without them.
DEB_RECOMMENDS = ("libwayland-client0", "libwayland-cursor0", "libwayland-egl1")


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
                 depends: Sequence[str] = DEB_DEPENDS) -> Path:
    """``voucher-kiosk-VER-linux-x86_64.tar.gz``: bundle, .desktop file, icons, install.sh
    (which checks the system packages in ``depends``)."""
    top = f"{spec_support.APP_ID}-{ver}"
    out = out_dir / f"{top}-linux-x86_64.tar.gz"
    with tarfile.open(out, "w:gz", compresslevel=GZIP_LEVEL) as tar:
        tar.add(bundle, arcname=f"{top}/{spec_support.EXE_NAME}")
        for extra in (DESKTOP_FILE, ICON_SVG, ICON_PNG):
            tar.add(extra, arcname=f"{top}/{extra.name}")
        script = install_script(depends)
        info = tar.gettarinfo(LINUX / "install.sh", arcname=f"{top}/install.sh")
        info.size, info.mode = len(script), 0o755
        tar.addfile(info, io.BytesIO(script))
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


def make_deb(bundle: Path, ver: str, out_dir: Path) -> Path:
    """``voucher-kiosk_VER_amd64.deb``: the bundle in /opt, /usr/bin/kiosk, menu entry, icons."""
    out = out_dir / f"{spec_support.APP_ID}_{ver}_amd64.deb"
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
            ["dpkg-deb", "--root-owner-group", "-Zgzip", f"-z{GZIP_LEVEL}", "--build",
             str(root), str(out)],
            check=True, stdout=subprocess.DEVNULL,
        )
    return out


def _mb(path: Path) -> str:
    size = _tree_size(path) if path.is_dir() else path.stat().st_size
    return f"{size / 1e6:.1f} MB"


def main(argv: list[str] | None = None) -> int:
    """Build the bundle and the Linux packages; prints what was built, how big, how long."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=REPO / "dist")
    parser.add_argument("--no-bundle", action="store_true", help="re-pack an existing bundle")
    parser.add_argument("--no-deb", action="store_true", help="skip the .deb")
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
    if not (bundle / spec_support.EXE_NAME).is_file():
        parser.error(f"no bundle at {bundle}; build it first")
    started = time.perf_counter()
    tarball = make_tarball(bundle, ver, dist)
    print(f"tarball  {tarball}  {_mb(tarball)}  in {time.perf_counter() - started:.1f} s")
    if not args.no_deb:
        if shutil.which("dpkg-deb") is None:
            print("deb      skipped: dpkg-deb not found (Debian/Ubuntu only)")
        else:
            started = time.perf_counter()
            deb = make_deb(bundle, ver, dist)
            print(f"deb      {deb}  {_mb(deb)}  in {time.perf_counter() - started:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
