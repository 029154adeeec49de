"""The camera mode's cheaper paths: noisy frames read from a filtered copy, ZBar along the
scan lines that cross a gated patch's bars only."""

from __future__ import annotations

import math

import numpy as np
import zxingcpp

from kiosk.scan.decoders import CombinedDecoder, ZbarDecoder
from kiosk.scan.decoders.combined import calm, noisy
from kiosk.scan.decoders.regions import barcode_regions
from kiosk.scan.symbols import Symbology
from tests.helpers.scan import VOUCHER, on_canvas, render

CODE128 = zxingcpp.BarcodeFormat.Code128


def _with_noise(frame: np.ndarray, sigma: float, seed: int = 1) -> np.ndarray:
    rng = np.random.default_rng(seed)
    return np.clip(frame + rng.normal(0, sigma, frame.shape), 0, 255).astype(np.uint8)


def _upright() -> np.ndarray:
    return on_canvas(render(VOUCHER, CODE128, scale=2))


def _turned() -> np.ndarray:
    return on_canvas(np.ascontiguousarray(np.rot90(render(VOUCHER, CODE128, scale=2))),
                     width=480, height=640)


def test_sensor_noise_is_told_from_edges() -> None:
    assert noisy(_with_noise(on_canvas(render(VOUCHER)), 20))
    assert not noisy(_with_noise(on_canvas(render(VOUCHER)), 2))  # a good camera's grain
    assert not noisy(_upright())  # a close code's many edges are not noise
    assert not noisy(on_canvas(render(VOUCHER, scale=8)))
    assert not noisy(np.zeros((4, 1), dtype=np.uint8))


def test_only_a_noisy_frame_is_filtered() -> None:
    clean = on_canvas(render(VOUCHER))
    assert calm(clean) is clean
    grainy = _with_noise(clean, 25)
    filtered = calm(grainy)
    assert filtered.shape == grainy.shape
    assert filtered.std() < grainy.std()


def test_camera_mode_reads_codes_in_noisy_frames() -> None:
    decoder = CombinedDecoder()
    for seed in range(3):
        frame = _with_noise(on_canvas(render(VOUCHER, scale=3)), 25, seed)
        assert [s.text for s in decoder.decode(frame)] == [VOUCHER]
        linear = _with_noise(_upright(), 12, seed)
        assert [s.text for s in decoder.decode(linear)] == [VOUCHER]


def test_a_region_knows_which_way_its_bars_run() -> None:
    (upright,) = barcode_regions(_upright())
    assert abs(upright.angle) < math.radians(10)  # across the bars = along the rows
    (turned,) = barcode_regions(_turned())
    assert abs(turned.angle) > math.radians(80)


def test_zbar_along_rows_or_columns_only() -> None:
    linear = {Symbology.CODE_128}
    rows, columns = ZbarDecoder(linear, lines="rows"), ZbarDecoder(linear, lines="columns")
    assert [s.text for s in rows.decode(_upright())] == [VOUCHER]
    assert rows.decode(_turned()) == []
    assert [s.text for s in columns.decode(_turned())] == [VOUCHER]
    assert columns.decode(_upright()) == []
    both = ZbarDecoder(linear)
    assert [s.text for s in both.decode(_turned())] == [VOUCHER]
