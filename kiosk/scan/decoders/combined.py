"""zxing-cpp and ZBar together: the union of what they read, at close to zxing's cost.

Per frame:

1. zxing-cpp on the whole frame (fast, reads most). Anything found → done.
2. ZBar on the linear formats only, scanning every ``fast_density``-th line: cheap
   (ZBar's QR finder is its costly part) and where ZBar beats zxing-cpp (EAN-13,
   worn Code 128).
3. ZBar on every enabled format at full density — on every frame in ``still`` mode
   (files, ``kiosk decode``), else on every ``deep_every``-th empty frame so that a
   live camera keeps its per-frame cost low.
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
                 fast_density: int = 4, deep_every: int = 30) -> None:
        self.formats = frozenset(formats)
        self.still = still
        self.deep_every = max(1, deep_every)
        self._primary: Decoder = ZxingDecoder(self.formats)
        linear = self.formats & LINEAR_FORMATS
        self._fast: Decoder | None = ZbarDecoder(linear, density=fast_density) if linear else None
        deep = ZbarDecoder(self.formats)
        self._deep: Decoder | None = deep if deep.formats else None
        self._empty_frames = 0

    def decode(self, gray: GrayImage) -> list[Symbol]:
        """The symbols in ``gray``, from whichever decoder finds them first."""
        found = self._primary.decode(gray)
        if found:
            self._empty_frames = 0
            return found
        if self._fast is not None:
            found = self._fast.decode(gray)
            if found:
                return found
        self._empty_frames += 1
        if self._deep is not None and (self.still or self._empty_frames % self.deep_every == 0):
            return self._deep.decode(gray)
        return []
