"""The Vauchar adapter (``vauchar-api.txt`` + Vauchar's public redemption reference)."""

from kiosk.backends.vauchar.backend import VaucharBackend, parse_voucher

__all__ = ["VaucharBackend", "parse_voucher"]
