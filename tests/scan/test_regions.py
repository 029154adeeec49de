"""The barcode gate: where ZBar is worth running, and where it is not."""

from __future__ import annotations

import cv2
import numpy as np
import zxingcpp

from kiosk.scan.decoders import CombinedDecoder, ZxingDecoder
from kiosk.scan.decoders.regions import barcode_regions
from tests.helpers.scan import VOUCHER, on_canvas, render

CODE128 = zxingcpp.BarcodeFormat.Code128


def _shop_scene() -> np.ndarray:
    """Shelf boards, boxes with gaps between them, printed labels: edges but no code."""
    frame = np.full((480, 640), 170, dtype=np.uint8)
    for y in (60, 220, 380):
        cv2.rectangle(frame, (0, y), (640, y + 14), 60, -1)
        for x in range(10, 600, 110):
            cv2.rectangle(frame, (x, y - 120), (x + 100, y - 2), 230, -1)
            for line in range(3):
                cv2.putText(frame, "Tea 250g 4.99", (x + 4, y - 95 + 22 * line),
                            cv2.FONT_HERSHEY_SIMPLEX, 0.35, 30, 1, cv2.LINE_AA)
    return cv2.GaussianBlur(frame, (0, 0), 0.8)


def test_finds_a_code_and_its_quiet_zone() -> None:
    frame = on_canvas(render(VOUCHER, CODE128, scale=2))
    regions = barcode_regions(frame)
    assert len(regions) == 1
    r = regions[0]
    h, w = render(VOUCHER, CODE128, scale=2).shape
    left, top = (640 - w) // 2, (480 - h) // 2
    assert r.x0 <= left - 8
    assert r.x1 >= left + w + 8
    assert r.y0 <= top
    assert r.y1 >= top + h


def test_finds_a_turned_code() -> None:
    turned = np.ascontiguousarray(np.rot90(render(VOUCHER, CODE128, scale=2)))
    assert len(barcode_regions(on_canvas(turned, width=480, height=640))) == 1


def test_finds_nothing_in_a_scene_without_a_code() -> None:
    assert barcode_regions(_shop_scene()) == []
    assert barcode_regions(np.full((480, 640), 128, dtype=np.uint8)) == []


def test_camera_mode_reads_a_turned_code_through_the_gate() -> None:
    code = np.ascontiguousarray(np.rot90(render(VOUCHER, CODE128, scale=2)))
    frame = on_canvas(code, width=480, height=640)  # a portrait frame: the code is tall
    assert ZxingDecoder(thorough=False).decode(frame) == []  # the fast zxing pass cannot
    symbols = CombinedDecoder().decode(frame)
    assert [s.text for s in symbols] == [VOUCHER]
    ys = [p[1] for p in symbols[0].position]
    assert abs(min(ys) - (640 - code.shape[0]) // 2) < 40  # crop offset added back


def test_camera_mode_runs_the_thorough_pass_on_every_nth_empty_frame() -> None:
    inverted = 255 - on_canvas(render(VOUCHER))  # light-on-dark: only zxing's invert pass
    decoder = CombinedDecoder(deep_every=3)
    first, second, third = (decoder.decode(inverted) for _ in range(3))
    assert first == []
    assert second == []
    assert [s.text for s in third] == [VOUCHER]
