"""Where the kiosk keeps its data and finds its resources.

Everything the kiosk stores (settings, SQLite, logs) lives under one folder:
``--home DIR``, else ``$KIOSK_HOME``, else the platform's user data dir.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from kiosk import APP_ID

_home_override: Path | None = None


def set_home(path: str | os.PathLike[str] | None) -> None:
    """Pin the data directory for this process (the ``--home`` option)."""
    global _home_override  # noqa: PLW0603
    _home_override = Path(path).expanduser().resolve() if path else None


def data_dir() -> Path:
    """The kiosk's data directory, created on first use."""
    if _home_override is not None:
        path = _home_override
    elif os.environ.get("KIOSK_HOME"):
        path = Path(os.environ["KIOSK_HOME"]).expanduser()
    else:
        path = Path(platformdirs.user_data_dir(APP_ID, appauthor=False))
    make_private_dir(path)
    return path


def make_private_dir(path: Path) -> None:
    """Create ``path`` and its missing parents 0700, whatever the umask (voucher codes are
    worth money). Folders that already exist are left as they are: they may be shared."""
    missing: list[Path] = []
    probe = path
    while not probe.exists() and probe != probe.parent:
        missing.append(probe)
        probe = probe.parent
    path.mkdir(mode=0o700, parents=True, exist_ok=True)
    for created in missing:
        os.chmod(created, 0o700)


def resources_dir() -> Path:
    """The shipped ``resources/`` folder, from source or from a PyInstaller bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    """A path inside ``resources/``."""
    return resources_dir().joinpath(*parts)
