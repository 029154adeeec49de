"""The UI's one handle on the engine: a QObject that runs every Engine call off the UI thread
and reports back through signals.

Screens call the methods below and listen to the signals; they never touch the engine
directly, so the event loop never waits on HTTP, SQLite or a lock.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, Qt, QTimer, Signal, Slot

from kiosk.app.qt.runner import Runner
from kiosk.domain.backend import Capabilities
from kiosk.domain.outcomes import (
    Connectivity,
    EntryState,
    Lookup,
    OutboxEntry,
    RedeemOutcome,
    UndoOutcome,
)

log = logging.getLogger(__name__)


class EngineApi(Protocol):
    """The part of ``kiosk.app.engine.Engine`` the UI uses (blocking, thread-safe)."""

    settings: Any

    @property
    def capabilities(self) -> Capabilities: ...
    def lookup(self, code: str) -> Lookup: ...
    def redeem(self, code: str, amount: int | None = None,
               order_total: int | None = None) -> RedeemOutcome: ...
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
    def last_redemption(self) -> OutboxEntry | None: ...
    def undo_last(self, expect: str | None = None) -> UndoOutcome: ...
    def set_staff(self, name: str, staff_id: str = "") -> None: ...
    def close(self) -> None: ...


Failure = Callable[[BaseException], None]


def _log_failure(action: str) -> Failure:
    def log_it(error: BaseException) -> None:
        log.warning("%s failed: %s", action, error)
    return log_it


class KioskController(QObject):
    """Engine calls as asynchronous requests; one redeem at a time, whatever staff tap.

    Each request takes the caller's ``failure`` callback; the ``*_done``/``*_loaded`` signals
    announce answers to whoever shows them.
    """

    lookup_done = Signal(object)  # Lookup
    redeem_done = Signal(object)  # RedeemOutcome
    connectivity_changed = Signal(object)  # Connectivity
    sync_done = Signal(object)  # the engine's SyncReport
    entries_loaded = Signal(object, object)  # the states asked for (None = all), list[OutboxEntry]
    summary_loaded = Signal(object)  # the engine's ShiftSummary
    recent_loaded = Signal(object)  # list of the engine's JournalEntry
    conflict_resolved = Signal(str)  # the entry id that was retried or written off
    exported = Signal(str, int)  # file path, rows written
    undo_done = Signal(object)  # UndoOutcome
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

    @property
    def capabilities(self) -> Capabilities:
        """What the signed-in platform can do (a constant of the adapter: safe here)."""
        return self.engine.capabilities

    def setting(self, name: str) -> Any:
        """One setting's value (a cached read: safe on the UI thread)."""
        return self.engine.settings.value(name)

    def settings_values(self) -> dict[str, Any]:
        """Every setting, plus ``work_offline`` (the switch staff see)."""
        values: dict[str, Any] = self.engine.settings.as_dict()
        values["work_offline"] = bool(self.engine.settings.offline_forced)
        return values

    # -- requests -----------------------------------------------------------------------

    def lookup(self, code: str, failure: Failure) -> None:
        """Look ``code`` up; answers with ``lookup_done`` or ``failure(error)``."""
        self.runner.run(lambda: self.engine.lookup(code), success=self.lookup_done.emit,
                        failure=failure)

    def redeem(self, code: str, amount: int | None, failure: Failure, *,
               order_total: int | None = None) -> bool:
        """Redeem ``amount`` (None = all), or apply a discount voucher to ``order_total``;
        False when another redeem is still in flight."""
        if self._redeeming:
            return False
        self._redeeming = True

        def done(outcome: RedeemOutcome) -> None:
            self._redeeming = False
            self.redeem_done.emit(outcome)
            self.refresh_connectivity()

        def failed(error: BaseException) -> None:
            self._redeeming = False
            failure(error)
            self.refresh_connectivity()

        self.runner.run(lambda: self.engine.redeem(code, amount, order_total=order_total),
                        success=done, failure=failed)
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
            log.warning("connectivity check failed: %s", error)

        self.runner.run(self.engine.connectivity, success=done, failure=failed)

    @Slot()
    def _poked(self) -> None:
        if self._poll.isActive():  # not before start() or after close()
            self.refresh_connectivity(replay=False)

    def sync_now(self, failure: Failure | None = None) -> None:
        """Replay the outbox now (one replay at a time)."""
        if self._syncing:
            return
        self._syncing = True

        def done(report: object) -> None:
            self._syncing = False
            self.sync_done.emit(report)
            self.refresh_connectivity(replay=False)

        def failed(error: BaseException) -> None:
            self._syncing = False
            (failure or _log_failure("sync"))(error)
            self.refresh_connectivity(replay=False)

        self.runner.run(self.engine.sync, success=done, failure=failed)

    def save_settings(self, changed: dict[str, Any], pin_hash: str | None,
                      done: Callable[[None], None], failure: Failure) -> None:
        """Store changed settings (``work_offline`` switches the engine's override; a new
        manager PIN arrives already hashed) off the UI thread."""
        engine = self.engine
        changed = dict(changed)
        work_offline = changed.pop("work_offline", None)

        def store() -> None:
            for name, value in changed.items():
                engine.settings.set(name, value)
            if pin_hash is not None:
                engine.settings.set("lock_pin", pin_hash)
            if work_offline is not None:
                engine.set_offline_override(True if work_offline else None)

        def stored(_none: None) -> None:
            if work_offline is not None:
                self.refresh_connectivity(replay=False)
            done(None)

        self.runner.run(store, success=stored, failure=failure)

    def load_entries(self, states: Iterable[EntryState] | None, failure: Failure,
                     limit: int = 500) -> None:
        """Outbox entries, newest first as the engine orders them."""
        wanted = None if states is None else tuple(states)
        self.runner.run(lambda: self.engine.entries(wanted, limit),
                        success=lambda entries: self.entries_loaded.emit(wanted, entries),
                        failure=failure)

    def load_summary(self, since: datetime, failure: Failure) -> None:
        """The shift summary since ``since``."""
        self.runner.run(lambda: self.engine.shift_summary(since),
                        success=self.summary_loaded.emit, failure=failure)

    def load_recent(self, limit: int = 20) -> None:
        """The most recent scans, checks and redemptions."""
        self.runner.run(lambda: self.engine.recent(limit), success=self.recent_loaded.emit,
                        failure=_log_failure("recent"))

    def retry_conflict(self, entry_id: str, failure: Failure) -> None:
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
            failure(error)

        if not self.runner.run(lambda: self.engine.retry_conflict(entry_id), success=done,
                               failure=failed):
            self._retrying.discard(entry_id)

    def write_off(self, entry_id: str, note: str, failure: Failure) -> None:
        """Close a conflict without redeeming, with the manager's note."""

        def done(_none: object) -> None:
            self.conflict_resolved.emit(entry_id)
            self.refresh_connectivity()

        self.runner.run(lambda: self.engine.write_off(entry_id, note), success=done,
                        failure=failure)

    def export_csv(self, path: Path, failure: Failure) -> None:
        """Write the outbox to ``path`` as CSV."""
        self.runner.run(lambda: self.engine.export_csv(path),
                        success=lambda rows: self.exported.emit(str(path), rows),
                        failure=failure)

    def load_last_redemption(self, done: Callable[[OutboxEntry | None], None],
                             failure: Failure) -> None:
        """The redemption an undo would take back (None: nothing to undo)."""
        self.runner.run(self.engine.last_redemption, success=done, failure=failure)

    def undo_last(self, expect: str, failure: Failure) -> None:
        """Undo the last redemption, the one staff confirmed (``expect``: its entry id);
        answers with ``undo_done``."""

        def done(outcome: UndoOutcome) -> None:
            self.undo_done.emit(outcome)
            self.refresh_connectivity(replay=False)

        self.runner.run(lambda: self.engine.undo_last(expect), success=done, failure=failure)
