"""Undo the till's last redemption (a manager's action): Qt-free, blocking, money-safe.

Which one: the newest redemption of this shop since the shift began (the last Z report, else
local midnight) that is not undone, refused or written off; an undo left unconfirmed is
finished first. What happens to it:

* **still queued** (``pending``, no request of it can have reached the server): cancelled on
  the till (``reversed``, never sent). No server is needed, on every platform;
* **applied**, on a platform that can reverse (``Capabilities.reversal``, Vauchar): the entry
  goes ``applied → reversing`` durably *before* the request, ``reversing → reversed`` after
  the server's answer. A lost answer or a crash in between leaves ``reversing``: the next undo
  (or the next sync) lists the voucher's redemptions and, when ours is gone, marks it
  reversed; when it is still there, the next undo sends the reversal again (it names one
  redemption, so it can never take back two). A reversing entry still counts as taken;
* **applied**, on a platform that cannot: refused with the platform's reason and what to do
  instead; nothing is sent. Offline: refused ("needs the server").

Decisions are in docs/api-decisions.md ("Undo last redemption").
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from datetime import datetime

from kiosk.app.printing.receipt import units
from kiosk.domain.backend import VoucherBackend
from kiosk.domain.errors import (
    AuthError,
    InvalidRequest,
    Refusal,
    RefusalReason,
    SessionExpired,
    StorageError,
    TransportError,
)
from kiosk.domain.masking import mask_code
from kiosk.domain.outcomes import EntryState, OutboxEntry, UndoOutcome, UndoStatus, UndoWhy
from kiosk.domain.voucher import Voucher
from kiosk.store.journal import Journal
from kiosk.store.outbox import Outbox
from kiosk.sync.connectivity import ConnectivityWatch
from kiosk.sync.locks import CodeLocks
from kiosk.sync.replay import request_for

log = logging.getLogger(__name__)

NOTHING = "Nothing to undo: no redemption on this till since the shift began."
CHANGED = "The last redemption changed since it was shown: look again before undoing."
OFFLINE = ("Offline: taking back a redemption needs the server. Try again when the till is "
           "back online.")
IN_FLIGHT = ("The last redemption is being sent or not confirmed yet: wait until it is "
             "confirmed, then undo it.")
UNCONFIRMED = ("The server did not answer: the undo is not confirmed. Try again — it cannot "
               "take back more than this one redemption.")


def _words(entry: OutboxEntry) -> str:
    return f"{units(entry.amount, entry.kind, entry.currency)} on voucher {mask_code(entry.code)}"


class Undoer:
    """Takes back the last redemption of one shop's outbox."""

    def __init__(self, outbox: Outbox, backend: VoucherBackend, journal: Journal, *,
                 watch: ConnectivityWatch, locks: CodeLocks,
                 notify: Callable[[], None],
                 remember: Callable[[Voucher, str], object] = lambda _voucher, _code: None,
                 signed_out: Callable[[], None] = lambda: None) -> None:
        self.outbox = outbox
        self.backend = backend
        self.journal = journal
        self.watch = watch
        self.locks = locks
        self.notify = notify
        self.remember = remember  # the voucher as the server shows it after the undo
        self.signed_out = signed_out  # the server ended the session: staff must sign in

    def last(self, since: datetime) -> OutboxEntry | None:
        """What an undo would act on: an unconfirmed undo first, else the newest redemption
        since ``since`` (a UTC datetime)."""
        unfinished = self.outbox.reversing()
        if unfinished:
            return unfinished[-1]
        return self.outbox.last_redemption(since)

    def undo(self, since: datetime, expect: str | None = None) -> UndoOutcome:
        """Undo the last redemption; ``expect`` = the entry id staff confirmed (refused when
        the last one is another by now, e.g. already undone on another screen)."""
        if expect is not None:
            shown = self.outbox.get(expect)
            if shown is not None and shown.state is EntryState.REVERSED:
                return self._done(UndoOutcome(UndoStatus.REFUSED, shown,
                                              f"Already undone: {_words(shown)}.",
                                              why=UndoWhy.ALREADY))
        entry = self.last(since)
        if entry is None:
            return self._done(UndoOutcome(UndoStatus.REFUSED, None, NOTHING,
                                          why=UndoWhy.NOTHING))
        if expect is not None and entry.id != expect:
            return self._done(UndoOutcome(UndoStatus.REFUSED, entry, CHANGED,
                                          why=UndoWhy.CHANGED))
        with self.locks.hold(entry.code):
            current = self.outbox.get(entry.id) or entry
            if current.state is EntryState.PENDING and not current.uncertain:
                return self._cancel(current)
            if current.state in (EntryState.APPLIED, EntryState.REVERSING):
                return self._reverse(current)
            if current.state in (EntryState.PENDING, EntryState.SENDING):
                return self._done(UndoOutcome(UndoStatus.REFUSED, current, IN_FLIGHT,
                                              why=UndoWhy.IN_FLIGHT))
            return self._done(UndoOutcome(UndoStatus.REFUSED, current, CHANGED,
                                          why=UndoWhy.CHANGED))

    def settle(self) -> int:
        """Confirm unconfirmed undos by listing their vouchers' redemptions (the sync's
        pass): those whose redemption is gone are reversed. Returns how many."""
        settled = 0
        for entry in self.outbox.reversing():
            with self.locks.hold(entry.code), \
                    contextlib.suppress(TransportError, AuthError, Refusal, StorageError):
                if self._gone(entry):
                    settled += self._finish(entry)
        return settled

    # -- the two ways --------------------------------------------------------------------

    def _cancel(self, entry: OutboxEntry) -> UndoOutcome:
        if not self.outbox.cancel_queued(entry.id, "undone by a manager before it was sent"):
            return self._done(UndoOutcome(UndoStatus.REFUSED, entry, IN_FLIGHT,
                                          why=UndoWhy.IN_FLIGHT))
        self.notify()
        return self._done(UndoOutcome(
            UndoStatus.CANCELLED, self.outbox.get(entry.id) or entry,
            f"Cancelled: {_words(entry)} was still queued and will not be sent."))

    def _reverse(self, entry: OutboxEntry) -> UndoOutcome:
        if not self.backend.capabilities.reversal:
            try:
                self.backend.reverse(entry.code, entry.reference, entry.id)
            except Refusal as refusal:
                return self._done(UndoOutcome(UndoStatus.REFUSED, entry, refusal.message,
                                              reason=refusal.reason, why=UndoWhy.PLATFORM))
            return self._done(UndoOutcome(  # an adapter must refuse; never claim more
                UndoStatus.REFUSED, entry, "This voucher platform cannot take a redemption back.",
                why=UndoWhy.PLATFORM))
        if not self.watch.should_try():
            return self._done(UndoOutcome(UndoStatus.REFUSED, entry, OFFLINE,
                                          why=UndoWhy.OFFLINE))
        if entry.state is EntryState.APPLIED:
            if not self.outbox.begin_reversal(entry.id):  # durable before the request
                return self._done(UndoOutcome(UndoStatus.REFUSED, entry, CHANGED,
                                              why=UndoWhy.CHANGED))
            self.journal.add("undo", entry.code, EntryState.REVERSING.value,
                             amount=entry.amount, currency=entry.money_currency, entry_id=entry.id)
        elif self._check_gone(entry):  # an earlier undo's answer was lost: did it land?
            return self._reversed(entry, None)
        try:
            voucher = self.backend.reverse(entry.code, entry.reference, entry.id)
        except Refusal as refusal:
            return self._refused_reversal(entry, refusal)
        except (AuthError, InvalidRequest) as exc:  # the server answered: nothing reversed
            if isinstance(exc, SessionExpired):
                self.signed_out()
            return self._abort(entry, exc.message)
        except TransportError as exc:
            self.watch.failure()
            if not exc.maybe_applied:
                return self._abort(entry, f"{OFFLINE} ({exc.message})", why=UndoWhy.OFFLINE)
            return self._lost(entry)
        self.watch.success()
        return self._reversed(entry, voucher)

    # -- endings -------------------------------------------------------------------------

    def _gone(self, entry: OutboxEntry) -> bool:
        """Whether the server's list of the voucher's redemptions lacks ours (it is undone)."""
        return entry.id not in self.backend.confirm([request_for(entry)])

    def _check_gone(self, entry: OutboxEntry) -> bool:
        try:
            return self._gone(entry)
        except (TransportError, AuthError, Refusal):
            return False  # unknown: send the reversal again (it names this one redemption)

    def _refused_reversal(self, entry: OutboxEntry, refusal: Refusal) -> UndoOutcome:
        if refusal.reason is RefusalReason.NOT_FOUND and self._check_gone(entry):
            return self._reversed(entry, None)  # already gone (a lost answer before)
        return self._abort(entry, refusal.message, refusal.reason)

    def _lost(self, entry: OutboxEntry) -> UndoOutcome:
        """The answer was lost: list the redemptions now; still unknown stays reversing."""
        try:
            if self._gone(entry):
                return self._reversed(entry, None)
        except (TransportError, AuthError, Refusal) as exc:
            log.info("undo %s: not confirmed: %s", entry.id, exc.message)
        self.notify()
        return self._done(UndoOutcome(UndoStatus.UNCONFIRMED, self.outbox.get(entry.id) or entry,
                                      UNCONFIRMED))

    def _abort(self, entry: OutboxEntry, message: str, reason: RefusalReason | None = None,
               why: UndoWhy = UndoWhy.SERVER) -> UndoOutcome:
        self.outbox.abort_reversal(entry.id, message)
        self.notify()
        return self._done(UndoOutcome(UndoStatus.REFUSED, self.outbox.get(entry.id) or entry,
                                      f"Not undone: {message}", reason=reason, why=why))

    def _finish(self, entry: OutboxEntry) -> bool:
        done = self.outbox.finish_reversal(entry.id, "undone by a manager")
        if done:
            self.journal.add("undo", entry.code, EntryState.REVERSED.value, amount=entry.amount,
                             currency=entry.money_currency, entry_id=entry.id)
        return done

    def _reversed(self, entry: OutboxEntry, voucher: Voucher | None) -> UndoOutcome:
        self._finish(entry)
        if voucher is not None:
            self.remember(voucher, entry.code)  # an offline look-up shows the balance back
        self.notify()
        left = f" {voucher.format_units(voucher.remaining)} available now." if voucher else ""
        return self._done(UndoOutcome(
            UndoStatus.REVERSED, self.outbox.get(entry.id) or entry,
            f"Undone: {_words(entry)} was taken back.{left}", voucher))

    def _done(self, outcome: UndoOutcome) -> UndoOutcome:
        entry = outcome.entry
        if outcome.status is not UndoStatus.REVERSED:  # REVERSED was journalled by _finish
            self.journal.add("undo", entry.code if entry else "", outcome.status.value,
                             amount=entry.amount if entry else None,
                             currency=entry.money_currency if entry else None,
                             entry_id=entry.id if entry else None, message=outcome.message)
        return outcome
