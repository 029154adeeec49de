"""Turning a scanned or typed string into a voucher code, and de-duplicating scans.

:func:`normalise_code` accepts VoucherCart's ``AAAA-BBBB-CCCC-DDDD`` with or without
dashes (or with spaces), codes embedded in a URL (``https://…/redeem?code=…`` or the
URL's last path segment), and plain codes of other backends (EAN-13 digits, …);
anything else raises :class:`CodeRejected` with a reason fit to show staff.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections.abc import Callable
from enum import StrEnum
from urllib.parse import parse_qs, unquote, urlsplit

MIN_LENGTH = 4
MAX_LENGTH = 64
#: Query parameters that carry the code in a voucher's URL, in order of preference.
URL_CODE_PARAMS = ("code", "voucher", "voucher_code", "coupon", "c")

_ALLOWED = re.compile(r"[A-Z0-9][A-Z0-9._-]*")
_UNDASHED_VOUCHERCART = re.compile(r"[A-Z0-9]{16}")
_SEPARATORS = re.compile(r"[\s\u00a0]+")


class RejectReason(StrEnum):
    """Why a string is not a voucher code."""

    EMPTY = "empty"
    TOO_SHORT = "too short"
    TOO_LONG = "too long"
    BAD_CHARACTERS = "characters not allowed in a voucher code"


class CodeRejected(ValueError):
    """The input is not a plausible voucher code; ``reason`` says why."""

    def __init__(self, reason: RejectReason, raw: str) -> None:
        shown = raw if len(raw) <= 40 else raw[:37] + "..."
        super().__init__(f"not a voucher code ({reason.value}): {shown!r}")
        self.reason = reason
        self.raw = raw


def _strip_controls(text: str) -> str:
    return "".join(ch for ch in text if unicodedata.category(ch) not in {"Cc", "Cf", "Cs", "Co"})


def _from_url(text: str) -> str:
    """The code carried by a URL, or ``text`` unchanged if it is not a URL."""
    if not re.match(r"(?i)https?://", text):
        return text
    parts = urlsplit(text)
    query = parse_qs(parts.query)
    lowered = {k.lower(): v for k, v in query.items()}
    for name in URL_CODE_PARAMS:
        values = lowered.get(name)
        if values and values[0].strip():
            return values[0]
    segments = [s for s in parts.path.split("/") if s]
    return unquote(segments[-1]) if segments else ""


def normalise_code(raw: str) -> str:
    """The canonical form of a voucher code, or :class:`CodeRejected`.

    Trims, drops control characters, unwraps URLs, upper-cases, removes spaces,
    and writes 16 bare alphanumerics as ``AAAA-BBBB-CCCC-DDDD``.
    """
    text = _strip_controls(raw).strip()
    text = _from_url(text)
    text = _SEPARATORS.sub("", _strip_controls(text)).upper()
    if not text:
        raise CodeRejected(RejectReason.EMPTY, raw)
    if len(text) > MAX_LENGTH:
        raise CodeRejected(RejectReason.TOO_LONG, raw)
    if not _ALLOWED.fullmatch(text):
        raise CodeRejected(RejectReason.BAD_CHARACTERS, raw)
    if len(text) < MIN_LENGTH:
        raise CodeRejected(RejectReason.TOO_SHORT, raw)
    if _UNDASHED_VOUCHERCART.fullmatch(text):
        text = "-".join(text[i:i + 4] for i in range(0, 16, 4))
    return text


#: Debounce windows (seconds) as pretixSCAN uses them.
HARDWARE_DEBOUNCE_S = 2.5
CAMERA_DEBOUNCE_S = 5.0


class Debouncer:
    """Treats repeats of the same code within ``window_s`` as one scan.

    A code that keeps being seen (held in front of the camera) keeps being
    suppressed: the window restarts at every sighting.
    """

    def __init__(self, window_s: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.window_s = window_s
        self._clock = clock
        self._last_seen: dict[str, float] = {}

    def accept(self, code: str) -> bool:
        """``True`` if ``code`` is a new scan, ``False`` if it repeats a recent one."""
        now = self._clock()
        self._last_seen = {c: t for c, t in self._last_seen.items() if now - t < self.window_s}
        fresh = code not in self._last_seen
        self._last_seen[code] = now
        return fresh

    def reset(self) -> None:
        """Forget every code seen (e.g. after the staff cancelled a voucher)."""
        self._last_seen.clear()
