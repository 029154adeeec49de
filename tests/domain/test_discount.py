"""Discounts: one half-up rule to the minor unit, never more than the basket; minimums."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kiosk.domain.discount import Discount, DiscountKind, Quote, to_major, to_minor


@pytest.mark.parametrize(("percent", "order_total", "off"), [
    ("20", 10000, 2000), ("20", 5003, 1001), ("20", 5002, 1000), ("12.5", 4, 1),
    ("75.75", 10000, 7575), ("100", 999, 999), ("0", 5000, 0), ("10", 0, 0),
])
def test_percent_is_half_up(percent: str, order_total: int, off: int) -> None:
    assert Discount(DiscountKind.PERCENT, Decimal(percent)).amount_off(order_total) == off


def test_an_amount_never_exceeds_the_basket() -> None:
    terms = Discount(DiscountKind.AMOUNT, Decimal(1000))
    assert (terms.amount_off(2500), terms.amount_off(700)) == (1000, 700)
    assert Discount(DiscountKind.FREE_SHIPPING).amount_off(5000) == 0


def test_minimums() -> None:
    at_least = Discount(DiscountKind.PERCENT, Decimal(20), min_order=5000)
    over = Discount(DiscountKind.PERCENT, Decimal(20), min_order=5000, strict_minimum=True)
    assert at_least.meets_minimum(5000)
    assert not over.meets_minimum(5000)
    assert over.meets_minimum(5001)


def test_words() -> None:
    terms = Discount(DiscountKind.PERCENT, Decimal("20.00"))
    assert Quote(10000, 2000).describe(terms, "GBP") == "20% off: −£20.00, customer pays £80.00"
    assert Discount(DiscountKind.AMOUNT, Decimal(500)).describe("EUR") == "€5.00 off"


@pytest.mark.parametrize(("major", "minor"), [("12.50", 1250), (12.345, 1235), ("0.005", 1),
                                              (30, 3000)])
def test_major_to_minor_half_up(major: object, minor: int) -> None:
    assert to_minor(major, "GBP") == minor  # type: ignore[arg-type]


def test_minor_to_major() -> None:
    assert (to_major(1234, "GBP"), to_major(5, "GBP"), to_major(500, "JPY")) == \
        ("12.34", "0.05", "500")
    with pytest.raises(ValueError, match="not an amount"):
        to_minor("NaN", "GBP")
