"""The manager PIN: stored only as a salted scrypt hash (setting ``lock_pin``). Qt-free."""

from __future__ import annotations

import hashlib
import hmac
import secrets

SCHEME = "scrypt"
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}  # ~50 ms per check: slow to guess, quick to type
MIN_LENGTH = 4


def valid_pin(pin: str) -> bool:
    """Whether ``pin`` is acceptable as a manager PIN (digits only, at least 4)."""
    return len(pin) >= MIN_LENGTH and pin.isdigit() and pin.isascii()


def hash_pin(pin: str) -> str:
    """A salted hash of ``pin`` to store; the PIN itself is never kept."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, **_SCRYPT)
    return f"{SCHEME}${salt.hex()}${digest.hex()}"


def check_pin(stored: str, pin: str) -> bool:
    """Whether ``pin`` matches the ``stored`` hash (False when none is set or it is damaged)."""
    try:
        scheme, salt, digest = stored.split("$")
        if scheme != SCHEME:
            return False
        candidate = hashlib.scrypt(pin.encode(), salt=bytes.fromhex(salt), **_SCRYPT)
    except ValueError:
        return False
    return hmac.compare_digest(candidate.hex(), digest)
