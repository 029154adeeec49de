"""The simulator as a child process (the demo server): it announces its URL, stops when the
block ends, and ends with its parent however the parent ends."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from kiosk.sim.child import serve_in_child

PARENT = """
import sys, time
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


@pytest.mark.parametrize("how", [signal.SIGKILL, signal.SIGTERM])
def test_ends_with_its_parent(tmp_path: Path, how: signal.Signals) -> None:
    parent = subprocess.Popen([sys.executable, "-c", PARENT, str(tmp_path / "sim.sqlite3")],
                              stdout=subprocess.PIPE, text=True)
    assert parent.stdout is not None
    url = parent.stdout.readline().strip()
    assert url.startswith("http://127.0.0.1:")
    assert httpx.get(url + "/vouchers", auth=("demo-merchant", "demo-api-key")).is_success
    os.kill(parent.pid, how)
    parent.wait(timeout=10)
    parent.stdout.close()
    assert refuses(url)


def test_a_simulator_that_cannot_start_is_an_error(tmp_path: Path) -> None:
    with (pytest.raises(RuntimeError, match="did not start"),
          serve_in_child(api="vauchar", db=tmp_path / "missing" / "dir" / "sim.sqlite3")):
        pass
