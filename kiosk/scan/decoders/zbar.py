"""ZBar through pyzbar's ctypes bindings: the second opinion for 1-D codes.

pyzbar's own ``decode()`` builds a new scanner per call and cannot set ZBar's
scan density, so this module drives the same ``pyzbar.wrapper`` functions with
one long-lived scanner and a configurable density (scan every n-th line).
"""

from __future__ import annotations

import ctypes
from collections.abc import Iterable
from typing import Any, Literal

import numpy as np

from kiosk.scan.decoders.base import DecoderUnavailable, GrayImage
from kiosk.scan.symbols import DEFAULT_FORMATS, MIN_LENGTH, Symbol, Symbology

INSTALL_HINT = "install the ZBar library (Debian/Ubuntu: sudo apt-get install libzbar0)"

# ZBar symbol type ids (zbar.h), so this module imports without the native library.
_TO_ZBAR: dict[Symbology, int] = {
    Symbology.QR_CODE: 64,
    Symbology.CODE_128: 128,
    Symbology.CODE_39: 39,
    Symbology.EAN_13: 13,
    Symbology.UPC_A: 12,
    Symbology.PDF_417: 57,
}
_FROM_ZBAR = {v: k for k, v in _TO_ZBAR.items()}
_Y800 = int.from_bytes(b"Y800", "little")


def load_wrapper() -> Any:
    """The ``pyzbar.wrapper`` module, or :class:`DecoderUnavailable` if libzbar is missing."""
    try:
        from pyzbar import wrapper  # noqa: PLC0415 - loads the native library
    except (ImportError, OSError) as exc:
        raise DecoderUnavailable("zbar", INSTALL_HINT) from exc
    return wrapper


class ZbarDecoder:
    """ZBar restricted to ``formats`` (ZBar cannot read Data Matrix or Aztec).

    ``density`` > 1 scans every n-th row and column: much faster on busy frames and,
    for 1-D codes, about as good. ``lines`` = ``"rows"`` (or ``"columns"``) scans only
    horizontal (vertical) lines: a 1-D code whose bars run across them reads the same at
    half the cost (a crop whose bars' direction is known).
    """

    name = "zbar"

    def __init__(self, formats: Iterable[Symbology] = DEFAULT_FORMATS, *, density: int = 1,
                 lines: Literal["both", "rows", "columns"] = "both") -> None:
        self._w = load_wrapper()
        self.formats = frozenset(f for f in formats if f in _TO_ZBAR)
        self.density = density
        w = self._w
        self._scanner = w.zbar_image_scanner_create()
        if not self._scanner:
            raise DecoderUnavailable("zbar", "could not create a ZBar scanner")
        cfg = w.ZBarConfig
        w.zbar_image_scanner_set_config(self._scanner, 0, cfg.CFG_ENABLE, 0)
        for fmt in self.formats:
            w.zbar_image_scanner_set_config(self._scanner, _TO_ZBAR[fmt], cfg.CFG_ENABLE, 1)
            if fmt in MIN_LENGTH:
                w.zbar_image_scanner_set_config(self._scanner, _TO_ZBAR[fmt], cfg.CFG_MIN_LEN,
                                                MIN_LENGTH[fmt])
        # ZBar's X density spaces its vertical scan lines, Y density its horizontal ones.
        w.zbar_image_scanner_set_config(self._scanner, 0, cfg.CFG_X_DENSITY,
                                        0 if lines == "rows" else density)
        w.zbar_image_scanner_set_config(self._scanner, 0, cfg.CFG_Y_DENSITY,
                                        0 if lines == "columns" else density)

    def __del__(self) -> None:
        scanner = getattr(self, "_scanner", None)
        if scanner:
            self._w.zbar_image_scanner_destroy(scanner)
            self._scanner = None

    def decode(self, gray: GrayImage) -> list[Symbol]:
        """Every symbol of an enabled format in ``gray``."""
        if not self.formats or gray.size == 0:
            return []
        w = self._w
        pixels = np.ascontiguousarray(gray, dtype=np.uint8).tobytes()
        height, width = gray.shape[:2]
        image = w.zbar_image_create()
        try:
            w.zbar_image_set_format(image, _Y800)
            w.zbar_image_set_size(image, width, height)
            data = ctypes.cast(ctypes.c_char_p(pixels), ctypes.c_void_p)
            w.zbar_image_set_data(image, data, len(pixels), None)
            if w.zbar_scan_image(self._scanner, image) <= 0:
                return []
            return list(self._symbols(image))
        finally:
            w.zbar_image_destroy(image)

    def _symbols(self, image: Any) -> Iterable[Symbol]:
        w = self._w
        sym = w.zbar_image_first_symbol(image)
        while sym:
            fmt = _FROM_ZBAR.get(int(sym.contents.type))
            if fmt is not None and fmt in self.formats:
                length = w.zbar_symbol_get_data_length(sym)
                raw = ctypes.string_at(w.zbar_symbol_get_data(sym), length)
                corners = tuple(
                    (int(w.zbar_symbol_get_loc_x(sym, i)), int(w.zbar_symbol_get_loc_y(sym, i)))
                    for i in range(w.zbar_symbol_get_loc_size(sym))
                )
                symbol = Symbol(_text(raw), fmt, _hull(corners))
                if symbol.plausible():  # MIN_LEN counts bytes; the rule counts characters
                    yield symbol
            sym = w.zbar_symbol_next(sym)


def _text(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("latin-1")


def _hull(points: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """A 1-D symbol's scan-line points reduced to its bounding box corners."""
    if len(points) <= 4:
        return points
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    return ((x0, y0), (x1, y0), (x1, y1), (x0, y1))
