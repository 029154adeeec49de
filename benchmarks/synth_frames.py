"""Synthetic camera frames with voucher codes, for the decode benchmark.

Renders QR (``XXXX-XXXX-XXXX-XXXX``), Code 128 and EAN-13 codes with zxing-cpp's
writer onto 640×480 and 1280×720 frames with one degradation each: perspective,
rotation, blur, noise, low contrast, glare or JPEG artefacts; and empty frames, both a
realistic shop scene (shelves, labels, a hand) and a blank counter. Deterministic per seed.

    python benchmarks/synth_frames.py --out /tmp/frames   # writes PNGs + expected .txt
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import numpy.typing as npt
import zxingcpp

Gray = npt.NDArray[np.uint8]
KINDS = ("qr", "code128", "ean13")
CONDITIONS = ("clean", "perspective", "rotation", "blur", "noise", "low_contrast", "glare", "jpeg")
RESOLUTIONS = ((640, 480), (1280, 720))
_ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_FORMATS = {"qr": zxingcpp.BarcodeFormat.QRCode, "code128": zxingcpp.BarcodeFormat.Code128,
            "ean13": zxingcpp.BarcodeFormat.EAN13}


@dataclass(frozen=True)
class Sample:
    """One frame and the text it encodes."""

    kind: str
    condition: str
    size: tuple[int, int]
    text: str
    gray: Gray


def _payload(kind: str, rng: random.Random) -> str:
    if kind == "ean13":
        digits = [rng.randrange(10) for _ in range(12)]
        check = (10 - sum(d * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10) % 10
        return "".join(map(str, digits)) + str(check)
    return "-".join("".join(rng.choice(_ALNUM) for _ in range(4)) for _ in range(4))


def _code_image(kind: str, text: str, module: int) -> Gray:
    barcode = zxingcpp.create_barcode(text, _FORMATS[kind])
    img = np.asarray(zxingcpp.write_barcode_to_image(barcode, scale=module), dtype=np.uint8)
    if kind != "qr":
        img = np.repeat(img[:1], max(60, img.shape[1] // 4), axis=0)
        pad = 10 * module
        img = cv2.copyMakeBorder(img, pad, pad, pad, pad, cv2.BORDER_CONSTANT, value=255)
    return img


def _background(width: int, height: int, rng: np.random.Generator) -> Gray:
    """A counter-top: a soft gradient plus low-frequency blotches."""
    x = np.linspace(0, 1, width, dtype=np.float32)
    y = np.linspace(0, 1, height, dtype=np.float32)[:, None]
    base = 110 + 60 * x + 30 * y
    blotch = cv2.resize(rng.normal(0, 12, (6, 8)).astype(np.float32), (width, height),
                        interpolation=cv2.INTER_CUBIC)
    return np.clip(base + blotch, 0, 255).astype(np.uint8)


def _place(frame: Gray, code: Gray, rng: random.Random, perspective: float, angle: float) -> Gray:
    h, w = frame.shape
    ch, cw = code.shape
    scale = min(0.6 * w / cw, 0.6 * h / ch, 1.0)
    cw2, ch2 = cw * scale, ch * scale
    cx = rng.uniform(cw2 / 2 + 10, w - cw2 / 2 - 10) if w - cw2 > 20 else w / 2
    cy = rng.uniform(ch2 / 2 + 10, h - ch2 / 2 - 10) if h - ch2 > 20 else h / 2
    corners = np.array([[-cw2 / 2, -ch2 / 2], [cw2 / 2, -ch2 / 2], [cw2 / 2, ch2 / 2],
                        [-cw2 / 2, ch2 / 2]], dtype=np.float32)
    jitter = np.array([[rng.uniform(-1, 1), rng.uniform(-1, 1)] for _ in range(4)], np.float32)
    corners += jitter * perspective * np.array([cw2, ch2], np.float32)
    rad = np.deg2rad(angle)
    rot = np.array([[np.cos(rad), -np.sin(rad)], [np.sin(rad), np.cos(rad)]], np.float32)
    dst = corners @ rot.T + np.array([cx, cy], np.float32)
    src = np.array([[0, 0], [cw, 0], [cw, ch], [0, ch]], np.float32)
    matrix = cv2.getPerspectiveTransform(src, dst)
    warped = cv2.warpPerspective(code, matrix, (w, h), flags=cv2.INTER_LINEAR, borderValue=0)
    mask = cv2.warpPerspective(np.full_like(code, 255), matrix, (w, h), borderValue=0)
    paper = (warped.astype(np.float32) * 0.85 + 25)  # printed paper is not pure white/black
    return np.where(mask > 0, paper, frame).astype(np.uint8)


def render_frame(kind: str, condition: str, size: tuple[int, int], seed: int) -> Sample:
    """One deterministic frame."""
    rng = random.Random(f"{kind}/{condition}/{size}/{seed}")
    nrng = np.random.default_rng(rng.randrange(2**32))
    width, height = size
    text = _payload(kind, rng)
    module = {"qr": 5, "code128": 2, "ean13": 3}[kind] * (2 if width > 1000 else 1)
    code = _code_image(kind, text, module)
    perspective = 0.12 if condition == "perspective" else 0.02
    angle = rng.uniform(-35, 35) if condition == "rotation" else rng.uniform(-4, 4)
    frame = _place(_background(width, height, nrng), code, rng, perspective, angle)
    frame = _degrade(frame, condition, rng, nrng)
    return Sample(kind, condition, size, text, frame)


def _degrade(frame: Gray, condition: str, rng: random.Random, nrng: np.random.Generator) -> Gray:
    f = frame.astype(np.float32)
    if condition == "blur":
        k = rng.choice([3, 5])
        f = cv2.GaussianBlur(f, (k, k), rng.uniform(0.9, 1.6))
    elif condition == "noise":
        f = f + nrng.normal(0, rng.uniform(12, 20), f.shape)
    elif condition == "low_contrast":
        f = 128 + (f - 128) * rng.uniform(0.25, 0.35)
    elif condition == "glare":
        h, w = f.shape
        cx, cy, r = rng.uniform(0.3, 0.7) * w, rng.uniform(0.3, 0.7) * h, rng.uniform(0.2, 0.35) * w
        yy, xx = np.mgrid[0:h, 0:w]
        f = f + 140 * np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (2 * r * r))
    f = f + nrng.normal(0, 3, f.shape)  # every camera has a little sensor noise
    out = np.clip(f, 0, 255).astype(np.uint8)
    if condition == "jpeg":
        ok, buf = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, rng.randint(12, 22)])
        assert ok
        out = np.asarray(cv2.imdecode(buf, cv2.IMREAD_GRAYSCALE), dtype=np.uint8)
    return out


def blank_frame(size: tuple[int, int], seed: int = 0) -> Gray:
    """A bare counter-top with sensor noise: the easy empty frame (for comparison)."""
    nrng = np.random.default_rng(seed)
    bg = _background(size[0], size[1], nrng).astype(np.float32)
    return np.clip(bg + nrng.normal(0, 3, bg.shape), 0, 255).astype(np.uint8)


def empty_frame(size: tuple[int, int], seed: int = 0) -> Gray:
    """A camera frame with no code in it: a shop scene, not a blank wall.

    Shelves with boxes and printed labels, a hand, uneven lighting, slight defocus and
    sensor noise: the edges, text and stripes a decoder has to look at and reject.
    """
    rng = random.Random(f"empty/{size}/{seed}")
    nrng = np.random.default_rng(rng.randrange(2**32))
    width, height = size
    f = _background(width, height, nrng)
    unit = width / 640
    y = rng.uniform(0, 60) * unit
    while y < height:  # shelves: a dark board, then boxes standing on the next one
        board = rng.uniform(10, 20) * unit
        cv2.rectangle(f, (0, int(y)), (width, int(y + board)), rng.uniform(40, 80), -1)
        top = y + board
        y = top + rng.uniform(90, 160) * unit
        x = rng.uniform(-20, 20) * unit
        while x < width:
            bw = rng.uniform(40, 120) * unit
            bh = (y - top) * rng.uniform(0.5, 0.95)
            cv2.rectangle(f, (int(x), int(y - bh)), (int(x + bw), int(y)), rng.uniform(60, 230), -1)
            _label(f, rng, int(x + 4 * unit), int(y - bh + 6 * unit), bw - 8 * unit, unit)
            x += bw + rng.uniform(2, 15) * unit
    for _ in range(rng.randint(1, 3)):  # price tags on the shelf edges
        x, y = rng.uniform(0, width - 120 * unit), rng.uniform(0, height - 40 * unit)
        _label(f, rng, int(x), int(y), rng.uniform(80, 140) * unit, unit, tag=True)
    scene = _hand(f, rng, unit)
    yy, xx = np.mgrid[0:height, 0:width].astype(np.float32)
    cx, cy = rng.uniform(0.2, 0.8) * width, rng.uniform(0.2, 0.8) * height
    light = 0.65 + 0.45 * np.exp(-((xx - cx) ** 2 + (yy - cy) ** 2) / (0.5 * width * width))
    f = cv2.GaussianBlur(scene * light, (0, 0), rng.uniform(0.6, 1.2))
    f = f + nrng.normal(0, 3, f.shape)
    return np.clip(f, 0, 255).astype(np.uint8)


def empty_counter_video(path: Path, seconds: float, fps: float = 15.0,
                        size: tuple[int, int] = (640, 480)) -> None:
    """A still, empty counter, MJPG (as many USB webcams send), with new sensor noise in
    every frame (the idle-camera and memory benchmarks)."""
    scene = empty_frame(size, seed=7).astype(np.float32)
    rng = np.random.default_rng(7)
    noise = [rng.normal(0, 3, scene.shape).astype(np.float32) for _ in range(16)]
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps, size)
    for i in range(int(seconds * fps)):
        frame = np.clip(scene + noise[i % len(noise)], 0, 255).astype(np.uint8)
        writer.write(cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR))
    writer.release()


def _label(f: Gray, rng: random.Random, x: int, y: int, width: float,
           unit: float, *, tag: bool = False) -> None:
    """A few lines of printed text (a product label or a price tag) at ``(x, y)``."""
    scale = rng.uniform(0.3, 0.6) * unit
    ink, paper = rng.uniform(10, 60), rng.uniform(190, 250)
    lines = rng.randint(1, 3)
    line_h = int(22 * scale + 6 * unit)
    if tag:
        cv2.rectangle(f, (x, y), (int(x + width), y + lines * line_h + int(6 * unit)), paper, -1)
    for i in range(lines):
        chars = max(2, int(width / (14 * scale + 1)))
        text = "".join(rng.choice(_ALNUM + "  abcdefghijkmnoprstu.,%$") for _ in range(chars))
        cv2.putText(f, text, (x, y + (i + 1) * line_h),
                    cv2.FONT_HERSHEY_SIMPLEX, scale, ink, max(1, int(unit)), cv2.LINE_AA)


def _hand(frame: Gray, rng: random.Random, unit: float) -> npt.NDArray[np.float32]:
    """``frame`` with a palm and fingers reaching in from the bottom edge (as float)."""
    f = frame.astype(np.float32)
    h, w = f.shape
    skin = rng.uniform(150, 200)
    px, py = rng.uniform(0.2, 0.8) * w, h - rng.uniform(20, 80) * unit
    hand = np.zeros_like(f)
    cv2.ellipse(hand, (int(px), int(py)), (int(70 * unit), int(90 * unit)), rng.uniform(-20, 20),
                0, 360, 1.0, -1)
    for k in range(4):
        angle = -110 + 15 * k + rng.uniform(-5, 5)
        rad = np.deg2rad(angle)
        fx, fy = px + 110 * unit * np.cos(rad), py + 110 * unit * np.sin(rad)
        cv2.ellipse(hand, (int(fx), int(fy)), (int(55 * unit), int(14 * unit)), angle, 0, 360,
                    1.0, -1)
    hand = cv2.GaussianBlur(hand, (0, 0), 2 * unit)
    shade = skin * (0.85 + 0.15 * hand)
    return f * (1 - hand) + shade * hand


def samples(per_set: int = 8) -> Iterator[Sample]:
    """Every kind × condition × resolution, ``per_set`` frames each."""
    for size in RESOLUTIONS:
        for kind in KINDS:
            for condition in CONDITIONS:
                for seed in range(per_set):
                    yield render_frame(kind, condition, size, seed)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--per-set", type=int, default=8)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    count = 0
    for s in samples(args.per_set):
        name = f"{s.size[0]}x{s.size[1]}-{s.kind}-{s.condition}-{count:04d}"
        cv2.imwrite(str(args.out / f"{name}.png"), s.gray)
        (args.out / f"{name}.txt").write_text(s.text, encoding="utf-8")
        count += 1
    print(f"wrote {count} frames to {args.out}")


if __name__ == "__main__":
    main()
