"""What a decoder returns: a :class:`Symbol` with text, symbology and corner points."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Symbology(StrEnum):
    """Barcode formats the kiosk knows; the value is the name printed by ``kiosk decode``."""

    QR_CODE = "QR_CODE"
    CODE_128 = "CODE_128"
    CODE_39 = "CODE_39"
    EAN_13 = "EAN_13"
    UPC_A = "UPC_A"
    DATA_MATRIX = "DATA_MATRIX"
    PDF_417 = "PDF_417"
    AZTEC = "AZTEC"


#: The voucher formats enabled by default (settings may narrow them).
DEFAULT_FORMATS: frozenset[Symbology] = frozenset(Symbology)

#: One-dimensional formats: the ones where a second decoder pays off most.
LINEAR_FORMATS: frozenset[Symbology] = frozenset(
    {Symbology.CODE_128, Symbology.CODE_39, Symbology.EAN_13, Symbology.UPC_A}
)

#: Shortest text accepted per format. Code 39 and Code 128 have weak or no check digits, so
#: a 1–3 character "read" on a busy image is noise far more often than a code (voucher codes
#: are much longer); EAN/UPC have fixed lengths and a check digit, 2-D codes strong ECC.
MIN_LENGTH: dict[Symbology, int] = {Symbology.CODE_39: 4, Symbology.CODE_128: 4}

Point = tuple[int, int]


@dataclass(frozen=True, slots=True)
class Symbol:
    """One decoded barcode.

    ``position`` holds the corner points in image pixels (top-left, top-right,
    bottom-right, bottom-left as the decoder reports them; may be fewer for 1D codes).
    """

    text: str
    format: Symbology
    position: tuple[Point, ...] = ()

    def plausible(self) -> bool:
        """Long enough for its format to be a real code (see :data:`MIN_LENGTH`)."""
        return len(self.text) >= MIN_LENGTH.get(self.format, 1)

    def key(self) -> tuple[str, Symbology]:
        """Identity for de-duplication across decoders and frames."""
        return (self.text, self.format)

    def shifted(self, dx: int, dy: int) -> Symbol:
        """The same symbol with its position moved by ``(dx, dy)`` (ROI crop → frame)."""
        moved = tuple((x + dx, y + dy) for x, y in self.position)
        return Symbol(self.text, self.format, moved)


def parse_formats(names: str | None) -> frozenset[Symbology]:
    """Formats from a comma-separated list of names (``None`` or empty → the defaults)."""
    if not names:
        return DEFAULT_FORMATS
    chosen = set()
    for name in names.split(","):
        clean = name.strip().upper().replace("-", "_")
        try:
            chosen.add(Symbology(clean))
        except ValueError:
            valid = ", ".join(s.value for s in Symbology)
            raise ValueError(f"unknown barcode format {name.strip()!r} (known: {valid})") from None
    return frozenset(chosen)
