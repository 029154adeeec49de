"""Helpers for the engine tests: vouchers shaped like the seed's /status answers."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
DEMO_FIXTURE = REPO / "resources" / "demo-fixture.json"
TILL = ("till@demo-shop.example", "till1234")

# Demo codes (docs/demo-vouchers.md)
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


def demo_voucher(code: str) -> dict[str, Any]:
    """A copy of a demo fixture voucher."""
    for voucher in json.loads(DEMO_FIXTURE.read_text(encoding="utf-8"))["vouchers"]:
        if voucher["code"] == code:
            return copy.deepcopy(voucher)
    raise KeyError(code)


def iso(at: datetime) -> str:
    """The API's ISO format."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S+0000")


def make_voucher(code: str, *, stock: int = 5000, current: int = 0, monetary: bool = True,
                 multi: bool = True, valid_for: timedelta = timedelta(days=3650)) -> dict[str, Any]:
    """A GBP voucher valid from yesterday for ``valid_for`` from now."""
    voucher = demo_voucher(GBP50)
    now = datetime.now(UTC)
    voucher.update(code=code, stock=stock, current=current, monetary=monetary,
                   multiUsable=multi, redeemHistory=[], status="in_progress",
                   expirations=[{"from": iso(now - timedelta(days=1)),
                                 "to": iso(now + valid_for)}])
    return voucher


def history(sim: Any, code: str) -> list[tuple[int, str]]:
    """The server's redeemHistory of ``code`` as (amount, redeemAt) pairs."""
    return [(h["amount"], h["redeemAt"]) for h in sim.voucher(code)["redeemHistory"]]


def minute_stamp(at: datetime) -> str:
    """How the server writes a redeemDate we sent for ``at``."""
    return at.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:00+0000")
