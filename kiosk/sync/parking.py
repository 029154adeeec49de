"""What a replay pass holds for vouchers whose lock it does not hold (claim groups).

A pass claims several vouchers' runs in one durable transaction, then sends them voucher by
voucher. Meanwhile each voucher is *parked* here: its claimed entries ``waiting`` (no
request started), or, once sent, its applied marks and last answer not saved yet. Whoever
takes a voucher's lock first takes it over (``take_over``): the pass that parked it sends
its waiting claims; anyone else (the till's redeem) gets it settled, its claims taken back
and its marks saved. A park is popped once, under one guard: each claim is sent or taken
back, never both. See docs/engine.md, "Claim groups".
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from kiosk.domain.errors import StorageError
from kiosk.domain.outcomes import OutboxEntry
from kiosk.domain.voucher import Voucher
from kiosk.store.cache import CachedVoucher, VoucherCache
from kiosk.store.outbox import Also, Applied, Outbox

log = logging.getLogger(__name__)
# Applied marks of finished vouchers wait for the next claim's transaction at most this long
# (seconds, checked between requests); then they are saved on their own (no fsync).
MARKS_WAIT = 0.1


class Pass:
    """One replay pass: the owner of the vouchers it parks."""

    __slots__ = ("ahead", "lines", "oldest", "within")

    def __init__(self, within: timedelta | None = None) -> None:
        self.oldest: float | None = None  # when its oldest unsaved parked marks were parked
        self.ahead = 8  # vouchers to look at for the next group (from the last ones' sizes)
        # The cached lines of its claim groups' vouchers (read with each group; None: no
        # line), and how old a line it sends on (None: any age).
        self.lines: dict[str, CachedVoucher | None] = {}
        self.within = within


@dataclass(slots=True)
class _Parked:
    """A voucher a pass is not done with while nobody holds its lock: claimed entries whose
    requests have not started (``waiting``: anyone may take them back), or applied marks and
    the last answer not saved yet (saved with the pass's next claims, after ``MARKS_WAIT``,
    at the end of the pass, or by whoever takes the voucher's lock first)."""

    owner: Pass
    waiting: list[OutboxEntry] = field(default_factory=list)
    marks: list[Applied] = field(default_factory=list)
    latest: Voucher | None = None
    seen_at: datetime | None = None  # when ``latest`` was read (its cache line's age)
    counted: int = 0  # redemptions counted on since that read


class Parking:
    """The parked vouchers of every pass, and the writes that settle them.

    ``forget`` is told of marks once saved. A write of parked vouchers whose lock the writer
    does not hold is made under the guard, so whoever takes such a lock meanwhile waits for
    it (at most one transaction) and never sees them half settled.
    """

    def __init__(self, outbox: Outbox, cache: VoucherCache,
                 forget: Callable[[Sequence[Applied]], None]) -> None:
        self._outbox = outbox
        self._cache = cache
        self._forget = forget
        self._parked: dict[str, _Parked] = {}
        self._guard = threading.Lock()

    def claim(self, runs: Sequence[Sequence[str]], owner: Pass, *,
              park: Sequence[str] = (),
              entries: Sequence[Sequence[OutboxEntry]] = ()) -> list[list[str]]:
        """Claim ``runs`` durably in one transaction, with ``owner``'s parked marks and
        last answers (each voucher's marks with its line); ``park``: the vouchers of the runs
        (their locks held), parked with their claimed ``entries`` waiting. Returns the ids
        claimed of each run."""
        with self._guard:
            saved = [(code, item) for code, item in self._parked.items()
                     if item.owner is owner and not item.waiting]
            for code, _ in saved:
                del self._parked[code]
            all_marks = [m for _, item in saved for m in item.marks]
            try:
                claimed = self._outbox.claim_runs(runs, all_marks, self._lines(saved))
            except BaseException:
                for code, item in saved:  # not saved: still to be saved
                    self._parked.setdefault(code, item)
                raise
            owner.oldest = None
            for code, ids, claimed_entries in zip(park, claimed, entries, strict=False):
                if ids:
                    self._parked[code] = _Parked(owner,
                                                 waiting=list(claimed_entries[:len(ids)]))
        self._forget(all_marks)
        return claimed

    def park(self, code: str, owner: Pass, marks: list[Applied], latest: Voucher | None,
             seen_at: datetime, *, counted: int = 0) -> None:
        """Park a voucher just sent (its lock still held): its marks and last answer (read at
        ``seen_at``, ``counted`` redemptions counted on since) are saved later."""
        if not marks and latest is None:
            return
        with self._guard:
            item = self._parked.setdefault(code, _Parked(owner))
            item.marks.extend(marks)
            if latest is not None:
                item.latest, item.seen_at, item.counted = latest, seen_at, counted
            if owner.oldest is None:
                owner.oldest = time.monotonic()

    def take_over(self, code: str, own: Pass | None = None) -> list[OutboxEntry] | None:
        """Unpark ``code`` (its lock held). Claims ``own`` parked are returned, to be sent;
        anything else is settled: claims taken back (their requests never started), marks
        and last answer saved."""
        with self._guard:
            item = self._parked.pop(code, None)
        if item is None:
            return None
        if item.owner is own and item.waiting and not item.marks:
            return item.waiting
        try:
            if item.waiting:
                # No fsync: lost to a power cut, they are ``sending`` of a dead process,
                # recovered as uncertain and confirmed before any re-send.
                taken = self._outbox.unclaim((e.id for e in item.waiting), durable=False)
                log.info("%d claimed outbox entries of %s taken back unsent", taken, code)
        finally:
            self._save(code, item)
        return None

    def _save(self, code: str, item: _Parked) -> None:
        """Save a parked voucher's marks and last answer (one transaction, no fsync of its
        own: see docs/engine.md)."""
        if not item.marks and item.latest is None:
            return
        try:
            self._outbox.mark_applied_many(item.marks, more=self._lines([(code, item)]))
            self._forget(item.marks)
        except StorageError as exc:
            # The server has them: they stay ``sending`` and are reconciled on the next pass.
            log.error("%d outbox entries applied on the server, state not saved: %s",
                      len(item.marks), exc.message)

    def flush_due(self, owner: Pass) -> None:
        """Save ``owner``'s parked marks that waited ``MARKS_WAIT`` for a claim: the outbox
        on disk never lags the server by much more (what a list of the queue shows)."""
        if owner.oldest is None or time.monotonic() - owner.oldest < MARKS_WAIT:
            return
        self.flush(owner, waiting=False)

    def flush(self, owner: Pass, *, waiting: bool = True) -> None:
        """Save every parked voucher of ``owner`` (and take its waiting claims back unless
        ``waiting`` is off), under the guard."""
        with self._guard:
            items = [(code, item) for code, item in self._parked.items()
                     if item.owner is owner and (waiting or not item.waiting)]
            for code, _ in items:
                del self._parked[code]
            owner.oldest = None
            if not items:
                return
            lines = self._lines(items)
            marks = [m for _, item in items for m in item.marks]
            unsent = [e.id for _, item in items for e in item.waiting]
            try:
                if unsent:
                    self._outbox.unclaim(unsent, durable=False)
                self._outbox.mark_applied_many(marks, more=lines)
                self._forget(marks)
            except StorageError as exc:  # they stay ``sending``: recovered as uncertain
                log.error("could not save the state of %d outbox entries: %s",
                          len(marks) + len(unsent), exc.message)

    def _lines(self, items: Sequence[tuple[str, _Parked]]) -> list[Also]:
        """The writes of ``items``' last answers as cache lines: one statement for them all,
        their JSON made before the transaction."""
        rows = [self._cache.row(item.latest, item.seen_at, code, counted=item.counted)
                for code, item in items
                if item.latest is not None and item.seen_at is not None]
        if not rows:
            return []
        return [lambda db: self._cache.put_rows_in(db, rows)]
