"""Replay of the outbox: oldest first, one voucher at a time, each voucher's entries in order.

For every voucher with open entries:

1. if any entry is *uncertain* (its request may have landed), fetch the voucher's status and
   ask the backend whether they landed (``VoucherBackend.confirm``: each platform its own
   way) before anything is sent;
2. send each pending entry with ``redeemDate`` = its original time;
3. applied → ``applied``; refused for good → ``rejected`` with the server's reason (and go on
   with the voucher's next entry); transient failure → back to ``pending`` and stop this
   voucher until the next pass, so its order is kept while other vouchers proceed.

Auth errors and rate limiting stop the whole pass; so do three transient failures in a row
on different vouchers (the server is down: no point timing out on every voucher).

Vouchers with a few plain pending entries are claimed together, several vouchers' runs in one
durable transaction (a *claim group*); a voucher whose claimed entries wait their turn is not
locked meanwhile: whoever takes its lock (the till's redeem) takes the unsent claims back
first. See docs/engine.md, "Claim groups".
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from enum import Enum, auto

from kiosk.domain.backend import RedeemRequest, VoucherBackend
from kiosk.domain.errors import (
    AuthError,
    InvalidRequest,
    RateLimited,
    Refusal,
    RefusalReason,
    SessionExpired,
    StorageError,
    TransportError,
)
from kiosk.domain.outcomes import EntryState, OutboxEntry
from kiosk.domain.voucher import Voucher, answer_problem
from kiosk.store.cache import VoucherCache
from kiosk.store.database import utc_now
from kiosk.store.outbox import Applied, Outbox
from kiosk.sync.connectivity import ConnectivityWatch
from kiosk.sync.locks import CodeLocks
from kiosk.sync.parking import Parking, Pass

log = logging.getLogger(__name__)
STOP_PASS_AFTER = 3  # consecutive transient failures on different vouchers
SETTLE_SECONDS = 180.0  # an uncertain request may still land this long after it was sent
MAX_BACKOFF = 8  # each uncertain attempt doubles the wait before a re-send, up to 8 x settle
# Entries of one voucher claimed in one durable transaction (one fsync). A crash leaves up to
# this many ``sending``: all come back uncertain, are confirmed against the server and wait
# the settle window before any is re-sent (docs/engine.md, "Write-ahead protocol").
CLAIM_RUN = 128
# At most this many vouchers are looked at (their open entries counted, one read) to build a
# claim group; fewer when the vouchers have more entries each (see ``Pass.ahead``).
GROUP_LOOKAHEAD = 64


@dataclass(slots=True)
class SyncReport:
    """What one replay pass did."""

    applied: int = 0  # entries the server confirmed
    reconciled: int = 0  # uncertain entries found in the voucher's history (not re-sent)
    rejected: int = 0  # entries refused for good (new conflicts)
    failed: int = 0  # transient failures (entries left pending)
    remaining: int = 0  # open entries after the pass
    auth_required: bool = False  # the session is over: sign in to resume
    already_running: bool = False  # another sync was under way; nothing done
    retry_after: float | None = None  # the server asked us to wait this long
    error: str = ""  # the last failure, in words

    @property
    def clean(self) -> bool:
        """True when nothing failed."""
        return not (self.failed or self.auth_required or self.already_running)


@dataclass(slots=True)
class _Run:
    """The server's answers while one voucher's entries are sent."""

    previous: Voucher | None = None  # the last entry's answer (None after a refusal)
    latest: Voucher | None = None  # the last answer at all, cached once at the end
    marks: list[Applied] = field(default_factory=list)  # confirmed, not saved yet
    # The read ``previous`` and ``latest`` derive from: when (None: during this run) and how
    # many redemptions were counted on since; ``line``: that read is the cached line's, made
    # before this run (a refusal then reads again before it is believed).
    read_at: datetime | None = None
    counted: int = 0
    line: bool = False
    loaded: bool = False  # the cached line was looked at (once per run)


class _Stop(Enum):
    CONTINUE = auto()  # voucher done (or blocked by someone else): go on
    TRANSIENT = auto()  # voucher hit a transient failure
    HALT = auto()  # stop the whole pass


def settle_window(backend: VoucherBackend, settle_seconds: float) -> timedelta:
    """How long an uncertain entry waits before it may be re-sent: none on a platform whose
    server never counts a re-sent redemption twice (``Capabilities.idempotent``: Vouchers
    API's apply per ``order_id``), where a re-send is itself the safe way to find out."""
    capabilities = getattr(backend, "capabilities", None)
    if capabilities is not None and capabilities.idempotent:
        return timedelta(0)
    return timedelta(seconds=settle_seconds)


def request_for(entry: OutboxEntry) -> RedeemRequest:
    """What the backend is sent for an outbox entry (always its original time)."""
    return RedeemRequest(entry.id, entry.code, entry.amount, entry.redeemed_at,
                         order_total=entry.order_total, staff=entry.staff,
                         staff_id=entry.staff_id, currency=entry.currency)


class Replayer:
    """Sends open outbox entries to the backend."""

    def __init__(
        self,
        outbox: Outbox,
        cache: VoucherCache,
        backend: VoucherBackend,
        watch: ConnectivityWatch,
        locks: CodeLocks,
        *,
        settle_seconds: float = SETTLE_SECONDS,
        now: Callable[[], datetime],
        stamp: Callable[[], datetime] | None = None,
        line_within: Callable[[], timedelta | None] = lambda: None,
    ) -> None:
        self._outbox = outbox
        self._cache = cache
        self._backend = backend
        self._watch = watch
        self._locks = locks
        self._settle = settle_window(backend, settle_seconds)
        self._now = now  # the till's clock: settle windows are durations on it
        self._stamp = stamp or now  # the corrected time: when the server said something
        capabilities = getattr(backend, "capabilities", None)
        # Send on the voucher's cached line, read no older than ``line_within()`` (None: any
        # age), where the platform says that is safe (docs/engine.md, "Counting on from the
        # cached line").
        self._count_on = capabilities is not None and capabilities.count_on_line
        self._backdated = capabilities is not None and capabilities.backdated
        self._line_within = line_within
        # Entries the server confirmed whose new state is not saved yet, or could not be
        # (storage trouble): staff are still told "redeemed"; such an entry is reconciled on
        # the next pass. Dropped once saved (the outbox and the cache then have them).
        self.confirmed: dict[str, Voucher] = {}
        # Entries the server refused whose refusal could not be saved (storage trouble): kept
        # until it is saved, so the entry, back as uncertain, is marked refused and never
        # re-sent (a voucher that regained value meanwhile would take it).
        self.refused: dict[str, Refusal] = {}
        self._parking = Parking(outbox, cache, self._forget)
        locks.on_hold = self._hand_over

    def replay(self, code: str | None = None, *, send: bool = True) -> SyncReport:
        """One pass over every open entry (or only ``code``'s).

        ``send=False`` only reconciles uncertain entries (used right after a lost answer,
        when re-sending at once could double a request that is still being processed).
        """
        report = SyncReport()
        self._save_refusals(report)
        codes = self._outbox.open_codes() if code is None else [code]
        strikes = 0
        run = Pass(self._line_within() if self._count_on and code is None else None)
        todo = deque(codes)
        try:
            while todo:
                halted = False
                # One voucher (the till's own redeem) needs no group: it is sent under the
                # lock its caller holds.
                for voucher_code, grouped in self._next_steps(
                        todo, run, group=send and code is None):
                    if grouped is None:
                        result = self._voucher(voucher_code, report, run, send=send,
                                               lines=code is None)
                    else:
                        result = self._group_voucher(voucher_code, report, run)
                    strikes = strikes + 1 if result is _Stop.TRANSIENT else 0
                    if result is _Stop.HALT or strikes >= STOP_PASS_AFTER:
                        halted = True
                        break
                if halted:
                    break
        finally:
            self._parking.flush(run)
        open_count, _ = self._outbox.counts()
        report.remaining = open_count
        return report

    # --- claim groups -----------------------------------------------------------------

    def _next_steps(self, todo: deque[str], run: Pass, *,
                    group: bool) -> list[tuple[str, bool | None]]:
        """The next vouchers to work on, taken off ``todo``: a claim group (several vouchers
        whose open entries are all plain pending ones, up to ``CLAIM_RUN`` entries in all,
        claimed in one durable transaction: ``(code, True)``), or one voucher to handle on
        its own (``(code, None)``: uncertain entries, one in flight, a longer run, its lock
        busy)."""
        if not group:
            return [(todo.popleft(), None)]
        picked = self._pick(todo, run)
        if not picked:
            return [(todo.popleft(), None)] if todo else []
        by_code = self._outbox.open_entries_of(picked)
        plain: list[tuple[str, list[OutboxEntry]]] = []
        alone: list[tuple[str, bool | None]] = []
        for voucher_code in picked:
            entries = by_code.get(voucher_code, [])
            if all(e.state is EntryState.PENDING and not e.uncertain for e in entries):
                if entries:
                    plain.append((voucher_code, entries))
            else:  # changed since it was counted: on its own
                alone.append((voucher_code, None))
        steps = self._claim_group(plain, run)
        if self._count_on:  # their cached lines, in one read
            claimed = [voucher_code for voucher_code, _ in steps]
            try:
                lines = self._cache.get_many(claimed)
            except StorageError:
                lines = {}
            run.lines.update((c, lines.get(c)) for c in claimed)
        return steps + alone

    def _pick(self, todo: deque[str], run: Pass) -> list[str]:
        """The next vouchers of ``todo`` whose open entries are all plain pending ones, up to
        ``CLAIM_RUN`` entries in all (taken off ``todo``, as are vouchers done meanwhile)."""
        ahead = [todo[i] for i in range(min(len(todo), run.ahead))]
        counts = self._outbox.open_counts(ahead)
        if counts:  # enough vouchers to fill a group next time, at their average size
            average = sum(n for n, _ in counts.values()) / len(counts)
            run.ahead = max(2, min(GROUP_LOOKAHEAD, int(CLAIM_RUN / average) + 2))
        picked: list[str] = []
        total = 0
        for voucher_code in ahead:
            count, plain = counts.get(voucher_code, (0, 0))
            if not count:
                todo.popleft()  # done meanwhile (the till's own redeem)
                continue
            if plain != count or total + count > CLAIM_RUN:
                break
            todo.popleft()
            picked.append(voucher_code)
            total += count
        return picked

    def _claim_group(self, group: list[tuple[str, list[OutboxEntry]]],
                     run: Pass) -> list[tuple[str, bool | None]]:
        """Claim ``group``'s runs in one transaction and park them; the steps to take."""
        alone: list[tuple[str, bool | None]] = []
        locked: list[tuple[str, list[OutboxEntry]]] = []
        for voucher_code, entries in group:
            # Claimed only while holding its lock: whoever takes it later sees the claim.
            if self._locks.acquire(voucher_code, blocking=False):
                locked.append((voucher_code, entries))
            else:
                alone.append((voucher_code, None))
        try:
            for voucher_code, _ in locked:
                self._parking.take_over(voucher_code)  # nothing, unless another pass's
            claimed = self._parking.claim(
                [[e.id for e in entries] for _, entries in locked], run,
                park=[code for code, _ in locked], entries=[entries for _, entries in locked])
        finally:
            for voucher_code, _ in locked:
                self._locks.release(voucher_code)
        steps: list[tuple[str, bool | None]] = [
            (voucher_code, True) for (voucher_code, _), ids in zip(locked, claimed, strict=True)
            if ids]
        return steps + alone

    def _group_voucher(self, code: str, report: SyncReport, run: Pass) -> _Stop:
        """Send a voucher's entries claimed in a group; if someone took them back meanwhile
        (the till's redeem or undo of it), whatever is still open is handled on its own."""
        self._locks.acquire(code)
        sent = _Run()
        try:
            waiting = self._parking.take_over(code, own=run)
            if not waiting:  # its line may be older than what whoever took it over read
                run.lines.pop(code, None)
                return self._send_voucher(code, report, sent, run, send=True)
            return self._send_claimed(waiting, report, sent, run) or _Stop.CONTINUE
        finally:
            self._park(code, sent, run)
            self._locks.release(code)

    def _park(self, code: str, sent: _Run, run: Pass) -> None:
        """Park a voucher just sent (its lock still held): its marks and last answer are
        saved later (``kiosk.sync.parking``)."""
        self._parking.park(code, run, sent.marks, sent.latest, sent.read_at or self._stamp(),
                           counted=sent.counted)
        sent.marks = []

    def _hand_over(self, code: str) -> None:
        """``CodeLocks.on_hold``: whoever takes ``code``'s lock gets it settled."""
        try:
            self._parking.take_over(code)
        except StorageError as exc:
            log.error("could not hand over voucher %s settled: %s", code, exc.message)

    # --- one voucher on its own ------------------------------------------------------

    def _voucher(self, code: str, report: SyncReport, run: Pass, *, send: bool,
                 lines: bool = False) -> _Stop:
        """Send ``code``'s open entries under its lock (reconciled first where uncertain);
        ``lines``: on the voucher's cached line where the platform allows (a pass, not the
        till's own redeem, whose result screen shows the voucher as read after the write)."""
        self._locks.acquire(code)
        sent = _Run(loaded=not lines)
        try:
            self._parking.take_over(code)
            return self._send_voucher(code, report, sent, run, send=send)
        finally:
            self._park(code, sent, run)
            self._locks.release(code)

    def _send_voucher(self, code: str, report: SyncReport, sent: _Run, run: Pass, *,
                      send: bool) -> _Stop:
        entries = self._outbox.open_entries(code)
        if any(e.uncertain and e.state is EntryState.PENDING for e in entries):
            stop = self._reconcile(code, entries, report, resend=send)
            if stop is not None:
                return stop
            entries = self._outbox.open_entries(code)
        if not send:
            return _Stop.CONTINUE
        # Only the leading pending, settled entries: one in flight elsewhere or not
        # settled yet blocks the rest (order is kept).
        ready: list[OutboxEntry] = []
        for entry in entries:
            if entry.state is not EntryState.PENDING or entry.uncertain:
                break
            ready.append(entry)
        for start in range(0, len(ready), CLAIM_RUN):
            batch = ready[start:start + CLAIM_RUN]
            # The previous run's applied marks (this voucher's, or the pass's parked
            # vouchers') ride in the same durable transaction, each with the line it leaves:
            # marks saved without it would leave an older line no longer minus them.
            self._park(code, sent, run)
            claimed = self._parking.claim([[e.id for e in batch]], run)[0]
            stop = self._send_claimed(batch[:len(claimed)], report, sent, run)
            if stop is not None:
                return stop
            if len(claimed) < len(batch):
                return _Stop.CONTINUE  # someone else has the next one
        return _Stop.CONTINUE

    def _forget(self, marks: Sequence[Applied]) -> None:
        """Saved marks need no ``confirmed`` answer any more (the outbox and the cache have
        them): a long pass holds no voucher per entry."""
        for mark in marks:
            self.confirmed.pop(mark.entry_id, None)

    def _send_claimed(self, claimed: list[OutboxEntry], report: SyncReport,
                      sent: _Run, run: Pass) -> _Stop | None:
        """Send claimed entries in order; whatever was not sent goes back to ``pending``."""
        done = 0
        try:
            for entry in claimed:
                self._parking.flush_due(run)
                if not sent.loaded:
                    self._load_line(entry.code, sent, run)
                done += 1  # from here on it may have left: never taken back unsent
                answer = self._send(entry, report, sent, known=sent.previous)
                if isinstance(answer, _Stop):
                    return answer
                sent.previous = answer
                sent.latest = answer or sent.latest
        finally:
            if done < len(claimed):
                try:
                    self._outbox.unclaim(e.id for e in claimed[done:])
                except StorageError as exc:  # they stay ``sending``: recovered as uncertain
                    log.error("could not release unsent outbox entries: %s", exc.message)
        return None

    def _load_line(self, code: str, sent: _Run, run: Pass) -> None:
        """Start ``sent`` from the voucher's cached line, where the platform counts on from
        it and the line is young enough (the offline checks would still trust it)."""
        sent.loaded = True
        if not self._count_on or sent.previous is not None:
            return
        if code in run.lines:  # read with its claim group
            line = run.lines.pop(code)
        else:
            try:
                line = self._cache.get(code)
            except StorageError:
                return  # read the voucher, as without a line
        within = run.within
        if line is None or (within is not None and self._stamp() - line.seen_at > within):
            return
        sent.previous, sent.read_at, sent.counted, sent.line = \
            line.voucher, line.seen_at, line.counted, True

    def _read_again(self, code: str, report: SyncReport,
                    sent: _Run) -> tuple[Voucher | Refusal | None, _Stop | None]:
        """A real read of the voucher, instead of a line that a refusal or an answer put in
        doubt: ``sent`` goes on from it (and the cache has it)."""
        answer, stop = self._call_status(code, report)
        sent.line = False
        if isinstance(answer, Voucher):
            sent.previous = sent.latest = answer
            sent.read_at, sent.counted = None, 0
        return answer, stop

    def _doubted(self, known: Voucher, entry: OutboxEntry) -> bool:
        """Whether the server took ``entry`` although ``known``, the line it was counted on
        from, says it could not (used up, expired, switched off): the line is out of date
        (a reversal, a refund, new dates meanwhile), so the voucher is read again."""
        at = entry.redeemed_at if self._backdated else self._stamp()
        try:
            known.check_redeem(entry.amount, at)
        except Refusal:
            return True
        return False

    def _call_status(
        self, code: str, report: SyncReport
    ) -> tuple[Voucher | Refusal | None, _Stop | None]:
        """The voucher's status, or how to stop."""
        self._watch.attempt()
        started = time.monotonic()
        try:
            voucher = self._backend.status(code)
        except Refusal as exc:
            self._watch.success(time.monotonic() - started)
            return exc, None
        except AuthError as exc:
            return None, self._auth(exc, report)
        except RateLimited as exc:
            self._watch.failure()
            report.retry_after = exc.retry_after
            report.failed += 1
            report.error = exc.message
            return None, _Stop.HALT
        except TransportError as exc:
            self._watch.failure()
            report.failed += 1
            report.error = exc.message
            return None, _Stop.TRANSIENT
        self._watch.success(time.monotonic() - started)
        problem = answer_problem(voucher, code)
        if problem is not None:
            report.failed += 1
            report.error = f"The server's answer cannot be used: {problem}."
            log.warning("status answer for %s refused: %s", code, problem)
            return None, _Stop.TRANSIENT
        self._cache.put(voucher, self._stamp(), code)
        return voucher, None

    def _reconcile(
        self, code: str, entries: list[OutboxEntry], report: SyncReport, *, resend: bool
    ) -> _Stop | None:
        answer, stop = self._call_status(code, report)
        if stop is not None:
            return stop
        # A refusal means the voucher is gone: nothing of ours can be in its history.
        try:
            found = self.reconcile_known(code, answer if isinstance(answer, Voucher) else None)
        except (AuthError, TransportError) as exc:
            # The platform's own look-up of its ids failed (a 5xx, the network): nothing is
            # known yet, so nothing is re-sent; the voucher waits for the next pass.
            if isinstance(exc, AuthError):
                return self._auth(exc, report)
            self._watch.failure()
            report.failed += 1
            report.error = exc.message
            if isinstance(exc, RateLimited):
                report.retry_after = exc.retry_after
                return _Stop.HALT
            return _Stop.TRANSIENT
        report.reconciled += len(found)
        now = self._now()
        for entry in entries:
            if not (entry.uncertain and entry.state is EntryState.PENDING) or entry.id in found:
                continue
            if entry.id in self.refused:
                continue  # refused by the server: never re-sent, saved by ``_save_refusals``
            if resend and (entry.resend_after is None or now >= entry.resend_after):
                self._outbox.clear_uncertain(entry.id)
        return None

    def reconcile_known(self, code: str, voucher: Voucher | None) -> set[str]:
        """Mark applied the uncertain entries of ``code`` the backend confirms landed, given
        ``voucher`` (an answer just fetched; VoucherCart needs no request beyond it, the other
        platforms look their entry ids up). Returns their ids."""
        with self._locks.hold(code):
            uncertain = [e for e in self._outbox.open_entries(code)
                         if e.uncertain and e.state is EntryState.PENDING]
            if not uncertain:
                return set()
            found = self._backend.confirm(
                [request_for(e) for e in uncertain],
                [request_for(e) for e in self._outbox.applied_for(code)], known=voucher)
            marked = {entry_id for entry_id in found if self._outbox.mark_applied(entry_id)}
            for entry_id in marked:
                log.info("outbox %s found in the server's history: applied", entry_id)
            return marked

    def _send(self, entry: OutboxEntry, report: SyncReport, sent: _Run,
              known: Voucher | None = None) -> Voucher | _Stop | None:
        """Send one claimed entry: the updated voucher, None if refused, or how to stop.

        ``known``: the voucher as the previous entry's answer left it (this pass, under the
        voucher's lock), so an adapter may skip reading it again. A confirmed entry's applied
        mark joins ``sent.marks``, saved with the next claims or when the voucher is done."""
        self._watch.attempt()
        started = time.monotonic()
        try:
            redeemed = self._backend.redeem(request_for(entry), known=known)
            voucher = redeemed.voucher
        except (Refusal, InvalidRequest) as exc:
            self._watch.success(time.monotonic() - started)
            if sent.line and known is not None:
                return self._refused_on_line(entry, report, sent)
            reason = exc.reason if isinstance(exc, Refusal) else RefusalReason.INVALID_AMOUNT
            self._reject(entry, reason, exc.message)
            report.rejected += 1
            return None
        except AuthError as exc:
            self._outbox.release(entry.id, exc.message, uncertain=False)  # 401/403: not applied
            return self._auth(exc, report)
        except RateLimited as exc:
            self._watch.failure()
            self._outbox.release(entry.id, exc.message, uncertain=False)
            report.retry_after = exc.retry_after
            report.failed += 1
            report.error = exc.message
            return _Stop.HALT
        except TransportError as exc:
            self._watch.failure()
            # Whenever it may have landed (a timeout, a 5xx from a gateway after the server
            # applied it, an unreadable 2xx), let it settle before it may be re-sent.
            self._outbox.release(
                entry.id, exc.message, uncertain=exc.maybe_applied,
                resend_after=self._settled(entry) if exc.maybe_applied else None)
            report.failed += 1
            report.error = exc.message
            return _Stop.TRANSIENT
        except Exception as exc:
            # Not one of ours: we cannot know whether it landed, so reconcile before resending.
            log.exception("unexpected failure sending outbox entry %s", entry.id)
            self._watch.failure()
            self._outbox.release(entry.id, f"unexpected error: {exc}", uncertain=True,
                                 resend_after=self._settled(entry))
            report.failed += 1
            report.error = str(exc)
            return _Stop.TRANSIENT
        self._watch.success(time.monotonic() - started)
        if redeemed.counted_on and known is not None:
            sent.counted += 1
            if self._doubted(known, entry):
                read, _ = self._read_again(entry.code, SyncReport(), sent)  # best effort
                # Unread, the line counted on may say more used than there is: at most all.
                voucher = read if isinstance(read, Voucher) \
                    else replace(voucher, used=min(voucher.used, voucher.total))
        else:  # the server's answer, or a read the adapter made
            sent.read_at, sent.counted, sent.line = None, 0, False
        problem = answer_problem(voucher, entry.code)
        if problem is not None:
            # A 2xx, but not about this redemption: it may have been applied.
            message = f"The server's answer cannot be used: {problem}."
            log.warning("redeem answer for %s refused: %s", entry.id, problem)
            self._outbox.release(entry.id, message, uncertain=True,
                                 resend_after=self._settled(entry))
            report.failed += 1
            report.error = message
            return _Stop.TRANSIENT
        # The server has the money: nothing from here on may fail the redemption. The mark
        # is saved later and not fsynced on its own: the claim was, so whatever happens
        # first (a crash, a power cut) leaves the entry ``sending`` → uncertain → confirmed
        # against the server, never re-sent blindly.
        self.confirmed[entry.id] = voucher
        sent.marks.append(Applied(entry.id, utc_now(), redeemed.reference, redeemed.discount))
        report.applied += 1
        return voucher

    def _refused_on_line(self, entry: OutboxEntry, report: SyncReport,
                         sent: _Run) -> Voucher | _Stop | None:
        """``entry``, sent on the cached line, was refused (so it did not land): the line may
        be what was wrong (a voucher deleted and made again has a new id), so the voucher is
        read for real and the entry sent once more on that read, as it would have been
        without the line; the server's answer to that stands."""
        read, stop = self._read_again(entry.code, report, sent)
        if stop is not None:  # not applied: sent again once the server answers
            self._outbox.release(entry.id, report.error, uncertain=False)
            return stop
        if isinstance(read, Refusal):  # the voucher is gone
            self._reject(entry, read.reason, read.message)
            report.rejected += 1
            return None
        return self._send(entry, report, sent, known=read)

    def _reject(self, entry: OutboxEntry, reason: RefusalReason, message: str) -> None:
        """Save the server's refusal; if it cannot be saved (storage full), keep it in
        ``refused`` for whoever waits for this entry (the till's redeem must say "refused",
        not "saved") and let the ``StorageError`` end the pass (the entry stays ``sending``
        and comes back uncertain)."""
        try:
            self._outbox.mark_rejected(entry.id, reason.value, message)
        except StorageError:
            self.refused[entry.id] = Refusal(reason, message)
            raise

    def _save_refusals(self, report: SyncReport) -> None:
        """Save the refusals a full disk kept in memory (their entries are still ``sending``,
        or back as uncertain): refused by the server, so marked refused, never re-sent."""
        for entry_id, refusal in list(self.refused.items()):
            try:
                self._outbox.mark_rejected(entry_id, refusal.reason.value, refusal.message)
            except StorageError as exc:
                log.error("outbox entry %s: refusal still not saved: %s", entry_id, exc.message)
                return
            del self.refused[entry_id]
            report.rejected += 1

    def _settled(self, entry: OutboxEntry) -> datetime:
        """When an uncertain entry may be re-sent: the settle window, doubled for each earlier
        attempt (``entry.attempts`` before this one), up to ``MAX_BACKOFF`` times."""
        return self._now() + self._settle * min(1 << max(entry.attempts, 0), MAX_BACKOFF)

    def _auth(self, exc: AuthError, report: SyncReport) -> _Stop:
        report.error = exc.message
        if isinstance(exc, SessionExpired):
            report.auth_required = True
            self._watch.success()  # the server answered; it is our session that is over
            return _Stop.HALT
        # Access denied on this voucher or domain: the server answered; stop this voucher.
        self._watch.success()
        report.failed += 1
        return _Stop.TRANSIENT
