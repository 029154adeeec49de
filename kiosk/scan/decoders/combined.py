"""zxing-cpp and ZBar together: the union of what they read, at close to zxing's cost.

Camera mode, per frame:

1. zxing-cpp without its rotate and invert passes (a third of its full cost on an
   empty frame). Anything found → done. A frame full of sensor noise (a dim shop: most
   neighbouring pixels differ both ways, measured on every 8th row and column in about
   0.1 ms) is read
   from a 3×3 box-filtered copy: the noise's countless edges otherwise double or triple
   zxing-cpp's time, and codes it can read survive the filter.
2. The barcode gate (:mod:`.regions`): a few milliseconds of gradient statistics
   that find patches of parallel bars. ZBar, linear formats only, full density, runs
   on those crops alone (of the unfiltered frame) — where it beats zxing-cpp (small or
   worn Code 128, EAN-13) and on 1-D codes turned 90°; only along the scan lines that
   cross the patch's bars (rows for upright bars, columns for bars on their side, both
   near 45°), which reads the same at half the cost. An empty frame usually has no such
   patch.
3. Every ``deep_every``-th frame that is still empty gets the thorough pass below,
   so inverted codes, QR codes only ZBar can read and codes the gate missed are
   still read while the customer holds them up (30 frames ≈ 1 s).

Still mode (files, ``kiosk decode``) tries everything on every image: zxing-cpp with
every option, the gated ZBar crops (a crop sometimes reads where the whole image does
not), then full ZBar on every enabled format.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import cv2
import numpy as np

from kiosk.scan.decoders.base import Decoder, GrayImage
from kiosk.scan.decoders.regions import Region, barcode_regions
from kiosk.scan.decoders.zbar import ZbarDecoder
from kiosk.scan.decoders.zxing import ZxingDecoder
from kiosk.scan.symbols import DEFAULT_FORMATS, LINEAR_FORMATS, Symbol, Symbology

NOISE_STEP = 8  # rows and columns sampled for the noise measure
NOISE_DELTA = 6  # grey levels between neighbours that count as a difference
# A noisy frame: most neighbours differ both ways (sensor noise: 0.7-0.8; synthetic frames of
# every other condition and the shop scene: under 0.25; a real photo filled by a small-module
# QR or PDF417 code, whose edges run both ways too: up to 0.63).
NOISY_SHARE = 0.65
ROWS_WITHIN = math.radians(40)  # bars this close to upright: ZBar scans rows only
COLUMNS_BEYOND = math.radians(50)  # this close to lying down: columns only


def noisy(gray: GrayImage) -> bool:
    """Whether most neighbouring pixels differ, along rows and along columns alike (sensor
    noise; the edges of a code or a scene run mostly one way, or leave flat areas)."""
    rows = gray[NOISE_STEP // 2::NOISE_STEP]
    columns = gray[:, NOISE_STEP // 2::NOISE_STEP]
    if rows.shape[0] == 0 or columns.shape[1] == 0 or min(gray.shape[:2]) < 2:
        return False
    across = cv2.absdiff(rows[:, 1:], rows[:, :-1]) > NOISE_DELTA
    down = cv2.absdiff(columns[1:], columns[:-1]) > NOISE_DELTA
    return bool(np.count_nonzero(across) > NOISY_SHARE * across.size
                and np.count_nonzero(down) > NOISY_SHARE * down.size)


def calm(gray: GrayImage) -> GrayImage:
    """``gray``, or a 3×3 box-filtered copy when it is noisy (see :func:`noisy`)."""
    return np.asarray(cv2.blur(gray, (3, 3)), dtype=np.uint8) if noisy(gray) else gray


class CombinedDecoder:
    """zxing-cpp first, ZBar where zxing-cpp found nothing (see module docstring)."""

    name = "combined"

    def __init__(self, formats: Iterable[Symbology] = DEFAULT_FORMATS, *, still: bool = False,
                 deep_every: int = 30) -> None:
        self.formats = frozenset(formats)
        self.still = still
        self.deep_every = max(1, deep_every)
        self._fast: Decoder = ZxingDecoder(self.formats, thorough=False)
        self._thorough: Decoder = ZxingDecoder(self.formats)
        linear = self.formats & LINEAR_FORMATS
        self._regional: dict[str, Decoder] = {
            lines: ZbarDecoder(linear, lines=lines) for lines in ("rows", "columns", "both")
        } if linear else {}
        deep = ZbarDecoder(self.formats)
        self._deep: Decoder | None = deep if deep.formats else None
        self._empty_frames = 0

    def decode(self, gray: GrayImage) -> list[Symbol]:
        """The symbols in ``gray``, from whichever pass finds them first."""
        if self.still:
            return self._thorough.decode(gray) or self._gated_zbar(gray) or self._full_zbar(gray)
        found = self._fast.decode(calm(gray)) or self._gated_zbar(gray)
        if found:
            self._empty_frames = 0
            return found
        self._empty_frames += 1
        if self._empty_frames % self.deep_every == 0:
            return self._thorough.decode(gray) or self._full_zbar(gray)
        return []

    def _gated_zbar(self, gray: GrayImage) -> list[Symbol]:
        if not self._regional:
            return []
        for r in barcode_regions(gray):
            crop = np.ascontiguousarray(gray[r.y0:r.y1, r.x0:r.x1])
            # Still images try every line: a file's codes are not a camera's upright ones.
            found = self._regional["both" if self.still else _scan_lines(r)].decode(crop)
            if found:
                return [s.shifted(r.x0, r.y0) for s in found]
        return []

    def _full_zbar(self, gray: GrayImage) -> list[Symbol]:
        return self._deep.decode(gray) if self._deep is not None else []


def _scan_lines(region: Region) -> str:
    """Which of ZBar's scan lines cross ``region``'s bars."""
    tilt = abs(region.angle)
    if tilt <= ROWS_WITHIN:
        return "rows"
    return "columns" if tilt >= COLUMNS_BEYOND else "both"
