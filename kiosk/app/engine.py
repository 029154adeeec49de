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
from datetime import UTC, datetime, timedelta
from pathlib import Path

from kiosk import paths
from kiosk.app.clock import TillClock, local_midnight
from kiosk.app.reports import ShiftSummary, shift_summary, write_csv
from kiosk.app.undo import Undoer
from kiosk.domain.backend import Capabilities, VoucherBackend
from kiosk.domain.discount import Quote
from kiosk.domain.errors import (
    InvalidRequest,
    Refusal,
    RefusalReason,
    ServerUnavailable,
    SessionExpired,
    StorageError,
    TransportError,
)
from kiosk.domain.money import Money
from kiosk.domain.outcomes import (
    Connectivity,
    EntryState,
    Lookup,
    OutboxEntry,
    RedeemOutcome,
    RedeemStatus,
    UndoOutcome,
)
from kiosk.domain.policy import OfflineContext, OfflinePolicy, check_offline, with_queued
from kiosk.domain.voucher import MAX_UNITS, Voucher, VoucherState, answer_problem, state_message
from kiosk.scan.codes import CodeRejected, normalise_code
from kiosk.store.cache import VoucherCache
from kiosk.store.database import Store, utc_now
from kiosk.store.journal import Z_REPORT, Journal, JournalEntry
from kiosk.store.meta import Meta
from kiosk.store.outbox import Outbox
from kiosk.store.settings import Settings
from kiosk.sync.connectivity import ConnectivityWatch
from kiosk.sync.locks import CodeLocks
from kiosk.sync.loop import SyncLoop
from kiosk.sync.replay import SETTLE_SECONDS, Replayer, SyncReport, settle_window

__all__ = ["Engine", "JournalEntry", "ShiftSummary", "SyncReport"]

log = logging.getLogger(__name__)
PROBE_CODE = "KIOSK-CONNECTIVITY-PROBE"
NOT_RECORDED_FULL = "Storage full — nothing was redeemed. Call a manager."
NOT_RECORDED = "The till could not save this redemption — nothing was redeemed. Call a manager."
NOT_REDEEMED = "Nothing was redeemed."
NOT_A_CONFLICT = "Only a refused redemption can be retried."


def _not_a_code(rejected: CodeRejected) -> str:
    return f"This is not a voucher code ({rejected.reason.value})."


def _shown(raw: str) -> str:
    """A rejected input as it may appear in an outcome (trimmed, printable, bounded)."""
    text = "".join(ch for ch in raw.strip() if ch.isprintable())
    return text if len(text) <= 40 else text[:37] + "..."


SIGNED_OUT_NOTE = "It will be sent once someone signs in again (the session has ended)."


def _earlier_sentence(entry: OutboxEntry, voucher: Voucher | None) -> str:
    """What became of an earlier redemption staff never heard the end of, in one sentence."""
    units = (voucher.format_units(entry.amount) if voucher is not None
             else str(entry.amount))
    when = entry.redeemed_at.astimezone().strftime("%H:%M")
    start = f"A redemption of {units} at {when}"
    if entry.state is EntryState.APPLIED:
        return f"{start} did go through."
    if entry.state is EntryState.REJECTED:
        return f"{start} was refused: {entry.last_error or 'the server refused it'}"
    if entry.state is EntryState.WRITTEN_OFF:
        return f"{start} was closed by a manager."
    return f"{start} is saved but not confirmed yet; it will be checked and sent if needed."


