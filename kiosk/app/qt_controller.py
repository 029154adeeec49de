"""The UI's one handle on the engine: a QObject that runs every Engine call off the UI thread
and reports back through signals.

Screens call the methods below and listen to the signals; they never touch the engine
directly, so the event loop never waits on HTTP, SQLite or a lock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol, TypeVar

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from kiosk.app.qt_runner import Runner
from kiosk.domain.outcomes import Connectivity, EntryState, Lookup, OutboxEntry, RedeemOutcome

T = TypeVar("T")


class EngineApi(Protocol):
    """The part of ``kiosk.app.engine.Engine`` the UI uses (blocking, thread-safe)."""

    settings: Any

    def lookup(self, code: str) -> Lookup: ...
    def redeem(self, code: str, amount: int | None = None) -> RedeemOutcome: ...
    def sync(self) -> Any: ...
    def connectivity(self) -> Connectivity: ...
    def set_offline_override(self, forced_offline: bool | None) -> None: ...
    def entries(
        self, states: Iterable[EntryState] | None = None, limit: int = 500
    ) -> list[OutboxEntry]: ...
    def retry_conflict(self, entry_id: str) -> RedeemOutcome: ...
    def write_off(self, entry_id: str, note: str) -> None: ...
    def export_csv(self, path: Path) -> int: ...
    def shift_summary(self, since: datetime) -> Any: ...
    def recent(self, limit: int = 20) -> list[Any]: ...
    def close(self) -> None: ...


class KioskController(QObject):
    """Engine calls as asynchronous requests; one redeem at a time, whatever staff tap."""

    lookup_started = Signal(str)  # the code being looked up
    lookup_done = Signal(object)  # Lookup
    redeem_started = Signal(str, object)  # code, amount (int or None = everything)
    redeem_done = Signal(object)  # RedeemOutcome
    connectivity_changed = Signal(object)  # Connectivity
    sync_done = Signal(object)  # the engine's SyncReport
    entries_loaded = Signal(object, object)  # the states asked for (None = all), list[OutboxEntry]
    summary_loaded = Signal(object)  # the engine's ShiftSummary
    recent_loaded = Signal(object)  # list of the engine's JournalEntry
    conflict_resolved = Signal(str)  # the entry id that was retried or written off
    exported = Signal(str, int)  # file path, rows written
    failed = Signal(str, object)  # action name ("lookup", "redeem", ...), the exception
    poke = Signal()  # emit from any thread: the engine's state changed, refresh the indicator

    def __init__(
        self, engine: EngineApi, parent: QObject | None = None, *, poll_ms: int = 3000
    ) -> None:
        super().__init__(parent)
        self.engine = engine
        self.runner = Runner(self)
        self._redeeming = False
        self._retrying: set[str] = set()  # conflicts whose retry is running
        self._syncing = False
        self._polling = False
        self._last: Connectivity | None = None
        self._poll = QTimer(self)
        self._poll.setInterval(poll_ms)
        self._poll.timeout.connect(self.refresh_connectivity)
        self.poke.connect(self._poked, Qt.ConnectionType.QueuedConnection)

    # -- life cycle ---------------------------------------------------------------------

    def start(self) -> None:
        """Begin watching connectivity (and replaying the queue when there is one)."""
        self.refresh_connectivity()
        self._poll.start()

    def close(self) -> None:
        """Stop polling, wait for running work, then close the engine."""
        self._poll.stop()
        self.runner.close()
        self.engine.close()

    @property
    def redeeming(self) -> bool:
        """Whether a redemption is in flight (taps are ignored until it ends)."""
        return self._redeeming

    @property
    def connectivity(self) -> Connectivity | None:
        """The last connectivity the engine reported."""
        return self._last

    # -- requests -----------------------------------------------------------------------

    def lookup(self, code: str) -> None:
        """Look ``code`` up; answers with ``lookup_done`` or ``failed("lookup", ...)``."""
        self.lookup_started.emit(code)
        self._run("lookup", lambda: self.engine.lookup(code), self.lookup_done.emit)

    def redeem(self, code: str, amount: int | None = None) -> bool:
        """Redeem ``amount`` (None = all); False when another redeem is still in flight."""
        if self._redeeming:
            return False
        self._redeeming = True
        self.redeem_started.emit(code, amount)

        def done(outcome: RedeemOutcome) -> None:
            self._redeeming = False
            self.redeem_done.emit(outcome)
            self.refresh_connectivity()

        def failed(error: BaseException) -> None:
            self._redeeming = False
            self.failed.emit("redeem", error)
            self.refresh_connectivity()

        self.runner.run(lambda: self.engine.redeem(code, amount), success=done, failure=failed)
        return True

    def refresh_connectivity(self, *, replay: bool = True) -> None:
        """Ask the engine for connectivity; with ``replay``, also replay the queue when
        something is pending (or probe the server while offline)."""
        if self._polling:
            return
        self._polling = True

        def done(state: Connectivity) -> None:
            self._polling = False
            self._last = state
            self.connectivity_changed.emit(state)
            if replay and (state.pending > 0 or not state.online) and not state.syncing:
                self.sync_now()

        def failed(error: BaseException) -> None:
            self._polling = False
            self.failed.emit("connectivity", error)

        self.runner.run(self.engine.connectivity, success=done, failure=failed)

    @Slot()
    def _poked(self) -> None:
        if self._poll.isActive():  # not before start() or after close()
            self.refresh_connectivity(replay=False)

    def sync_now(self) -> None:
        """Replay the outbox now (one replay at a time)."""
        if self._syncing:
            return
        self._syncing = True

        def done(report: object) -> None:
            self._syncing = False
            self.sync_done.emit(report)
            self._refresh_after_sync()

        def failed(error: BaseException) -> None:
            self._syncing = False
            self.failed.emit("sync", error)
            self._refresh_after_sync()

        self.runner.run(self.engine.sync, success=done, failure=failed)

    def _refresh_after_sync(self) -> None:
        # Report the new counts without chaining another sync straight away.
        self.refresh_connectivity(replay=False)

    def set_offline_override(self, forced_offline: bool | None) -> None:
        """Force offline mode (True), force online (False) or follow the network (None)."""
        self._run(
            "offline_override",
            lambda: self.engine.set_offline_override(forced_offline),
            lambda _none: self.refresh_connectivity(replay=False),
        )

    def load_entries(self, states: Iterable[EntryState] | None = None, limit: int = 500) -> None:
        """Outbox entries, newest first as the engine orders them."""
        wanted = None if states is None else tuple(states)
        self._run(
            "entries", lambda: self.engine.entries(wanted, limit),
            lambda entries: self.entries_loaded.emit(wanted, entries),
        )

    def load_summary(self, since: datetime) -> None:
        """The shift summary since ``since``."""
        self._run("summary", lambda: self.engine.shift_summary(since), self.summary_loaded.emit)

    def load_recent(self, limit: int = 20) -> None:
        """The most recent scans, checks and redemptions."""
        self._run("recent", lambda: self.engine.recent(limit), self.recent_loaded.emit)

    def retry_conflict(self, entry_id: str) -> None:
        """Retry a rejected entry with the voucher's remaining balance (a second tap while
        its retry is running does nothing)."""
        if entry_id in self._retrying:
            return
        self._retrying.add(entry_id)

        def done(outcome: RedeemOutcome) -> None:
            self._retrying.discard(entry_id)
            self.redeem_done.emit(outcome)
            self.conflict_resolved.emit(entry_id)
            self.refresh_connectivity()

        def failed(error: BaseException) -> None:
            self._retrying.discard(entry_id)
            self.failed.emit("retry", error)

        if not self.runner.run(lambda: self.engine.retry_conflict(entry_id), success=done,
                               failure=failed):
            self._retrying.discard(entry_id)

    def write_off(self, entry_id: str, note: str) -> None:
        """Close a conflict without redeeming, with the manager's note."""

        def done(_none: object) -> None:
            self.conflict_resolved.emit(entry_id)
            self.refresh_connectivity()

        self._run("write_off", lambda: self.engine.write_off(entry_id, note), done)

    def export_csv(self, path: Path) -> None:
        """Write the outbox to ``path`` as CSV."""
        self._run(
            "export", lambda: self.engine.export_csv(path),
            lambda rows: self.exported.emit(str(path), rows),
        )

    def call(self, action: str, op: Callable[[], T], success: Callable[[T], None]) -> None:
        """Run any other blocking call (settings, sign-in) the same way."""
        self._run(action, op, success)

    def _run(self, action: str, op: Callable[[], T], success: Callable[[T], None]) -> None:
        self.runner.run(op, success=success, failure=lambda exc: self.failed.emit(action, exc))
