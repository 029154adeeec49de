"""Barcode decoders behind one interface, and a factory.

>>> decoder = make_decoder("combined")          # doctest: +SKIP
>>> decoder.decode(gray)                        # doctest: +SKIP
[Symbol(text='AAAA-BBBB-CCCC-DDDD', format=<Symbology.QR_CODE: 'QR_CODE'>, ...)]

``zxing`` (zxing-cpp) is always present; ``zbar`` needs the native libzbar, and
without it ``combined`` falls back to ``zxing`` (:func:`available_decoders` says why).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from kiosk.scan.decoders.base import Decoder, DecoderUnavailable, GrayImage, as_gray
from kiosk.scan.decoders.combined import CombinedDecoder
from kiosk.scan.decoders.zbar import INSTALL_HINT, ZbarDecoder, load_wrapper
from kiosk.scan.decoders.zxing import ZxingDecoder
from kiosk.scan.symbols import DEFAULT_FORMATS, Symbology

__all__ = [
    "DECODER_NAMES",
    "CombinedDecoder",
    "Decoder",
    "DecoderInfo",
    "DecoderName",
    "DecoderUnavailable",
    "GrayImage",
    "ZbarDecoder",
    "ZxingDecoder",
    "as_gray",
    "available_decoders",
    "make_decoder",
]

DecoderName = Literal["zxing", "zbar", "combined"]
DECODER_NAMES: tuple[DecoderName, ...] = ("zxing", "zbar", "combined")


@dataclass(frozen=True)
class DecoderInfo:
    """Whether a decoder can run here, and if not what to install."""

    name: DecoderName
    available: bool
    detail: str


def available_decoders() -> list[DecoderInfo]:
    """Every decoder with its availability (for ``kiosk doctor`` and settings)."""
    try:
        load_wrapper()
        zbar_ok, detail = True, "ok"
    except DecoderUnavailable:
        zbar_ok, detail = False, INSTALL_HINT
    return [
        DecoderInfo("zxing", True, "ok"),
        DecoderInfo("zbar", zbar_ok, detail),
        DecoderInfo("combined", True, "ok" if zbar_ok else f"zxing only: {INSTALL_HINT}"),
    ]


def make_decoder(name: DecoderName = "combined", formats: Iterable[Symbology] = DEFAULT_FORMATS,
                 *, still: bool = False) -> Decoder:
    """A new decoder. ``still=True`` tunes ``combined`` for single images (tries harder).

    Raises :class:`DecoderUnavailable` for ``zbar`` without libzbar; ``combined``
    then degrades to ``zxing``. Raises ``ValueError`` for an unknown name.
    """
    if name == "zxing":
        return ZxingDecoder(formats)
    if name == "zbar":
        return ZbarDecoder(formats)
    if name == "combined":
        try:
            return CombinedDecoder(formats, still=still)
        except DecoderUnavailable:
            return ZxingDecoder(formats)
    raise ValueError(f"unknown decoder {name!r} (choose from {', '.join(DECODER_NAMES)})")
