"""The ShopWired adapter (``shopwired-vouchers-api.txt``): a use is a guarded ``PUT used+1``."""

from kiosk.backends.shopwired.backend import ShopWiredBackend, parse_voucher

__all__ = ["ShopWiredBackend", "parse_voucher"]
