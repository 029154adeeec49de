"""Helpers for the replay tests: recovering a till killed mid-run, draining the queue, a sync
pass on a thread."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta

from kiosk.app.engine import Engine
from kiosk.domain.outcomes import EntryState, OutboxEntry
from kiosk.store.database import utc_now
from kiosk.sync.replay import SyncReport


def recover_and_drain(make_engine: Callable[..., Engine]) -> tuple[Engine, list[OutboxEntry]]:
    """Open the killed till's data again (which recovers its dead run) and replay until
    nothing is left, the clock moved past the settle window of the recovered entries each
    time; returns the engine and the entries recovery found interrupted mid-send."""
    later = [timedelta(0)]
    engine = make_engine(clock=lambda: utc_now() + later[0])
    interrupted = [e for e in engine.entries([EntryState.PENDING], limit=100)
                   if e.uncertain and e.last_error == "interrupted while sending"]
    for _ in range(5):
        later[0] += timedelta(minutes=5)
        if engine.sync().remaining == 0:
            break
    return engine, interrupted


def drain(engine: Engine, passes: int = 4) -> None:
    """Replay up to ``passes`` times, until nothing is left to send."""
    for _ in range(passes):
        if engine.sync().remaining == 0:
            return


@contextmanager
def sync_in_background(engine: Engine) -> Iterator[tuple[threading.Thread, list[SyncReport]]]:
    """``engine.sync()`` on a thread for the block: the thread, and the list its report goes
    into once done; joined at the end of the block."""
    passes: list[SyncReport] = []
    background = threading.Thread(target=lambda: passes.append(engine.sync()))
    background.start()
    try:
        yield background, passes
    finally:
        background.join(timeout=30)
