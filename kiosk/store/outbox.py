"""The write-ahead outbox: every redemption, committed before it is sent. Nothing is deleted.

State changes are compare-and-set (``UPDATE … WHERE state = ?``), so two senders (the UI's
redeem, the background replay, another process such as the CLI) can never both claim one
entry: whoever moves it from ``pending`` to ``sending`` owns the request.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta
from itertools import takewhile
from typing import Any

from kiosk.domain.outcomes import EntryState, OutboxEntry
from kiosk.store.database import Store, from_db, to_db, utc_now

OPEN_STATES = (EntryState.PENDING, EntryState.SENDING)
# A request never takes this long; a ``sending`` entry older than this is from a dead process.
IN_FLIGHT_LIMIT = timedelta(minutes=5)


# The columns an entry is read from, in the order ``_entry`` takes them (plain rows: a
# replay reads every entry it sends, and a dict per row cost more than the row).
_COLUMNS = ("id, code, domain, amount, kind, currency, redeemed_at, staff, kiosk_id, backend, "
            "state, attempts, uncertain, last_error, reason, applied_at, offline, note, "
            "replaces, updated_at, resend_after, reported, order_total, reference, discount, "
            "staff_id")


def _entry(row: Sequence[Any]) -> OutboxEntry:
    (id_, code, domain, amount, kind, currency, redeemed_at, staff, kiosk_id, backend, state,
     attempts, uncertain, last_error, reason, applied_at, offline, note, replaces, updated_at,
     resend_after, reported, order_total, reference, discount, staff_id) = row
    return OutboxEntry(
        id=id_, code=code, domain=domain or "", amount=int(amount), kind=kind or "",
        currency=currency, redeemed_at=from_db(redeemed_at), staff=staff or "",
        kiosk_id=kiosk_id or "", backend=backend or "", state=EntryState(state),
        attempts=int(attempts or 0), uncertain=bool(uncertain), last_error=last_error or "",
        reason=reason or "", applied_at=from_db(applied_at) if applied_at else None,
        offline=bool(offline), note=note or "", replaces=replaces,
        updated_at=from_db(updated_at) if updated_at else None,
        resend_after=from_db(resend_after) if resend_after else None,
        reported=bool(1 if reported is None else reported),
        order_total=_optional_int(order_total), reference=reference or "",
        discount=_optional_int(discount), staff_id=staff_id or "",
    )


def _optional_int(value: object) -> int | None:
    return None if value is None else int(value)  # type: ignore[call-overload]


def _row(entry: OutboxEntry) -> dict[str, Any]:
    return {
        "id": entry.id, "code": entry.code, "domain": entry.domain, "amount": entry.amount,
        "kind": entry.kind, "currency": entry.currency, "redeemed_at": to_db(entry.redeemed_at),
        "staff": entry.staff, "kiosk_id": entry.kiosk_id, "backend": entry.backend,
        "state": entry.state.value, "attempts": entry.attempts,
        "uncertain": int(entry.uncertain), "last_error": entry.last_error,
        "reason": entry.reason, "applied_at": None, "offline": int(entry.offline),
        "note": entry.note, "replaces": entry.replaces, "sending_pid": None,
        "updated_at": to_db(utc_now()), "resend_after": None, "reported": int(entry.reported),
        "order_total": entry.order_total, "reference": entry.reference,
        "discount": entry.discount, "staff_id": entry.staff_id,
    }


@dataclass(frozen=True, slots=True)
class Applied:
    """An entry the server confirmed, as ``mark_applied`` records it."""

    entry_id: str
    at: datetime
    reference: str = ""
    discount: int | None = None


def _apply(db: Any, applied: Sequence[Applied]) -> int:
    """Mark ``applied`` entries applied (open ones only) inside the caller's transaction."""
    if not applied:
        return 0
    now = to_db(utc_now())
    cursor = db.conn.executemany(
        "UPDATE outbox SET state = 'applied', uncertain = 0, applied_at = ?, "
        "sending_pid = NULL, updated_at = ?, reference = coalesce(?, reference), "
        "discount = coalesce(?, discount) WHERE id = ? AND state IN ('pending', 'sending')",
        [(to_db(mark.at), now, mark.reference or None, mark.discount, mark.entry_id)
         for mark in applied])
    return int(cursor.rowcount)


