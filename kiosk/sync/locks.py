"""One lock per voucher code, so a voucher's redemptions go out one at a time, in order."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager


class CodeLocks:
    """Re-entrant locks keyed by voucher code.

    ``on_hold`` (set by the replay) runs each time :meth:`hold` has taken a code's lock,
    before the block: it hands the voucher over settled (the replay's unsent claims of it
    taken back, its unsaved applied marks saved; docs/engine.md, "Claim groups").
    """

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[str, threading.RLock] = {}
        self.on_hold: Callable[[str], None] | None = None

    def _lock(self, code: str) -> threading.RLock:
        with self._guard:
            return self._locks.setdefault(code, threading.RLock())

    @contextmanager
    def hold(self, code: str) -> Iterator[None]:
        """Hold ``code``'s lock for the block, the voucher handed over settled."""
        with self._lock(code):
            if self.on_hold is not None:
                self.on_hold(code)
            yield

    def acquire(self, code: str, *, blocking: bool = True) -> bool:
        """Take ``code``'s lock (False if ``blocking`` is off and someone else has it),
        without ``on_hold``: for the replay itself; the caller releases it with
        :meth:`release`, in the same thread."""
        return self._lock(code).acquire(blocking=blocking)

    def release(self, code: str) -> None:
        """Give back a lock taken with :meth:`acquire`."""
        self._lock(code).release()
