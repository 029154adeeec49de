"""Crash test on each platform: a till redeeming in a loop is ``kill -9``ed at random moments
(VoucherCart 50 times, the others 12).

Afterwards one clean replay must leave every outbox entry applied and counted exactly once on
the platform's simulator, and every redemption the till reported as accepted (applied or
queued) must be there.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.app import signin
from kiosk.domain.outcomes import EntryState
from kiosk.store.database import utc_now
from tests.app.conftest import open_engine
from tests.helpers.cases import Platform
from tests.helpers.sim import Sim

KILLS = {"vouchercart": 50, "vouchers-api": 12, "vauchar": 12, "shopwired": 12}

# A zygote: imports the kiosk once, then forks one till process per "go" line, so the kills
# fit in the time budget. Each child is a full till: its own engine, connections, SQLite.
DRIVER = textwrap.dedent("""
    import os
    import sys

    from kiosk.app.engine import Engine
    import kiosk.app.signin

    def say(*words):
        # One write() per line: a kill -9 can then never leave half a line in the pipe.
        os.write(1, (" ".join(map(str, words)) + "\\n").encode())

    def till(codes):
        engine = Engine.open()
        say("READY", os.getpid())
        turn = 0
        while True:
            outcome = engine.redeem(codes[turn % len(codes)], ARGUMENTS)
            turn += 1
            if outcome.status.value in ("applied", "queued"):
                say("ACCEPTED", outcome.entry_id, outcome.status.value)
            else:
                say("REFUSED", outcome.message)

    for _ in sys.stdin:
        pid = os.fork()
        if pid == 0:
            till(sys.argv[1:])
        os.waitpid(pid, 0)
        print("DEAD", pid, flush=True)
""")


@pytest.mark.slow
def test_kill_9_at_random_moments_loses_and_doubles_nothing(
    platform: Platform, server: Sim, platform_account: signin.Account, kiosk_home: Path,
    tmp_path: Path,
) -> None:
    case = platform.case
    codes = [case.add(server), case.add(server)]
    script = tmp_path / "driver.py"
    script.write_text(DRIVER.replace("ARGUMENTS", case.arguments()), encoding="utf-8")
    # A little network time on every write, so that a kill often lands while one is out.
    server.set_latency(0.02, path=platform.write_prefix, method=platform.write_method)
    env = {**os.environ, "KIOSK_HOME": str(kiosk_home), "KIOSK_SECRETS": "file"}
    rng = random.Random(1234)
    accepted: set[str] = set()
    started = time.monotonic()
    zygote = subprocess.Popen([sys.executable, str(script), *codes], env=env,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert zygote.stdin is not None
    assert zygote.stdout is not None
    try:
        for _ in range(KILLS[platform.name]):
            zygote.stdin.write("go\n")
            zygote.stdin.flush()
            line = zygote.stdout.readline().split()
            assert line[0] == "READY", line
            child = int(line[1])
            # The random moment of the power cut: after 0-2 redemptions the till reported
            # (waiting on what it says, so a slow machine still gets that far), then a little
            # way into the next one.
            for _ in range(rng.randint(0, 2)):
                line = zygote.stdout.readline().split()
                assert line[0] == "ACCEPTED", line
                accepted.add(line[1])
            time.sleep(rng.uniform(0.0, 0.03))
            os.kill(child, signal.SIGKILL)
            while (line := zygote.stdout.readline().split())[0] != "DEAD":
                assert line[0] == "ACCEPTED", line
                accepted.add(line[1])
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=10)
        zygote.stdout.close()
    assert time.monotonic() - started < 90

    # The dead tills' last requests are over before the till comes back (a server later than
    # the settle window is the documented residual risk, not what this test is about)...
    _wait_quiet(server)
    server.set_latency(0)
    # ...and it comes back minutes later: interrupted requests have settled (an uncertain
    # entry is not re-sent before the settle window), so the replay may re-send.
    later = [timedelta(minutes=1)]
    engine = open_engine(platform_account, kiosk_home, clock=lambda: utc_now() + later[0])
    try:
        for _ in range(6):
            later[0] += timedelta(minutes=5)  # entries this engine recovers settle too
            if engine.sync().remaining == 0:
                break
        entries = engine.entries(limit=100_000)
        interrupted = [e for e in entries if e.last_error == "interrupted while sending"]
        print(f"crash test ({platform.name}): {len(entries)} entries, {len(accepted)} reported "
              f"accepted, {len(interrupted)} interrupted while sending")
        assert entries, "the driver never got to redeem"
        assert {e.state for e in entries} == {EntryState.APPLIED}
        assert accepted <= {e.id for e in entries}, "a redemption the till reported was lost"
        for code in codes:
            mine = sum(1 for e in entries if e.code == code)
            assert platform.count(server, code) == mine, f"{code}: doubled or missing"
    finally:
        engine.close()


def _wait_quiet(server: Sim, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not server.quiet():
        assert time.monotonic() < deadline, "the simulator never finished the dead tills' requests"
        time.sleep(0.02)
