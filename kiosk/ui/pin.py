"""The manager PIN: stored only as a salted hash (setting ``lock_pin``). Qt-free."""

from __future__ import annotations

from kiosk.domain.verifier import check_verifier as check_pin
from kiosk.domain.verifier import make_verifier as hash_pin

__all__ = ["MIN_LENGTH", "check_pin", "hash_pin", "valid_pin"]

MIN_LENGTH = 4


def valid_pin(pin: str) -> bool:
    """Whether ``pin`` is acceptable as a manager PIN (digits only, at least 4)."""
    return len(pin) >= MIN_LENGTH and pin.isdigit() and pin.isascii()
