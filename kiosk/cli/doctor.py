"""``kiosk doctor``: system libraries, cameras, decoders, sign-in, server and queue health."""

from __future__ import annotations

import argparse
import ctypes
import os
import shutil
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.cli import support

if TYPE_CHECKING:
    from kiosk.app.engine import Engine

# The libraries the packaged kiosk takes from the system (the .deb's Depends; packaging/
# release.py), each with the Debian/Ubuntu package that provides it.
GRAPHICS_LIBRARIES = {
    "libGL.so.1": "libgl1",
    "libEGL.so.1": "libegl1",
    "libGLX.so.0": "libglx0",
    "libGLdispatch.so.0": "libglvnd0",
    "libdrm.so.2": "libdrm2",
    "libxcb.so.1": "libxcb1",
}
# Libraries every Debian/Ubuntu system has (apt, dpkg and systemd need them): the Linux
# bundle takes them from the system instead of carrying copies (packaging/spec_support.py).
BASE_LIBRARIES = {
    "libstdc++.so.6": "libstdc++6", "libgcc_s.so.1": "libgcc-s1", "libz.so.1": "zlib1g",
    "libzstd.so.1": "libzstd1", "liblzma.so.5": "liblzma5", "libbz2.so.1.0": "libbz2-1.0",
    "liblz4.so.1": "liblz4-1", "libsystemd.so.0": "libsystemd0", "libcap.so.2": "libcap2",
    "libgcrypt.so.20": "libgcrypt20", "libgpg-error.so.0": "libgpg-error0",
    "libmount.so.1": "libmount1", "libblkid.so.1": "libblkid1", "libuuid.so.1": "libuuid1",
    "libselinux.so.1": "libselinux1", "libpcre2-8.so.0": "libpcre2-8-0",
    "libgnutls.so.30": "libgnutls30", "libp11-kit.so.0": "libp11-kit0",
    "libunistring.so.2": "libunistring2", "libidn2.so.0": "libidn2-0",
    "libtasn1.so.6": "libtasn1-6", "libnettle.so.8": "libnettle8", "libhogweed.so.6": "libhogweed6",
    "libgmp.so.10": "libgmp10", "libffi.so.8": "libffi8", "libmd.so.0": "libmd0",
}
# Libraries of every graphical system (an X server or Wayland compositor, and fontconfig,
# without which Qt draws no text): taken from the system too. Not libexpat, although
# fontconfig needs it: the bundle's Python itself does, so without it not even `kiosk
# doctor` could start to say what is missing (a minimal Debian has none): it is bundled.
DESKTOP_LIBRARIES = {
    "libX11.so.6": "libx11-6", "libX11-xcb.so.1": "libx11-xcb1", "libXau.so.6": "libxau6",
    "libXdmcp.so.6": "libxdmcp6", "libxkbcommon.so.0": "libxkbcommon0",
    "libfontconfig.so.1": "libfontconfig1", "libfreetype.so.6": "libfreetype6",
    "libpng16.so.16": "libpng16-16",
    "libbrotlicommon.so.1": "libbrotli1", "libbrotlidec.so.1": "libbrotli1",
    "libbsd.so.0": "libbsd0",
}
# What the bundle takes from the system: `kiosk doctor` checks each loads.
SYSTEM_LIBRARIES = {**GRAPHICS_LIBRARIES, **BASE_LIBRARIES, **DESKTOP_LIBRARIES}


def register(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    parent: argparse.ArgumentParser,
) -> None:
    """Add the ``doctor`` sub-command."""
    parser = subparsers.add_parser(
        "doctor", parents=[parent], help="check cameras, decoders, server and queue",
        description="Check what the kiosk needs. Exit 0 when it can redeem online, else 1.")
    support.add_option(parser)
    parser.set_defaults(func=run)


def _probe(what: str, check: Callable[[], str]) -> str:
    try:
        return check()
    except ImportError:
        return "not available in this build"
    except Exception as exc:  # a diagnostic must report, never crash
        return f"could not check {what}: {exc}"


def _cameras() -> str:
    from kiosk.scan.camera import list_cameras  # noqa: PLC0415 - optional

    found = list_cameras()
    return ", ".join(f"{c.index}: {c.name}" for c in found) if found else "none found"


def _load_failure(path: str) -> tuple[str, str] | None:
    """``(library, reason)`` when the dynamic loader cannot load ``path``: the library really
    missing, which may be a dependency of ``path``; None when it loads."""
    try:
        ctypes.CDLL(path)
    except OSError as exc:
        # A frozen app's ctypes wraps the loader's error in a vaguer one ("… was not found
        # when the application was frozen"); the loader's own names the library.
        cause = exc.__cause__ if isinstance(exc.__cause__, OSError) else exc
        name, _, reason = str(cause).partition(": ")
        return os.path.basename(name), reason or "cannot be loaded"
    return None


def _install_hint(libraries: list[str]) -> str:
    packages = [SYSTEM_LIBRARIES[lib] for lib in libraries if lib in SYSTEM_LIBRARIES]
    return f" (Debian/Ubuntu: sudo apt-get install {' '.join(packages)})" if packages else ""


def library_problem(path: str) -> str | None:
    """Why ``path`` cannot be loaded, naming the library really missing and its package."""
    failure = _load_failure(path)
    if failure is None:
        return None
    library, reason = failure
    return f"{library}: {reason}{_install_hint([library])}"


