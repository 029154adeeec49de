"""Decoding image and video files with the camera's pipeline (``kiosk decode``)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import cv2
import numpy as np

from kiosk.scan.camera import SourceUnavailable
from kiosk.scan.decoders import Decoder, GrayImage, as_gray
from kiosk.scan.symbols import Symbol

IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".jpeg", ".webp", ".gif", ".bmp", ".tif", ".tiff"})


def iter_gray_frames(path: Path, step: int = 1) -> Iterator[GrayImage]:
    """The grayscale frames of an image (one) or a video (every ``step``-th frame).

    Raises :class:`SourceUnavailable` with a one-line reason if nothing can be read.
    """
    if not path.is_file():
        raise SourceUnavailable(f"{path}: no such file")
    if path.suffix.lower() in IMAGE_SUFFIXES:
        image = cv2.imread(str(path), cv2.IMREAD_GRAYSCALE)
        if image is not None:
            yield np.asarray(image, dtype=np.uint8)
            return
    # Videos, animated images and anything imread cannot read: try the video backends.
    cap = cv2.VideoCapture(str(path))
    try:
        index = 0
        delivered = False
        while cap.isOpened():
            ok, frame = cap.read()
            if not ok or frame is None:
                break
            delivered = True
            if index % step == 0:
                yield as_gray(np.asarray(frame, dtype=np.uint8))
            index += 1
        if not delivered:
            raise SourceUnavailable(f"{path}: not a readable image or video")
    finally:
        cap.release()


def decode_file(path: Path, decoder: Decoder, step: int = 1) -> list[Symbol]:
    """Every distinct symbol (by text and format) in an image or video file, in order found."""
    seen: dict[tuple[str, str], Symbol] = {}
    for gray in iter_gray_frames(path, step):
        for symbol in decoder.decode(gray):
            seen.setdefault(symbol.key(), symbol)
    return list(seen.values())
