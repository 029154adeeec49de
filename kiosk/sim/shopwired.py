"""ShopWired (``shopwired-vouchers-api.txt``) on the simulator: discount codes under ``/v1``.

There is no redeem endpoint: a use is ``PUT /v1/vouchers/ID`` with ``used`` + 1, which the
server stores as sent (a read-modify-write that two tills can race). Decisions are in
docs/api-decisions.md ("ShopWired").
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any, ClassVar

from kiosk.sim.platform import FixtureError, Json, KeyedPlatform
from kiosk.sim.protocol import Request, Response, SimError
from kiosk.sim.router import Route, Router

DISCOUNT_TYPES = ("percent", "amount", "free_shipping")
TARGET_TYPES = ("orders_over", "category", "product")
_DAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
FIELDS = ("id", "code", "discount", "validFrom", "expiresOn", "target", "active", "uses",
          "used", "customerUses", "comments")


class ShopWiredError(SimError):
    """``{"error": {"status": HTTP, "message": text}}`` (decided: the seed shows none)."""

    def __init__(self, http_status: int, message: str) -> None:
        super().__init__(f"{http_status} {message}")
        self.http_status = http_status
        self.message = message

    def body(self) -> object:
        """ShopWired's error body."""
        return {"error": {"status": self.http_status, "message": self.message}}


def unprocessable(message: str) -> ShopWiredError:
    """422 for a property that breaks the seed's rules."""
    return ShopWiredError(422, message)


def format_date(moment: datetime) -> str:
    """``Wed, 30 Sep 2015 20:15:00 +0000`` (English names whatever the locale)."""
    moment = moment.astimezone(UTC)
    return (f"{_DAYS[moment.weekday()]}, {moment.day:02d} {_MONTHS[moment.month - 1]} "
            f"{moment.year} {moment:%H:%M:%S} +0000")


def parse_date(text: object, field: str) -> datetime:
    """The seed's exact format ``DAY, DD MMM YYYY HH:MM:SS +0000``; 422 otherwise."""
    try:
        day, rest = str(text).split(", ", 1)
        moment = datetime.strptime(rest, "%d %b %Y %H:%M:%S %z")
    except ValueError as exc:
        raise unprocessable(f"{field} must use the format DAY, DD MMM YYYY HH:MM:SS +0000"
                            ) from exc
    if day not in _DAYS or format_date(moment) != str(text):
        raise unprocessable(f"{field} must use the format DAY, DD MMM YYYY HH:MM:SS +0000")
    return moment


