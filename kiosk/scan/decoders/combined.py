"""zxing-cpp and ZBar together: the union of what they read, at close to zxing's cost.

Camera mode, per frame:

1. zxing-cpp without its rotate and invert passes (a third of its full cost on an
   empty frame). Anything found → done.
2. The barcode gate (:mod:`.regions`): a few milliseconds of gradient statistics
   that find patches of parallel bars. ZBar, linear formats only, full density, runs
   on those crops alone — where it beats zxing-cpp (small or worn Code 128, EAN-13)
   and on 1-D codes turned 90°. An empty frame usually has no such patch.
3. Every ``deep_every``-th frame that is still empty gets the thorough pass below,
   so inverted codes, QR codes only ZBar can read and codes the gate missed are
   still read while the customer holds them up (30 frames ≈ 1 s).

Still mode (files, ``kiosk decode``) tries everything on every image: zxing-cpp with
every option, the gated ZBar crops (a crop sometimes reads where the whole image does
not), then full ZBar on every enabled format.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np

from kiosk.scan.decoders.base import Decoder, GrayImage
from kiosk.scan.decoders.regions import barcode_regions
from kiosk.scan.decoders.zbar import ZbarDecoder
from kiosk.scan.decoders.zxing import ZxingDecoder
from kiosk.scan.symbols import DEFAULT_FORMATS, LINEAR_FORMATS, Symbol, Symbology


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
        self._regional: Decoder | None = ZbarDecoder(linear) if linear else None
        deep = ZbarDecoder(self.formats)
        self._deep: Decoder | None = deep if deep.formats else None
        self._empty_frames = 0

    def decode(self, gray: GrayImage) -> list[Symbol]:
        """The symbols in ``gray``, from whichever pass finds them first."""
        if self.still:
            return self._thorough.decode(gray) or self._gated_zbar(gray) or self._full_zbar(gray)
        found = self._fast.decode(gray) or self._gated_zbar(gray)
        if found:
            self._empty_frames = 0
            return found
        self._empty_frames += 1
        if self._empty_frames % self.deep_every == 0:
            return self._thorough.decode(gray) or self._full_zbar(gray)
        return []

    def _gated_zbar(self, gray: GrayImage) -> list[Symbol]:
        if self._regional is None:
            return []
        for r in barcode_regions(gray):
            crop = np.ascontiguousarray(gray[r.y0:r.y1, r.x0:r.x1])
            found = self._regional.decode(crop)
            if found:
                return [s.shifted(r.x0, r.y0) for s in found]
        return []

    def _full_zbar(self, gray: GrayImage) -> list[Symbol]:
        return self._deep.decode(gray) if self._deep is not None else []
