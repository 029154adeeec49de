"""Crash test: a till redeeming in a loop is ``kill -9``ed at random moments, 50 times.

Afterwards, one sync must leave every outbox entry applied exactly once on the server, and
every redemption the till reported as accepted (applied or queued) must be there.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest

from kiosk.app import signin
from kiosk.app.engine import Engine
from kiosk.domain.outcomes import EntryState
from kiosk.store.database import utc_now
from tests.helpers.demo import DEMO_FIXTURE, GBP50, PARTLY, TILL

KILLS = 50
CODES = (GBP50, PARTLY, "NEWC-5H7K-2DRM-4FXA")

# A zygote: imports the kiosk once, then forks one till process per "go" line, so 50 kills
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
            outcome = engine.redeem(codes[turn % len(codes)], 1)
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


@pytest.fixture
def sim_process(tmp_path: Path) -> Iterator[str]:
    """``python -m kiosk.sim`` as a subprocess on a --db; yields its API URL."""
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk.sim", "--port", "0", "--fixture", str(DEMO_FIXTURE),
         "--db", str(tmp_path / "sim.sqlite3")],
        stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("listening on "), line
        yield line.split()[-1]
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


def _history_lengths(engine: Engine) -> dict[str, int]:
    return {code: len(engine.backend.status(code).history) for code in CODES}


@pytest.mark.slow
def test_kill_9_at_random_moments_loses_and_doubles_nothing(
    sim_process: str, kiosk_home: Path, tmp_path: Path
) -> None:
    signin.sign_in(sim_process, TILL[0], TILL[1], "demo-shop", home=kiosk_home)
    probe = Engine.open(kiosk_home)
    before = _history_lengths(probe)
    probe.close()
    script = tmp_path / "driver.py"
    script.write_text(DRIVER, encoding="utf-8")
    env = {**os.environ, "KIOSK_HOME": str(kiosk_home)}
    rng = random.Random(1234)
    accepted: set[str] = set()
    started = time.monotonic()
    zygote = subprocess.Popen([sys.executable, str(script), *CODES], env=env,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    assert zygote.stdin is not None
    assert zygote.stdout is not None
    try:
        for _ in range(KILLS):
            zygote.stdin.write("go\n")
            zygote.stdin.flush()
            line = zygote.stdout.readline().split()
            assert line[0] == "READY", line
            time.sleep(rng.uniform(0.0, 0.3))  # the random moment of the power cut
            os.kill(int(line[1]), signal.SIGKILL)
            while (line := zygote.stdout.readline().split())[0] != "DEAD":
                assert line[0] == "ACCEPTED", line
                accepted.add(line[1])
    finally:
        zygote.stdin.close()
        zygote.wait(timeout=10)
        zygote.stdout.close()
    assert time.monotonic() - started < 90

    # The till comes back a minute later: interrupted requests have settled (DESIGN: an
    # uncertain entry is not re-sent before ``settle_seconds``), so the replay may resend.
    account = signin.current_account(home=kiosk_home)
    assert account is not None
    later = [timedelta(minutes=1)]
    engine = Engine(kiosk_home, signin.open_backend(account, home=kiosk_home),
                    domain_id=account.domain_id, clock=lambda: utc_now() + later[0])
    try:
        for _ in range(5):
            # Each pass a minute later: entries recovered by this engine itself settle too.
            later[0] += timedelta(minutes=1)
            report = engine.sync()
            if report.remaining == 0:
                break
        entries = engine.entries(limit=100_000)
        interrupted = [e for e in entries if e.last_error == "interrupted while sending"]
        print(f"crash test: {len(entries)} entries, {len(accepted)} reported accepted, "
              f"{len(interrupted)} interrupted while sending")
        assert entries, "the driver never got to redeem"
        assert {e.state for e in entries} == {EntryState.APPLIED}
        ids = {e.id for e in entries}
        assert accepted <= ids, "a redemption the till reported was lost"
        after = _history_lengths(engine)
        for code in CODES:
            mine = sum(1 for e in entries if e.code == code)
            assert after[code] - before[code] == mine, f"{code}: doubled or missing"
    finally:
        engine.close()
