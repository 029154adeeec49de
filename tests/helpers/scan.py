"""Helpers for the scanning tests: rendered barcodes and camera-like frames
(the real photos are found through ``tests/helpers/corpus.py``)."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
import zxingcpp

Gray = npt.NDArray[np.uint8]
VOUCHER = "AB12-CD34-EF56-GH78"


def render(text: str, fmt: zxingcpp.BarcodeFormat = zxingcpp.BarcodeFormat.QRCode,
           scale: int = 4) -> Gray:
    """A clean barcode image rendered by zxing-cpp's writer."""
    barcode = zxingcpp.create_barcode(text, fmt)
    image = np.asarray(zxingcpp.write_barcode_to_image(barcode, scale=scale), dtype=np.uint8)
    if fmt != zxingcpp.BarcodeFormat.QRCode and image.shape[0] < 40:
        image = np.repeat(image[:1], 80, axis=0)  # linear codes come out one row high
    return image


def on_canvas(code: Gray, width: int = 640, height: int = 480) -> Gray:
    """``code`` pasted in the middle of a light-gray camera-sized frame."""
    frame = np.full((height, width), 200, dtype=np.uint8)
    h, w = code.shape
    x, y = (width - w) // 2, (height - h) // 2
    frame[y:y + h, x:x + w] = code
    return frame


def bgr(gray: Gray) -> npt.NDArray[np.uint8]:
    """A 3-channel copy (what a camera delivers)."""
    return np.asarray(cv2.cvtColor(gray, cv2.COLOR_GRAY2BGR), dtype=np.uint8)


def read_gray(path: Path) -> Gray:
    """An image file as 8-bit grayscale (fails loudly if unreadable)."""
    image = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
    assert image is not None, f"cannot read {path}"
    return np.asarray(image, dtype=np.uint8)
