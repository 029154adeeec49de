"""The voucher platforms the kiosk speaks, by name: what each asks for to sign in, what it can
do, and how to open (and check) a backend for it.

VoucherCart signs *users* in (tokens, a session, shops): ``kiosk.app.signin`` does that with
``kiosk.backends.vouchercart``. The other three authenticate the *shop* with one credential;
for them this module opens the adapter and checks the credential with one cheap request.
Each adapter is imported when its platform is first used, not with this module: a till
speaks one platform, and start-up loads only that one.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import cast

import httpx

from kiosk.domain.backend import Capabilities, VoucherBackend
from kiosk.domain.errors import InvalidRequest, LoginFailed, SessionExpired

Opener = Callable[[str, Mapping[str, str], str, "httpx.Timeout | float | None"],
                  VoucherBackend]


@dataclass(frozen=True)
class Platform:
    """One platform: its name (``--backend``), title, sign-in fields, adapter, opener."""

    name: str
    title: str
    fields: tuple[str, ...]  # what sign-in asks for (besides --server)
    example_server: str  # the base URL as the seed writes it
    adapter: str  # the adapter's module, which defines CAPABILITIES
    opener: Opener | None = None  # None: VoucherCart, opened by kiosk.app.signin
    # The platform knows a shop only by its key (no name a person would know it by).
    shop_named_by_key: bool = False

    @property
    def capabilities(self) -> Capabilities:
        """What the platform can do (imports its adapter)."""
        return cast(Capabilities, importlib.import_module(self.adapter).CAPABILITIES)

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
    from kiosk.backends.vouchersapi import VouchersApiBackend  # noqa: PLC0415 - see above

    return VouchersApiBackend(server, credentials["api_key"], currency=currency,
                              timeout=timeout)


def _vauchar(server: str, credentials: Mapping[str, str], currency: str,
             timeout: httpx.Timeout | float | None) -> VoucherBackend:
    from kiosk.backends.vauchar import VaucharBackend  # noqa: PLC0415 - see above

    return VaucharBackend(server, credentials["username"], credentials["password"],
                          timeout=timeout)


def _shopwired(server: str, credentials: Mapping[str, str], currency: str,
               timeout: httpx.Timeout | float | None) -> VoucherBackend:
    from kiosk.backends.shopwired import ShopWiredBackend  # noqa: PLC0415 - see above

    return ShopWiredBackend(server, credentials["username"], credentials["password"],
                            currency=currency, timeout=timeout)


PLATFORMS: dict[str, Platform] = {p.name: p for p in (
    Platform("vouchercart", "VoucherCart", ("email", "password", "domain"),
             "https://api.vouchercart.com/v1", "kiosk.backends.vouchercart.backend"),
    Platform("vouchers-api", "Vouchers API", ("api_key",), "https://api.voucher.com/v1",
             "kiosk.backends.vouchersapi.backend", _vouchers_api, shop_named_by_key=True),
    Platform("vauchar", "Vauchar", ("username", "password"), "https://api.vauchar.com",
             "kiosk.backends.vauchar.backend", _vauchar),
    Platform("shopwired", "ShopWired", ("username", "password"),
             "https://api.ecommerceapi.uk/v1", "kiosk.backends.shopwired.backend", _shopwired,
             shop_named_by_key=True),
)}
DEFAULT = "vouchercart"


def platform(name: str) -> Platform:
    """The platform called ``name`` (``InvalidRequest`` naming the known ones otherwise)."""
    try:
        return PLATFORMS[name]
    except KeyError:
        raise InvalidRequest(f"Unknown voucher platform {name!r}: one of "
                             f"{', '.join(PLATFORMS)}.") from None
