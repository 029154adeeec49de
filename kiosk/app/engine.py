"""The redemption engine: the one Qt-free facade the UI and the CLI use.

Every method blocks (HTTP, fsync), so the UI calls them off the UI thread; all are
thread-safe. The contract it keeps (DESIGN §3): a redemption is committed to the outbox
before it is sent; staff hear "redeemed" only once the server confirmed it, "saved" once it
is safely queued; it is replayed with its original time; an uncertain one is reconciled
against the voucher's history before it is ever re-sent.
"""

from __future__ import annotations

import contextlib
import logging
import threading
import time
import uuid
from collections.abc import Callable, Iterable
from datetime import datetime, timedelta
from pathlib import Path

from kiosk import paths
from kiosk.app.reports import ShiftSummary, shift_summary, write_csv
from kiosk.domain.backend import VoucherBackend
from kiosk.domain.errors import (
    InvalidRequest,
    Refusal,
    RefusalReason,
    SessionExpired,
    StorageError,
    TransportError,
)
from kiosk.domain.outcomes import (
    Connectivity,
    EntryState,
    Lookup,
    OutboxEntry,
    RedeemOutcome,
    RedeemStatus,
)
from kiosk.domain.policy import OfflineContext, OfflinePolicy, check_offline, with_queued
from kiosk.domain.voucher import Voucher, VoucherState, state_message
from kiosk.scan.codes import CodeRejected, normalise_code
from kiosk.store.cache import VoucherCache
from kiosk.store.database import Store, utc_now
from kiosk.store.journal import Journal, JournalEntry
from kiosk.store.outbox import Outbox
from kiosk.store.settings import Settings
from kiosk.sync.connectivity import ConnectivityWatch
from kiosk.sync.locks import CodeLocks
from kiosk.sync.loop import SyncLoop
from kiosk.sync.replay import Replayer, SyncReport

__all__ = ["Engine", "JournalEntry", "ShiftSummary", "SyncReport"]

log = logging.getLogger(__name__)
PROBE_CODE = "KIOSK-CONNECTIVITY-PROBE"
NOT_RECORDED_FULL = "Storage full — nothing was redeemed. Call a manager."
NOT_RECORDED = "The till could not save this redemption — nothing was redeemed. Call a manager."


def _not_a_code(rejected: CodeRejected) -> str:
    return f"This is not a voucher code ({rejected.reason.value})."


def _shown(raw: str) -> str:
    """A rejected input as it may appear in an outcome (trimmed, printable, bounded)."""
    text = "".join(ch for ch in raw.strip() if ch.isprintable())
    return text if len(text) <= 40 else text[:37] + "..."


def _reason(value: str) -> RefusalReason:
    try:
        return RefusalReason(value)
    except ValueError:
        return RefusalReason.CANNOT_REDUCE