def _whole(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise unprocessable(f"{field} must be a whole number of at least 0")
    return value


def _discount(given: object) -> Json:
    if not isinstance(given, Mapping) or given.get("type") not in DISCOUNT_TYPES:
        raise unprocessable("discount.type must be percent, amount or free_shipping")
    discount: Json = {"type": given["type"]}
    if discount["type"] != "free_shipping":
        value = given.get("value")
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise unprocessable("discount.value must be a number")
        if discount["type"] == "percent" and value > 100:
            raise unprocessable("discount.value must be at most 100 for percent")
        discount["value"] = value
    return discount


class ShopWired(KeyedPlatform):
    """ShopWired vouchers: CRUD only; ``used`` is whatever the last PUT said."""

    name: ClassVar[str] = "shopwired"
    base_path: ClassVar[str] = "/v1"
    demo_fixture: ClassVar[str] = "demo-shopwired.json"
    write_paths: ClassVar[tuple[tuple[str, str], ...]] = (("PUT", "/v1/vouchers/[^/]+"),)
    default_auth: ClassVar[str] = "demo-key:demo-secret"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.routes = Router([
            Route("GET", "/v1/vouchers", self.list_vouchers),
            Route("POST", "/v1/vouchers", self.create),
            Route("GET", "/v1/vouchers/count", self.count),
            Route("GET", "/v1/vouchers/([^/]+)", self.retrieve),
            Route("PUT", "/v1/vouchers/([^/]+)", self.update),
            Route("DELETE", "/v1/vouchers/([^/]+)", self.delete),
        ])

    # --- plumbing -----------------------------------------------------------------------
    def dispatch(self, request: Request) -> Response:
        """Check HTTP Basic, then serve."""
        if not self.check_auth(request):
            raise ShopWiredError(401, "Unauthorised: the API key or secret is not valid.")
        return self.routes.dispatch(None, request)

    def bad_body(self, text: str) -> SimError:
        """400 for a body that is not a JSON object."""
        return ShopWiredError(400, text)

    def no_route(self, path_known: bool) -> SimError:
        """405 or 404."""
        return ShopWiredError(405, "Method not allowed.") if path_known \
            else ShopWiredError(404, "Not found.")

    def internal_error(self, status: int) -> Response:
        """An injected failure in ShopWired's error shape."""
        return Response.json(status, ShopWiredError(status, "Internal server error.").body())

    # --- vouchers -----------------------------------------------------------------------
    def stored_voucher(self, data: Mapping[str, Any]) -> Json:
        """The seed's voucher with every property present (``None`` where unset)."""
        try:
            voucher = self._checked(data, None)
        except ShopWiredError as exc:
            raise FixtureError(f"{data.get('code')!r}: {exc.message}") from exc
        voucher["id"] = str(data.get("id") or self._next_id())
        return voucher

    def _next_id(self) -> int:
        ids = [int(v["id"]) for v in self.store.items() if str(v["id"]).isdigit()]
        return max(ids, default=0) + 1

    def _checked(self, data: Mapping[str, Any], current: Json | None) -> Json:
        """Every property validated; ``current`` supplies what ``data`` does not change."""
        merged: Json = dict(current or dict.fromkeys(FIELDS))
        merged.update({k: v for k, v in data.items() if k in FIELDS and k != "id"})
        code = merged["code"]
        if not isinstance(code, str) or not code.strip():
            raise unprocessable("code is required")
        merged["code"] = code.strip()
        merged["discount"] = _discount(merged["discount"])
        for field in ("validFrom", "expiresOn"):
            if merged[field] is not None:
                parse_date(merged[field], field)
        target = merged["target"]
        if target is not None:
            if not isinstance(target, Mapping) or target.get("type") not in TARGET_TYPES:
                raise unprocessable("target.type must be orders_over, category or product")
            merged["target"] = dict(target)
        merged["active"] = bool(merged["active"]) if merged["active"] is not None else True
        for field in ("uses", "used", "customerUses"):
            if merged[field] is not None:
                _whole(merged[field], field)
        merged["used"] = merged["used"] or 0
        if merged["uses"] is not None and merged["used"] > merged["uses"]:
            raise unprocessable("used cannot be more than uses")
        merged["comments"] = str(merged["comments"] or "")
        return merged

    def present(self, stored: Json, fields: str | None = None) -> Json:
        """The voucher with ``id`` as a number; ``fields`` picks properties (comma list)."""
        shown = {key: stored[key] for key in FIELDS if stored.get(key) is not None
                 or key in ("validFrom", "expiresOn", "uses", "customerUses", "target")}
        shown["id"] = int(stored["id"]) if str(stored["id"]).isdigit() else stored["id"]
        if fields:
            wanted = {f.strip() for f in fields.split(",")}
            shown = {k: v for k, v in shown.items() if k in wanted}
        return shown

    def _by_id(self, voucher_id: str) -> Json:
        stored = self.store.item(voucher_id)
        if stored is None:
            raise ShopWiredError(404, "Voucher not found.")
        return stored

    # --- endpoints ----------------------------------------------------------------------
    def list_vouchers(self, _: None, request: Request) -> Response:
        """``GET /v1/vouchers``: ``code``, ``sort``, ``count`` (50), ``offset``, ``fields``."""
        query = request.query
        items = self.store.items()
        if query.get("code"):
            items = [v for v in items if v["code"].lower() == query["code"].strip().lower()]
        if query.get("sort") in ("code", "code_desc"):
            items.sort(key=lambda v: v["code"], reverse=query["sort"] == "code_desc")
        try:
            count = int(query.get("count") or 50)
            offset = int(query.get("offset") or 0)
        except ValueError as exc:
            raise ShopWiredError(400, "count and offset must be whole numbers") from exc
        page = items[offset:offset + max(count, 0)]
        return Response.json(200, [self.present(v, query.get("fields")) for v in page])

    def count(self, _: None, request: Request) -> Response:
        """``GET /v1/vouchers/count``."""
        return Response.json(200, {"count": self.store.item_count()})

    def retrieve(self, _: None, request: Request, voucher_id: str) -> Response:
        """``GET /v1/vouchers/ID``."""
        return Response.json(200, self.present(self._by_id(voucher_id),
                                               request.query.get("fields")))

    def create(self, _: None, request: Request) -> Response:
        """``POST /v1/vouchers``: 201; a code already taken → 422."""
        data = request.json()
        if isinstance(data.get("code"), str) and self.store.item_by_code(data["code"]):
            raise unprocessable("code is already used by another voucher")
        stored = self._checked(data, None)
        stored["id"] = str(self._next_id())
        self.store.put_item(stored["id"], stored["code"], stored)
        return Response.json(201, self.present(stored))

    def update(self, _: None, request: Request, voucher_id: str) -> Response:
        """``PUT /v1/vouchers/ID``: any properties, stored as sent (no compare-and-set)."""
        stored = self._by_id(voucher_id)
        data = request.json()
        other = self.store.item_by_code(str(data.get("code", stored["code"])))
        if other is not None and other["id"] != stored["id"]:
            raise unprocessable("code is already used by another voucher")
        updated = self._checked(data, stored)
        updated["id"] = stored["id"]
        self.store.put_item(updated["id"], updated["code"], updated)
        return Response.json(200, self.present(updated))

    def delete(self, _: None, request: Request, voucher_id: str) -> Response:
        """``DELETE /v1/vouchers/ID``: 204."""
        self._by_id(voucher_id)
        self.store.delete_item(voucher_id)
        return Response.empty()
