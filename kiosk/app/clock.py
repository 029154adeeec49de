"""The time the till stamps on redemptions: its own clock corrected by the server's.

VoucherCart judges a voucher's validity at the ``redeemDate`` we send, so that time must be
right even when the till's clock is not. Every answer's ``Date`` header gives the offset of
the server's clock (``kiosk.backends.http.ServerClock``); the last one is kept in the
database, so a till that restarts offline still corrects its clock. Offline, a time outside a
sane window (before the last time the server was heard, or long after it) is refused.
"""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from kiosk.domain.errors import Refusal, RefusalReason
from kiosk.store.meta import Meta

log = logging.getLogger(__name__)

META_KEY = "server_clock"
APPLY_ABOVE = 2.0  # seconds: below this the Date header's rounding dominates; keep our clock
WARN_ABOVE = 300.0  # seconds off before staff are warned
EARLIEST = datetime(2025, 1, 1, tzinfo=UTC)  # no till clock before this release is believable
OFFLINE_DRIFT = timedelta(minutes=10)  # an offline clock may run this far behind the server's
OFFLINE_SPAN = timedelta(days=30)  # and be trusted this long after the server was last heard

CLOCK_REFUSED = ("The till's clock cannot be trusted while offline ({why}), so this cannot be "
                 "accepted until the server is back. Ask a manager to set the clock.")


def local_midnight(moment: datetime) -> datetime:
    """The start of ``moment``'s local calendar day (aware, in the local offset of that
    midnight). On the days the clocks change, midnight's offset is not the one of ``moment``:
    a naive midnight converted by ``astimezone()`` asks the system's time zone rules."""
    local = moment.astimezone()
    return datetime(local.year, local.month, local.day).astimezone()


class TillClock:
    """Corrected "now" for stamping and validity checks; warnings when the clock is off."""

    def __init__(self, local: Callable[[], datetime], meta: Meta,
                 source: object | None) -> None:
        self._local = local
        self._meta = meta
        self._source = source
        self._saved_offset: float | None = None
        self._saved_server: datetime | None = None
        # The saved offset belongs to the till's clock as it read when the engine opened.
        self._opened: tuple[datetime, float] = (local(), time.monotonic())
        self._load()

    def _load(self) -> None:
        raw = self._meta.get(META_KEY)
        if not raw:
            return
        try:
            data = json.loads(raw)
            self._saved_offset = float(data["offset"])
            self._saved_server = datetime.fromisoformat(data["server"])
        except (ValueError, KeyError, TypeError):
            log.warning("saved server clock unreadable; measuring again")

    def offset(self) -> float | None:
        """Seconds the server's clock is ahead of the till's (last measured, or saved), less
        any step of the till's clock since it was measured (set right by NTP meanwhile)."""
        live = getattr(self._source, "offset", None)
        anchor = getattr(self._source, "anchor", None)
        if isinstance(live, int | float):
            return float(live) - self._stepped(anchor if isinstance(anchor, tuple) else None)
        if self._saved_offset is None:
            return None
        return self._saved_offset - self._stepped(self._opened)

    def _stepped(self, anchor: tuple[datetime, float] | None) -> float:
        """Seconds the till's clock was stepped since ``anchor`` (its reading, and
        ``time.monotonic()`` then): how much more it moved than time passed. 0 under
        ``APPLY_ABOVE`` (the two clocks' jitter)."""
        if anchor is None:
            return 0.0
        step = (self._local() - anchor[0]).total_seconds() - (time.monotonic() - anchor[1])
        return step if abs(step) >= APPLY_ABOVE else 0.0

    def observed(self) -> None:
        """Keep the last measured offset (after answers), when it changed noticeably."""
        if not isinstance(getattr(self._source, "offset", None), int | float):
            return
        live = self.offset() or 0.0  # the measured offset, less any step of the clock since
        server = self._local() + timedelta(seconds=live)
        moved = self._saved_offset is None or abs(live - self._saved_offset) > 1.0
        stale = self._saved_server is None or server - self._saved_server > timedelta(minutes=5)
        if moved or stale:
            self._saved_offset, self._saved_server = float(live), server
            self._meta.put(META_KEY, json.dumps({"offset": live, "server": server.isoformat()}))

    def now(self) -> datetime:
        """The till's time corrected by the server's offset."""
        local = self._local()
        offset = self.offset()
        if offset is None or abs(offset) < APPLY_ABOVE:
            return local
        return local + timedelta(seconds=offset)

    def check_offline(self, now: datetime) -> None:
        """Refuse (``Refusal`` CLOCK_WRONG) an offline stamp outside the sane window."""
        why = ""
        if now < EARLIEST:
            why = f"it says {now:%d %b %Y}"
        elif self._saved_server is not None and now < self._saved_server - OFFLINE_DRIFT:
            why = "it went back in time since the server was last reached"
        elif self._saved_server is not None and now > self._saved_server + OFFLINE_SPAN:
            why = f"it says {now:%d %b %Y}, long after the server was last reached"
        if why:
            raise Refusal(RefusalReason.CLOCK_WRONG, CLOCK_REFUSED.format(why=why))

    def warning(self) -> str:
        """Plain words when the till's clock is more than a few minutes off, else ""."""
        offset = self.offset()
        if offset is None or abs(offset) <= WARN_ABOVE:
            return ""
        return (f"The till's clock is {_span(abs(offset))} "
                f"{'behind' if offset > 0 else 'ahead of'} the server's. Times are corrected "
                "automatically; ask a manager to set the clock.")


def _span(seconds: float) -> str:
    if seconds < 5400:
        return f"{seconds / 60:.0f} minutes"
    if seconds < 2 * 86400:
        return f"{seconds / 3600:.0f} hours"
    return f"{seconds / 86400:.0f} days"
