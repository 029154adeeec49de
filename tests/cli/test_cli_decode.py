"""``kiosk decode`` through main() and once as a real process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest
import zxingcpp

from kiosk.main import main
from tests.helpers.corpus import BUNDLED
from tests.helpers.scan import VOUCHER, bgr, on_canvas, render


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    qr = on_canvas(render(VOUCHER, scale=3))
    ean = on_canvas(render("4006381333931", zxingcpp.BarcodeFormat.EAN13, scale=2))
    out = {
        "png": tmp_path / "qr.png", "jpg": tmp_path / "qr.jpg", "webp": tmp_path / "qr.webp",
        "gif": tmp_path / "ean.gif", "avi": tmp_path / "ean.avi", "blank": tmp_path / "blank.png",
        "junk": tmp_path / "junk.png",
    }
    for key in ("png", "jpg", "webp"):
        assert cv2.imwrite(str(out[key]), qr)
    assert cv2.imwrite(str(out["gif"]), bgr(ean))
    writer = cv2.VideoWriter(str(out["avi"]), cv2.VideoWriter.fourcc(*"MJPG"), 10.0, (640, 480))
    for _ in range(3):
        writer.write(bgr(ean))
    writer.release()
    assert cv2.imwrite(str(out["blank"]), np.full((480, 640), 200, dtype=np.uint8))
    out["junk"].write_bytes(b"not an image at all")
    return out


def test_json_lists_every_symbol_per_file(files: dict[str, Path],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    names = ["png", "jpg", "webp", "gif", "avi", "blank"]
    assert main(["decode", "--json", *(str(files[n]) for n in names)]) == 0
    got = json.loads(capsys.readouterr().out)
    qr = {"text": VOUCHER, "format": "QR_CODE"}
    ean = {"text": "4006381333931", "format": "EAN_13"}
    assert got == [
        {"file": str(files["png"]), **qr}, {"file": str(files["jpg"]), **qr},
        {"file": str(files["webp"]), **qr}, {"file": str(files["gif"]), **ean},
        {"file": str(files["avi"]), **ean},
    ]


@pytest.mark.parametrize("decoder", ["zxing", "zbar", "combined"])
def test_exit_one_when_nothing_found_and_errors_on_stderr(
        files: dict[str, Path], decoder: str, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["decode", "--decoder", decoder, str(files["blank"]), str(files["junk"]),
                 str(files["blank"].with_name("missing.png"))])
    assert code == 1
    out, err = capsys.readouterr()
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 2
    assert "junk.png: not a readable image or video" in lines[0]
    assert "missing.png: no such file" in lines[1]


def test_plain_output_and_decoder_choice(files: dict[str, Path],
                                         capsys: pytest.CaptureFixture[str]) -> None:
    photo = BUNDLED / "ean13-2" / "01.png"  # only ZBar reads this photo
    assert main(["decode", "--decoder", "zxing", str(photo)]) == 1
    assert main(["decode", "--decoder", "zbar", str(photo)]) == 0
    assert capsys.readouterr().out == f"{photo}: EAN_13: 9780804816632\n"


def test_as_a_real_process(files: dict[str, Path]) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "kiosk", "decode", "--json", str(files["png"])],
        capture_output=True, text=True, timeout=60, check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [{"file": str(files["png"]), "text": VOUCHER,
                                          "format": "QR_CODE"}]
