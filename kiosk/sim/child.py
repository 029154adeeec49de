"""The simulator as a child process: ``python -m kiosk.sim`` on a free port that ends with the
process that started it, however that one ends (it stops when its standard input closes).

The demo server runs this way so that its imports and its request handling take the till's
other core instead of the kiosk's interpreter, and its memory is not the till's. A PyInstaller
bundle has no ``python -m``: there the bundle's own executable is started again with
:data:`CHILD_ARG` first, which ``kiosk/__main__.py`` hands to the simulator's command line.
Nothing of the simulator is imported here.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

BANNER = "listening on "
STOP_TIMEOUT_S = 5.0
CHILD_ARG = "--run-simulator"  # hidden: the bundle's executable runs the simulator instead


def launcher() -> list[str]:
    """The start of a command line that runs the simulator: this interpreter's
    ``-m kiosk.sim``, or in a bundle its executable with :data:`CHILD_ARG`."""
    if getattr(sys, "frozen", False):
        return [sys.executable, CHILD_ARG]
    return [sys.executable, "-m", "kiosk.sim"]


def sim_command(*, api: str = "vouchercart", host: str = "127.0.0.1", port: int = 0,
                fixture: str | Path | None = None, db: str | Path | None = None,
                token_ttl: float | None = None, auth: str | None = None,
                stop_on_eof: bool = False) -> list[str]:
    """The command line that runs ``api``'s simulator (see :func:`launcher`)."""
    command = [*launcher(), "--api", api, "--host", host, "--port", str(port)]
    for flag, value in (("--auth", auth), ("--fixture", fixture), ("--db", db),
                        ("--token-ttl", token_ttl)):
        if value is not None:
            command += [flag, str(value)]
    return [*command, "--stop-on-eof"] if stop_on_eof else command


@contextmanager
def serve_in_child(*, api: str = "vouchercart", fixture: str | Path | None = None,
                   db: str | Path | None = None) -> Iterator[str]:
    """Run the simulator as a child process; yields its API URL once it listens and stops it
    (closing its standard input, then SIGKILL after :data:`STOP_TIMEOUT_S`) when the block ends."""
    process = subprocess.Popen(sim_command(api=api, fixture=fixture, db=db, stop_on_eof=True),
                               stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert process.stdin is not None
    assert process.stdout is not None
    try:
        line = process.stdout.readline()  # the banner, or "" if it died
        if not line.startswith(BANNER):
            process.kill()
            raise RuntimeError(f"The demo server did not start (exit code {process.wait()}).")
        yield line.removeprefix(BANNER).strip()
    finally:
        process.stdin.close()
        try:
            process.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stdout.close()
