"""The simulator's clock (tests move it) and the API's date formats."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta


def parse_iso(text: str) -> datetime:
    """Parse the API's ISO 8601 stamps (``2016-12-02T07:57:29+0000``) and common variants."""
    value = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def format_iso(moment: datetime) -> str:
    """Format as the API does: ``2016-12-02T07:57:29+0000`` (always UTC)."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


def parse_redeem_date(text: str) -> datetime:
    """Parse ``YYYY-MM-DD HH:MM`` or ``YYYY-MM-DD HH:MM:SS`` as UTC, truncated to the minute."""
    for pattern in ("%Y-%m-%d %H:%M", "%Y-%m-%d %H:%M:%S"):
        try:
            parsed = datetime.strptime(text.strip(), pattern)  # noqa: DTZ007 - UTC by contract
        except ValueError:
            continue
        return parsed.replace(second=0, microsecond=0, tzinfo=UTC)
    raise ValueError(text)


class SimClock:
    """Real time plus an offset, or a frozen instant; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._offset = timedelta()
        self._frozen: datetime | None = None

    def now(self) -> datetime:
        """The simulator's current time (UTC, whole seconds)."""
        with self._lock:
            if self._frozen is not None:
                return self._frozen
            return (datetime.now(UTC) + self._offset).replace(microsecond=0)

    def set(self, at: datetime | None = None, *, offset: float | None = None,
            frozen: bool = False) -> datetime:
        """Jump to ``at`` (or real time + ``offset`` seconds); ``frozen`` stops it ticking."""
        with self._lock:
            real = datetime.now(UTC)
            if at is not None:
                target = at if at.tzinfo else at.replace(tzinfo=UTC)
            else:
                target = real + timedelta(seconds=offset or 0)
            self._offset = target - real
            self._frozen = target.replace(microsecond=0) if frozen else None
        return self.now()

    def advance(self, seconds: float) -> datetime:
        """Move the clock forward (or back, if negative)."""
        with self._lock:
            self._offset += timedelta(seconds=seconds)
            if self._frozen is not None:
                self._frozen += timedelta(seconds=seconds)
        return self.now()

    def reset(self) -> None:
        """Back to real time."""
        with self._lock:
            self._offset = timedelta()
            self._frozen = None

    def describe(self) -> dict[str, object]:
        """The clock's state as JSON."""
        with self._lock:
            frozen = self._frozen is not None
            offset = self._offset.total_seconds()
        return {"now": format_iso(self.now()), "offset": offset, "frozen": frozen}
