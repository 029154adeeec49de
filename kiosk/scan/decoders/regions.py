"""Where in a frame a 1-D barcode may be: a cheap gate before ZBar.

A 1-D code is a patch of strong, parallel edges. Per 8×8 block we average the
structure tensor of the Sobel gradients; a block is *barcode-like* when its edge
energy is high and its gradients agree in direction (coherence near 1, whatever the
code's angle). Runs of such blocks, grown by a quiet-zone margin, are the regions
ZBar is worth running on. Text, shelf edges and sensor noise fail one of the tests
or stay too small.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from kiosk.scan.decoders.base import GrayImage

BLOCK = 8
MIN_ENERGY = 60.0      # RMS Sobel magnitude per block; a low-contrast code gives ~150
MIN_COHERENCE = 0.9    # barcode blocks measure 0.95-1.0; text and corners less
MAX_DRIFT = 0.2       # mean gradient² / mean squared gradient; one edge gives ~0.4
MIN_ACROSS = 5        # blocks across the bars: even a small EAN-13 spans 12
DOWNSCALE_ABOVE = 960 # frame width above which the gate looks at a half-size copy
MIN_BUSY = 0.3        # (mean magnitude)² / mean squared magnitude: share of pixels on an edge
MIN_BLOCKS = 6         # a component smaller than this is an edge or a glyph, not a code
MARGIN_BLOCKS = 5      # quiet zone and the code's blurred ends


@dataclass(frozen=True)
class Region:
    """A rectangle in frame pixels: ``gray[y0:y1, x0:x1]``; ``angle`` is the direction across
    the bars (radians from the x axis, -π/2..π/2: 0 = upright bars, read along rows)."""

    x0: int
    y0: int
    x1: int
    y1: int
    angle: float = 0.0


def _tensor(gray: GrayImage) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per block: mask of barcode-like blocks and the mean structure tensor (xx, yy, xy)."""
    h, w = gray.shape[:2]
    size = (w // BLOCK, h // BLOCK)
    crop = gray[: size[1] * BLOCK, : size[0] * BLOCK]
    gx = cv2.Sobel(crop, cv2.CV_32F, 1, 0, ksize=3)
    gy = cv2.Sobel(crop, cv2.CV_32F, 0, 1, ksize=3)

    def block_mean(a: np.ndarray) -> np.ndarray:
        return cv2.resize(a, size, interpolation=cv2.INTER_AREA)

    maps = [block_mean(cv2.multiply(gx, gx)), block_mean(cv2.multiply(gy, gy)),
            block_mean(cv2.multiply(gx, gy)), block_mean(gx), block_mean(gy),
            block_mean(cv2.magnitude(gx, gy))]
    mask = _patches(_barcode_like(maps, min_busy=0.0))
    # Wide bars (a close-up code) leave one edge per block; pairs of blocks see several.
    coarse = (size[0] // 2, size[1] // 2)
    if coarse[0] and coarse[1]:
        pooled = [cv2.resize(m, coarse, interpolation=cv2.INTER_AREA) for m in maps]
        wide = cv2.resize(_patches(_barcode_like(pooled, min_busy=MIN_BUSY)).astype(np.uint8),
                          (coarse[0] * 2, coarse[1] * 2), interpolation=cv2.INTER_NEAREST) > 0
        mask[: wide.shape[0], : wide.shape[1]] |= wide
    return mask, maps[0], maps[1], maps[2]


def _patches(mask: np.ndarray) -> np.ndarray:
    """Only blocks in a patch at least two blocks thick every way: edges and glyph rows go."""
    opened = cv2.morphologyEx(mask.astype(np.uint8), cv2.MORPH_OPEN, np.ones((2, 2), np.uint8))
    return np.asarray(opened > 0)


def _barcode_like(maps: list[np.ndarray], *, min_busy: float) -> np.ndarray:
    """Per block, from its means of gx², gy², gx·gy, gx, gy and |g|: part of a 1-D code?"""
    jxx, jyy, jxy, mx, my, mag = maps
    energy = jxx + jyy
    spread = cv2.magnitude(jxx - jyy, 2 * jxy)
    # Bars alternate dark/light, so their gradients cancel out; a lone edge's do not.
    drift = cv2.multiply(mx, mx) + cv2.multiply(my, my)
    # Many edges, not one or two: the mean magnitude stays close to the RMS magnitude.
    # Only asked of the coarse blocks, where a shelf board's two edges would pass.
    busy = cv2.multiply(mag, mag)
    mask: np.ndarray = ((energy > MIN_ENERGY**2) & (spread > MIN_COHERENCE * energy)
                        & (drift < MAX_DRIFT * energy) & (busy > min_busy * energy))
    return mask


def barcode_regions(gray: GrayImage, max_regions: int = 3) -> list[Region]:
    """The largest barcode-like regions of ``gray`` (pixel rectangles, biggest first).

    Frames wider than ``DOWNSCALE_ABOVE`` are measured at half size: cheaper, and a
    code's bars there are wide enough to survive it.
    """
    h, w = gray.shape[:2]
    factor = 2 if w > DOWNSCALE_ABOVE else 1
    small: GrayImage = gray
    if factor == 2:
        small = np.asarray(cv2.resize(gray, (w // 2, h // 2), interpolation=cv2.INTER_AREA),
                           dtype=np.uint8)
    if small.shape[0] < BLOCK or small.shape[1] < BLOCK:
        return []
    mask, jxx, jyy, jxy = _tensor(small)
    if not mask.any():
        return []
    grown = cv2.dilate(mask.astype(np.uint8), np.ones((3, 3), np.uint8))
    count, labels = cv2.connectedComponents(grown, connectivity=8)
    found: list[tuple[int, Region]] = []
    for label in range(1, count):
        ys, xs = np.nonzero((labels == label) & mask)
        if len(xs) < MIN_BLOCKS:
            continue
        across, angle = _across_bars(xs, ys, jxx, jyy, jxy)
        if across < MIN_ACROSS:
            continue
        m, scale = MARGIN_BLOCKS, BLOCK * factor
        found.append((len(xs), Region(max(0, int(xs.min() - m) * scale),
                                      max(0, int(ys.min() - m) * scale),
                                      min(w, int(xs.max() + 1 + m) * scale),
                                      min(h, int(ys.max() + 1 + m) * scale), angle)))
    found.sort(key=lambda item: -item[0])
    return _merge([region for _, region in found])[:max_regions]


def _across_bars(xs: np.ndarray, ys: np.ndarray, jxx: np.ndarray, jyy: np.ndarray,
                 jxy: np.ndarray) -> tuple[float, float]:
    """How many blocks the component spans along its mean gradient (across the bars), and
    that direction (radians).

    A gap between two boxes passes the block tests too, but is one block wide.
    """
    angle = float(0.5 * np.arctan2(2 * jxy[ys, xs].sum(), (jxx[ys, xs] - jyy[ys, xs]).sum()))
    along = xs * np.cos(angle) + ys * np.sin(angle)
    return float(along.max() - along.min() + 1), angle


def _merge(regions: list[Region]) -> list[Region]:
    """Overlapping rectangles joined into one (a code split by glare is read whole)."""
    merged: list[Region] = []
    for region in regions:
        for i, other in enumerate(merged):
            if (region.x0 < other.x1 and other.x0 < region.x1
                    and region.y0 < other.y1 and other.y0 < region.y1):
                merged[i] = Region(min(region.x0, other.x0), min(region.y0, other.y0),
                                   max(region.x1, other.x1), max(region.y1, other.y1),
                                   other.angle)  # the larger one's direction
                break
        else:
            merged.append(region)
    return merged
