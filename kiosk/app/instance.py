"""One kiosk per data directory: who holds it (Qt-free side).

The GUI holds ``kiosk.lock`` in the data directory with Qt's ``QLockFile``
(``kiosk.ui.single_instance``), whose file says ``PID``, the application name and the host
on its first three lines. The command line reads it to tell staff plainly when the running
till app owns the queue; it never takes the lock itself (the outbox is safe to share).
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

LOCK_NAME = "kiosk.lock"


def lock_path(home: Path) -> Path:
    """The lock file of data directory ``home``."""
    return home / LOCK_NAME


def gui_holder(home: Path) -> int | None:
    """The PID of the running kiosk app on ``home``, or None when none holds it."""
    try:
        lines = lock_path(home).read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return None
    if not lines or not lines[0].strip().isdigit():
        return None
    pid = int(lines[0].strip())
    from kiosk.store.outbox import pid_alive  # noqa: PLC0415 - SQLite stack: not at GUI start

    host = lines[2].strip() if len(lines) > 2 else ""
    if host and host != socket.gethostname():
        return pid  # another machine on a shared folder: assume it is alive
    return pid if pid != os.getpid() and pid_alive(pid) else None


def gui_note(home: Path) -> str:
    """One plain line when the till app holds ``home``'s queue, else ``""``."""
    pid = gui_holder(home)
    if pid is None:
        return ""
    return (f"Note: the kiosk app is running on this data folder (process {pid}) and holds "
            "the queue; it sends queued redemptions itself. This command works alongside it.")
