"""Helpers for the scanning tests: rendered barcodes, camera-like frames, the real-photo corpus."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
import zxingcpp

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus" / "zxing-blackbox"
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


def expected_text(image: Path) -> str | None:
    """The corpus's expected text for ``image`` (line endings normalised), None if binary."""
    txt = image.with_suffix(".txt")
    if not txt.exists():
        return None
    text = txt.read_text(encoding="utf-8").replace("\r\n", "\n").replace("\r", "\n")
    return text.removesuffix("\n")


def normalise_read(text: str) -> str:
    """A decoded text compared the corpus's way."""
    return text.replace("\r\n", "\n").replace("\r", "\n").removesuffix("\n")


def corpus_images(folder: str) -> list[Path]:
    """The images of one corpus folder, sorted."""
    root = CORPUS / folder
    return sorted(p for p in root.iterdir() if p.suffix in {".png", ".jpg", ".gif"})
