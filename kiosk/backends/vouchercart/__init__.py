"""The VoucherCart adapter (``vouchercart-api.txt``): client, session and ``VoucherBackend``."""

from kiosk.backends.vouchercart.backend import VoucherCartBackend
from kiosk.backends.vouchercart.client import VoucherCartClient
from kiosk.backends.vouchercart.models import (
    AuthResult,
    Domain,
    Permission,
    Profile,
    Tokens,
    User,
)
from kiosk.backends.vouchercart.session import MemoryTokenStore, Session, TokenStore
from kiosk.backends.vouchercart.vouchers import parse_voucher

__all__ = [
    "AuthResult",
    "Domain",
    "MemoryTokenStore",
    "Permission",
    "Profile",
    "Session",
    "TokenStore",
    "Tokens",
    "User",
    "VoucherCartBackend",
    "VoucherCartClient",
    "parse_voucher",
]
