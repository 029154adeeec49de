"""One kiosk per data directory: the GUI holds a ``QLockFile``; a second start asks the
running one (over a ``QLocalSocket``) to come to the front, then exits.

A crash leaves the lock file behind; ``QLockFile`` sees that its process is gone and takes
it over, so the kiosk comes back after a crash without anyone deleting files.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from kiosk.app.instance import lock_path

WAKE = b"raise\n"
TIMEOUT_MS = 1000


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

    def acquire(self) -> bool:
        """Take the lock and listen for a second start; False when another kiosk holds it."""
        if not self._lock.tryLock(100):
            return False
        QLocalServer.removeServer(self._name)  # a socket left by a crashed kiosk
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        server.newConnection.connect(self._knocked)
        server.listen(self._name)
        self._server = server
        return True

    def _knocked(self) -> None:
        assert self._server is not None
        while (connection := self._server.nextPendingConnection()) is not None:
            connection.disconnected.connect(connection.deleteLater)
            connection.disconnectFromServer()
        self.activated.emit()

    def wake_running(self) -> bool:
        """Ask the kiosk holding the lock to come to the front; False if it did not answer."""
        socket = QLocalSocket()
        socket.connectToServer(self._name)
        if not socket.waitForConnected(TIMEOUT_MS):
            return False
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
