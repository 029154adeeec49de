"""A conflict's retry killed half-way (kill -9 of a real process): the conflict is never
closed without its retry, so the money staff were told was saved is never silently lost."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.app.engine import Engine
from kiosk.domain.outcomes import EntryState, RedeemStatus
from tests.helpers.app import make_voucher
from tests.helpers.sim import Sim


def test_a_retry_killed_before_its_entry_was_saved_leaves_the_conflict_open(
    make_engine: Callable[..., Engine], sim: Sim, kiosk_home: Path
) -> None:
    code = sim.add_voucher(make_voucher("KILL-RTRY-CONF-LCT1", stock=3000))
    engine = make_engine()
    engine.lookup(code)
    engine.set_offline_override(True)
    conflict = engine.redeem(code, 2500).entry_id
    assert conflict is not None
    voucher = sim.voucher(code)
    voucher["current"] = 1000  # another till took £10 meanwhile: the replay is refused
    sim.add_voucher(voucher)
    engine.set_offline_override(None)
    assert engine.sync().rejected == 1
    engine.close()
    # The manager taps "Retry" on the till; the power goes while it asks the server.
    sim.set_latency(3.0, count=1, path="/v1/status")
    script = textwrap.dedent(f"""
        from kiosk.app.engine import Engine
        engine = Engine.open()
        print("OPEN", flush=True)
        engine.retry_conflict({conflict!r})
    """)
    env = {**os.environ, "KIOSK_HOME": str(kiosk_home), "KIOSK_SECRETS": "file"}
    till = subprocess.Popen([sys.executable, "-c", script], env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        while sim.simulator.in_flight < 1:  # the retry's look-up is on the server
            assert till.poll() is None, till.communicate()
            assert time.monotonic() < deadline, "the retry never asked the server"
            time.sleep(0.02)
        os.kill(till.pid, signal.SIGKILL)
    finally:
        till.communicate(timeout=10)
    assert till.returncode == -signal.SIGKILL
    engine = make_engine()
    entry = engine.outbox.get(conflict)
    assert entry is not None
    retries = [e for e in engine.entries() if e.replaces == conflict]
    assert entry.state is EntryState.REJECTED or retries, (
        f"the conflict was closed ({entry.state}, {entry.note!r}) with no retry saved: lost")
    outcome = engine.retry_conflict(conflict)  # the manager taps "Retry" again
    assert outcome.status is RedeemStatus.APPLIED, outcome.message
    assert sim.voucher(code)["current"] == 3000