def basket_terms(voucher: Voucher, amount: int | None,
                 order_total: int | None) -> tuple[int, int | None]:
    """The units to redeem and, for a discount voucher, the discount on the basket.

    A discount voucher takes one use and needs the order total (``InvalidRequest`` without
    it) and its minimum; a balance voucher with an order total takes min(available, total).
    """
    terms = voucher.discount
    if terms is None:
        if order_total is not None:
            return min(voucher.remaining, order_total), None
        return (voucher.remaining if amount is None else amount), None
    if order_total is None:
        kind = terms.describe(voucher.currency or "")
        raise InvalidRequest(f"This is a discount voucher ({kind}): give the order total to "
                             "apply it.")
    if not terms.meets_minimum(order_total):
        minimum = Money(terms.min_order or 0, voucher.currency or "GBP").format()
        word = "over" if terms.strict_minimum else "of at least"
        raise Refusal(RefusalReason.CANNOT_REDUCE, f"This voucher needs an order {word} {minimum}.")
    return 1, terms.amount_off(order_total)


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
        shop: str | None = None,
        staff: str = "",
        staff_id: str = "",
        clock: Callable[[], datetime] = utc_now,
        settle_seconds: float = SETTLE_SECONDS,
        watch: ConnectivityWatch | None = None,
    ) -> None:
        self.home = home
        self.backend = backend
        self.domain_id = domain_id
        self._who = (staff, staff_id)  # one tuple: a switch of staff is never seen half-done
        self._clock = clock
        self.store = Store.open(home)
        self.settings = Settings.open(home)
        domain = shop if shop is not None else "" if domain_id is None else str(domain_id)
        self._domain = domain
        self.outbox = Outbox(self.store, domain=domain, backend=backend.name)
        self.cache = VoucherCache(self.store, domain)
        self.journal = Journal(self.store)
        server_clock = getattr(backend, "server_clock", None)
        if server_clock is not None and hasattr(server_clock, "local"):
            server_clock.local = clock  # offsets are measured against the clock we correct
        self.till_clock = TillClock(clock, Meta(self.store), server_clock)
        self.watch = watch or ConnectivityWatch()
        self._locks = CodeLocks()
        self._settle = settle_window(backend, settle_seconds)
        self._replayer = Replayer(
            self.outbox, self.cache, backend, self.watch, self._locks,
            settle_seconds=settle_seconds, now=clock, stamp=self.till_clock.now,
            line_within=self._trusted_for,
        )
        self._sync_lock = threading.Lock()
        self._syncing = False
        self._auth_required = False
        self._loop: SyncLoop | None = None
        self._listeners: list[Callable[[], None]] = []
        self._closed = False
        self._loop_lock = threading.Lock()
        self._undoer = Undoer(self.outbox, backend, self.journal, watch=self.watch,
                              locks=self._locks, notify=self._notify,
                              remember=lambda voucher, code: self.cache.put(
                                  voucher, self.till_clock.now(), code),
                              signed_out=self._signed_out)
        self.outbox.recover_in_flight(self._clock() + self._settle)
        if self.settings.offline_forced:
            self.watch.set_override(True)
        self.watch.add_listener(self._on_connectivity)

    @classmethod
    def open(cls, home: Path | None = None, *, backend: VoucherBackend | None = None,
             staff: str = "") -> Engine:
        """The engine for the signed-in account of data directory ``home``; ``staff`` names
        who works the till (key-based platforms know shops, not people).

        Raises ``SessionExpired`` when nobody is signed in and no ``backend`` is given.
        """
        from kiosk.app import signin  # noqa: PLC0415 - only needed here

        folder = home if home is not None else paths.data_dir()
        account = signin.current_account(home=folder)
        if backend is None:
            if account is None:
                raise SessionExpired("Not signed in. Run `kiosk login` or sign in on the till.")
            backend = signin.open_backend(account, home=folder)
        if account is not None and account.backend != "vouchercart":
            return cls(folder, backend, shop=account.shop, staff=staff or account.staff_name)
        domain_id = account.domain_id if account else getattr(backend, "domain_id", None)
        return cls(folder, backend, domain_id=domain_id,
                   staff=staff or (account.staff_name if account else ""))

    @property
    def staff(self) -> str:
        """The name of who works the till (recorded with each redemption)."""
        return self._who[0]

    @property
    def staff_id(self) -> str:
        """Their local staff id on a key-based platform, else ""."""
        return self._who[1]

    def set_staff(self, name: str, staff_id: str = "") -> None:
        """Who works the till from now on: a local staff member's name and id on a key-based
        platform (``kiosk.app.local_staff``)."""
        self._who = (name, staff_id)

    # --- look-up ----------------------------------------------------------------------

    def lookup(self, code: str) -> Lookup:
        """The voucher's state: from the server, or from the cache when offline.

        ``code`` as scanned or typed: normalised by ``kiosk.scan.codes.normalise_code``; an
        implausible one is UNKNOWN with the reason, without contacting the server. Uncertain
        entries the fetched history shows are settled first, so they are not counted twice;
        an earlier redemption staff never heard the end of is named in the message.
        """
        now = self.till_clock.now()
        try:
            code = normalise_code(code)
        except CodeRejected as rejected:
            return self._checked(Lookup(_shown(code), None, VoucherState.UNKNOWN, False, now,
                                        0, _not_a_code(rejected)))
        if self.watch.should_try():
            try:
                voucher = self._fetch(code)
            except Refusal as refusal:
                state = (VoucherState.NOT_FOR_THIS_SHOP
                         if refusal.reason is RefusalReason.NOT_FOR_THIS_SHOP
                         else VoucherState.UNKNOWN)
                return self._checked(Lookup(code, None, state, False, now,
                                            self.outbox.queued_amount(code), refusal.message))
            except (TransportError, SessionExpired):
                pass
            else:
                now = self.till_clock.now()  # the answer just measured the server's clock
                queued = self.outbox.queued_amount(code)
                state = with_queued(voucher, queued).state(now, self.domain_id)
                message = self._earlier_note(code, voucher) + state_message(voucher, state)
                return self._checked(Lookup(code, voucher, state, False, now, queued, message))
        queued = self.outbox.queued_amount(code)
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
                                    self._earlier_note(code, cached.voucher) + message))

    def _earlier_note(self, code: str, voucher: Voucher | None) -> str:
        """What became of redemptions of ``code`` staff never heard the end of (the till
        stopped mid-way), as sentences to put first. They stay unreported until a redeem
        settles them: a card may not be read, a redeem's outcome is."""
        return "".join(_earlier_sentence(e, voucher) + " " for e in self.outbox.unreported(code))

    def _checked(self, lookup: Lookup) -> Lookup:
        self.journal.add("check", lookup.code, lookup.state.value, offline=lookup.offline,
                         amount=lookup.available if lookup.voucher else None,
                         currency=lookup.voucher.money_currency if lookup.voucher else None,
                         message=lookup.message)
        return lookup

    # --- redeem -----------------------------------------------------------------------

    def redeem(self, code: str, amount: int | None = None,
               order_total: int | None = None) -> RedeemOutcome:
        """Redeem ``amount`` units (None = all available): outbox first, then send.

        ``order_total`` (minor units) is the basket: required for a discount voucher (one use,
        the discount computed on it, half-up); for a balance voucher it redeems
        min(available, order total). It cannot be combined with ``amount``.

        APPLIED only after the server confirmed; QUEUED once safely in the outbox while the
        server cannot be reached; REFUSED (with the reason) otherwise, e.g. NOT_FOUND with
        the rejection reason for input that is not a voucher code.

        When an earlier redemption of this voucher was never reported to staff (the till
        died after saving it), that one is settled first and the outcome is about it
        (``RedeemOutcome.earlier``); nothing new is redeemed, so a retry never doubles.

        Raises ``StorageError`` ("Storage full — nothing was redeemed. Call a manager.")
        when the outbox commit fails: nothing is sent to the server.
        """
        try:
            code = normalise_code(code)
        except CodeRejected as rejected:
            return self._refused(_shown(code), amount or 0, Refusal(
                RefusalReason.NOT_FOUND, _not_a_code(rejected)))
        if amount is not None and not 0 < amount <= MAX_UNITS:
            return self._refused(code, amount, Refusal(
                RefusalReason.INVALID_AMOUNT, "The amount must be more than zero."
                if amount <= 0 else "The amount is too large."))
        if order_total is not None and (amount is not None or not 0 < order_total <= MAX_UNITS):
            return self._refused(code, amount or 0, Refusal(
                RefusalReason.INVALID_AMOUNT,
                "Give either the amount or the order total, not both." if amount is not None
                else "The order total must be more than zero." if order_total <= 0
                else "The order total is too large."))
        with self._locks.hold(code):
            voucher: Voucher | None = None
            signed_out = False
            if self.watch.should_try():
                try:
                    voucher = self._fetch(code)
                except Refusal as refusal:
                    return self._refused(code, amount or 0, refusal)
                except (TransportError, SessionExpired) as exc:
                    signed_out = isinstance(exc, SessionExpired)
                    log.info("redeem %s offline: %s", code, exc.message)
            earlier = self.outbox.unreported(code)
            if earlier:
                return self._settle_earlier(earlier, voucher is not None, signed_out)
            now = self.till_clock.now()  # after the fetch: its Date header corrected the clock
            queued = self.outbox.queued_amount(code)
            if voucher is not None:
                effective = with_queued(voucher, queued)
                try:
                    concrete, discount = basket_terms(effective, amount, order_total)
                except Refusal as refusal:
                    return self._refused(code, amount or 0, refusal, voucher)
                try:
                    effective.check_redeem(concrete, now, self.domain_id)
                except Refusal as refusal:
                    return self._refused(code, concrete, refusal, voucher)
                entry = self._commit(code, concrete, voucher, now, order_total=order_total,
                                     discount=discount)
                return self._send_now(entry)
            return self._queue_offline(code, amount, queued, now, signed_out=signed_out,
                                       order_total=order_total)

    def _settle_earlier(
        self, earlier: list[OutboxEntry], online: bool, signed_out: bool
    ) -> RedeemOutcome:
        """Finish the unreported entries of one voucher and say what became of them."""
        code = earlier[0].code
        if online:
            with contextlib.suppress(StorageError):
                self._replayer.replay(code)
        settled = [self.outbox.get(e.id) or e for e in earlier]
        cached = self.cache.get(code)
        voucher = cached.voucher if cached else None
        for entry in settled:
            with contextlib.suppress(StorageError):
                if entry.state in (EntryState.PENDING, EntryState.SENDING):
                    self.outbox.mark_offline(entry.id)  # now a queued entry staff know of
                self.outbox.mark_reported(entry.id)
        message = " ".join(_earlier_sentence(e, voucher) for e in settled)
        last = settled[-1]
        if all(e.state is EntryState.APPLIED for e in settled):
            status = RedeemStatus.APPLIED
        elif any(e.state in (EntryState.PENDING, EntryState.SENDING) for e in settled):
            status = RedeemStatus.QUEUED
            message += (" " + SIGNED_OUT_NOTE) if signed_out else ""
        else:
            status = RedeemStatus.REFUSED
        total = sum(e.amount for e in settled if e.state is not EntryState.REJECTED)
        reason = _reason(last.reason) if status is RedeemStatus.REFUSED else None
        self._notify()
        return self._outcome(RedeemOutcome(
            status, code, total or last.amount, last.id, voucher,
            message + " Nothing more was taken; redeem again if the customer wants more.",
            reason, earlier=last), offline=status is RedeemStatus.QUEUED)

    def _queue_offline(
        self, code: str, amount: int | None, queued: int, now: datetime, *,
        signed_out: bool = False, order_total: int | None = None,
    ) -> RedeemOutcome:
        try:
            self.till_clock.check_offline(now)
        except Refusal as refusal:
            return self._refused(code, amount or 0, refusal, offline=True)
        cached = self.cache.get(code)
        context = OfflineContext(
            cached=cached.voucher if cached else None,
            seen_at=cached.seen_at if cached else None,
            queued=queued,
            shift_offline_total=self.outbox.offline_total_since(self._shift_start(now)),
        )
        discount = None
        try:
            if context.cached is not None:
                amount, discount = basket_terms(with_queued(context.cached, queued), amount,
                                                order_total)
            elif order_total is not None:
                raise Refusal(RefusalReason.OFFLINE_UNSEEN,
                              "Offline: this voucher has not been checked on this till, so "
                              "its discount is not known.")
            concrete = check_offline(self.policy(), context, amount, now, self.domain_id)
        except Refusal as refusal:
            return self._refused(code, amount or 0, refusal, context.cached, offline=True)
        entry = self._commit(code, concrete, context.cached, now, offline=True,
                             order_total=order_total, discount=discount)
        return self._queued(entry, context.cached, queued + concrete, signed_out=signed_out)

    def _commit(
        self, code: str, amount: int, voucher: Voucher | None, at: datetime, *,
        offline: bool = False, replaces: str | None = None, entry_id: str | None = None,
        order_total: int | None = None, discount: int | None = None,
        closes: tuple[str, str] | None = None,
    ) -> OutboxEntry:
        staff, staff_id = self._who
        entry = OutboxEntry(
            id=entry_id or str(uuid.uuid4()), code=code, domain=self._domain, amount=amount,
            kind=voucher.kind.value if voucher else "",
            currency=voucher.currency if voucher else None, redeemed_at=at, staff=staff,
            staff_id=staff_id,
            kiosk_id=self.settings.kiosk_id, backend=self.backend.name,
            state=EntryState.PENDING, offline=offline, replaces=replaces, reported=False,
            order_total=order_total if discount is not None else None, discount=discount,
        )
        try:
            added = self.outbox.add(entry, closes=closes)
        except StorageError as exc:
            log.error("outbox commit failed, %s not redeemed: %s", code, exc.message)
            self.journal.add("redeem", code, "not_recorded", amount=amount,
                             currency=entry.money_currency, offline=offline, message=exc.message)
            raise StorageError(NOT_RECORDED_FULL if exc.full else NOT_RECORDED,
                               full=exc.full) from exc
        if not added:  # the conflict it retries was closed by someone else meanwhile
            raise InvalidRequest(NOT_A_CONFLICT)
        self._notify()
        return entry

    def _send_now(self, entry: OutboxEntry) -> RedeemOutcome:
        report = SyncReport()
        try:
            report = self._replayer.replay(entry.code)
            current = self.outbox.get(entry.id)
            if current is not None and current.uncertain and current.state is EntryState.PENDING:
                # The answer was lost: look for it in the history, but never re-send at once.
                self._replayer.replay(entry.code, send=False)
                current = self.outbox.get(entry.id)
        except StorageError as exc:
            # Committed, but a state change could not be written: the entry stays in the
            # outbox (pending, or sending until recovered as uncertain) and is reconciled later.
            log.error("outbox entry %s: state not saved: %s", entry.id, exc.message)
            current = None
        except Exception:
            # Committed, and its request may have landed: whatever failed after the commit,
            # staff hear "saved" (never "not redeemed", which would invite a second payment);
            # the replay settles it.
            log.exception("outbox entry %s: sending failed after the commit", entry.id)
            current = None
        confirmed = self._replayer.confirmed.pop(entry.id, None)
        refused = self._replayer.refused.get(entry.id)
        self.till_clock.observed()
        cached = self.cache.get(entry.code)
        voucher = confirmed or (cached.voucher if cached else None)
        self._notify()
        if confirmed is not None or (current is not None
                                     and current.state is EntryState.APPLIED):
            # The server has the money: from here on nothing may turn this into an error.
            self._auth_required = False
            left = f" {voucher.format_units(voucher.remaining)} left." if voucher else ""
            units = voucher.format_units(entry.amount) if voucher else str(entry.amount)
            discount = current.discount if current is not None else entry.discount
            if voucher is not None and voucher.discount is not None and discount is not None \
                    and entry.order_total is not None:
                quote = Quote(entry.order_total, discount)
                return self._outcome(RedeemOutcome(
                    RedeemStatus.APPLIED, entry.code, entry.amount, entry.id, voucher,
                    f"Applied. {quote.describe(voucher.discount, voucher.currency or '')}.",
                    order_total=entry.order_total, discount=discount))
            return self._outcome(RedeemOutcome(
                RedeemStatus.APPLIED, entry.code, entry.amount, entry.id, voucher,
                f"Redeemed {units}.{left}"))
        if current is not None and current.state is EntryState.REJECTED:
            return self._outcome(RedeemOutcome(
                RedeemStatus.REFUSED, entry.code, entry.amount, entry.id, voucher,
                current.last_error or "The server refused this redemption.",
                _reason(current.reason)))
        if refused is not None:  # refused, but the storage could not record it: still refused
            return self._outcome(RedeemOutcome(
                RedeemStatus.REFUSED, entry.code, entry.amount, entry.id, voucher,
                refused.message, refused.reason))
        with contextlib.suppress(StorageError):  # committed: it is queued whatever this says
            self.outbox.mark_offline(entry.id)
        return self._queued(entry, voucher, self._queued_amount(entry.code),
                            signed_out=report.auth_required)

    def _queued_amount(self, code: str) -> int:
        try:
            return self.outbox.queued_amount(code)
        except StorageError:
            return 0

    def _queued(self, entry: OutboxEntry, voucher: Voucher | None, queued: int, *,
                signed_out: bool = False) -> RedeemOutcome:
        units = voucher.format_units(entry.amount) if voucher else str(entry.amount)
        self._wake_loop()
        when = SIGNED_OUT_NOTE if signed_out else "It will be sent when the server is back."
        if voucher is not None and voucher.discount is not None \
                and entry.order_total is not None and entry.discount is not None:
            units = Quote(entry.order_total, entry.discount).describe(
                voucher.discount, voucher.currency or "")
        return self._outcome(RedeemOutcome(
            RedeemStatus.QUEUED, entry.code, entry.amount, entry.id,
            with_queued(voucher, queued) if voucher else None,
            f"Saved offline: {units}. {when}", order_total=entry.order_total,
            discount=entry.discount), offline=True)

    def _refused(
        self, code: str, amount: int, refusal: Refusal, voucher: Voucher | None = None, *,
        offline: bool = False,
    ) -> RedeemOutcome:
        return self._outcome(RedeemOutcome(
            RedeemStatus.REFUSED, code, amount, None, voucher, refusal.message, refusal.reason),
            offline=offline)

    def _outcome(self, outcome: RedeemOutcome, *, offline: bool = False) -> RedeemOutcome:
        if outcome.entry_id is not None:
            try:
                self.outbox.mark_reported(outcome.entry_id)
            except StorageError as exc:
                log.warning("outbox %s: 'told staff' not saved: %s", outcome.entry_id,
                            exc.message)
        voucher = outcome.voucher
        self.journal.add(
            "redeem", outcome.code, outcome.status.value, amount=outcome.amount,
            currency=voucher.money_currency if voucher else None, offline=offline,
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

    def _trusted_for(self) -> timedelta | None:
        """How old a cached line the offline checks still trust (None: any age); the replay
        counts on only from such a line."""
        hours = self.settings.offline_seen_within_hours
        return timedelta(hours=hours) if hours else None

    @staticmethod
    def _shift_start(now: datetime) -> datetime:
        """A shift is the local calendar day."""
        return local_midnight(now)

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
            self.till_clock.observed()
            raise
        self.watch.success(time.monotonic() - started)
        self._auth_required = False
        self.till_clock.observed()
        problem = answer_problem(voucher, code)
        if problem is not None:
            log.warning("status answer for %s refused: %s", code, problem)
            raise ServerUnavailable(f"The server's answer cannot be used: {problem}.")
        self.cache.put(voucher, self.till_clock.now(), code)
        # Uncertain entries this history shows are applied: never count them twice.
        self._replayer.reconcile_known(code, voucher)
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
            self.store.reserve.keep()  # after a full disk was freed
            self.outbox.recover_in_flight(self._clock() + self._settle)
            report = self._replayer.replay()
            self._replayer.confirmed.clear()
            if self.watch.online:
                self._undoer.settle()  # undos whose answer was lost: confirmed by listing
            self.till_clock.observed()
            others = self.outbox.other_shops_open()
            if others and not report.error:
                report.error = (f"{others} redemption(s) belong to another shop or server: "
                                "sign in there to send them.")
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
            forced=self.watch.forced_offline, clock_warning=self.till_clock.warning(),
            other_shops=self.outbox.other_shops_open(),
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

        Needs the server. The retry's entry is committed in one transaction with the
        conflict's compare-and-set ``rejected → written_off`` (note "retried as <id>"): of two
        concurrent retries (a double tap, the CLI and the till) only one commits, and a crash
        never leaves the conflict closed without its retry. A retry the server refuses opens
        the conflict again.
        """
        first = self.outbox.get(entry_id)
        if first is None or first.state is not EntryState.REJECTED:
            raise InvalidRequest(NOT_A_CONFLICT)
        with self._locks.hold(first.code):
            entry = self.outbox.get(entry_id)
            if entry is None or entry.state is not EntryState.REJECTED:
                raise InvalidRequest(NOT_A_CONFLICT)
            retry_id = str(uuid.uuid4())
            outcome = self._retry(entry, retry_id)
            if outcome.status is RedeemStatus.REFUSED:
                self._reopen_if_refused(entry_id, retry_id)
            else:
                self.journal.add("retry", entry.code, outcome.status.value, amount=outcome.amount,
                                 currency=entry.money_currency, entry_id=entry.id,
                                 message=outcome.message)
            return outcome

    def _reopen_if_refused(self, entry_id: str, retry_id: str) -> None:
        """The server refused the retry: the conflict is open again (a retry refused before
        its entry was committed never closed it)."""
        with contextlib.suppress(StorageError):
            retry = self.outbox.get(retry_id)
            if retry is not None and retry.state is EntryState.REJECTED:
                self.outbox.reopen_conflict(entry_id)
            self._notify()

    def _retry(self, entry: OutboxEntry, retry_id: str) -> RedeemOutcome:
        try:
            voucher = self._fetch(entry.code)
        except Refusal as refusal:
            return self._refused(entry.code, entry.amount, refusal)
        effective = with_queued(voucher, self.outbox.queued_amount(entry.code))
        discount = None
        try:
            if voucher.discount is not None and entry.order_total is not None:
                # The same basket again: one use, the discount computed on today's terms.
                amount, discount = basket_terms(effective, None, entry.order_total)
            else:
                amount = min(entry.amount, effective.remaining)
            effective.check_redeem(amount, entry.redeemed_at, self.domain_id)
        except Refusal as refusal:
            return self._refused(entry.code, entry.amount, refusal, voucher)
        retry = self._commit(entry.code, amount, voucher, entry.redeemed_at,
                             replaces=entry.id, entry_id=retry_id,
                             order_total=entry.order_total, discount=discount,
                             closes=(entry.id, f"retried as {retry_id}"))
        return self._send_now(retry)

    def write_off(self, entry_id: str, note: str) -> None:
        """Close a refused entry without redeeming it, with the manager's note."""
        entry = self.outbox.get(entry_id)
        if entry is None or not self.outbox.write_off(entry_id, note):
            raise InvalidRequest("Only a refused redemption can be written off.")
        self.journal.add("write_off", entry.code, EntryState.WRITTEN_OFF.value,
                         amount=entry.amount, currency=entry.money_currency, entry_id=entry_id,
                         message=note)
        self._notify()

    def export_csv(self, path: Path) -> int:
        """Write every outbox entry, oldest first, to ``path``; returns the count."""
        entries = self.outbox.since(datetime.min.replace(tzinfo=self._clock().tzinfo))
        return write_csv(path, entries)

    def shift_summary(self, since: datetime) -> ShiftSummary:
        """Count and totals per currency since ``since``, online vs offline."""
        return shift_summary(since, self.outbox.since(since))

    # --- undo (kiosk.app.undo) -----------------------------------------------------------

    @property
    def capabilities(self) -> Capabilities:
        """What the signed-in platform can do (the UI shows only that)."""
        return self.backend.capabilities

    def _signed_out(self) -> None:
        self._auth_required = True
        self._notify()

    def shift_started(self) -> datetime:
        """When this shift began: the last Z report, else local midnight (UTC)."""
        last = self.journal.last_at(Z_REPORT)
        if last is not None:
            return last
        return self._shift_start(self._clock()).astimezone(UTC)

    def last_redemption(self) -> OutboxEntry | None:
        """The redemption ``undo_last`` would take back (for the confirmation), or None."""
        return self._undoer.last(self.shift_started())

    def undo_last(self, expect: str | None = None) -> UndoOutcome:
        """Take back the till's last redemption of this shift (a manager's action): cancel
        it while it is still queued, reverse it on the server where the platform can, else
        refuse saying why. ``expect``: the entry id staff confirmed (see ``kiosk.app.undo``).
        """
        return self._undoer.undo(self.shift_started(), expect)

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
