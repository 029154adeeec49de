"""The simulator as a child process (the demo server): it announces its URL, stops when the
block ends, and ends with its parent however the parent ends; in a bundle (no ``python -m``)
the executable runs it when started with ``CHILD_ARG``."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from kiosk.sim.child import CHILD_ARG, serve_in_child

PARENT = """
import sys, time
from kiosk.sim.child import serve_in_child
with serve_in_child(api="vauchar", db=sys.argv[1]) as url:
    print(url, flush=True)
    time.sleep(600)
"""

# A frozen kiosk: ``sys.executable`` is the bundle's executable (here a script that runs
# ``python -m kiosk``, what the bundle's entry point is), which has no ``-m``.
FROZEN_PARENT = """
import sys, time
sys.frozen = True
sys.executable = sys.argv[2]
from kiosk.sim.child import serve_in_child
with serve_in_child(api="vauchar", db=sys.argv[1]) as url:
    print(url, flush=True)
    time.sleep(600)
"""


def refuses(url: str, deadline_s: float = 15.0) -> bool:
    """Whether ``url`` stops accepting connections before the deadline."""
    end = time.monotonic() + deadline_s
    while time.monotonic() < end:
        try:
            httpx.get(url, timeout=1.0)
        except httpx.TransportError:
            return True
        time.sleep(0.05)  # polling another process's socket: no signal to wait on
    return False


def test_serves_then_stops_with_the_block(tmp_path: Path) -> None:
    with serve_in_child(api="vauchar", db=tmp_path / "sim.sqlite3") as url:
        answer = httpx.get(url + "/vouchers", auth=("demo-merchant", "demo-api-key"))
        assert answer.status_code == 200
    assert refuses(url, deadline_s=1.0)


def bundle_executable(folder: Path) -> Path:
    """A stand-in for the bundle's executable: ``kiosk/__main__.py`` with this Python."""
    executable = folder / "kiosk"
    executable.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m kiosk "$@"\n')
    executable.chmod(0o755)
    return executable


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_ends_with_its_parent(tmp_path: Path, how: signal.Signals) -> None:
    parent = subprocess.Popen([sys.executable, "-c", PARENT, str(tmp_path / "sim.sqlite3")],
                              stdout=subprocess.PIPE, text=True)
    assert_ends_with(parent, how)


def test_a_bundle_runs_it_with_its_own_executable_and_it_ends_with_the_bundle(
        tmp_path: Path) -> None:
    parent = subprocess.Popen([sys.executable, "-c", FROZEN_PARENT, str(tmp_path / "sim.sqlite3"),
                               str(bundle_executable(tmp_path))],
                              stdout=subprocess.PIPE, text=True)
    child = assert_ends_with(parent, signal.SIGKILL)
    assert child[1:4] == ["-m", "kiosk", CHILD_ARG], child  # what the stand-in ran


def assert_ends_with(parent: subprocess.Popen[str], how: signal.Signals) -> list[str]:
    """``parent`` prints its simulator's URL; the simulator serves, and stops once ``parent``
    is ended with ``how``. Returns the simulator's command line."""
    assert parent.stdout is not None
    url = parent.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:")
    assert httpx.get(url + "/vouchers", auth=("demo-merchant", "demo-api-key")).is_success
    children = Path(f"/proc/{parent.pid}/task/{parent.pid}/children").read_text().split()
    assert len(children) == 1, children
    command = Path(f"/proc/{children[0]}/cmdline").read_bytes().decode().split("\0")[:-1]
    os.kill(parent.pid, how)
    parent.wait(timeout=10)
    parent.stdout.close()
    assert refuses(url)
    return command


def test_a_simulator_that_cannot_start_is_an_error(tmp_path: Path) -> None:
    with (pytest.raises(RuntimeError, match="did not start"),
          serve_in_child(api="vauchar", db=tmp_path / "missing" / "dir" / "sim.sqlite3")):
        pass
