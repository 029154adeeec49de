"""The Linux archive, install script, .deb and desktop entry, built around a stand-in bundle."""

from __future__ import annotations

import configparser
import os
import shutil
import subprocess
import tarfile
from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers.packaging import PACKAGING

VERSION = "9.8.7"


def extract(tar: tarfile.TarFile, dest: Path) -> None:
    """Unpack ``tar`` into ``dest`` safely: with the ``tar`` filter where Python has it
    (3.11.4+), else after checking that no member or link leads outside ``dest``."""
    if hasattr(tarfile, "tar_filter"):
        tar.extractall(dest, filter="tar")
        return
    root = dest.resolve()
    for member in tar.getmembers():
        path = (root / member.name).resolve()
        link = member.linkname if member.issym() else ""
        hard = root / member.linkname if member.islnk() else None
        if (not path.is_relative_to(root) or os.path.isabs(link)
                or not (path.parent / link).resolve().is_relative_to(root)
                or (hard is not None and not hard.resolve().is_relative_to(root))
                or member.isdev()):
            raise tarfile.TarError(f"refusing to extract {member.name!r}: it leaves {dest}")
    tar.extractall(dest)  # every member was checked above


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
    assert out.name == f"voucher-kiosk-{VERSION}-linux-x86_64.tar.xz"
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


def unpack(release: ModuleType, bundle: Path, tmp_path: Path, depends: tuple[str, ...]) -> Path:
    """The tarball built around ``bundle`` (needing system packages ``depends``), unpacked."""
    with tarfile.open(release.make_tarball(bundle, VERSION, tmp_path, depends)) as tar:
        extract(tar, tmp_path / "unpacked")
    return tmp_path / "unpacked" / f"voucher-kiosk-{VERSION}"


def test_install_script_installs_and_upgrades_in_place(
    release: ModuleType, fake_bundle: Path, tmp_path: Path
) -> None:
    unpacked = unpack(release, fake_bundle, tmp_path, ("libc6 (>= 2.0)",))
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


def test_the_tarball_checks_the_debs_depends(release: ModuleType) -> None:
    script = release.install_script().decode()
    assert ('SYSTEM_PACKAGES="libc6 libgl1 libegl1 libdrm2 libxcb1 fontconfig-config '
            'fonts-dejavu-core|fonts-liberation2 ') in script
    listed = script.split('SYSTEM_PACKAGES="', 1)[1].split('"', 1)[0].split()
    assert {"libstdc++6", "libx11-6", "zlib1g"} <= set(listed)  # no longer bundled
    assert "@SYSTEM_PACKAGES@" not in script


ABSENT = "voucher-kiosk-test-absent"


def fake_tools(folder: Path, uid: int) -> dict[str, str]:
    """``PATH`` with stand-ins for the system's ``id`` (says ``uid``) and ``apt-get`` (logs its
    arguments to ``folder/apt.log``, installs nothing) ahead of the real tools."""
    folder.mkdir()
    (folder / "id").write_text(f'#!/bin/sh\n[ "$1" = -u ] && echo {uid} || exec /usr/bin/id "$@"\n')
    (folder / "apt-get").write_text(f'#!/bin/sh\necho "$@" >> {folder}/apt.log\n')
    for tool in ("id", "apt-get"):
        (folder / tool).chmod(0o755)
    return {"PATH": f"{folder}:/usr/sbin:/usr/bin:/sbin:/bin"}


def run_install(
    unpacked: Path, tmp_path: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    dirs = {"BIN_DIR": str(tmp_path / "bin"), "SHARE_DIR": str(tmp_path / "share"),
            "HOME": str(tmp_path)}
    return subprocess.run([str(unpacked / "install.sh"), str(tmp_path / "opt" / "kiosk")],
                          env={**dirs, **env}, capture_output=True, text=True, check=False)


def test_install_script_as_a_user_names_the_missing_packages(
    release: ModuleType, fake_bundle: Path, tmp_path: Path
) -> None:
    unpacked = unpack(release, fake_bundle, tmp_path, ("libc6", f"{ABSENT} | {ABSENT}-too"))
    tools = tmp_path / "tools"
    result = run_install(unpacked, tmp_path, fake_tools(tools, uid=1000))
    assert result.returncode == 1
    assert f"sudo apt-get install -y --no-install-recommends {ABSENT}\n" in result.stderr
    assert "libc6" not in result.stderr
    assert not (tools / "apt.log").exists()
    assert (tmp_path / "opt" / "kiosk" / "kiosk").is_file()  # the program is installed anyway


def test_install_script_as_root_installs_the_missing_packages_with_apt(
    release: ModuleType, fake_bundle: Path, tmp_path: Path
) -> None:
    unpacked = unpack(release, fake_bundle, tmp_path, ("libc6", ABSENT))
    tools = tmp_path / "tools"
    result = run_install(unpacked, tmp_path, fake_tools(tools, uid=0))
    calls = (tools / "apt.log").read_text().splitlines()
    assert calls == ["update -qq", f"install -y -qq --no-install-recommends {ABSENT}"]
    # This apt-get installed nothing, so the script still says what is missing.
    assert result.returncode == 1
    assert f"apt-get install -y --no-install-recommends {ABSENT}" in result.stderr


def test_install_script_names_a_library_the_bundle_cannot_find(
    release: ModuleType, fake_bundle: Path, tmp_path: Path, zbar_missing_a_dependency: Path
) -> None:
    shutil.copy2(zbar_missing_a_dependency, fake_bundle / "_internal" / "libzbar.so.0")
    unpacked = unpack(release, fake_bundle, tmp_path, ("libc6",))
    result = run_install(unpacked, tmp_path, fake_tools(tmp_path / "tools", uid=1000))
    assert result.returncode == 1
    assert "these libraries are missing: libX99.so.6" in result.stderr


def _tarball(tmp_path: Path, *members: tuple[str, str]) -> Path:
    """A .tar with one ``(name, symlink target or "")`` member each ("" = a small file)."""
    out = tmp_path / "evil.tar"
    with tarfile.open(out, "w") as tar:
        for name, target in members:
            info = tarfile.TarInfo(name)
            if target:
                info.type, info.linkname = tarfile.SYMTYPE, target
            tar.addfile(info)
    return out


@pytest.mark.parametrize("member", [
    ("../escaped", ""), ("ok/../../escaped", ""),
    ("link", "/etc/passwd"), ("link", "../../outside"),
])
def test_extract_refuses_members_that_leave_the_folder(
    tmp_path: Path, member: tuple[str, str]
) -> None:
    dest = tmp_path / "a" / "b"
    dest.mkdir(parents=True)
    with tarfile.open(_tarball(tmp_path, member)) as tar, pytest.raises(tarfile.TarError):
        extract(tar, dest)
    assert not (tmp_path / "a" / "escaped").exists()
    assert not (dest / "link").exists()


def test_extract_keeps_links_inside_the_folder(tmp_path: Path) -> None:
    dest = tmp_path / "out"
    with tarfile.open(_tarball(tmp_path, ("lib.so.1", ""), ("lib.so", "lib.so.1"))) as tar:
        extract(tar, dest)
    assert os.readlink(dest / "lib.so") == "lib.so.1"


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