class Engine:
    """Look up, redeem, queue and replay vouchers for one signed-in shop."""

    def __init__(
        self,
        home: Path,
        backend: VoucherBackend,
        *,
        domain_id: int | None = None,
        staff: str = "",
        clock: Callable[[], datetime] = utc_now,
        settle_seconds: float = 10.0,
        watch: ConnectivityWatch | None = None,
    ) -> None:
        self.home = home
        self.backend = backend
        self.domain_id = domain_id
        self.staff = staff
        self._clock = clock
        self.store = Store.open(home)
        self.settings = Settings.open(home)
        domain = "" if domain_id is None else str(domain_id)
        self._domain = domain
        self.outbox = Outbox(self.store, domain=domain, backend=backend.name)
        self.cache = VoucherCache(self.store, domain)
        self.journal = Journal(self.store)
        self.watch = watch or ConnectivityWatch()
        self._locks = CodeLocks()
        self._settle = timedelta(seconds=settle_seconds)
        self._replayer = Replayer(
            self.outbox, self.cache, backend, self.watch, self._locks,
            settle_seconds=settle_seconds, now=clock,
        )
        self._sync_lock = threading.Lock()
        self._syncing = False
        self._auth_required = False
        self._loop: SyncLoop | None = None
        self._listeners: list[Callable[[], None]] = []
        self._closed = False
        self._loop_lock = threading.Lock()
        self.outbox.recover_in_flight(self._clock() + self._settle)
        if self.settings.offline_forced:
            self.watch.set_override(True)
        self.watch.add_listener(self._on_connectivity)

    @classmethod
    def open(cls, home: Path | None = None, *, backend: VoucherBackend | None = None) -> Engine:
        """The engine for the signed-in account of data directory ``home``.

        Raises ``SessionExpired`` when nobody is signed in and no ``backend`` is given.
        """
        from kiosk.app import signin  # noqa: PLC0415 - only needed here

        folder = home if home is not None else paths.data_dir()
        account = signin.current_account(home=folder)
        if backend is None:
            if account is None:
                raise SessionExpired("Not signed in. Run `kiosk login` or sign in on the till.")
            backend = signin.open_backend(account, home=folder)
        domain_id = account.domain_id if account else getattr(backend, "domain_id", None)
        staff = account.staff_name if account else ""
        return cls(folder, backend, domain_id=domain_id, staff=staff)

    # --- look-up ----------------------------------------------------------------------

    def lookup(self, code: str) -> Lookup:
        """The voucher's state: from the server, or from the cache when offline.

        ``code`` as scanned or typed: normalised by ``kiosk.scan.codes.normalise_code``; an
        implausible one is UNKNOWN with the reason, without contacting the server.
        """
        now = self._clock()
        try:
            code = normalise_code(code)
        except CodeRejected as rejected:
            return self._checked(Lookup(_shown(code), None, VoucherState.UNKNOWN, False, now,
                                        0, _not_a_code(rejected)))
        queued = self.outbox.queued_amount(code)
        if self.watch.should_try():
            try:
                voucher = self._fetch(code)
            except Refusal as refusal:
                state = (VoucherState.NOT_FOR_THIS_SHOP
                         if refusal.reason is RefusalReason.NOT_FOR_THIS_SHOP
                         else VoucherState.UNKNOWN)
                return self._checked(Lookup(code, None, state, False, now, queued,
                                            refusal.message))
            except (TransportError, SessionExpired):
                pass
            else:
                state = with_queued(voucher, queued).state(now, self.domain_id)
                return self._checked(Lookup(code, voucher, state, False, now, queued,
                                            state_message(voucher, state)))
        cached = self.cache.get(code)
        if cached is None:
            return self._checked(Lookup(
                code, None, VoucherState.UNSEEN_OFFLINE, True, now, queued,
                "Offline: this voucher has not been checked on this till, "
                "so its balance is not known."))
        state = with_queued(cached.voucher, queued).state(now, self.domain_id)
        message = (f"Offline: checked against this till's records "
                   f"from {cached.seen_at:%d %b %H:%M} UTC. {state_message(cached.voucher, state)}")
        return self._checked(Lookup(code, cached.voucher, state, True, cached.seen_at, queued,
                                    message))

    def _checked(self, lookup: Lookup) -> Lookup:
        self.journal.add("check", lookup.code, lookup.state.value, offline=lookup.offline,
                         amount=lookup.available if lookup.voucher else None,
                         currency=lookup.voucher.currency if lookup.voucher else None,
                         message=lookup.message)
        return lookup

    # --- redeem -----------------------------------------------------------------------

    def redeem(self, code: str, amount: int | None = None) -> RedeemOutcome:
        """Redeem ``amount`` units (None = all available): outbox first, then send.

        APPLIED only after the server confirmed; QUEUED once safely in the outbox while the
        server cannot be reached; REFUSED (with the reason) otherwise, e.g. NOT_FOUND with
        the rejection reason for input that is not a voucher code.

        Raises ``StorageError`` ("Storage full — nothing was redeemed. Call a manager.")
        when the outbox commit fails: nothing is sent to the server.
        """
        try:
            code = normalise_code(code)
        except CodeRejected as rejected:
            return self._refused(_shown(code), amount or 0, Refusal(
                RefusalReason.NOT_FOUND, _not_a_code(rejected)))
        if amount is not None and amount <= 0:
            return self._refused(code, amount, Refusal(
                RefusalReason.INVALID_AMOUNT, "The amount must be more than zero."))
        with self._locks.hold(code):
            now = self._clock()
            queued = self.outbox.queued_amount(code)
            voucher: Voucher | None = None
            if self.watch.should_try():
                try:
                    voucher = self._fetch(code)
                except Refusal as refusal:
                    return self._refused(code, amount or 0, refusal)
                except (TransportError, SessionExpired) as exc:
                    log.info("redeem %s offline: %s", code, exc.message)
            if voucher is not None:
                effective = with_queued(voucher, queued)
                concrete = effective.remaining if amount is None else amount
                try:
                    effective.check_redeem(concrete, now, self.domain_id)
                except Refusal as refusal:
                    return self._refused(code, concrete, refusal, voucher)
                entry = self._commit(code, concrete, voucher, now)
                return self._send_now(entry)
            return self._queue_offline(code, amount, queued, now)

    def _queue_offline(
        self, code: str, amount: int | None, queued: int, now: datetime
    ) -> RedeemOutcome:
        cached = self.cache.get(code)
        context = OfflineContext(
            cached=cached.voucher if cached else None,
            seen_at=cached.seen_at if cached else None,
            queued=queued,
            shift_offline_total=self.outbox.offline_total_since(self._shift_start(now)),
        )
        try:
            concrete = check_offline(self.policy(), context, amount, now, self.domain_id)
        except Refusal as refusal:
            return self._refused(code, amount or 0, refusal, context.cached, offline=True)
        entry = self._commit(code, concrete, context.cached, now, offline=True)
        return self._queued(entry, context.cached, queued + concrete)

    def _commit(
        self, code: str, amount: int, voucher: Voucher | None, at: datetime, *,
        offline: bool = False, replaces: str | None = None, entry_id: str | None = None,
    ) -> OutboxEntry:
        entry = OutboxEntry(
            id=entry_id or str(uuid.uuid4()), code=code, domain=self._domain, amount=amount,
            kind=voucher.kind.value if voucher else "",
            currency=voucher.currency if voucher else None, redeemed_at=at, staff=self.staff,
            kiosk_id=self.settings.kiosk_id, backend=self.backend.name,
            state=EntryState.PENDING, offline=offline, replaces=replaces,
        )
        try:
            self.outbox.add(entry)
        except StorageError as exc:
            log.error("outbox commit failed, %s not redeemed: %s", code, exc.message)
            self.journal.add("redeem", code, "not_recorded", amount=amount,
                             currency=entry.currency, offline=offline, message=exc.message)
            raise StorageError(NOT_RECORDED_FULL if exc.full else NOT_RECORDED,
                               full=exc.full) from exc
        self._notify()
        return entry

    def _send_now(self, entry: OutboxEntry) -> RedeemOutcome:
        try:
            self._replayer.replay(entry.code)
            current = self.outbox.get(entry.id)
            if current is not None and current.uncertain and current.state is EntryState.PENDING:
                # The answer was lost: look for it in the history, but never re-send at once.
                self._replayer.replay(entry.code, send=False)
                current = self.outbox.get(entry.id)
        except StorageError as exc:
            # Committed, but a state change could not be written: the entry stays in the
            # outbox (pending, or sending until recovered as uncertain) and is reconciled later.
            log.error("outbox entry %s: state not saved: %s", entry.id, exc.message)
            with contextlib.suppress(StorageError):
                self.outbox.mark_offline(entry.id)
            cached = self.cache.get(entry.code)
            return self._queued(entry, cached.voucher if cached else None,
                                self.outbox.queued_amount(entry.code))
        assert current is not None
        cached = self.cache.get(entry.code)
        voucher = cached.voucher if cached else None
        self._notify()
        if current.state is EntryState.APPLIED:
            self._auth_required = False
            left = f" {voucher.format_units(voucher.remaining)} left." if voucher else ""
            units = voucher.format_units(entry.amount) if voucher else str(entry.amount)
            return self._outcome(RedeemOutcome(
                RedeemStatus.APPLIED, entry.code, entry.amount, entry.id, voucher,
                f"Redeemed {units}.{left}"))
        if current.state is EntryState.REJECTED:
            return self._outcome(RedeemOutcome(
                RedeemStatus.REFUSED, entry.code, entry.amount, entry.id, voucher,
                current.last_error or "The server refused this redemption.",
                _reason(current.reason)))
        with contextlib.suppress(StorageError):  # committed: it is queued whatever this says
            self.outbox.mark_offline(entry.id)
        return self._queued(entry, voucher, self.outbox.queued_amount(entry.code))

    def _queued(self, entry: OutboxEntry, voucher: Voucher | None, queued: int) -> RedeemOutcome:
        units = voucher.format_units(entry.amount) if voucher else str(entry.amount)
        self._wake_loop()
        return self._outcome(RedeemOutcome(
            RedeemStatus.QUEUED, entry.code, entry.amount, entry.id,
            with_queued(voucher, queued) if voucher else None,
            f"Saved offline: {units} will be sent when the server is back."), offline=True)

    def _refused(
        self, code: str, amount: int, refusal: Refusal, voucher: Voucher | None = None, *,
        offline: bool = False,
    ) -> RedeemOutcome:
        return self._outcome(RedeemOutcome(
            RedeemStatus.REFUSED, code, amount, None, voucher, refusal.message, refusal.reason),
            offline=offline)

    def _outcome(self, outcome: RedeemOutcome, *, offline: bool = False) -> RedeemOutcome:
        voucher = outcome.voucher
        self.journal.add(
            "redeem", outcome.code, outcome.status.value, amount=outcome.amount,
            currency=voucher.currency if voucher else None, offline=offline,
            entry_id=outcome.entry_id, message=outcome.message)
        return outcome

    def policy(self) -> OfflinePolicy:
        """The offline policy from the settings."""
        s = self.settings
        return OfflinePolicy(
            seen_within_hours=s.offline_seen_within_hours,
            cap_per_voucher=s.offline_cap_per_voucher,
            cap_per_shift=s.offline_cap_per_shift,
            allow_unseen=s.offline_allow_unseen,
        )

    @staticmethod
    def _shift_start(now: datetime) -> datetime:
        """A shift is the local calendar day."""
        local = now.astimezone()
        return local.replace(hour=0, minute=0, second=0, microsecond=0)

    # --- the server ---------------------------------------------------------------------

    def _fetch(self, code: str) -> Voucher:
        """The server's status of ``code``, cached; keeps the connectivity watch informed."""
        self.watch.attempt()
        started = time.monotonic()
        try:
            voucher = self.backend.status(code)
        except Refusal:
            self.watch.success(time.monotonic() - started)
            raise
        except SessionExpired:
            self._auth_required = True
            self.watch.success(time.monotonic() - started)
            self._notify()
            raise
        except TransportError:
            self.watch.failure()
            raise
        self.watch.success(time.monotonic() - started)
        self._auth_required = False
        self.cache.put(voucher, self._clock(), code)
        return voucher

    def ping(self) -> tuple[bool, float, str]:
        """Whether the server answers: (reachable, seconds, what happened in words)."""
        started = time.monotonic()
        try:
            self._fetch(PROBE_CODE)
        except Refusal:
            pass  # "not found" is an answer
        except SessionExpired as exc:
            return True, time.monotonic() - started, exc.message
        except TransportError as exc:
            return False, time.monotonic() - started, exc.message
        return True, time.monotonic() - started, "answering"

    def _probe(self) -> None:
        """Ask the server anything, so connectivity can come back with nothing to send."""
        with contextlib.suppress(Refusal, TransportError, SessionExpired):
            self._fetch(self.cache.latest_code() or PROBE_CODE)

    # --- sync -------------------------------------------------------------------------

    def sync(self) -> SyncReport:
        """Replay the outbox now. One at a time: a concurrent call returns ``already_running``."""
        if self.watch.forced_offline:
            open_count, _ = self.outbox.counts()
            return SyncReport(remaining=open_count, error="Offline mode is switched on.")
        if not self._sync_lock.acquire(blocking=False):
            open_count, _ = self.outbox.counts()
            return SyncReport(already_running=True, remaining=open_count)
        try:
            self._syncing = True
            self._notify()
            self.outbox.recover_in_flight(self._clock() + self._settle)
            report = self._replayer.replay()
            if report.auth_required:
                self._auth_required = True
            elif report.applied or report.rejected or report.reconciled:
                self._auth_required = False
            attempted = report.applied + report.rejected + report.reconciled + report.failed
            if not attempted and not report.auth_required and not self.watch.online:
                self._probe()
            if report.applied or report.rejected or report.reconciled:
                log.info("sync: %d applied, %d reconciled, %d refused, %d left",
                         report.applied, report.reconciled, report.rejected, report.remaining)
            return report
        finally:
            self._syncing = False
            self._sync_lock.release()
            self._notify()

    def start_background_sync(self, idle_seconds: float = 30.0) -> None:
        """Replay in a background thread until ``close()`` (no-op once closed)."""
        with self._loop_lock:
            if self._loop is None and not self._closed:
                self._loop = SyncLoop(self.sync, idle_seconds=idle_seconds)
                self._loop.start()

    def _wake_loop(self) -> None:
        if self._loop is not None:
            self._loop.wake()

    def _on_connectivity(self, online: bool) -> None:
        if online:
            self._wake_loop()
        self._notify()

    def connectivity(self) -> Connectivity:
        """What the connection indicator shows."""
        pending, conflicts = self.outbox.counts()
        return Connectivity(
            online=self.watch.online, since=self.watch.since, syncing=self._syncing,
            pending=pending, conflicts=conflicts, auth_required=self._auth_required,
            forced=self.watch.forced_offline,
        )

    def set_offline_override(self, forced_offline: bool | None) -> None:
        """Force offline (True), force online (False), or automatic (None).

        "Work offline" (True) is saved in the settings (``offline_forced``) and restored when
        the engine opens again; forced online is for this session only.
        """
        self.watch.set_override(forced_offline)
        self.settings.offline_forced = forced_offline is True
        if forced_offline is not True:
            self._wake_loop()

    def add_listener(self, callback: Callable[[], None]) -> None:
        """Call ``callback()`` (on a worker thread) when connectivity or the queue changes."""
        self._listeners.append(callback)

    def _notify(self) -> None:
        for callback in list(self._listeners):
            try:
                callback()
            except Exception:
                log.exception("engine listener failed")

    # --- the queue and conflicts ----------------------------------------------------------

    def entries(
        self, states: Iterable[EntryState] | None = None, limit: int = 500
    ) -> list[OutboxEntry]:
        """Outbox entries, newest first."""
        return self.outbox.entries(states, limit)

    def retry_conflict(self, entry_id: str) -> RedeemOutcome:
        """Redeem what is left (up to the refused amount) for a refused entry, at its time.

        Needs the server. When the retry is applied or queued, the conflict is closed.
        """
        first = self.outbox.get(entry_id)
        if first is None:
            raise InvalidRequest("Only a refused redemption can be retried.")
        with self._locks.hold(first.code):
            entry = self.outbox.get(entry_id)
            retry_id = str(uuid.uuid4())
            # Compare-and-set rejected → written_off first: of two concurrent retries (a
            # double tap, the CLI and the till) only one gets past this line.
            if entry is None or not self.outbox.write_off(entry_id, f"retried as {retry_id}"):
                raise InvalidRequest("Only a refused redemption can be retried.")
            outcome: RedeemOutcome | None = None
            try:
                outcome = self._retry(entry, retry_id)
            finally:
                if outcome is None or outcome.status is RedeemStatus.REFUSED:
                    self._reopen_unless_sent(entry_id, retry_id)
            if outcome.status is not RedeemStatus.REFUSED:
                self.journal.add("retry", entry.code, outcome.status.value, amount=outcome.amount,
                                 entry_id=entry.id, message=outcome.message)
            return outcome

    def _reopen_unless_sent(self, entry_id: str, retry_id: str) -> None:
        """The retry did not go through: the conflict is open again (unless its retry entry
        was committed and may still be sent)."""
        with contextlib.suppress(StorageError):
            retry = self.outbox.get(retry_id)
            if retry is None or retry.state is EntryState.REJECTED:
                self.outbox.reopen_conflict(entry_id)
            self._notify()

    def _retry(self, entry: OutboxEntry, retry_id: str) -> RedeemOutcome:
        try:
            voucher = self._fetch(entry.code)
        except Refusal as refusal:
            return self._refused(entry.code, entry.amount, refusal)
        effective = with_queued(voucher, self.outbox.queued_amount(entry.code))
        amount = min(entry.amount, effective.remaining)
        try:
            effective.check_redeem(amount, entry.redeemed_at, self.domain_id)
        except Refusal as refusal:
            return self._refused(entry.code, amount, refusal, voucher)
        retry = self._commit(entry.code, amount, voucher, entry.redeemed_at,
                             replaces=entry.id, entry_id=retry_id)
        return self._send_now(retry)

    def write_off(self, entry_id: str, note: str) -> None:
        """Close a refused entry without redeeming it, with the manager's note."""
        entry = self.outbox.get(entry_id)
        if entry is None or not self.outbox.write_off(entry_id, note):
            raise InvalidRequest("Only a refused redemption can be written off.")
        self.journal.add("write_off", entry.code, EntryState.WRITTEN_OFF.value,
                         amount=entry.amount, currency=entry.currency, entry_id=entry_id,
                         message=note)
        self._notify()

    def export_csv(self, path: Path) -> int:
        """Write every outbox entry, oldest first, to ``path``; returns the count."""
        entries = self.outbox.since(datetime.min.replace(tzinfo=self._clock().tzinfo))
        return write_csv(path, entries)

    def shift_summary(self, since: datetime) -> ShiftSummary:
        """Count and totals per currency since ``since``, online vs offline."""
        return shift_summary(since, self.outbox.since(since))

    def recent(self, limit: int = 20) -> list[JournalEntry]:
        """Recent checks and redemptions, newest first."""
        return self.journal.recent(limit)

    def close(self) -> None:
        """Stop the background sync and release the database and connections (idempotent)."""
        with self._loop_lock:
            if self._closed:
                return
            self._closed = True
            loop, self._loop = self._loop, None
        if loop is not None:
            loop.stop()
        closer = getattr(self.backend, "close", None)
        if callable(closer):
            closer()
        self.store.close()
