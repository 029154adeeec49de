"""The motion gate: an idle counter is decoded every two seconds, a code moving into view
in the very frame it appears, and for a while after it stops moving."""

from __future__ import annotations

import numpy as np
import pytest

from kiosk.scan.motion import MotionGate
from tests.helpers.scan import VOUCHER, Gray, render

FPS = 15.0


def counter_scene(seed: int = 1) -> Gray:
    """A textured, fixed 640×480 'counter' picture."""
    rng = np.random.default_rng(seed)
    small = rng.integers(60, 200, size=(24, 32)).astype(np.uint8)
    return np.asarray(np.kron(small, np.ones((20, 20), dtype=np.uint8)), dtype=np.uint8)


NOISE = [np.random.default_rng(seed).normal(0, 5.0, (480, 640)).astype(np.float32)
         for seed in range(7)]


def with_noise(frame: Gray, rng: np.random.Generator, gain: float = 1.0) -> Gray:
    """The picture as a webcam delivers it: sensor noise (σ 5 grey levels × gain)."""
    noisy = frame.astype(np.float32) + gain * NOISE[int(rng.integers(len(NOISE)))]
    return np.asarray(np.clip(noisy, 0, 255), dtype=np.uint8)


def with_code(frame: Gray, x: int = 220, y: int = 140) -> Gray:
    code = render(VOUCHER, scale=4)
    out = frame.copy()
    h, w = code.shape
    out[y:y + h, x:x + w] = code
    return out


@pytest.mark.parametrize("gain", [1.0, 2.0])  # a good webcam; a cheap one in dim light
def test_an_idle_noisy_counter_is_decoded_every_two_seconds(gain: float) -> None:
    gate, rng, scene = MotionGate(), np.random.default_rng(2), counter_scene()
    frames = int(60 * FPS)
    decoded = [gate.should_decode(with_noise(scene, rng, gain), i / FPS) for i in range(frames)]
    # The first frame opens a hold window; after it, one decode per idle interval.
    settled = decoded[int(2 * FPS):]
    assert 25 <= sum(settled) <= 30, sum(settled)
    assert sum(decoded) < 0.1 * frames


def test_a_code_moving_into_view_is_decoded_in_the_first_frame_and_while_held() -> None:
    gate, rng, scene = MotionGate(), np.random.default_rng(3), counter_scene()
    t = 0.0
    for _ in range(int(5 * FPS)):  # long idle: the gate is in its slow rhythm
        gate.should_decode(with_noise(scene, rng), t)
        t += 1 / FPS
    held = with_code(scene)
    decisions = []
    for _ in range(int(1.4 * FPS)):  # the code arrives and is then held still
        decisions.append(gate.should_decode(with_noise(held, rng), t))
        t += 1 / FPS
    assert all(decisions), decisions


def test_a_slowly_sliding_code_is_still_decoded_regularly() -> None:  # below the threshold
    gate, rng, scene = MotionGate(), np.random.default_rng(4), counter_scene()
    t, decoded_at = 0.0, []
    for i in range(int(20 * FPS)):
        x = 40 + i // 15  # one pixel a second: below the change threshold
        if gate.should_decode(with_noise(with_code(scene, x=x), rng), t):
            decoded_at.append(t)
        t += 1 / FPS
    gaps = np.diff(decoded_at)
    assert gaps.max() <= 2.0 + 1 / FPS


def test_colour_frames_work_like_gray_ones() -> None:
    gate, scene = MotionGate(), counter_scene()
    colour = np.dstack([scene, scene, scene])
    assert gate.should_decode(colour, 0.0)  # the first frame
    assert gate.should_decode(colour, 1.0)  # still within the hold window
    assert not gate.should_decode(colour, 1.6)  # still, and decoded 0.6 s ago
    assert gate.should_decode(np.dstack([with_code(scene)] * 3), 1.7)  # a code arrives