# Entry ids bound in one statement (well under SQLite's oldest limit of 999 variables).
_IDS_PER_STATEMENT = 500

Also = Callable[[Any], object]
"""More writes to make in the same transaction (given the database), e.g. a cache line."""


# This process instance: a PID alone may belong to a new process after a reboot.
_INSTANCE = uuid.uuid4().hex


def process_token() -> str:
    """Who is sending: ``"<pid>:<random id of this process instance>"``."""
    return f"{os.getpid()}:{_INSTANCE}"


def _sender_alive(token: object) -> bool:
    """Whether the process that marked an entry ``sending`` may still be running."""
    if token is None or token == "":
        return False
    if str(token) == process_token():
        return True
    pid_text, _, _instance = str(token).partition(":")
    try:
        pid = int(pid_text)
    except ValueError:
        return False
    if pid == os.getpid():
        return False  # our PID but not us (a bare PID or another instance): from before a reboot
    if os.name != "posix":
        return True  # no cheap check: rely on IN_FLIGHT_LIMIT
    return pid_alive(pid)


def pid_alive(pid: int) -> bool:
    """Whether a process ``pid`` exists (True where that cannot be checked cheaply)."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # PermissionError: someone else's; Windows: no signal 0 probe
        return True
    return True


class Outbox:
    """Redemptions and their states.

    ``domain`` / ``backend``: the signed-in shop and server type. When given, the replay's
    reads (``open_entries``, ``queued_amount``) see only that shop's entries (and legacy ones
    that recorded none), so another shop's queue is never sent to this one.
    """

    def __init__(self, store: Store, *, domain: str | None = None,
                 backend: str | None = None) -> None:
        self._store = store
        self._scope = ""
        self._scope_params: list[Any] = []
        if domain is not None:
            self._scope += " AND coalesce(domain, '') IN (?, '')"
            self._scope_params.append(domain)
        if backend is not None:
            self._scope += " AND coalesce(backend, '') IN (?, '')"
            self._scope_params.append(backend)

    # --- writes ---------------------------------------------------------------------------

    def add(self, entry: OutboxEntry, *, closes: tuple[str, str] | None = None) -> bool:
        """Commit a new entry durably (WAL, synchronous=FULL) before anything is sent.

        ``closes`` = (conflict id, note): in the same transaction, move that conflict
        ``rejected → written_off`` (compare-and-set); when someone else closed it first,
        nothing is written and the result is False. One transaction, so a crash can never
        leave a conflict closed without the retry that replaces it."""
        with self._store.write() as db:
            if closes is not None:
                cursor = db.execute(
                    "UPDATE outbox SET state = 'written_off', note = ?, updated_at = ? "
                    "WHERE id = ? AND state = 'rejected'",
                    [closes[1], to_db(utc_now()), closes[0]])
                if cursor.rowcount != 1:
                    return False  # nothing written: the transaction commits no change
            db.table("outbox").insert(_row(entry))
        return True

    def add_many(self, entries: Iterable[OutboxEntry]) -> None:
        """Commit many entries in one transaction (imports, benchmarks)."""
        with self._store.write() as db:
            db.table("outbox").insert_all(_row(e) for e in entries)

    def _update(self, entry_id: str, expect: Iterable[EntryState], *, even_if_full: bool = False,
                **values: Any) -> bool:
        values["updated_at"] = to_db(utc_now())
        states = [s.value for s in expect]
        sets = ", ".join(f"{name} = ?" for name in values)
        marks = ", ".join("?" for _ in states)
        sql = f"UPDATE outbox SET {sets} WHERE id = ? AND state IN ({marks})"  # noqa: S608
        params = [*values.values(), entry_id, *states]
        if even_if_full:
            return self._store.write_even_if_full(sql, params) == 1
        with self._store.write() as db:
            return db.execute(sql, params).rowcount == 1

    def claim(self, entry_id: str) -> bool:
        """pending → sending, owned by this process; False if someone else has it."""
        with self._store.write() as db:
            cursor = db.execute(
                "UPDATE outbox SET state = 'sending', attempts = attempts + 1, sending_pid = ?, "
                "updated_at = ? WHERE id = ? AND state = 'pending'",
                [process_token(), to_db(utc_now()), entry_id],
            )
            return cursor.rowcount == 1

    def claim_run(self, entry_ids: Sequence[str], applied: Sequence[Applied] = (),
                  also: Also | None = None) -> list[str]:
        """pending → sending for several entries in one durable transaction (one fsync),
        after saving ``applied`` marks (confirmed entries, see ``mark_applied_many``) and
        making ``also``'s writes.

        Claims in the given order and stops at the first entry someone else has: returns the
        ids claimed, a prefix of ``entry_ids``. Each is a compare-and-set like ``claim``.
        """
        return self.claim_runs([entry_ids], applied, () if also is None else (also,))[0]

    def claim_runs(self, runs: Sequence[Sequence[str]], applied: Sequence[Applied] = (),
                   also: Sequence[Also] = ()) -> list[list[str]]:
        """``claim_run`` for the runs of several vouchers in **one** durable transaction (one
        fsync for all): each run claimed in order up to the first entry someone else has.
        Returns the ids claimed of each run (a prefix of it, maybe empty).

        Two statements whatever the runs' length (which of their entries are still pending,
        then the claim of each run's pending prefix), not one per entry: inside the
        transaction's write lock nobody can change them in between. Both find the entries by
        id (``+state``: see ``open_entries_of``)."""
        token, now = process_token(), to_db(utc_now())
        ids = [entry_id for run in runs for entry_id in run]
        with self._store.write() as db:
            _apply(db, applied)
            for write in also:
                write(db)
            execute = db.conn.execute
            pending: set[str] = set()
            for start in range(0, len(ids), _IDS_PER_STATEMENT):
                chunk = ids[start:start + _IDS_PER_STATEMENT]
                pending.update(row[0] for row in execute(
                    f"SELECT id FROM outbox WHERE +state = 'pending' "  # noqa: S608
                    f"AND id IN ({', '.join('?' * len(chunk))})", chunk))
            claimed = [list(takewhile(pending.__contains__, run)) for run in runs]
            taken = [entry_id for run in claimed for entry_id in run]
            for start in range(0, len(taken), _IDS_PER_STATEMENT):
                chunk = taken[start:start + _IDS_PER_STATEMENT]
                execute(
                    "UPDATE outbox SET state = 'sending', attempts = attempts + 1, "  # noqa: S608
                    f"sending_pid = ?, updated_at = ? WHERE +state = 'pending' "
                    f"AND id IN ({', '.join('?' * len(chunk))})", [token, now, *chunk])
        return claimed

    def mark_applied_many(self, applied: Sequence[Applied], *, durable: bool = False,
                          also: Also | None = None, more: Sequence[Also] = ()) -> int:
        """``mark_applied`` for several confirmed entries in one transaction (with
        ``also``'s writes); by default without an fsync of its own: lost to a power cut, an
        entry is still ``sending`` (its claim was fsynced), so it comes back uncertain and is
        confirmed against the server, never re-sent blindly. Returns how many changed."""
        writes = ([] if also is None else [also]) + list(more)
        if not applied and not writes:
            return 0
        with self._store.write(durable=durable) as db:
            for write in writes:
                write(db)
            return _apply(db, applied)

    def unclaim(self, entry_ids: Iterable[str], *, durable: bool = True) -> int:
        """sending → pending for claimed entries that were never sent (their claim's attempt
        is taken back). Only entries this process holds. Returns how many.

        ``durable=False`` skips the fsync: lost to a power cut, the entries are still
        ``sending`` of a dead process, recovered as uncertain and confirmed before any
        re-send (slower, never doubled)."""
        ids = list(entry_ids)
        if not ids:
            return 0
        marks = ", ".join("?" for _ in ids)
        with self._store.write(durable=durable) as db:
            cursor = db.execute(
                "UPDATE outbox SET state = 'pending', sending_pid = NULL, "  # noqa: S608
                "attempts = max(attempts - 1, 0), updated_at = ? "
                f"WHERE state = 'sending' AND sending_pid = ? AND id IN ({marks})",
                [to_db(utc_now()), process_token(), *ids])
            return cursor.rowcount

    def mark_applied(self, entry_id: str, at: datetime | None = None, *,
                     reference: str = "", discount: int | None = None) -> bool:
        """The server confirmed it (or its history shows it). ``last_error`` stays, for audit;
        ``reference`` is the server's id for it, ``discount`` what it took off the basket."""
        extra: dict[str, Any] = {"reference": reference} if reference else {}
        if discount is not None:
            extra["discount"] = discount
        return self._update(
            entry_id, OPEN_STATES, state=EntryState.APPLIED.value, uncertain=0,
            applied_at=to_db(at or utc_now()), sending_pid=None, **extra,
        )

    def mark_rejected(self, entry_id: str, reason: str, message: str) -> bool:
        """The server refused it for good: a conflict. Saved even on a full disk while the
        reserve lasts (unsaved, it could be sent again after a restart)."""
        return self._update(
            entry_id, OPEN_STATES, even_if_full=True, state=EntryState.REJECTED.value,
            reason=reason, last_error=message, sending_pid=None,
        )

    def release(
        self, entry_id: str, error: str, *, uncertain: bool, resend_after: datetime | None = None
    ) -> bool:
        """sending → pending after a transient failure; ``uncertain`` if it may have landed.

        ``resend_after``: when the request may still be working its way through the server
        (a timeout), do not re-send it before then even if its history does not show it yet.
        """
        with self._store.write() as db:
            cursor = db.execute(
                "UPDATE outbox SET state = 'pending', last_error = ?, sending_pid = NULL, "
                "uncertain = (uncertain OR ?), resend_after = ?, updated_at = ? "
                "WHERE id = ? AND state = 'sending'",
                [error, int(uncertain), to_db(resend_after) if resend_after else None,
                 to_db(utc_now()), entry_id],
            )
            return cursor.rowcount == 1

    def clear_uncertain(self, entry_id: str) -> bool:
        """Reconciliation showed the request did not land: the entry may be sent again."""
        return self._update(entry_id, (EntryState.PENDING,), uncertain=0)

    def mark_offline(self, entry_id: str) -> None:
        """Staff were told this one was saved for later (so a refusal becomes a conflict)."""
        self._update(entry_id, OPEN_STATES, offline=1)

    def mark_reported(self, entry_id: str) -> None:
        """Staff have been told how this entry ended (or that it is queued)."""
        with self._store.write(durable=False) as db:
            db.execute("UPDATE outbox SET reported = 1 WHERE id = ?", [entry_id])

    def unreported(self, code: str) -> list[OutboxEntry]:
        """Entries of ``code`` whose outcome staff never heard (the till died first), oldest
        first; conflicts a manager closed are not among them."""
        return self._select("reported = 0 AND state != 'written_off' AND code = ?" + self._scope,
                            [code, *self._scope_params], "redeemed_at, rowid")

    def write_off(self, entry_id: str, note: str) -> bool:
        """rejected → written_off, with the manager's note."""
        return self._update(
            entry_id, (EntryState.REJECTED,), state=EntryState.WRITTEN_OFF.value, note=note
        )

    def reopen_conflict(self, entry_id: str) -> bool:
        """written_off → rejected: a retry that claimed the conflict did not go through."""
        return self._update(
            entry_id, (EntryState.WRITTEN_OFF,), state=EntryState.REJECTED.value, note="")

    def recover_in_flight(self, resend_after: datetime | None = None) -> int:
        """``sending`` entries whose process died: back to pending, uncertain, not re-sent
        before ``resend_after`` (like a timeout: the request may still land). Returns count."""
        with self._store.read() as db:
            rows = list(db.query(
                "SELECT id, sending_pid, updated_at FROM outbox WHERE state = 'sending'"))
        cutoff = utc_now() - IN_FLIGHT_LIMIT
        recovered = 0
        for row in rows:
            stale = row["updated_at"] is None or from_db(row["updated_at"]) < cutoff
            if stale or not _sender_alive(row["sending_pid"]):
                recovered += self.release(
                    row["id"], "interrupted while sending", uncertain=True,
                    resend_after=resend_after)
        return recovered

    # --- reads ----------------------------------------------------------------------------

    def _select(self, where: str, params: list[Any], order: str, limit: int | None = None) -> list[
        OutboxEntry
    ]:
        sql = f"SELECT {_COLUMNS} FROM outbox WHERE {where} ORDER BY {order}"  # noqa: S608
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with self._store.read() as db:
            return [_entry(row) for row in db.conn.execute(sql, params)]

    def get(self, entry_id: str) -> OutboxEntry | None:
        """One entry by id."""
        found = self._select("id = ?", [entry_id], "rowid")
        return found[0] if found else None

    def entries(self, states: Iterable[EntryState] | None = None, limit: int = 500) -> list[
        OutboxEntry
    ]:
        """Entries, newest first, optionally only in ``states``."""
        if states is None:
            return self._select("1", [], "redeemed_at DESC, rowid DESC", limit)
        values = [s.value for s in states]
        marks = ", ".join("?" for _ in values) or "NULL"
        return self._select(f"state IN ({marks})", values, "redeemed_at DESC, rowid DESC", limit)

    def open_entries(self, code: str | None = None) -> list[OutboxEntry]:
        """Pending and sending entries, oldest first (replay order)."""
        where, params = "state IN ('pending', 'sending')" + self._scope, self._scope_params
        if code is None:
            return self._select(where, params, "redeemed_at, rowid")
        return self._select(where + " AND code = ?", [*params, code], "redeemed_at, rowid")

    def open_entries_of(self, codes: Sequence[str]) -> dict[str, list[OutboxEntry]]:
        """``open_entries`` of several codes in one read: code → its entries, oldest first
        (codes without any are left out).

        ``+state`` here and in ``open_counts``: with more than a few codes SQLite's planner
        (no statistics) took the ``state`` index and walked every open entry of the queue for
        each claim group, quadratic in the queue's length; each code's own entries, by the
        ``code`` index, are what is read."""
        found: dict[str, list[OutboxEntry]] = {}
        if not codes:
            return found
        marks = ", ".join("?" for _ in codes)
        for entry in self._select(
                f"+state IN ('pending', 'sending'){self._scope} AND code IN ({marks})",
                [*self._scope_params, *codes], "redeemed_at, rowid"):
            found.setdefault(entry.code, []).append(entry)
        return found

    def open_counts(self, codes: Sequence[str]) -> dict[str, tuple[int, int]]:
        """code → (its open entries, how many of them are plain pending ones: neither in
        flight nor uncertain), in one read; codes without open entries are left out."""
        if not codes:
            return {}
        marks = ", ".join("?" for _ in codes)
        sql = ("SELECT code, count(*), sum(state = 'pending' AND NOT uncertain) FROM outbox "  # noqa: S608
               f"WHERE +state IN ('pending', 'sending'){self._scope} AND code IN ({marks}) "
               "GROUP BY code")
        with self._store.read() as db:
            return {row[0]: (int(row[1]), int(row[2] or 0))
                    for row in db.execute(sql, [*self._scope_params, *codes])}

    def open_codes(self) -> list[str]:
        """The codes with pending or sending entries, in the order of their oldest entry."""
        sql = ("SELECT code FROM outbox WHERE state IN ('pending', 'sending')"  # noqa: S608
               + self._scope + " GROUP BY code ORDER BY min(redeemed_at), min(rowid)")
        with self._store.read() as db:
            return [row[0] for row in db.execute(sql, self._scope_params)]

    def applied_for(self, code: str) -> list[OutboxEntry]:
        """Entries of ``code`` the server has confirmed."""
        return self._select("state = 'applied' AND code = ?", [code], "redeemed_at, rowid")

    def queued_amount(self, code: str) -> int:
        """Units queued for ``code`` and not yet confirmed or refused."""
        with self._store.read() as db:
            sql = ("SELECT coalesce(sum(amount), 0) AS s FROM outbox WHERE code = ? "  # noqa: S608
                   "AND state IN ('pending', 'sending')" + self._scope)
            row = next(db.query(sql, [code, *self._scope_params]))
        return int(row["s"])

    def other_shops_open(self) -> int:
        """Open entries of another shop or server than this outbox's (sent only there)."""
        if not self._scope:
            return 0
        with self._store.read() as db:
            sql = ("SELECT count(*) AS n FROM outbox WHERE state IN ('pending', 'sending') "  # noqa: S608
                   "AND NOT (1" + self._scope + ")")
            row = next(db.query(sql, self._scope_params))
        return int(row["n"])

    def offline_total_since(self, since: datetime) -> int:
        """Units accepted offline since ``since`` (for the per-shift cap)."""
        with self._store.read() as db:
            row = next(db.query(
                "SELECT coalesce(sum(amount), 0) AS s FROM outbox WHERE offline = 1 "
                "AND redeemed_at >= ? AND state NOT IN ('written_off', 'reversed')",
                [to_db(since)]))
        return int(row["s"])

    def counts(self) -> tuple[int, int]:
        """(open entries, conflicts awaiting a manager)."""
        with self._store.read() as db:
            row = next(db.query(
                "SELECT sum(state IN ('pending', 'sending')) AS open, "
                "sum(state = 'rejected' AND offline = 1) AS conflicts FROM outbox"))
        return int(row["open"] or 0), int(row["conflicts"] or 0)

    def since(self, since: datetime) -> list[OutboxEntry]:
        """Every entry redeemed at or after ``since``, oldest first."""
        return self._select("redeemed_at >= ?", [to_db(since)], "redeemed_at, rowid")

    # --- undo (a manager takes the last redemption back) ---------------------------------

    def last_redemption(self, since: datetime) -> OutboxEntry | None:
        """This shop's newest redemption at or after ``since`` that is not undone, refused
        or written off (applied, still queued, or with an undo under way)."""
        found = self._select(
            "state IN ('applied', 'pending', 'sending', 'reversing') AND redeemed_at >= ?"
            + self._scope, [to_db(since), *self._scope_params],
            "redeemed_at DESC, rowid DESC", 1)
        return found[0] if found else None

    def reversing(self) -> list[OutboxEntry]:
        """This shop's entries whose undo was sent but not confirmed, oldest first."""
        return self._select("state = 'reversing'" + self._scope, self._scope_params,
                            "redeemed_at, rowid")

    def begin_reversal(self, entry_id: str) -> bool:
        """applied → reversing, durably, before the undo is sent (a crash after this line
        leaves an undo to confirm, never a doubled or forgotten one)."""
        return self._update(entry_id, (EntryState.APPLIED,), state=EntryState.REVERSING.value)

    def finish_reversal(self, entry_id: str, note: str) -> bool:
        """reversing → reversed: the server no longer has the redemption."""
        return self._update(entry_id, (EntryState.REVERSING,),
                            state=EntryState.REVERSED.value, note=note)

    def abort_reversal(self, entry_id: str, error: str) -> bool:
        """reversing → applied: the undo certainly did not happen (refused, not sent)."""
        return self._update(entry_id, (EntryState.REVERSING,),
                            state=EntryState.APPLIED.value, last_error=error)

    def cancel_queued(self, entry_id: str, note: str) -> bool:
        """pending → reversed for an entry no request of which can have reached the server
        (not uncertain): it is never sent. False if it is being sent or may have landed."""
        with self._store.write() as db:
            cursor = db.execute(
                "UPDATE outbox SET state = 'reversed', note = ?, reported = 1, updated_at = ? "
                "WHERE id = ? AND state = 'pending' AND uncertain = 0",
                [note, to_db(utc_now()), entry_id])
            return cursor.rowcount == 1
