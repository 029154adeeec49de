"""Voucher Kiosk: scan, check and redeem gift vouchers at a shop counter, online or offline."""

__version__ = "0.1.0"
APP_NAME = "Voucher Kiosk"
APP_ID = "voucher-kiosk"
