"""Secret storage: a 0600 file by default here, the OS keyring when one exists."""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail

from kiosk.store.secrets import (
    FileSecrets,
    KeyringSecrets,
    keyring_available,
    open_secrets,
)


class DictKeyring(KeyringBackend):
    """An in-process stand-in for the OS keyring (the one thing tests cannot have)."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.entries: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.entries.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.entries[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if (service, username) not in self.entries:
            raise keyring.errors.PasswordDeleteError(username)
        del self.entries[(service, username)]


@pytest.fixture
def os_keyring(monkeypatch: pytest.MonkeyPatch) -> Iterator[DictKeyring]:
    previous = keyring.get_keyring()
    ring = DictKeyring()
    keyring.set_keyring(ring)
    monkeypatch.delenv("KIOSK_SECRETS")
    # A desktop session: on Linux the keyrings are reached over the D-Bus session bus.
    monkeypatch.setenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/run/user/1000/bus")
    yield ring
    keyring.set_keyring(previous)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_file_is_private_and_round_trips(tmp_path: Path) -> None:
    store = FileSecrets(tmp_path / "secrets.json")
    assert store.get("a") is None
    store.set("a", "one")
    store.set("b", "two")
    assert stat.S_IMODE(os.stat(store.path).st_mode) == 0o600
    assert (store.get("a"), store.get("b")) == ("one", "two")
    store.delete("a")
    store.delete("missing")
    assert FileSecrets(store.path).get("a") is None
    assert FileSecrets(store.path).get("b") == "two"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["secrets.json"]  # no temp files left


def test_corrupt_file_starts_afresh(tmp_path: Path) -> None:
    path = tmp_path / "secrets.json"
    path.write_text("{not json", encoding="utf-8")
    store = FileSecrets(path)
    assert store.get("a") is None
    store.set("a", "x")
    assert store.get("a") == "x"


def test_env_forces_the_file(kiosk_home: Path) -> None:
    store = open_secrets()
    assert isinstance(store, FileSecrets)
    assert store.path == kiosk_home / "secrets.json"


def test_no_real_keyring_means_file(monkeypatch: pytest.MonkeyPatch) -> None:
    previous = keyring.get_keyring()
    keyring.set_keyring(fail.Keyring())
    monkeypatch.delenv("KIOSK_SECRETS")
    try:
        assert not keyring_available()
        assert isinstance(open_secrets(), FileSecrets)
    finally:
        keyring.set_keyring(previous)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the D-Bus session bus")
def test_linux_without_a_session_bus_has_no_keyring_to_ask(
        os_keyring: DictKeyring, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Secret Service and KWallet live behind the session bus: with none, keyring is not asked
    # (asking imports every backend it knows: 0.2-0.4 s of start-up).
    monkeypatch.delenv("DBUS_SESSION_BUS_ADDRESS")
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))  # no "bus" socket in it
    assert not keyring_available()
    assert isinstance(open_secrets(tmp_path), FileSecrets)
    (tmp_path / "bus").touch()  # a session bus at the usual place: keyring is asked
    assert keyring_available()


def test_keyring_is_used_when_available(os_keyring: DictKeyring, tmp_path: Path) -> None:
    assert keyring_available()
    first, second = open_secrets(tmp_path / "one"), open_secrets(tmp_path / "two")
    assert isinstance(first, KeyringSecrets)
    first.set("session", "s1")
    second.set("session", "s2")  # another data dir: another kiosk, its own entry
    assert (first.get("session"), second.get("session")) == ("s1", "s2")
    first.delete("session")
    first.delete("session")
    assert first.get("session") is None
    assert not (tmp_path / "one" / "secrets.json").exists()
    assert "DictKeyring" in first.location
