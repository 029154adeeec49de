"""The log file: in the data directory, rotated, and never a whole voucher code or a secret."""

from __future__ import annotations

import logging
import os
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.app import logfile
from kiosk.domain.masking import mask_code, redact
from tests.helpers.demo import GBP50


@pytest.fixture
def installed(kiosk_home: Path) -> Iterator[Path]:
    path = logfile.install(kiosk_home)
    assert path is not None
    yield path
    for handler in list(logging.getLogger().handlers):
        if isinstance(handler, logfile.KioskLogHandler):
            logging.getLogger().removeHandler(handler)
            handler.close()


@pytest.mark.parametrize("secret", [
    "Bearer eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyIjoxfQ.abc",
    "password=sEcret9", '"password2": "sEcret9"', "refreshToken=9f8e7d6c5b4a",
])
def test_secrets_never_reach_the_file(installed: Path, secret: str) -> None:
    logging.getLogger("kiosk.test").warning("sending %s", secret)
    text = installed.read_text(encoding="utf-8")
    assert "sending" in text
    assert "sEcret9" not in text
    assert "eyJ" not in text
    assert "9f8e7d6c5b4a" not in text


@pytest.mark.parametrize("code", [GBP50, "GB50K7QX9M2F4TZB", "SUMMER-2026-XYZ1"])
def test_codes_are_masked_but_entry_ids_kept(installed: Path, code: str) -> None:
    entry = "3f2a9c1e-1111-4aaa-bbbb-123456789abc"
    logging.getLogger("kiosk.test").info("redeem %s queued as %s", code, entry)
    try:
        raise ValueError(f"bad {code}")
    except ValueError:
        logging.getLogger("kiosk.test").exception("failed")
    text = installed.read_text(encoding="utf-8")
    assert code not in text
    assert mask_code(code) in text
    assert entry in text


def test_the_file_rotates(installed: Path) -> None:
    log = logging.getLogger("kiosk.test")
    for _ in range(logfile.MAX_BYTES // 1000 + 50):
        log.info("x" * 1000)
    assert [p.name for p in logfile.log_files(installed.parent.parent)][:2] == [
        "kiosk.log", "kiosk.log.1"]


def test_a_second_install_replaces_the_handler(installed: Path, tmp_path: Path) -> None:
    other = logfile.install(tmp_path / "other")
    handlers = [h for h in logging.getLogger().handlers
                if isinstance(h, logfile.KioskLogHandler)]
    assert len(handlers) == 1
    assert Path(handlers[0].baseFilename) == other


def test_redact_leaves_plain_words_alone() -> None:
    text = "HTTP 500 from the server; 3 queued; GET /status took 12 ms"
    assert redact(text) == text


def test_a_log_that_cannot_be_written_stays_silent(
    installed: Path, capsys: pytest.CaptureFixture[str],
) -> None:
    installed.unlink()  # the folder is gone before the first line (disk full, unplugged)
    installed.parent.rmdir()
    logging.getLogger("kiosk.test").error("this line has nowhere to go")
    assert "Logging error" not in capsys.readouterr().err


def test_the_log_is_private_whatever_the_umask(kiosk_home: Path) -> None:
    previous = os.umask(0)
    try:
        path = logfile.install(kiosk_home / "open")
    finally:
        os.umask(previous)
    assert path is not None
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
