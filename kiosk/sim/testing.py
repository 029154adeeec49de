"""Helpers for tests: run the simulator in a thread of the test process, or as a real
``python -m kiosk.sim`` subprocess that can be killed and restarted on the same database."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from kiosk.sim.child import BANNER, sim_command
from kiosk.sim.server import SimServer, make_server

__all__ = ["SimProcess", "SimServer", "serve_in_subprocess", "serve_in_thread"]

@contextmanager
def serve_in_thread(fixture: Mapping[str, Any] | str | Path | None = None, *,
                    db: str | Path | None = None, token_ttl: float = 86400,
                    host: str = "127.0.0.1", port: int = 0, api: str = "vouchercart",
                    auth: str | None = None) -> Iterator[SimServer]:
    """Serve ``api``'s simulator (its demo fixture if ``fixture`` is None) until the block ends."""
    server = make_server(fixture, db=db, token_ttl=token_ttl, host=host, port=port, api=api,
                         auth=auth).start()
    try:
        yield server
    finally:
        server.stop()


@dataclass
class SimProcess:
    """A simulator subprocess and the URL it announced."""

    process: subprocess.Popen[str]
    api_url: str

    @property
    def base_url(self) -> str:
        """``http://HOST:PORT`` (where ``/_sim/`` lives)."""
        parts = urlsplit(self.api_url)
        return f"{parts.scheme}://{parts.netloc}"

    def kill(self) -> None:
        """SIGKILL: no clean shutdown (committed state survives)."""
        self.process.kill()
        self.process.wait(timeout=10)

    def terminate(self) -> int:
        """SIGTERM; returns the exit code."""
        self.process.terminate()
        return self.process.wait(timeout=10)


@contextmanager
def serve_in_subprocess(fixture: str | Path | None = None, *, db: str | Path | None = None,
                        token_ttl: float | None = None, host: str = "127.0.0.1",
                        port: int = 0, api: str = "vouchercart",
                        auth: str | None = None) -> Iterator[SimProcess]:
    """Run ``python -m kiosk.sim``; yields once it listens, kills it at the end of the block.

    Restart on the same ``db`` (in a new block) to test persistence across server restarts.
    """
    command = sim_command(api=api, host=host, port=port, fixture=fixture, db=db,
                          token_ttl=token_ttl, auth=auth)
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # the banner, or "" if it died
        if not line.startswith(BANNER):
            process.kill()
            _, err = process.communicate(timeout=10)
            raise RuntimeError(f"simulator did not start: {line!r} {err.strip()}")
        yield SimProcess(process, line.removeprefix(BANNER).strip())
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=10)
