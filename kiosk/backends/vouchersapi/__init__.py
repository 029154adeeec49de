"""The Vouchers API adapter (``vouchers-api.txt``): discount vouchers applied per order."""

from kiosk.backends.vouchersapi.backend import VouchersApiBackend, parse_voucher

__all__ = ["VouchersApiBackend", "parse_voucher"]
