"""One kiosk per data directory: the GUI holds a ``QLockFile``; a second start asks the
running one (over a ``QLocalSocket``) to come to the front, then exits.

A crash leaves the lock file behind; ``QLockFile`` sees that its process is gone and takes
it over, so the kiosk comes back after a crash without anyone deleting files.

The kiosk takes the lock as it starts but listens a moment later (``listen``): QtNetwork is
not loaded on the way to the first screen (start-up, docs/performance.md). A second start
therefore knocks again for a few seconds before it decides that nobody answers.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLockFile, QObject, Signal

from kiosk.app.instance import lock_path

if TYPE_CHECKING:
    from PySide6.QtNetwork import QLocalServer

WAKE = b"raise\n"
TIMEOUT_MS = 1000
KNOCK_FOR_S = 5.0  # a kiosk that has just started listens within about a second
KNOCK_AGAIN_S = 0.05


def server_name(home: Path) -> str:
    """The local socket's name for data directory ``home`` (one per folder and user)."""
    digest = hashlib.sha256(str(home.resolve()).encode()).hexdigest()[:16]
    return f"voucher-kiosk-{digest}"


class SingleInstance(QObject):
    """The lock of one data directory. ``activated`` fires when a second start knocks."""

    activated = Signal()  # another start of the kiosk asked this one to come to the front

    def __init__(self, home: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._name = server_name(home)
        self._lock = QLockFile(str(lock_path(home)))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone
        self._server: QLocalServer | None = None

    def acquire(self, *, listen: bool = True) -> bool:
        """Take the lock and, with ``listen``, listen for a second start at once (else call
        ``listen`` later); False when another kiosk holds it."""
        if not self._lock.tryLock(100):
            return False
        if listen:
            self.listen()
        return True

    @property
    def listening(self) -> bool:
        """Whether a second start can knock (``listen`` was called)."""
        return self._server is not None

    def listen(self) -> None:
        """Listen for a second start (the lock is held)."""
        if self._server is not None:
            return
        from PySide6.QtNetwork import QLocalServer  # noqa: PLC0415 - not before the first screen

        QLocalServer.removeServer(self._name)  # a socket left by a crashed kiosk
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._knocked)
        server.listen(self._name)
        self._server = server

    def _knocked(self) -> None:
        assert self._server is not None
        while (connection := self._server.nextPendingConnection()) is not None:
            connection.disconnected.connect(connection.deleteLater)
            connection.disconnectFromServer()
        self.activated.emit()

    def wake_running(self) -> bool:
        """Ask the kiosk holding the lock to come to the front, knocking for up to
        ``KNOCK_FOR_S`` (it may have started a moment ago); False if it did not answer."""
        from PySide6.QtNetwork import QLocalSocket  # noqa: PLC0415

        deadline = time.monotonic() + KNOCK_FOR_S
        while True:
            socket = QLocalSocket()
            socket.connectToServer(self._name)
            if socket.waitForConnected(TIMEOUT_MS):
                break
            if time.monotonic() >= deadline:
                return False
            time.sleep(KNOCK_AGAIN_S)
        socket.write(WAKE)
        socket.waitForBytesWritten(TIMEOUT_MS)
        socket.disconnectFromServer()
        return True

    def release(self) -> None:
        """Stop listening and release the lock."""
        if self._server is not None:
            self._server.close()
            self._server = None
        self._lock.unlock()
