"""zxing-cpp and ZBar together: the union of what they read, at close to zxing's cost.

Per camera frame:

1. zxing-cpp on the whole frame, upright and dark-on-light only (reads most, ~2 ms on
   an empty 640×480 frame). Anything found → done.
2. ZBar on the linear formats only, scanning every ``fast_density``-th row and column:
   cheap (ZBar's QR finder is its costly part), it reads linear codes in both
   directions (so turned ones too), and it is where ZBar beats zxing-cpp (EAN-13, worn
   Code 128).
3. The thorough pass — zxing-cpp also trying turned and inverted codes, then ZBar on
   every enabled format at full density — when step 1 saw a symbol it could not decode
   (a code is in view), and on every ``deep_every``-th empty frame, so a live camera
   keeps its per-frame cost low; on every frame in ``still`` mode (files,
   ``kiosk decode``), where step 1 is thorough too.
"""

from __future__ import annotations

from collections.abc import Iterable

from kiosk.scan.decoders.base import Decoder, GrayImage
from kiosk.scan.decoders.zbar import ZbarDecoder
from kiosk.scan.decoders.zxing import ZxingDecoder
from kiosk.scan.symbols import DEFAULT_FORMATS, LINEAR_FORMATS, Symbol, Symbology


class CombinedDecoder:
    """zxing-cpp first, ZBar when zxing-cpp found nothing (see module docstring)."""

    name = "combined"

    def __init__(self, formats: Iterable[Symbology] = DEFAULT_FORMATS, *, still: bool = False,
                 fast_density: int = 8, deep_every: int = 15) -> None:
        self.formats = frozenset(formats)
        self.still = still
        self.deep_every = max(1, deep_every)
        self._thorough = ZxingDecoder(self.formats)
        self._primary = self._thorough if still else ZxingDecoder(self.formats, thorough=False)
        linear = self.formats & LINEAR_FORMATS
        self._fast: Decoder | None = ZbarDecoder(linear, density=fast_density) if linear else None
        deep = ZbarDecoder(self.formats, density=1 if still else 2)
        self._deep: Decoder | None = deep if deep.formats else None
        self._empty_frames = 0

    def decode(self, gray: GrayImage) -> list[Symbol]:
        """The symbols in ``gray``, from whichever decoder finds them first."""
        found, candidate = self._primary.read(gray)
        if found:
            self._empty_frames = 0
            return found
        if self._fast is not None:
            found = self._fast.decode(gray)
            if found:
                return found
        self._empty_frames += 1
        deep = self.still or candidate or self._empty_frames % self.deep_every == 0
        if not deep:
            return []
        if not self.still:
            found = self._thorough.decode(gray)
            if found:
                return found
        return self._deep.decode(gray) if self._deep is not None else []
