"""The decoder interface every barcode reader implements."""

from __future__ import annotations

from typing import Protocol

import numpy as np
import numpy.typing as npt

from kiosk.scan.symbols import Symbol

GrayImage = npt.NDArray[np.uint8]


class DecoderUnavailable(RuntimeError):
    """A decoder's native library is missing; ``hint`` says what to install."""

    def __init__(self, name: str, hint: str) -> None:
        super().__init__(f"{name} decoder unavailable: {hint}")
        self.name = name
        self.hint = hint


class Decoder(Protocol):
    """Finds barcodes in one grayscale frame.

    Implementations are not thread-safe: give each thread its own instance.
    """

    name: str

    def decode(self, gray: GrayImage) -> list[Symbol]:
        """All symbols found in ``gray`` (a 2-D uint8 array); empty if none."""
        ...


def as_gray(image: npt.NDArray[np.uint8]) -> GrayImage:
    """A contiguous 2-D uint8 view of ``image`` (BGR or BGRA frames are converted)."""
    import cv2  # noqa: PLC0415 - keep module import light

    if image.ndim == 3:
        code = cv2.COLOR_BGRA2GRAY if image.shape[2] == 4 else cv2.COLOR_BGR2GRAY
        return np.ascontiguousarray(cv2.cvtColor(image, code), dtype=np.uint8)
    return np.ascontiguousarray(image, dtype=np.uint8)
