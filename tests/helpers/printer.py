"""A network receipt printer on loopback (raw port 9100 protocol): the true edge of printing.

It answers the paper-status query (DLE EOT 4) as told and records every byte it is sent;
``behaviour`` makes it a printer that is out of paper or that dies mid-print.
"""

from __future__ import annotations

import socket
import struct
import threading
from types import TracebackType

PAPER_STATUS = b"\x10\x04\x04"
PAPER_OK, PAPER_OUT = b"\x12", b"\x72"


class FakePrinter:
    """Accepts connections on 127.0.0.1; ``received`` holds each connection's bytes."""

    def __init__(self, behaviour: str = "ok") -> None:
        self.behaviour = behaviour  # "ok", "paper_out", "dies"
        self.received: list[bytes] = []
        self._server = socket.create_server(("127.0.0.1", 0))
        self.port: int = self._server.getsockname()[1]
        self._done = threading.Event()
        self._got = threading.Condition()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    @property
    def address(self) -> str:
        """``host:port`` as the printer setting takes it."""
        return f"127.0.0.1:{self.port}"

    @property
    def data(self) -> bytes:
        """Everything every connection sent, in order."""
        return b"".join(self.received)

    def _serve(self) -> None:
        self._server.settimeout(0.2)
        while not self._done.is_set():
            try:
                conn, _ = self._server.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            with conn:
                self._handle(conn)

    def _handle(self, conn: socket.socket) -> None:
        conn.settimeout(2.0)
        chunks: list[bytes] = []
        try:
            while True:
                data = conn.recv(65536)
                if not data:
                    break
                chunks.append(data)
                if PAPER_STATUS in data:
                    conn.sendall(PAPER_OUT if self.behaviour == "paper_out" else PAPER_OK)
                    if self.behaviour == "dies":
                        # Reset the connection: the printer lost power mid-job.
                        conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER,
                                        struct.pack("ii", 1, 0))
                        break
        except OSError:
            pass
        with self._got:
            self.received.append(b"".join(chunks))
            self._got.notify_all()

    def wait(self, connections: int = 1, timeout: float = 10.0) -> bytes:
        """Wait until ``connections`` jobs have ended; returns all bytes received."""
        with self._got:
            assert self._got.wait_for(lambda: len(self.received) >= connections, timeout)
        return self.data

    def close(self) -> None:
        """Stop accepting."""
        self._done.set()
        self._server.close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FakePrinter:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()
