"""Fixture files: the domains, users and vouchers a fresh simulator starts with."""

from __future__ import annotations

import copy
from collections.abc import Mapping
from typing import Any

from kiosk.sim.vouchers import Voucher, normalise_code

Fixture = dict[str, Any]


class FixtureError(ValueError):
    """A fixture is not shaped as its API's simulator expects (DESIGN.md §4 for VoucherCart)."""


def normalise_fixture(data: Mapping[str, Any]) -> Fixture:
    """Check a fixture mapping and fill the optional fields of its users and vouchers."""
    if not isinstance(data, Mapping):
        raise FixtureError("a fixture is a JSON object")
    domains = [_domain(d) for d in data.get("domains", [])]
    domain_ids = [d["id"] for d in domains]
    users = [normalise_user(u, index) for index, u in enumerate(data.get("users", []), start=1)]
    vouchers = [normalise_voucher(v, domain_ids) for v in data.get("vouchers", [])]
    return {"domains": domains, "users": users, "vouchers": vouchers}


def _domain(data: Mapping[str, Any]) -> dict[str, Any]:
    try:
        domain_id, name = int(data["id"]), str(data["name"])
    except (KeyError, TypeError, ValueError) as exc:
        raise FixtureError(f"domain needs an integer id and a name: {data!r}") from exc
    return {"id": domain_id, "name": name, "url": str(data.get("url", f"https://{name}.example/"))}


def normalise_user(data: Mapping[str, Any], default_id: int) -> dict[str, Any]:
    """A fixture user with id, phone, locale and createdAt filled in."""
    for key in ("email", "password", "fullName"):
        if not isinstance(data.get(key), str):
            raise FixtureError(f"user needs a string {key!r}: {data!r}")
    return {
        "id": int(data.get("id", default_id)),
        "email": data["email"],
        "password": data["password"],
        "fullName": data["fullName"],
        "phone": str(data.get("phone", "")),
        "locale": str(data.get("locale", "en")),
        "createdAt": data.get("createdAt"),
        "permissions": [
            {"domainId": int(p["domainId"]), "roleId": int(p["roleId"]),
             "customPermissions": list(p.get("customPermissions", []))}
            for p in data.get("permissions", [])
        ],
    }


def default_order(currency: str = "GBP", name: str = "Gift voucher") -> dict[str, Any]:
    """An order object with every key the seed shows, for vouchers given without one."""
    return {
        "buyer": {"city": None, "country": None, "county": None, "email": "buyer@example.com",
                  "guest": True, "handDelivery": False, "house": None, "id": None,
                  "name": "Buyer", "phone": None, "postcode": None, "street": None,
                  "town": None},
        "currency": currency,
        "product": {"currency": currency, "deliveryType": "electronic", "description": name,
                    "hiddenPriceOnVoucher": False, "id": None, "image": None,
                    "imageNoPrice": None, "isDeliveryDateSet": False, "message": "",
                    "name": name, "price": 0, "priceOnVoucher": "", "type": "voucher",
                    "voucherType": "fixed"},
        "purchasedAt": "2024-01-01T09:00:00+0000",
        "recipient": {"city": None, "comment": None, "country": None, "county": None,
                      "email": None, "from": None, "houseName": None, "name": None,
                      "postcode": None, "streetName": None},
        "redeemedDate": None,
        "reference": "SIM-0000",
        "refund": None,
        "shippingTotal": 0,
        "subTotal": 0,
        "taxTotal": 0,
        "total": 0,
    }


def normalise_voucher(data: Mapping[str, Any], domain_ids: list[int] | None = None) -> Voucher:
    """A stored voucher: required ``code``, ``stock``, ``monetary``, ``multiUsable``; the rest
    defaults (nothing used, no expiry, redeemable on every domain, a placeholder order)."""
    if not isinstance(data, Mapping):
        raise FixtureError(f"a voucher is a JSON object: {data!r}")
    try:
        code = normalise_code(str(data["code"]))
        stock = int(data["stock"])
        monetary = bool(data["monetary"])
        multi = bool(data["multiUsable"])
    except (KeyError, TypeError, ValueError) as exc:
        raise FixtureError(f"voucher needs code, stock, monetary, multiUsable: {data!r}") from exc
    order = copy.deepcopy(dict(data.get("order") or default_order()))
    for key, value in default_order(str(order.get("currency", "GBP"))).items():
        order.setdefault(key, value)
    return {
        "code": code,
        "current": int(data.get("current", 0)),
        "expirations": [dict(w) for w in data.get("expirations", [])],
        "monetary": monetary,
        "multiUsable": multi,
        "order": order,
        "redeemableOn": [int(i) for i in data.get("redeemableOn", domain_ids or [1])],
        "redeemHistory": [dict(h) for h in data.get("redeemHistory", [])],
        "status": str(data.get("status", "in_progress")),
        "stock": stock,
    }
