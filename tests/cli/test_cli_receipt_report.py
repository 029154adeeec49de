"""``kiosk receipt`` and ``kiosk report shift``: text, ESC/POS bytes, PDF checked as PNG."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk.app import signin
from kiosk.main import main
from tests.helpers.demo import GBP50
from tests.helpers.sim import Sim


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True).stdout


def pdf_png(pdf: Path) -> QImage:
    """The PDF's first page rendered by poppler (``pdftoppm``) at 50 dpi."""
    stem = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", "50", "-singlefile", str(pdf), str(stem)],
                   check=True)
    image = QImage(str(stem) + ".png")
    assert not image.isNull()
    return image


def ink(image: QImage) -> int:
    """How many sampled pixels are dark (text)."""
    return sum(image.pixelColor(x, y).lightness() < 128
               for x in range(0, image.width(), 2) for y in range(0, image.height(), 2))


def test_receipt_as_text_escpos_and_pdf(
    capsys: pytest.CaptureFixture[str], account: signin.Account, tmp_path: Path,
) -> None:
    assert run(capsys, "redeem", GBP50, "--amount", "1250")[0] == 0
    code, out, _ = run(capsys, "receipt", "--last")
    assert code == 0
    assert "REDEEMED:" in out
    assert "£12.50" in out
    assert "£37.50" in out
    assert GBP50 not in out
    assert "4TZB" in out
    entry_id = out.split("Ref:")[1].split()[0]
    escpos = tmp_path / "receipt.bin"
    assert run(capsys, "receipt", entry_id, "--escpos-file", str(escpos), "--width", "58")[0] == 0
    assert escpos.read_bytes().startswith(b"\x1b@")
    assert b"\x1dV" in escpos.read_bytes()
    pdf = tmp_path / "receipt.pdf"
    assert run(capsys, "receipt", entry_id, "--pdf", str(pdf))[0] == 0
    text = pdf_text(pdf)
    assert "REDEEMED:" in text
    assert "£12.50" in text
    assert "4TZB" in text
    assert GBP50 not in text
    image = pdf_png(pdf)
    assert abs(image.width() - round(80 / 25.4 * 50)) <= 2  # 80 mm wide: a receipt roll
    assert image.height() < 297 / 25.4 * 50 / 2  # as long as the receipt, not an A4 page
    assert "Thank you!" in text  # the last line fits on the page
    assert ink(image) > 50


def test_receipt_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], account: signin.Account, tmp_path: Path,
) -> None:
    code, out, err = run(capsys, "receipt", "--last")
    assert (code, out) == (1, "")
    assert err == "kiosk receipt: No redemption on this till yet.\n"
    code, _, err = run(capsys, "receipt", "nope")
    assert code == 1
    assert "No redemption with reference 'nope'" in err
    assert run(capsys, "redeem", GBP50, "--amount", "100")[0] == 0
    code, _, err = run(capsys, "receipt", "--last", "--escpos-file",
                       str(tmp_path / "missing" / "lp0"))
    assert code == 1
    assert err.count("\n") == 1
    assert "could not write" in err


def test_report_shift_text_json_pdf_and_close(
    capsys: pytest.CaptureFixture[str], account: signin.Account, tmp_path: Path,
) -> None:
    assert run(capsys, "redeem", GBP50, "--amount", "1000")[0] == 0
    pdf = tmp_path / "z.pdf"
    code, out, _ = run(capsys, "report", "shift", "--pdf", str(pdf))
    assert code == 0
    assert "Online:        £10.00 (1 redemption)" in out
    assert "The server's records match" in out
    text = pdf_text(pdf)
    assert "End-of-shift report (Z)" in text
    assert "£10.00 (1 redemption)" in text
    assert ink(pdf_png(pdf)) > 50
    code, out, _ = run(capsys, "report", "shift", "--json", "--close")
    data = json.loads(out)
    assert data["summary"]["online"]["money"] == {"GBP": 1000}
    assert data["check"]["checked"] == 1
    code, out, _ = run(capsys, "report", "shift", "--json")
    assert json.loads(out)["summary"]["online"]["count"] == 0  # closed: a new shift


def test_report_offline_exits_4_and_names_what_was_not_checked(
    capsys: pytest.CaptureFixture[str], account: signin.Account, sim: Sim,
) -> None:
    assert run(capsys, "redeem", GBP50, "--amount", "1000")[0] == 0
    sim.stop()
    code, out, _ = run(capsys, "report", "shift", "--since", "2000-01-01T00:00")
    assert code == 4
    assert "Not checked: the server could not be reached" in out
    assert "4TZB" in out
    with pytest.raises(SystemExit) as exited:
        main(["report", "shift", "--since", "yesterday"])
    assert exited.value.code == 1  # a usage error (exit 2 means "refused")
    assert "not an ISO date or time: 'yesterday'" in capsys.readouterr().err
