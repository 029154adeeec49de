"""The background replay loop: a plain thread that syncs, then waits (backing off on failure)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from kiosk.sync.backoff import Backoff
from kiosk.sync.replay import SyncReport

log = logging.getLogger(__name__)


class SyncLoop:
    """Calls ``sync()`` repeatedly on its own thread until ``stop()``.

    After a clean pass it waits ``idle_seconds`` (or until ``wake()``); after a failure it
    backs off exponentially with jitter; when the session is over it waits for ``wake()``
    (sign-in) or ``auth_wait_seconds``. ``stop()`` may come at any time: before ``start()``
    (the loop then never runs), while the thread is starting, or from the loop's own thread.
    """

    def __init__(
        self,
        sync: Callable[[], SyncReport],
        *,
        idle_seconds: float = 30.0,
        auth_wait_seconds: float = 300.0,
        backoff: Backoff | None = None,
    ) -> None:
        self._sync = sync
        self._idle = idle_seconds
        self._auth_wait = auth_wait_seconds
        self._backoff = backoff or Backoff()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._lock = threading.Lock()  # start() and stop() from different threads
        self.passes = 0  # completed passes (diagnostics, tests)

    def start(self) -> None:
        """Start the thread (once; never after ``stop()``)."""
        with self._lock:
            if self._thread is not None or self._stop.is_set():
                return
            thread = threading.Thread(target=self._run, name="kiosk-sync", daemon=True)
            thread.start()
            self._thread = thread

    def wake(self) -> None:
        """Run a pass now (new entries queued, connectivity changed, signed in again)."""
        self._wake.set()

    def stop(self, timeout: float = 15.0) -> None:
        """Stop the thread, waiting for a pass under way to finish (unless called from it)."""
        with self._lock:
            self._stop.set()
            self._wake.set()
            thread, self._thread = self._thread, None
        if thread is not None and thread is not threading.current_thread():
            thread.join(timeout)

    @property
    def running(self) -> bool:
        """Whether the thread is alive."""
        return self._thread is not None and self._thread.is_alive()

    def _delay(self, report: SyncReport) -> float:
        if report.auth_required:
            return self._auth_wait
        if report.already_running:
            return 1.0
        if report.clean:
            self._backoff.reset()
            return self._idle
        delay = self._backoff.next()
        return max(delay, report.retry_after or 0.0)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                report = self._sync()
            except Exception:
                log.exception("background sync failed")
                report = SyncReport(failed=1, error="unexpected error")
            self.passes += 1
            if self._stop.is_set():
                break
            delay = self._delay(report)
            self._wake.wait(delay)
            self._wake.clear()
