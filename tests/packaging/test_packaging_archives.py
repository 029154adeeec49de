"""The Linux archive, install script, .deb and desktop entry, built around a stand-in bundle."""

from __future__ import annotations

import configparser
import os
import subprocess
import tarfile
from pathlib import Path
from types import ModuleType

from tests.helpers.packaging import PACKAGING

VERSION = "9.8.7"


def test_desktop_entry_launches_kiosk_with_its_icon(spec_support: ModuleType) -> None:
    parser = configparser.ConfigParser(interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(PACKAGING / "linux" / "voucher-kiosk.desktop")
    entry = parser["Desktop Entry"]
    assert entry["Type"] == "Application"
    assert entry["Name"] == spec_support.APP_NAME
    assert entry["Exec"] == spec_support.EXE_NAME
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";")
    for suffix in ("svg", "png"):
        assert (PACKAGING / "linux" / f"{entry['Icon']}.{suffix}").is_file()


def test_tarball_holds_bundle_launcher_files_and_symlinks(
    release: ModuleType, fake_bundle: Path, tmp_path: Path
) -> None:
    out = release.make_tarball(fake_bundle, VERSION, tmp_path)
    assert out.name == f"voucher-kiosk-{VERSION}-linux-x86_64.tar.gz"
    with tarfile.open(out) as tar:
        members = {m.name: m for m in tar.getmembers()}
    top = f"voucher-kiosk-{VERSION}"
    assert members[f"{top}/kiosk/kiosk"].mode & 0o111
    assert members[f"{top}/install.sh"].mode & 0o111
    link = members[f"{top}/kiosk/_internal/libfake.so"]
    assert link.issym()
    assert link.linkname == "libfake.so.1"
    for name in ("voucher-kiosk.desktop", "voucher-kiosk.svg", "voucher-kiosk.png"):
        assert f"{top}/{name}" in members


def test_install_script_installs_and_upgrades_in_place(
    release: ModuleType, fake_bundle: Path, tmp_path: Path
) -> None:
    with tarfile.open(release.make_tarball(fake_bundle, VERSION, tmp_path)) as tar:
        tar.extractall(tmp_path / "unpacked", filter="tar")
    unpacked = tmp_path / "unpacked" / f"voucher-kiosk-{VERSION}"
    target, bin_dir, share = tmp_path / "opt" / "kiosk", tmp_path / "bin", tmp_path / "share"
    env = {**os.environ, "BIN_DIR": str(bin_dir), "SHARE_DIR": str(share)}
    target.mkdir(parents=True)
    (target / "left-over-from-old-version").write_text("old")

    subprocess.run([str(unpacked / "install.sh"), str(target)], env=env, check=True,
                   capture_output=True)

    assert not (target / "left-over-from-old-version").exists()
    launched = subprocess.run([str(bin_dir / "kiosk"), "--version"], capture_output=True,
                              text=True, check=True)
    assert launched.stdout.strip() == "fake kiosk --version"
    desktop = (share / "applications" / "voucher-kiosk.desktop").read_text()
    assert f"Exec={target}/kiosk\n" in desktop
    assert (share / "icons" / "hicolor" / "scalable" / "apps" / "voucher-kiosk.svg").is_file()


def dpkg_deb(*args: str) -> str:
    return subprocess.run(["dpkg-deb", *args], capture_output=True, text=True, check=True).stdout


def test_deb_installs_to_opt_with_a_kiosk_command(
    release: ModuleType, fake_bundle: Path, tmp_path: Path
) -> None:
    deb = release.make_deb(fake_bundle, VERSION, tmp_path)
    assert deb.name == f"voucher-kiosk_{VERSION}_amd64.deb"
    assert dpkg_deb("-f", str(deb), "Package", "Version", "Architecture").split("\n")[:3] == [
        "Package: voucher-kiosk", f"Version: {VERSION}", "Architecture: amd64"]
    depends = dpkg_deb("-f", str(deb), "Depends")
    for package in ("libc6", "libgl1", "libegl1", "libxcb1", "fontconfig-config"):
        assert package in depends
    assert "libzbar0" not in depends  # ZBar travels inside the bundle

    root = tmp_path / "installed"
    dpkg_deb("-x", str(deb), str(root))
    assert os.readlink(root / "usr" / "bin" / "kiosk") == "/opt/voucher-kiosk/kiosk"
    exe = root / "opt" / "voucher-kiosk" / "kiosk"
    assert exe.stat().st_mode & 0o777 == 0o755
    internal = root / "opt" / "voucher-kiosk" / "_internal"
    assert os.readlink(internal / "libfake.so") == "libfake.so.1"
    assert (root / "usr" / "share" / "applications" / "voucher-kiosk.desktop").is_file()
    assert (root / "usr" / "share" / "icons" / "hicolor" / "256x256" / "apps"
            / "voucher-kiosk.png").is_file()
    owners = dpkg_deb("-c", str(deb))
    assert "root/root" in owners
    assert "./opt/voucher-kiosk/kiosk" in owners
    assert fake_bundle.joinpath("kiosk").is_file()  # staging hard links left the bundle intact
