"""Whatever a server sends, parsing yields a Voucher or ServerUnavailable, never a crash."""

from __future__ import annotations

from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from kiosk.backends.text import html_to_text
from kiosk.backends.vouchercart import parse_voucher
from kiosk.backends.vouchercart.dates import parse_datetime
from kiosk.domain.errors import ServerUnavailable
from tests.helpers.backends import sample

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=30),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner,
                                                                 max_size=4),
    max_leaves=12,
)
KEYS = list(sample("status-fixed-single-use"))


def parses_or_refuses(data: Any) -> None:
    try:
        voucher = parse_voucher(data)
    except ServerUnavailable:
        return
    assert voucher.code
    assert voucher.remaining >= 0


@settings(max_examples=120, deadline=None)
@given(st.dictionaries(st.sampled_from(KEYS), json_values, max_size=len(KEYS)))
def test_random_bodies(data: dict[str, Any]) -> None:
    parses_or_refuses(data)


@settings(max_examples=120, deadline=None)
@given(st.sampled_from(KEYS + ["order"] * 3), json_values)
def test_seed_sample_with_one_key_garbled(key: str, value: Any) -> None:
    data = sample("status-fixed-single-use")
    data[key] = value
    parses_or_refuses(data)


@settings(max_examples=100, deadline=None)
@given(json_values)
def test_dates_never_crash(value: Any) -> None:
    parse_datetime(value)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_html_never_crashes(markup: str) -> None:
    text = html_to_text(markup)
    assert text == text.strip()
    assert "\n\n" not in text
