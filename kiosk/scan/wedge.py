"""Keyboard-wedge scanners: telling a scanner's key burst from a person typing. Qt-free.

A USB scanner "types" its code and presses Enter, every key a few milliseconds
after the last; people leave 80 ms or more between keys. :class:`WedgeDetector` is
fed each key press with its timestamp and says what to do with it, so that an
event filter on the windows can capture a scan whatever widget has focus and
never let it leak into a text field.

Every printable key is *held* at first (its fate depends on the next key), so the
filter must eat it and later re-deliver it if it turns out to be human typing::

    detector = WedgeDetector(max_gap_ms=30, min_length=4, layout="azerty")
    event = detector.feed(key, t)        # key: one character, or ENTER / TAB
    # None         -> let this key through untouched
    # Swallow()    -> eat this key (held, or part of a burst)
    # Complete(c)  -> eat this key; a scanner delivered code ``c``
    # Release(k)   -> eat this key and re-deliver ``k`` (held human keys; ENTER
    #                 stands for the Enter key); the current key may be held
    # whenever ``detector.deadline()`` is not None, arm a timer for it, then call:
    event = detector.flush(now)          # Release(k) / Complete(c) / None

A burst is a scan when every gap is at most ``max_gap_ms`` *and* its gaps average at least
:data:`MEAN_MARGIN` less: a person who types fast (a password typed every day, 70–80 ms a
key) stays under the largest gap a scanner needs now and then (80 ms, the normal setting),
but not under the 60 ms its keys average.

Timestamps are seconds (any monotonic clock, e.g. ``QKeyEvent.timestamp() / 1000``).
``layout`` maps characters a US-layout scanner produces on an AZERTY or QWERTZ
system back to what it meant (``"&é\\"'(" -> "12345"``); pass ``mapping=`` for others.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

ENTER = "\n"
TAB = "\t"
TERMINATORS = frozenset({ENTER, TAB})
MEAN_MARGIN = 0.020  # s: a scan's gaps average at least this much under the largest allowed

Layout = Literal["qwerty", "azerty", "qwertz"]

#: Character produced on the host layout -> character the (US-layout) scanner meant.
LAYOUT_MAPS: dict[str, dict[str, str]] = {
    "qwerty": {},
    "azerty": {
        "&": "1", "é": "2", '"': "3", "'": "4", "(": "5", "-": "6", "è": "7", "_": "8",
        "ç": "9", "à": "0", ")": "-",
        "a": "q", "q": "a", "z": "w", "w": "z", "A": "Q", "Q": "A", "Z": "W", "W": "Z",
        ",": "m", "?": "M", ";": ",",
    },
    "qwertz": {"z": "y", "y": "z", "Z": "Y", "Y": "Z", "ß": "-", "-": "/"},
}


@dataclass(frozen=True)
class Swallow:
    """Eat the key: it is held or part of a scanner burst."""


@dataclass(frozen=True)
class Complete:
    """A scanner burst ended: eat the key; ``code`` is what was scanned (layout-mapped)."""

    code: str


@dataclass(frozen=True)
class Release:
    """Held keys turned out to be typed by a person: eat the key and re-deliver ``keys``."""

    keys: str


WedgeEvent = Swallow | Complete | Release


class WedgeDetector:
    """The burst state machine (see module docstring for the protocol)."""

    def __init__(self, max_gap_ms: float = 30.0, min_length: int = 4,
                 layout: Layout = "qwerty", mapping: dict[str, str] | None = None,
                 complete_on_pause: bool = False) -> None:
        """``complete_on_pause``: accept a burst without Enter/Tab when it pauses (scanners
        configured with no suffix)."""
        self.max_gap = max_gap_ms / 1000.0
        self.min_length = min_length
        self.mapping = dict(LAYOUT_MAPS[layout] if mapping is None else mapping)
        self.complete_on_pause = complete_on_pause
        self._held: list[str] = []
        self._first_t: float | None = None
        self._last_t: float | None = None

    def deadline(self) -> float | None:
        """When :meth:`flush` must be called if no key arrives first (``None``: nothing held)."""
        if not self._held or self._last_t is None:
            return None
        return self._last_t + self.max_gap

    def feed(self, key: str, t: float) -> WedgeEvent | None:
        """Classify one key press; ``key`` is one printable character, ENTER or TAB.

        Anything else (arrows, function keys) returns ``None`` and changes nothing.
        """
        if key not in TERMINATORS and (len(key) != 1 or not key.isprintable()):
            return None
        stale: Release | None = None
        if self._held and self._last_t is not None and t - self._last_t > self.max_gap:
            flushed = self.flush(t)
            if isinstance(flushed, Complete):
                # A suffix-less burst ended; this key starts afresh but the code must not be
                # lost, so report it and let this key through.
                return flushed
            stale = flushed
        if key in TERMINATORS:
            return self._terminator(key, t, stale)
        if not self._held:
            self._first_t = t
        self._held.append(key)
        self._last_t = t
        return stale if stale is not None else Swallow()

    def flush(self, t: float) -> Release | Complete | None:
        """Settle held keys once no key came for ``max_gap``; call it from a timer."""
        if not self._held or (self._last_t is not None and t - self._last_t < self.max_gap):
            return None
        held, scan = "".join(self._held), self._scanned(self._last_t)
        self._reset()
        if self.complete_on_pause and scan:
            return Complete(self._map(held))
        return Release(held)

    def _terminator(self, key: str, t: float, stale: Release | None) -> WedgeEvent | None:
        if stale is not None:
            return Release(stale.keys + key)
        if not self._held:
            return None
        held, scan = "".join(self._held), self._scanned(t)
        self._reset()
        if scan:
            return Complete(self._map(held))
        return Release(held + key)

    def _scanned(self, end: float | None) -> bool:
        """Whether the held keys, the burst ending at ``end``, were a scanner's."""
        count = len(self._held)
        if count < self.min_length or self._first_t is None or end is None:
            return False
        gaps = count if end > (self._last_t or end) else count - 1  # with the terminator's
        return gaps == 0 or (end - self._first_t) / gaps <= self.max_gap - MEAN_MARGIN

    def _map(self, text: str) -> str:
        return "".join(self.mapping.get(ch, ch) for ch in text)

    def _reset(self) -> None:
        self._held = []
        self._first_t = None
        self._last_t = None
