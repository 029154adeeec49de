"""Which camera frames are worth decoding: a cheap difference gate for an idle counter.

A webcam pointed at an empty counter delivers the same picture 15–30 times a second, and
decoding each one costs a few milliseconds of CPU all day. :class:`MotionGate` compares a
small thumbnail of each frame with the previous one (well under 0.1 ms at 640×480) and lets
a frame through to the decoder when

- the picture changed (a hand, a phone or a voucher moving into view),
- it changed within the last ``hold_s`` seconds (a code held still after moving is read in
  the first sharp frame, and for a while after), or
- ``idle_interval_s`` passed since the last decoded frame (slow changes: light, a voucher
  slid in very slowly).

Sensor noise does not count as a change: the thumbnail averages it away, and a pixel must
move by more than ``pixel_delta`` grey levels, in more than ``changed_fraction`` of the
thumbnail, for the frame to count as changed.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np
import numpy.typing as npt

Gray = npt.NDArray[np.uint8]
Image = npt.NDArray[np.uint8]  # gray, or BGR as a camera delivers it

THUMB_SIZE = (80, 60)


@dataclass
class MotionGate:
    """Decides per frame whether to decode (see the module's docstring)."""

    hold_s: float = 1.5
    idle_interval_s: float = 2.0
    pixel_delta: int = 12
    changed_fraction: float = 0.004
    _previous: Gray | None = None
    _last_change: float = float("-inf")
    _last_decode: float = float("-inf")

    def should_decode(self, frame: Image, now: float) -> bool:
        """Whether ``frame`` (taken at monotonic time ``now``) goes to the decoder."""
        # Every other pixel of the green channel (close to luminance), averaged down to the
        # thumbnail: 16 samples per thumbnail pixel, ~0.2 ms where a full BGR resize costs 0.7.
        sampled = frame[::2, ::2, 1] if frame.ndim == 3 else frame[::2, ::2]
        thumb = np.asarray(cv2.resize(sampled, THUMB_SIZE, interpolation=cv2.INTER_AREA),
                           dtype=np.uint8)
        previous, self._previous = self._previous, thumb
        if previous is None or self._changed(previous, thumb):
            self._last_change = now
        decode = self.moving(now) or now - self._last_decode >= self.idle_interval_s
        if decode:
            self._last_decode = now
        return decode

    def moving(self, now: float) -> bool:
        """Whether the picture changed within the last ``hold_s`` seconds."""
        return now - self._last_change <= self.hold_s

    def _changed(self, previous: Gray, thumb: Gray) -> bool:
        moved = cv2.absdiff(previous, thumb) > self.pixel_delta
        return bool(np.count_nonzero(moved) > self.changed_fraction * moved.size)
