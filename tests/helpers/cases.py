"""The four voucher platforms as the engine suites see them: how to sign a till in, which
vouchers to redeem (a balance/gift voucher where the platform has one, a discount voucher
needing the order total), and how to count on the simulator what the server holds, so one
test body runs on all four. What differs between platforms is read from ``Capabilities``.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx

from kiosk.app import signin
from kiosk.app.engine import Engine
from kiosk.backends.registry import platform as registered
from kiosk.domain.backend import Capabilities
from kiosk.domain.outcomes import RedeemOutcome
from kiosk.sim.shopwired import format_date
from kiosk.sim.vouchers_api import format_time
from tests.helpers.app import make_voucher
from tests.helpers.demo import DOMAIN, TILL
from tests.helpers.platforms import SHOPWIRED_AUTH, VAUCHAR_AUTH, VOUCHERS_API_KEY
from tests.helpers.sim import Sim

BALANCE, DISCOUNT = "balance", "discount"
_serial = itertools.count(1)


@dataclass(frozen=True)
class VoucherCase:
    """One kind of voucher on one platform: what one redemption of it sends."""

    platform: str
    kind: str  # BALANCE (a gift balance, part of it taken) | DISCOUNT (one use, a basket)
    amount: int | None = None  # minor units per redemption (balance)
    order_total: int | None = None  # the basket (discount)
    repeatable: bool = True  # more than one redemption per voucher (Vauchar's % is once)

    @property
    def id(self) -> str:
        """The pytest id: ``vauchar-balance``."""
        return f"{self.platform}-{self.kind}"

    @property
    def spec(self) -> Platform:
        """The platform it runs on."""
        return PLATFORMS[self.platform]

    def add(self, server: Sim, *, valid_for: timedelta = timedelta(days=3650)) -> str:
        """A fresh voucher of this kind on ``server`` (room for hundreds of redemptions),
        valid from yesterday for ``valid_for`` from now; returns its code."""
        return self.spec.add(server, self, valid_for=valid_for)

    def redeem(self, engine: Engine, code: str) -> RedeemOutcome:
        """One redemption of ``code`` as staff would make it."""
        return engine.redeem(code, self.amount, order_total=self.order_total)

    def arguments(self) -> str:
        """``engine.redeem(code, <this>)`` in Python source (for the crash driver)."""
        return f"{self.amount!r}, order_total={self.order_total!r}"


@dataclass(frozen=True)
class Platform:
    """One platform: its sign-in, its write endpoint, its vouchers in its own shape."""

    name: str
    credentials: Mapping[str, str]
    write_method: str

    @property
    def capabilities(self) -> Capabilities:
        """What the platform allows (the adapter's own record)."""
        return registered(self.name).capabilities

    @property
    def cases(self) -> list[VoucherCase]:
        """Its kinds of voucher: balance where it has one, then discount where it has one."""
        return [c for c in CASES if c.platform == self.name]

    @property
    def case(self) -> VoucherCase:
        """The voucher the platform-wide suites redeem repeatedly (balance where it has one)."""
        return next(c for c in self.cases if c.repeatable)

    def sign_in(self, api_url: str, home: Path) -> signin.Account:
        """Sign a till in on ``home``: VoucherCart's till user, the others' shop credential."""
        if self.name == "vouchercart":
            return signin.sign_in(api_url, *TILL, DOMAIN, home=home)
        return signin.sign_in_platform(self.name, api_url, dict(self.credentials),
                                       staff="anna", home=home)

    # --- the server's own record ----------------------------------------------------------

    def count(self, server: Sim, code: str) -> int:
        """How many redemptions of ``code`` the server holds (history lines, uses,
        redemptions): the number that must equal the entries the till sent."""
        if self.name == "vouchercart":
            return len(server.voucher(code)["redeemHistory"])
        if self.name == "vouchers-api":
            return int(server.voucher(code)["usage_count"])
        if self.name == "vauchar":
            stored = server.simulator.store.item_by_code(code)
            assert stored is not None, code
            return len(stored["redemptions"])
        return int(server.voucher(code)["used"])

    def write_path(self, server: Sim, code: str) -> str:
        """The write endpoint of ``code`` as the simulator logs it."""
        if self.name == "vouchercart":
            return "/v1/redeem"
        if self.name == "vouchers-api":
            return "/v1/vouchers/apply"
        stored = server.simulator.store.item_by_code(code)
        assert stored is not None, code
        if self.name == "vauchar":
            return f"/vouchers/{stored['id']}/redemptions"
        return f"/v1/vouchers/{stored['id']}"

    @property
    def write_prefix(self) -> str:
        """Where every voucher's write starts (with ``write_method``: only the writes)."""
        return {"vouchercart": "/v1/redeem", "vouchers-api": "/v1/vouchers/apply",
                "vauchar": "/vouchers/", "shopwired": "/v1/vouchers/"}[self.name]

    def writes(self, server: Sim, code: str) -> list[dict[str, Any]]:
        """The write requests on ``code``'s endpoint that reached the server (VoucherCart and
        Vouchers API write every voucher on one endpoint: use one voucher per test)."""
        return list(server.requests(self.write_method, self.write_path(server, code)))

    # --- what a shop does to a voucher while a till is offline ---------------------------

    def withdraw(self, server: Sim, code: str, how: str) -> None:
        """``how`` = "deactivated" (refunded, switched off, closed) or "deleted" (VoucherCart
        never deletes: the code is regenerated, i.e. replaced by another)."""
        if self.name == "vouchercart":
            status = "refunded" if how == "deactivated" else "regenerated"
            server.add_voucher({**server.voucher(code), "status": status})
        elif how == "deleted":
            self._api(server, "DELETE", self._resource(server, code))
        elif self.name == "vouchers-api":
            server.add_voucher({**self.snapshot(server, code), "status": "inactive"})
        elif self.name == "vauchar":  # no "inactive": the merchant marks it redeemed
            server.add_voucher({**self.snapshot(server, code), "redeemed": 1})
        else:
            self._api(server, "PUT", self._resource(server, code), json={"active": False})

    def snapshot(self, server: Sim, code: str) -> dict[str, Any]:
        """The voucher as stored (to put it back with ``restore``)."""
        if self.name == "vouchercart":
            return dict(server.voucher(code))
        stored = server.simulator.store.item_by_code(code)
        assert stored is not None, code
        return dict(stored)

    def restore(self, server: Sim, snapshot: dict[str, Any]) -> None:
        """Put a voucher back as ``snapshot`` had it (the shop switched it on again)."""
        server.add_voucher(snapshot)

    def _resource(self, server: Sim, code: str) -> str:
        stored = server.simulator.store.item_by_code(code)
        assert stored is not None, code
        return f"vouchers/{stored['id']}"

    def _api(self, server: Sim, method: str, path: str, **kwargs: Any) -> None:
        """A request of the shop's own back office (the platform's API, not the till)."""
        if self.name == "vouchers-api":
            auth: Any = None
            headers = {"Authorization": f"Bearer {VOUCHERS_API_KEY}"}
        else:
            auth, headers = (self.credentials["username"], self.credentials["password"]), {}
        with httpx.Client(base_url=server.api_url + "/", auth=auth, headers=headers,
                          timeout=10) as back_office:
            back_office.request(method, path, **kwargs).raise_for_status()

    # --- vouchers in the platform's own shape --------------------------------------------

    def add(self, server: Sim, case: VoucherCase, *, valid_for: timedelta) -> str:
        """Add a fresh voucher of ``case``'s kind; returns its code."""
        code = f"SUIT-{next(_serial):04d}-{case.kind[:4].upper()}-0000"
        now = datetime.now(UTC)
        start, end = now - timedelta(days=1), now + valid_for
        voucher: dict[str, Any]
        if self.name == "vouchercart":
            voucher = make_voucher(code, stock=1_000_000, valid_for=valid_for)
        elif self.name == "vouchers-api":
            voucher = {"code": code, "type": "fixed", "value": 500, "status": "active",
                       "conditions": {"min_order_value": 1000, "max_uses": None,
                                      "valid_from": format_time(start),
                                      "valid_until": format_time(end)}}
        elif self.name == "vauchar":
            voucher = {"voucher_code": code, "currency": "GBP",
                       "start_time": int(start.timestamp()), "expiry_time": int(end.timestamp()),
                       **({"value": "10000.00", "value_unit": "fixed"} if case.kind == BALANCE
                          else {"value": "10", "value_unit": "percentage"})}
        else:
            voucher = {"code": code, "discount": {"type": "amount", "value": 5},
                       "uses": None, "used": 0, "active": True, "comments": "",
                       "validFrom": format_date(start), "expiresOn": format_date(end)}
        return str(server.add_voucher(voucher))


PLATFORMS = {
    "vouchercart": Platform("vouchercart", {}, "POST"),
    "vouchers-api": Platform("vouchers-api", {"api_key": VOUCHERS_API_KEY}, "POST"),
    "vauchar": Platform("vauchar", dict(zip(("username", "password"), VAUCHAR_AUTH,
                                            strict=True)), "POST"),
    "shopwired": Platform("shopwired", dict(zip(("username", "password"), SHOPWIRED_AUTH,
                                                strict=True)), "PUT"),
}
CASES = [
    VoucherCase("vouchercart", BALANCE, amount=100),
    VoucherCase("vouchers-api", DISCOUNT, order_total=5000),
    VoucherCase("vauchar", BALANCE, amount=100),
    VoucherCase("vauchar", DISCOUNT, order_total=5000, repeatable=False),
    VoucherCase("shopwired", DISCOUNT, order_total=5000),
]
NAMES = list(PLATFORMS)