def _system_libraries() -> str:
    failures = dict(f for lib in SYSTEM_LIBRARIES if (f := _load_failure(lib)))
    if not failures:
        return "ok"
    reasons = ", ".join(sorted(set(failures.values())))
    return f"MISSING {', '.join(failures)} ({reasons}){_install_hint(list(failures))}"


def _zbar_problem() -> str | None:
    """What stops the ZBar library (in a bundle, the bundled copy) from loading, if known."""
    from pyzbar import zbar_library  # noqa: PLC0415 - the runtime hook patches its finder

    path = zbar_library.find_library("zbar")
    return library_problem(path) if path else None


def _decoders() -> str:
    from kiosk.scan.decoders import available_decoders  # noqa: PLC0415 - optional

    found = available_decoders()
    zbar_ok = all(d.available for d in found if d.name == "zbar")
    cause = None if zbar_ok else _probe("the ZBar library", lambda: _zbar_problem() or "")
    parts = []
    for d in found:
        detail = "ok" if d.available else d.detail
        if cause and d.name == "zbar":
            detail = cause
        elif cause and d.name == "combined":
            detail = f"zxing only: {cause}"
        parts.append(f"{d.name} ({detail})")
    return ", ".join(parts) or "none"


def _local_staff(engine: Engine) -> str:
    """The staff member recorded and the till's local list, in one line."""
    from kiosk.app.local_staff import LocalStaff  # noqa: PLC0415

    members = LocalStaff(engine.store, engine.settings).members()
    managers = sum(m.manager for m in members)
    who = (f"staff_name {engine.staff or '?'} (id {engine.staff_id})" if engine.staff_id
           else f"staff_name {engine.staff or '?'} (not on the list)")
    if not members:
        return f"{who}; the local staff list is empty (`kiosk staff add NAME --manager`)"
    return f"{who}; local list: {len(members)} active, {managers} manager(s)"


def _storage(engine: Engine) -> tuple[str, bool]:
    """Free space in the data folder and whether the disk reserve is kept; False when the
    disk is almost full (redemptions are about to be refused)."""
    from kiosk.store.reserve import MIN_FREE_BYTES  # noqa: PLC0415

    try:
        free = shutil.disk_usage(engine.home).free
    except OSError as exc:
        return f"free space unknown ({exc.strerror})", True
    size = f"{free / 1e9:.1f} GB" if free >= 1e9 else f"{free / 1e6:.1f} MB"
    reserve = ("disk reserve kept" if engine.store.reserve.path.exists()
               else "no disk reserve (used up, or no room for it)")
    if free < MIN_FREE_BYTES:
        return f"ALMOST FULL: {size} free; {reserve}", False
    return f"{size} free; {reserve}", True


def run(args: argparse.Namespace) -> int:
    """Print one line per check (or write the support bundle)."""
    if args.support:
        return support.run(args)
    from kiosk import paths  # noqa: PLC0415
    from kiosk.app.signin import current_account  # noqa: PLC0415
    from kiosk.cli import engine_for  # noqa: PLC0415
    from kiosk.domain.errors import KioskError  # noqa: PLC0415

    healthy = True
    print(f"Data folder: {paths.data_dir()}")
    if sys.platform.startswith("linux"):
        libraries = _system_libraries()
        print(f"System:      {libraries}")
        if libraries != "ok":
            healthy = False
            print("kiosk doctor: system libraries are missing; the kiosk window cannot open",
                  file=sys.stderr)
    print(f"Cameras:     {_probe('cameras', _cameras)}")
    print(f"Decoders:    {_probe('decoders', _decoders)}")
    try:
        engine = engine_for(args)
    except KioskError as exc:
        print(f"Account:     {exc.message}")
        print("kiosk doctor: not signed in", file=sys.stderr)
        return 1
    try:
        account = current_account(home=engine.home)
        shop = account.domain_name if account else f"shop {engine.domain_id}"
        print(f"Account:     {engine.staff or '?'} on {shop} "
              f"({getattr(engine.backend, 'name', '?')})")
        if not engine.capabilities.staff_sign_in:
            print(f"Staff:       {_local_staff(engine)}")
        try:
            reachable, seconds, detail = engine.ping()
        except KioskError as exc:
            reachable, seconds, detail = True, 0.0, exc.message
        print(f"Server:      {'reachable' if reachable else 'UNREACHABLE'} "
              f"({seconds * 1000:.0f} ms) — {detail}")
        healthy = healthy and reachable
        pending, conflicts = engine.outbox.counts()
        open_entries = engine.outbox.open_entries()
        oldest = (f", oldest from {open_entries[0].redeemed_at:%Y-%m-%d %H:%M} UTC"
                  if open_entries else "")
        uncertain = sum(e.uncertain for e in open_entries)
        print(f"Queue:       {pending} waiting{oldest}; {uncertain} uncertain; "
              f"{conflicts} conflicts for a manager")
        storage, roomy = _storage(engine)
        print(f"Storage:     {storage}")
    finally:
        engine.close()
    if not roomy:
        healthy = False
        print("kiosk doctor: the till's disk is almost full; free space, or redemptions "
              "will be refused", file=sys.stderr)
    if not healthy:
        print("kiosk doctor: the server cannot be reached; redemptions will queue offline",
              file=sys.stderr)
    return 0 if healthy else 1
