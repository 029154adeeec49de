"""Where secrets (session tokens, the offline password check) are kept.

The OS keyring when a real one is available (Windows Credential Locker, macOS Keychain,
Secret Service on Linux desktops); otherwise a file readable only by the kiosk's user
(mode 0600) in the data directory. ``KIOSK_SECRETS=file|keyring`` forces one. The Linux
bundle leaves out the Secret Service back end (cryptography is 15 MB; docs/packaging.md), so
it always uses the file there.

Entries are namespaced by the data directory, so two kiosk homes on one machine (or a test
run next to a real install) never share a session.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import sys
import tempfile
import threading
from pathlib import Path
from typing import Protocol

from kiosk import APP_ID, paths

log = logging.getLogger(__name__)

SECRETS_FILE = "secrets.json"
ENV_BACKEND = "KIOSK_SECRETS"


class SecretStore(Protocol):
    """Named secret strings."""

    location: str  # where they live, for ``kiosk doctor`` (never the secrets themselves)

    def get(self, name: str) -> str | None:
        """The secret called ``name``, or None."""
        ...

    def set(self, name: str, value: str) -> None:
        """Store ``value`` durably under ``name`` before returning."""
        ...

    def delete(self, name: str) -> None:
        """Forget ``name`` (no error if absent)."""
        ...


class FileSecrets:
    """Secrets in one JSON file with mode 0600, replaced atomically and fsynced on write."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.location = str(path)
        self._lock = threading.Lock()

    def _read(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError):
            log.warning("secrets file %s is unreadable; starting afresh", self.path)
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def _write(self, data: dict[str, str]) -> None:
        paths.make_private_dir(self.path.parent)
        fd, tmp = tempfile.mkstemp(prefix=".secrets-", dir=self.path.parent)  # created 0600
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                json.dump(data, handle)
                handle.flush()
                os.fsync(handle.fileno())
            os.chmod(tmp, 0o600)
            os.replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
        _fsync_dir(self.path.parent)

    def get(self, name: str) -> str | None:
        """The secret called ``name``, or None."""
        with self._lock:
            return self._read().get(name)

    def set(self, name: str, value: str) -> None:
        """Store ``value`` under ``name`` (durable on return)."""
        with self._lock:
            data = self._read()
            data[name] = value
            self._write(data)

    def delete(self, name: str) -> None:
        """Forget ``name``."""
        with self._lock:
            data = self._read()
            if data.pop(name, None) is not None:
                self._write(data)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class KeyringSecrets:
    """Secrets in the OS keyring, under service ``voucher-kiosk``, names prefixed by home."""

    def __init__(self, namespace: str) -> None:
        import keyring  # noqa: PLC0415 - only when a keyring is in use

        self._keyring = keyring
        self._namespace = namespace
        self.location = f"OS keyring ({type(keyring.get_keyring()).__name__})"

    def _key(self, name: str) -> str:
        return f"{self._namespace}|{name}"

    def get(self, name: str) -> str | None:
        """The secret called ``name``, or None."""
        value: str | None = self._keyring.get_password(APP_ID, self._key(name))
        return value

    def set(self, name: str, value: str) -> None:
        """Store ``value`` under ``name``."""
        self._keyring.set_password(APP_ID, self._key(name), value)

    def delete(self, name: str) -> None:
        """Forget ``name``."""
        from keyring.errors import PasswordDeleteError  # noqa: PLC0415

        with contextlib.suppress(PasswordDeleteError):
            self._keyring.delete_password(APP_ID, self._key(name))


def _no_session_bus() -> bool:
    """Whether this is Linux without a D-Bus session bus: the Linux keyrings (Secret Service,
    KWallet) are only reached over it, so there is none to find, and asking ``keyring``
    (which imports every backend it knows, macOS's included) costs 0.2-0.4 s of start-up."""
    if not sys.platform.startswith("linux") or os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return False
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    return not (runtime and Path(runtime, "bus").exists())


def keyring_available() -> bool:
    """Whether a real OS keyring backend is usable (not the 'fail' or plaintext ones)."""
    if _no_session_bus():
        return False
    try:
        import keyring  # noqa: PLC0415
        from keyring.backends import fail  # noqa: PLC0415

        backend = keyring.get_keyring()
    except Exception:  # a broken keyring install must not stop the kiosk
        return False
    if isinstance(backend, fail.Keyring):
        return False
    module = type(backend).__module__
    if module.startswith(("keyrings.alt", "keyring.backends.null")):
        return False  # plaintext or null "keyrings" are worse than our 0600 file
    priority = getattr(backend, "priority", 0)
    return isinstance(priority, int | float) and priority >= 1


def open_secrets(home: Path | None = None) -> SecretStore:
    """The kiosk's secret store for data directory ``home`` (default: the current one)."""
    folder = home or paths.data_dir()
    choice = os.environ.get(ENV_BACKEND, "").strip().lower()
    if choice == "keyring" or (choice != "file" and keyring_available()):
        return KeyringSecrets(str(folder.resolve()))
    return FileSecrets(folder / SECRETS_FILE)
