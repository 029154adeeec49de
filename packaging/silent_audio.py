"""A private PulseAudio server with one null sink: a silent audio device for checks.

Used by ``qt_modules.py`` and ``smoke_test.py`` so that sounds really play (and QtMultimedia
really loads its audio code) on a build machine without a sound card.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

START_TIMEOUT_S = 10.0


@contextmanager
def silent_pulse(folder: Path) -> Iterator[dict[str, str] | None]:
    """Run ``pulseaudio`` with a null sink in ``folder``; yields the client environment
    (``PULSE_SERVER``), or None when pulseaudio is not installed."""
    exe = shutil.which("pulseaudio")
    if exe is None:
        yield None
        return
    socket = folder / "pulse-native"
    env = {"PATH": "/usr/bin:/bin", "HOME": str(folder), "XDG_RUNTIME_DIR": str(folder)}
    server = subprocess.Popen(
        [exe, "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit",
         "--use-pid-file=no", "--system=no", "-L", "module-null-sink sink_name=silent",
         "-L", f"module-native-protocol-unix socket={socket} auth-anonymous=1"],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while not socket.exists():
            if server.poll() is not None or time.monotonic() > deadline:
                err = server.stderr.read() if server.stderr and server.poll() is not None else ""
                raise RuntimeError(f"pulseaudio did not start: {err.strip()[-300:]}")
            time.sleep(0.05)
        yield {"PULSE_SERVER": f"unix:{socket}"}
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
