"""zxing-cpp: the fast first-line decoder."""

from __future__ import annotations

from collections.abc import Iterable

import zxingcpp

from kiosk.scan.decoders.base import GrayImage
from kiosk.scan.symbols import DEFAULT_FORMATS, Point, Symbol, Symbology

_F = zxingcpp.BarcodeFormat
_TO_ZXING: dict[Symbology, zxingcpp.BarcodeFormat] = {
    Symbology.QR_CODE: _F.QRCode,
    Symbology.CODE_128: _F.Code128,
    Symbology.CODE_39: _F.Code39,
    Symbology.EAN_13: _F.EAN13,
    Symbology.UPC_A: _F.UPCA,
    Symbology.DATA_MATRIX: _F.DataMatrix,
    Symbology.PDF_417: _F.PDF417,
    Symbology.AZTEC: _F.Aztec,
}


def _symbology(fmt: zxingcpp.BarcodeFormat) -> Symbology | None:
    for ours, theirs in _TO_ZXING.items():
        if fmt == theirs:
            return ours
    # zxing-cpp 3 reports sub-formats (e.g. QRCodeModel2, Code39Ext): map by family name.
    name = str(fmt).replace(" ", "").replace("-", "").lower()
    for ours in Symbology:
        if name.startswith(ours.value.replace("_", "").lower()):
            return ours
    return None


class ZxingDecoder:
    """zxing-cpp restricted to ``formats``; text is returned as encoded (no HRI rewriting)."""

    name = "zxing"

    def __init__(self, formats: Iterable[Symbology] = DEFAULT_FORMATS, *,
                 try_downscale: bool = True, thorough: bool = True) -> None:
        self.formats = frozenset(formats)
        self._formats = zxingcpp.BarcodeFormats([_TO_ZXING[f] for f in sorted(self.formats)])
        self._try_downscale = try_downscale
        # ``thorough`` also reads linear codes turned by 90° and light-on-dark codes; each
        # roughly doubles the cost of an empty frame.
        self._thorough = thorough

    def decode(self, gray: GrayImage) -> list[Symbol]:
        """Every valid symbol of an enabled format in ``gray``."""
        if not self.formats:
            return []
        found = zxingcpp.read_barcodes(
            gray, formats=self._formats, text_mode=zxingcpp.TextMode.Plain,
            try_downscale=self._try_downscale, try_rotate=self._thorough,
            try_invert=self._thorough,
        )
        symbols = []
        for barcode in found:
            fmt = _symbology(barcode.format)
            if fmt is None or fmt not in self.formats or not barcode.valid:
                continue
            pos = barcode.position
            corners: tuple[Point, ...] = tuple(
                (int(p.x), int(p.y))
                for p in (pos.top_left, pos.top_right, pos.bottom_right, pos.bottom_left)
            )
            symbol = Symbol(barcode.text, fmt, corners)
            if symbol.plausible():
                symbols.append(symbol)
        return symbols
