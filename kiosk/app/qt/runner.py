"""Run blocking work off the UI thread and hand the result back on it (Anki's QueryOp idea).

``Runner.run(op, success=..., failure=...)`` executes ``op()`` on a worker thread of the
runner's own ``QThreadPool``; ``success(result)`` or ``failure(error)`` then runs on the
thread the runner lives on (the UI thread). Do not call UI routines inside ``op``.
"""

from __future__ import annotations

import itertools
import logging
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot

T = TypeVar("T")
log = logging.getLogger(__name__)

_RUNNERS: weakref.WeakSet[Runner] = weakref.WeakSet()


@dataclass(slots=True)
class _Callbacks:
    success: Callable[[Any], None] | None
    failure: Callable[[BaseException], None] | None


class _Bridge(QObject):
    """Lives on the runner's thread; workers emit through it, so delivery is queued there."""

    finished = Signal(int, object, object)  # job id, result, error (one of them is None)


class _Job(QRunnable):
    def __init__(self, job_id: int, op: Callable[[], Any], bridge: _Bridge) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._job_id = job_id
        self._op = op
        self._bridge = bridge

    def run(self) -> None:
        try:
            result = self._op()
        except BaseException as exc:
            self._bridge.finished.emit(self._job_id, None, exc)
        else:
            self._bridge.finished.emit(self._job_id, result, None)


class Runner(QObject):
    """A pool of worker threads whose results come back as calls on the owner's thread."""

    def __init__(self, parent: QObject | None = None, *, max_threads: int = 4) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(max_threads)
        self._bridge = _Bridge(self)
        self._bridge.finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._ids = itertools.count(1)
        self._pending: dict[int, _Callbacks] = {}
        self._closed = False
        _RUNNERS.add(self)

    def run(
        self,
        op: Callable[[], T],
        *,
        success: Callable[[T], None] | None = None,
        failure: Callable[[BaseException], None] | None = None,
    ) -> bool:
        """Start ``op`` on a worker thread; False (and nothing runs) once the runner is closed."""
        if self._closed:
            return False
        job_id = next(self._ids)
        self._pending[job_id] = _Callbacks(success, failure)
        self._pool.start(_Job(job_id, op, self._bridge))
        return True

    @property
    def busy(self) -> bool:
        """Whether any job has not yet delivered its result."""
        return bool(self._pending)

    def active_threads(self) -> int:
        """Worker threads currently running a job."""
        return self._pool.activeThreadCount()

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every started job has finished its ``op`` (results may still be queued)."""
        return self._pool.waitForDone(msecs)

    def close(self, msecs: int = 30_000) -> bool:
        """Refuse new work, wait for running jobs and drop their callbacks."""
        self._closed = True
        done = self._pool.waitForDone(msecs)
        self._pending.clear()
        return done

    @Slot(int, object, object)
    def _deliver(self, job_id: int, result: object, error: object) -> None:
        callbacks = self._pending.pop(job_id, None)
        if callbacks is None:  # closed meanwhile
            return
        if isinstance(error, BaseException):
            if callbacks.failure is not None:
                callbacks.failure(error)
            else:
                log.error("background job failed", exc_info=error)
        elif callbacks.success is not None:
            callbacks.success(result)


def live_runners() -> list[Runner]:
    """Every runner not yet garbage-collected (tests use it to find leaked threads)."""
    return list(_RUNNERS)
