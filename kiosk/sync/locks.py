"""One lock per voucher code, so a voucher's redemptions go out one at a time, in order."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager


class CodeLocks:
    """Re-entrant locks keyed by voucher code."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._locks: dict[str, threading.RLock] = {}

    @contextmanager
    def hold(self, code: str) -> Iterator[None]:
        """Hold ``code``'s lock for the block."""
        with self._guard:
            lock = self._locks.setdefault(code, threading.RLock())
        with lock:
            yield
