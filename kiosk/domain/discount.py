"""Discount vouchers: what they take off a basket, one rounding rule online and offline."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

from kiosk.domain.money import Money, exponent


class DiscountKind(StrEnum):
    """What a discount voucher takes off."""

    PERCENT = "percent"
    AMOUNT = "amount"  # a fixed amount, in minor units of the shop's currency
    FREE_SHIPPING = "free_shipping"  # nothing to take off at a counter


@dataclass(frozen=True, slots=True)
class Discount:
    """A discount voucher's terms. ``value`` is a percentage (may have decimals, 75.75) or an
    amount in minor units; ``min_order`` in minor units (``strict``: the order must be *over*
    it); ``targeted``: only some products or categories qualify, which the till cannot check."""

    kind: DiscountKind
    value: Decimal = Decimal(0)
    min_order: int | None = None
    strict_minimum: bool = False
    targeted: bool = False

    def amount_off(self, order_total: int) -> int:
        """The discount on a basket of ``order_total`` minor units: half-up to the minor unit,
        never more than the basket."""
        if order_total <= 0:
            return 0
        if self.kind is DiscountKind.PERCENT:
            exact = Decimal(order_total) * self.value / Decimal(100)
            off = int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))
        elif self.kind is DiscountKind.AMOUNT:
            off = int(self.value)
        else:
            off = 0
        return max(min(off, order_total), 0)

    def meets_minimum(self, order_total: int) -> bool:
        """Whether a basket of ``order_total`` qualifies."""
        if self.min_order is None:
            return True
        return order_total > self.min_order if self.strict_minimum \
            else order_total >= self.min_order

    def describe(self, currency: str) -> str:
        """``20% off``, ``£10.00 off``, ``Free shipping``."""
        if self.kind is DiscountKind.PERCENT:
            return f"{self.value.normalize():f}% off"
        if self.kind is DiscountKind.AMOUNT:
            return f"{Money(int(self.value), currency).format()} off"
        return "Free shipping"


@dataclass(frozen=True, slots=True)
class Quote:
    """A discount on one basket: ``discount`` off ``order_total``, the customer pays ``to_pay``."""

    order_total: int
    discount: int

    @property
    def to_pay(self) -> int:
        """What the customer pays."""
        return self.order_total - self.discount

    def describe(self, terms: Discount, currency: str) -> str:
        """``20% off: −£20.00, customer pays £80.00``."""
        return (f"{terms.describe(currency)}: −{Money(self.discount, currency).format()}, "
                f"customer pays {Money(self.to_pay, currency).format()}")


def to_minor(amount: str | int | float | Decimal, currency: str) -> int:
    """A major-unit amount (``"12.50"``, 12.5) as minor units, half-up; ``ValueError`` if it is
    not a finite number."""
    try:
        value = Decimal(str(amount))
    except (InvalidOperation, ValueError) as exc:
        raise ValueError(f"not an amount: {amount!r}") from exc
    if not value.is_finite():
        raise ValueError(f"not an amount: {amount!r}")
    scaled = value * (10 ** exponent(currency))
    return int(scaled.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def to_major(minor: int, currency: str) -> str:
    """Minor units as the plain decimal string APIs take (``"12.50"``)."""
    places = exponent(currency)
    return f"{Decimal(minor) / (10 ** places):.{places}f}"
