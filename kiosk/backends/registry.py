"""The voucher platforms the kiosk speaks, by name: what each asks for to sign in, what it can
do, and how to open (and check) a backend for it.

VoucherCart signs *users* in (tokens, a session, shops): ``kiosk.app.signin`` does that with
``kiosk.backends.vouchercart``. The other three authenticate the *shop* with one credential;
for them this module opens the adapter and checks the credential with one cheap request.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

import httpx

from kiosk.backends.shopwired import ShopWiredBackend
from kiosk.backends.shopwired.backend import CAPABILITIES as SHOPWIRED
from kiosk.backends.vauchar import VaucharBackend
from kiosk.backends.vauchar.backend import CAPABILITIES as VAUCHAR
from kiosk.backends.vouchercart.backend import CAPABILITIES as VOUCHERCART
from kiosk.backends.vouchersapi import VouchersApiBackend
from kiosk.backends.vouchersapi.backend import CAPABILITIES as VOUCHERS_API
from kiosk.domain.backend import Capabilities, VoucherBackend
from kiosk.domain.errors import InvalidRequest, LoginFailed, SessionExpired

Opener = Callable[[str, Mapping[str, str], str, "httpx.Timeout | float | None"],
                  VoucherBackend]


@dataclass(frozen=True)
class Platform:
    """One platform: its name (``--backend``), title, sign-in fields, capabilities, opener."""

    name: str
    title: str
    fields: tuple[str, ...]  # what sign-in asks for (besides --server)
    example_server: str  # the base URL as the seed writes it
    capabilities: Capabilities
    opener: Opener | None = None  # None: VoucherCart, opened by kiosk.app.signin

    def open(self, server: str, credentials: Mapping[str, str], *, currency: str = "GBP",
             timeout: httpx.Timeout | float | None = None) -> VoucherBackend:
        """The adapter for this shop (nothing is sent yet)."""
        if self.opener is None:
            raise InvalidRequest(f"{self.title} signs staff in: use kiosk.app.signin.")
        missing = [f for f in self.fields if not credentials.get(f)]
        if missing:
            raise InvalidRequest(f"{self.title} needs {', '.join(missing)} to sign in.")
        return self.opener(server, credentials, currency, timeout)

    def check(self, server: str, credentials: Mapping[str, str], *, currency: str = "GBP",
              timeout: httpx.Timeout | float | None = 5.0) -> str:
        """Sign-in for a key-based platform: probe with the credentials; the shop's id.
        Credentials the server refuses raise ``LoginFailed`` (with the platform's words)."""
        backend = self.open(server, credentials, currency=currency, timeout=timeout)
        try:
            backend.probe()
            return backend.shop_id
        except SessionExpired as exc:
            raise LoginFailed(exc.message) from exc
        finally:
            backend.close()


def _vouchers_api(server: str, credentials: Mapping[str, str], currency: str,
                  timeout: httpx.Timeout | float | None) -> VoucherBackend:
    return VouchersApiBackend(server, credentials["api_key"], currency=currency,
                              timeout=timeout)


def _vauchar(server: str, credentials: Mapping[str, str], currency: str,
             timeout: httpx.Timeout | float | None) -> VoucherBackend:
    return VaucharBackend(server, credentials["username"], credentials["password"],
                          timeout=timeout)


def _shopwired(server: str, credentials: Mapping[str, str], currency: str,
               timeout: httpx.Timeout | float | None) -> VoucherBackend:
    return ShopWiredBackend(server, credentials["username"], credentials["password"],
                            currency=currency, timeout=timeout)


PLATFORMS: dict[str, Platform] = {p.name: p for p in (
    Platform("vouchercart", "VoucherCart", ("email", "password", "domain"),
             "https://api.vouchercart.com/v1", VOUCHERCART),
    Platform("vouchers-api", "Vouchers API", ("api_key",), "https://api.voucher.com/v1",
             VOUCHERS_API, _vouchers_api),
    Platform("vauchar", "Vauchar", ("username", "password"), "https://api.vauchar.com",
             VAUCHAR, _vauchar),
    Platform("shopwired", "ShopWired", ("username", "password"),
             "https://api.ecommerceapi.uk/v1", SHOPWIRED, _shopwired),
)}
DEFAULT = "vouchercart"


def platform(name: str) -> Platform:
    """The platform called ``name`` (``InvalidRequest`` naming the known ones otherwise)."""
    try:
        return PLATFORMS[name]
    except KeyError:
        raise InvalidRequest(f"Unknown voucher platform {name!r}: one of "
                             f"{', '.join(PLATFORMS)}.") from None
