"""Money in integer minor units, with currency-aware formatting."""

from __future__ import annotations

from dataclasses import dataclass

# ISO 4217 minor-unit exponents that differ from the usual 2.
_EXPONENTS = {"JPY": 0, "KRW": 0, "ISK": 0, "CLP": 0, "VND": 0, "HUF": 2,
              "BHD": 3, "KWD": 3, "OMR": 3, "JOD": 3, "TND": 3}
_SYMBOLS = {"GBP": "£", "EUR": "€", "USD": "$", "JPY": "¥", "CHF": "CHF ", "AUD": "A$",
            "CAD": "C$", "NZD": "NZ$", "PLN": "zł ", "SEK": "kr ", "NOK": "kr ", "DKK": "kr "}


def exponent(currency: str) -> int:
    """Number of decimal places of ``currency``'s minor unit."""
    return _EXPONENTS.get(currency.upper(), 2)


@dataclass(frozen=True, slots=True, order=True)
class Money:
    """An amount of money as an integer count of minor units (pence, cents)."""

    minor: int
    currency: str

    def major_str(self) -> str:
        """The amount as a plain decimal string, e.g. ``"12.50"``."""
        places = exponent(self.currency)
        sign = "-" if self.minor < 0 else ""
        whole, frac = divmod(abs(self.minor), 10**places)
        return f"{sign}{whole:,}" + (f".{frac:0{places}d}" if places else "")

    def format(self) -> str:
        """Human form with the currency symbol, e.g. ``"£12.50"`` or ``"12.50 XYZ"``."""
        symbol = _SYMBOLS.get(self.currency.upper())
        if symbol is None:
            return f"{self.major_str()} {self.currency.upper()}"
        if self.minor < 0:
            return f"-{symbol}{Money(-self.minor, self.currency).major_str()}"
        return f"{symbol}{self.major_str()}"

    def __str__(self) -> str:
        return self.format()


def parse_major(text: str, currency: str) -> int:
    """Parse a typed amount such as ``"12.5"`` or ``"12,50"`` into minor units.

    Raises ``ValueError`` for anything that is not a non-negative amount with at most
    the currency's number of decimal places.
    """
    cleaned = text.strip().replace(" ", "").replace(",", ".")
    places = exponent(currency)
    if not cleaned or cleaned.count(".") > 1 or not cleaned.replace(".", "").isdigit():
        raise ValueError(f"not an amount: {text!r}")
    whole, _, frac = cleaned.partition(".")
    if len(frac) > places:
        raise ValueError(f"too many decimal places for {currency}: {text!r}")
    scale: int = 10**places
    return int(whole or "0") * scale + int(frac.ljust(places, "0") or "0")
