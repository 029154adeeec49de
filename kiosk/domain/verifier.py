"""Salted, slow hashes of secrets staff type (PINs, the offline password check).

The secret itself is never stored: only ``scrypt$<salt hex>$<digest hex>``.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

SCHEME = "scrypt"
_SCRYPT = {"n": 2**14, "r": 8, "p": 1}  # ~50 ms per check: slow to guess, quick to type


def make_verifier(secret: str) -> str:
    """A salted hash of ``secret`` to store."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(secret.encode(), salt=salt, **_SCRYPT)
    return f"{SCHEME}${salt.hex()}${digest.hex()}"


def check_verifier(stored: str, secret: str) -> bool:
    """Whether ``secret`` matches ``stored`` (False when it is empty or damaged)."""
    try:
        scheme, salt, digest = stored.split("$")
        if scheme != SCHEME:
            return False
        candidate = hashlib.scrypt(secret.encode(), salt=bytes.fromhex(salt), **_SCRYPT)
    except ValueError:
        return False
    return hmac.compare_digest(candidate.hex(), digest)
