"""The demo fixture's logins and vouchers (``resources/demo-fixture.json``; see
docs/demo-vouchers.md)."""

from __future__ import annotations

from kiosk.paths import resource

DEMO_FIXTURE = resource("demo-fixture.json")
TILL = ("till@demo-shop.example", "till1234")  # staff on demo-shop
MANAGER = ("manager@demo-shop.example", "manager1234")  # administrator on demo-shop, demo-cafe
BARISTA = ("barista@demo-cafe.example", "barista1234")  # staff on demo-cafe
DOMAIN = "demo-shop"
SHOP_ID = 1

GBP50 = "GB50-K7QX-9M2F-4TZB"  # £50.00 monetary multi-use, unused
PARTLY = "GB10-0PRT-LY8D-2WQC"  # £100.00, £32.50 used
QUANTITY = "YOGA-5X2U-Q8WM-J4LT"  # 5 uses, 2 used
SINGLE = "TEA2-8FJD-6NKS-3VXA"  # single-use, unused
COMPLETED = "MEAL-2R7H-CY4P-9GDN"  # fully redeemed
EXPIRED = "OLD5-W6TB-3QHZ-8MEK"  # window ended in 2024
NOT_YET = "SOON-4K9V-PX2C-7RFA"  # window starts 2034
REFUNDED = "RFND-7Y3M-KQ8T-2HWB"  # cancelled
CAFE_ONLY = "CAFE-9D2L-M6QR-5TUY"  # redeemable on domain 2 only
SPA_SINGLE = "SPA1-2T6N-8KWF-3QJD"  # £65 monetary single-use
