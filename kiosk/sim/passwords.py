"""Salted password hashes (PBKDF2-SHA256); the simulator never stores or returns a password."""

from __future__ import annotations

import hashlib
import hmac
import secrets

_ITERATIONS = 5_000  # a simulator: enough to show it is hashed, quick for tests


def hash_password(password: str) -> str:
    """``pbkdf2_sha256$iterations$salt$digest``."""
    salt = secrets.token_hex(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt), _ITERATIONS)
    return f"pbkdf2_sha256${_ITERATIONS}${salt}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    """True when ``password`` matches the stored hash."""
    try:
        _, iterations, salt, digest = stored.split("$")
        candidate = hashlib.pbkdf2_hmac("sha256", password.encode(), bytes.fromhex(salt),
                                        int(iterations))
    except ValueError:
        return False
    return hmac.compare_digest(candidate.hex(), digest)
