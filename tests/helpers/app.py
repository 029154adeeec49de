"""Helpers for the engine tests: vouchers shaped like the seed's /status answers."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta
from typing import Any

from tests.helpers.demo import DEMO_FIXTURE, GBP50

# Demo codes (docs/demo-vouchers.md)


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


def rewrite_history(sim: Any, code: str, change: dict[str, int]) -> None:
    """Change amounts in ``code``'s server history (0 removes the line), as a bad sync would."""
    voucher = sim.voucher(code)
    lines = []
    for line in voucher["redeemHistory"]:
        amount = change.get(str(line["amount"]), line["amount"])
        if amount:
            lines.append({**line, "amount": amount})
    voucher["redeemHistory"] = lines
    sim.add_voucher(voucher)
