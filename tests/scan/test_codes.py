"""Normalising scanned text into voucher codes, and the debounce."""

from __future__ import annotations

import re
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kiosk.scan.codes import (
    MAX_LENGTH,
    CodeRejected,
    Debouncer,
    RejectReason,
    normalise_code,
)


@pytest.mark.parametrize(("raw", "code"), [
    ("AAAA-BBBB-CCCC-DDDD", "AAAA-BBBB-CCCC-DDDD"),
    ("  aaaa-bbbb-cccc-dddd\r\n", "AAAA-BBBB-CCCC-DDDD"),
    ("aaaabbbbccccdddd", "AAAA-BBBB-CCCC-DDDD"),
    ("AAAA BBBB CCCC DDDD", "AAAA-BBBB-CCCC-DDDD"),
    ("\x02AB12CD34EF56GH78\x03", "AB12-CD34-EF56-GH78"),
    ("https://demo-shop.example/redeem?code=ab12-cd34-ef56-gh78", "AB12-CD34-EF56-GH78"),
    ("https://shop.example/redeem?lang=en&Code=AB12CD34EF56GH78", "AB12-CD34-EF56-GH78"),
    ("https://shop.example/v/AB12CD34EF56GH78/", "AB12-CD34-EF56-GH78"),
    ("HTTP://shop.example/v/ab12%2Dcd34", "AB12-CD34"),
    ("4006381333931", "4006381333931"),
    ("gift_2024.x", "GIFT_2024.X"),
])
def test_accepts_and_canonicalises(raw: str, code: str) -> None:
    assert normalise_code(raw) == code


@pytest.mark.parametrize(("raw", "reason"), [
    ("", RejectReason.EMPTY),
    (" \t\x00 ", RejectReason.EMPTY),
    ("https://shop.example/", RejectReason.EMPTY),
    ("AB1", RejectReason.TOO_SHORT),
    ("A" * (MAX_LENGTH + 1), RejectReason.TOO_LONG),
    ("AB12;DROP TABLE", RejectReason.BAD_CHARACTERS),
    ("ÄÖÜ1234", RejectReason.BAD_CHARACTERS),
    ("-ABCD", RejectReason.BAD_CHARACTERS),
])
def test_rejects_junk_with_a_reason(raw: str, reason: RejectReason) -> None:
    with pytest.raises(CodeRejected) as info:
        normalise_code(raw)
    assert info.value.reason is reason
    assert reason.value in str(info.value)


def _check_any_input(raw: str) -> None:
    """Only CodeRejected may come out, and any code is clean, bounded and canonical."""
    try:
        code = normalise_code(raw)
    except CodeRejected:
        return
    assert not any(unicodedata.category(ch).startswith("C") for ch in code)
    assert re.fullmatch(r"[A-Z0-9][A-Z0-9._-]{3,63}", code)
    assert normalise_code(code) == code  # idempotent


@given(st.text())
def test_arbitrary_text_never_crashes_nor_yields_control_characters(raw: str) -> None:
    _check_any_input(raw)


@given(st.binary())
def test_arbitrary_bytes_never_crash(raw: bytes) -> None:
    _check_any_input(raw.decode("latin-1"))
    _check_any_input(raw.decode("utf-8", errors="replace"))


@given(st.text(alphabet="abcdefghjkmnpqrstuvwxyz0123456789", min_size=16, max_size=16))
def test_any_bare_sixteen_alphanumerics_get_dashes(raw: str) -> None:
    code = normalise_code(raw)
    assert code.replace("-", "") == raw.upper()
    assert [len(part) for part in code.split("-")] == [4, 4, 4, 4]


class FakeClock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def test_debounce_same_code_within_window_is_one_scan() -> None:
    clock = FakeClock()
    debounce = Debouncer(2.5, clock=clock)
    assert debounce.accept("AAAA")
    clock.now += 1.0
    assert not debounce.accept("AAAA")
    assert debounce.accept("BBBB")
    clock.now += 2.0  # 2.0 s after the last sighting of AAAA: still the same scan
    assert not debounce.accept("AAAA")
    clock.now += 2.6
    assert debounce.accept("AAAA")


def test_debounce_reset_forgets() -> None:
    clock = FakeClock()
    debounce = Debouncer(5.0, clock=clock)
    assert debounce.accept("AAAA")
    debounce.reset()
    assert debounce.accept("AAAA")
