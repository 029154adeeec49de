"""Vouchers API (``vouchers-api.txt``) on the simulator: discount vouchers under ``/v1/vouchers``.

Decisions where the seed is silent are in docs/api-decisions.md ("Vouchers API").
"""

from __future__ import annotations

import secrets
import threading
from collections.abc import Mapping
from datetime import UTC, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, ClassVar

from kiosk.sim.clock import SimClock
from kiosk.sim.platform import FixtureError, Json, KeyedPlatform
from kiosk.sim.protocol import Request, Response, SimError
from kiosk.sim.router import Route, Router
from kiosk.sim.store import SimStore

TYPES = ("percentage", "fixed")
STATUSES = ("active", "inactive", "expired")
DEFAULT_CURRENCY = "USD"
# The seed's table: (method, path prefix) -> requests per minute.
RATE_LIMITS: tuple[tuple[str, str, int], ...] = (
    ("POST", "/v1/vouchers/validate", 200),
    ("POST", "/v1/vouchers/apply", 100),
    ("GET", "/v1/vouchers", 100),
    ("POST", "/v1/vouchers", 50),
)


class VouchersApiError(SimError):
    """``{"error": {"code", "message", "details"}}`` with an HTTP status."""

    def __init__(self, http_status: int, code: str, message: str,
                 details: object = None) -> None:
        super().__init__(f"{http_status} {code} {message}")
        self.http_status = http_status
        self.code = code
        self.message = message
        self.details = details if details is not None else {}
        self.headers: dict[str, str] = {}

    def body(self) -> object:
        """The seed's error body."""
        return {"error": {"code": self.code, "message": self.message, "details": self.details}}


def invalid(field: str, message: str) -> VouchersApiError:
    """400 INVALID_REQUEST naming one field (the seed's sample)."""
    return VouchersApiError(400, "INVALID_REQUEST", "Request validation failed",
                            [{"field": field, "message": message}])


def format_time(moment: datetime) -> str:
    """``2024-03-20T10:01:00Z``."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def parse_time(text: object, field: str) -> datetime:
    """An ISO 8601 time (``Z`` or an offset; no offset = UTC); 400 otherwise."""
    try:
        value = datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError as exc:
        raise invalid(field, "Must be an ISO 8601 date and time") from exc
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def _int(value: object, field: str, *, minimum: int = 0) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float) or value != int(value):
        raise invalid(field, "Must be a whole number")
    if value < minimum:
        raise invalid(field, f"Must be at least {minimum}")
    return int(value)


def discount_for(voucher: Mapping[str, Any], order_value: int | None) -> int:
    """The discount in cents on an order of ``order_value`` cents (half-up; never more than
    the order). Without an order value a percentage voucher's discount is 0."""
    value = voucher["value"]
    if voucher["type"] == "fixed":
        return int(value) if order_value is None else min(int(value), order_value)
    if order_value is None:
        return 0
    exact = Decimal(order_value) * Decimal(str(value)) / Decimal(100)
    return min(int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP)), order_value)


class _RateLimiter:
    """The seed's per-endpoint limits per minute, on the simulator's clock (off by default)."""

    def __init__(self, clock: SimClock) -> None:
        self.clock = clock
        self.enabled = False
        self._lock = threading.Lock()
        self._windows: dict[str, tuple[int, int]] = {}  # endpoint -> (window start, count)

    def check(self, method: str, path: str) -> dict[str, str]:
        """The rate-limit headers for this request; 429 when over the limit."""
        if not self.enabled:
            return {}
        matching = [(m, p, n) for m, p, n in RATE_LIMITS
                     if method == m and path.rstrip("/").startswith(p)]
        if not matching:
            return {}
        limit_method, prefix, limit = matching[0]
        now = int(self.clock.now().timestamp())
        window = now - now % 60
        key = f"{limit_method} {prefix}"
        with self._lock:
            start, count = self._windows.get(key, (window, 0))
            if start != window:
                start, count = window, 0
            count += 1
            self._windows[key] = (start, count)
        headers = {"X-RateLimit-Limit": str(limit),
                   "X-RateLimit-Remaining": str(max(limit - count, 0)),
                   "X-RateLimit-Reset": str(start + 60)}
        if count > limit:
            error = VouchersApiError(429, "RATE_LIMIT_EXCEEDED", "Too many requests",
                                     {"limit": limit, "window": "1 minute"})
            error.headers = {**headers, "Retry-After": str(start + 60 - now)}
            raise error
        return headers

    def reset(self, enabled: bool) -> None:
        with self._lock:
            self.enabled = enabled
            self._windows.clear()


class VouchersApi(KeyedPlatform):
    """Vouchers API: Bearer API key, validate with an order, apply idempotent per ``order_id``."""

    name: ClassVar[str] = "vouchers-api"
    base_path: ClassVar[str] = "/v1"
    demo_fixture: ClassVar[str] = "demo-vouchers-api.json"
    write_paths: ClassVar[tuple[tuple[str, str], ...]] = (("POST", "/v1/vouchers/apply"),)
    default_auth: ClassVar[str] = "sk_test_demo"
    auth_scheme: ClassVar[str] = "bearer"

    def __init__(self, store: SimStore, clock: SimClock, auth: str | None = None) -> None:
        super().__init__(store, clock, auth)
        self.limits = _RateLimiter(clock)
        self.routes = Router([
            Route("POST", "/v1/vouchers/validate", self.validate),
            Route("POST", "/v1/vouchers/apply", self.apply),
            Route("GET", "/v1/vouchers", self.list_vouchers),
            Route("POST", "/v1/vouchers", self.create),
            Route("GET", "/v1/vouchers/([^/]+)", self.retrieve),
            Route("PUT", "/v1/vouchers/([^/]+)", self.update),
            Route("DELETE", "/v1/vouchers/([^/]+)", self.delete),
        ])

    # --- plumbing -----------------------------------------------------------------------
    def dispatch(self, request: Request) -> Response:
        """Check the API key and the rate limit, then serve."""
        if not self.check_auth(request):
            raise VouchersApiError(401, "UNAUTHORIZED", "Invalid or missing API key")
        headers = self.limits.check(request.method, request.path)
        response = self.routes.dispatch(None, request)
        response.headers = {**response.headers, **headers}
        return response

    def bad_body(self, text: str) -> SimError:
        """400 INVALID_REQUEST naming the body."""
        return invalid("body", text)

    def no_route(self, path_known: bool) -> SimError:
        """405 METHOD_NOT_ALLOWED or 404 NOT_FOUND."""
        if path_known:
            return VouchersApiError(405, "METHOD_NOT_ALLOWED", "Method not allowed")
        return VouchersApiError(404, "NOT_FOUND", "Resource not found")

    def internal_error(self, status: int) -> Response:
        """An injected failure in the seed's error shape."""
        return Response.json(status, VouchersApiError(
            status, "INTERNAL_ERROR", "Internal server error").body())

    def set_rate_limits(self, enabled: bool) -> None:
        """Enforce the seed's rate-limit table (per endpoint, per minute)."""
        self.limits.reset(enabled)

    # --- vouchers -----------------------------------------------------------------------
    def stored_voucher(self, data: Mapping[str, Any]) -> Json:
        """The seed's voucher plus the applications made (for idempotent repeats)."""
        code = data.get("code")
        if not isinstance(code, str) or not code.strip():
            raise FixtureError(f"a voucher needs a code: {data!r}")
        try:
            voucher = self._checked(data, creating=True)
        except VouchersApiError as exc:
            raise FixtureError(f"{code}: {exc.details}") from exc
        stamp = format_time(self.clock.now())
        voucher.update({
            "id": str(data.get("id") or f"v_{secrets.token_hex(8)}"),
            "code": code.strip(),
            "status": str(data.get("status", "active")),
            "usage_count": int(data.get("usage_count", len(data.get("usage_history", [])))),
            "usage_history": [dict(h) for h in data.get("usage_history", [])],
            "created_at": str(data.get("created_at", stamp)),
            "updated_at": str(data.get("updated_at", data.get("created_at", stamp))),
            "applications": dict(data.get("applications", {})),
        })
        if "deleted_at" in data:
            voucher["deleted_at"] = data["deleted_at"]
        return voucher

    def _checked(self, data: Mapping[str, Any], *, creating: bool,
                 current: Mapping[str, Any] | None = None) -> Json:
        """type, value and conditions, validated (400 naming the field)."""
        kind = data.get("type", current["type"] if current else None)
        if kind not in TYPES:
            raise invalid("type", "Must be percentage or fixed")
        value = data.get("value", current["value"] if current else None)
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise invalid("value", "Must be a number")
        if kind == "percentage" and not 0 <= value <= 100:
            raise invalid("value", "Value must be between 0 and 100 for percentage vouchers")
        if kind == "fixed":
            value = _int(value, "value")
        conditions = dict(current["conditions"]) if current else {}
        given = data.get("conditions", {})
        if not isinstance(given, Mapping):
            raise invalid("conditions", "Must be an object")
        conditions.update(given)
        for key in ("min_order_value", "max_uses", "customer_limit"):
            if conditions.get(key) is not None:
                conditions[key] = _int(conditions[key], f"conditions.{key}")
        for key in ("valid_from", "valid_until"):
            if conditions.get(key) is not None:
                parse_time(conditions[key], f"conditions.{key}")
        status = data.get("status", current["status"] if current else "active")
        if status not in ("active", "inactive"):
            raise invalid("status", "Must be active or inactive")
        return {"type": kind, "value": value, "conditions": conditions, "status": status}

    def present(self, stored: Json) -> Json:
        """The seed's retrieve shape (``status`` says ``expired`` once ``valid_until`` passed)."""
        shown = {key: stored[key] for key in (
            "id", "code", "type", "value", "conditions", "status", "usage_count",
            "usage_history", "created_at", "updated_at")}
        shown["status"] = self._status(stored)
        if "deleted_at" in stored:
            shown["deleted_at"] = stored["deleted_at"]
        return shown

    def _status(self, stored: Mapping[str, Any]) -> str:
        until = stored["conditions"].get("valid_until")
        if stored["status"] == "active" and until and parse_time(until, "") < self.clock.now():
            return "expired"
        return str(stored["status"])

    def _by_id(self, voucher_id: str) -> Json:
        stored = self.store.item(voucher_id)
        if stored is None:
            raise VouchersApiError(404, "VOUCHER_NOT_FOUND", "Voucher not found",
                                   {"voucher_id": voucher_id})
        return stored

    def _by_code(self, data: Mapping[str, Any]) -> Json:
        code = data.get("code")
        if not isinstance(code, str) or not code.strip():
            raise invalid("code", "Voucher code is required")
        stored = self.store.item_by_code(code)
        if stored is None:
            raise VouchersApiError(404, "VOUCHER_NOT_FOUND", "Voucher not found",
                                   {"code": code.strip()})
        return stored

    @staticmethod
    def _order(data: Mapping[str, Any], required: bool) -> tuple[int | None, str]:
        order = data.get("order")
        if order is None and not required:
            return None, DEFAULT_CURRENCY
        if not isinstance(order, Mapping):
            raise invalid("order", "Order details are required")
        value = _int(order.get("value"), "order.value")
        currency = order.get("currency", DEFAULT_CURRENCY)
        if not isinstance(currency, str) or len(currency) != 3:
            raise invalid("order.currency", "Must be a 3-letter currency code")
        return value, currency.upper()

    def _checks(self, stored: Mapping[str, Any], order_value: int | None) -> dict[str, bool]:
        conditions = stored["conditions"]
        now = self.clock.now()
        start, end = conditions.get("valid_from"), conditions.get("valid_until")
        minimum = conditions.get("min_order_value")
        limit = conditions.get("max_uses")
        return {
            "min_order_value_met": minimum is None or order_value is None
            or order_value >= minimum,
            "usage_limit_not_exceeded": limit is None or stored["usage_count"] < limit,
            "valid_date_range": (start is None or parse_time(start, "") <= now)
            and (end is None or now <= parse_time(end, "")),
        }

    # --- endpoints ----------------------------------------------------------------------
    def validate(self, _: None, request: Request) -> Response:
        """``POST /vouchers/validate``: can it apply to this order, and for how much."""
        data = request.json()
        stored = self._by_code(data)
        order_value, currency = self._order(data, required=True)
        details = self._checks(stored, order_value)
        active = self._status(stored) != "inactive"
        valid = active and all(details.values())
        discount = discount_for(stored, order_value) if valid else 0
        return Response.json(200, {
            "is_valid": valid,
            "voucher": {"id": stored["id"], "code": stored["code"], "type": stored["type"],
                        "value": stored["value"]},
            "discount_amount": discount,
            "final_amount": (order_value or 0) - discount,
            "currency": currency,
            "validation_details": {**details, "voucher_active": active},
        })

    def apply(self, _: None, request: Request) -> Response:
        """``POST /vouchers/apply``: idempotent per ``order_id``; ``order`` optional."""
        data = request.json()
        order_id = data.get("order_id")
        if not isinstance(order_id, str) or not order_id.strip():
            raise invalid("order_id", "Order id is required")
        stored = self._by_code(data)
        previous = stored["applications"].get(order_id)
        if previous is not None:
            return Response.json(200, previous)
        order_value, currency = self._order(data, required=False)
        details = self._checks(stored, order_value)
        if self._status(stored) == "inactive":
            raise self._refused(stored, "inactive", "Voucher is not active")
        if not details["valid_date_range"]:
            raise self._refused(stored, "outside_date_range", "Voucher is not valid at this time")
        if not details["usage_limit_not_exceeded"]:
            last = stored["usage_history"][-1]["order_id"] if stored["usage_history"] else None
            raise VouchersApiError(409, "VOUCHER_ALREADY_APPLIED",
                                   "Voucher has already been applied to this order",
                                   {"order_id": last, "voucher_id": stored["id"]})
        if not details["min_order_value_met"]:
            raise self._refused(stored, "min_order_value_not_met",
                                "Order value is below the voucher's minimum")
        discount = discount_for(stored, order_value)
        applied_at = format_time(self.clock.now())
        application = {
            "id": f"va_{secrets.token_hex(8)}",
            "voucher": {"id": stored["id"], "code": stored["code"]},
            "order_id": order_id,
            "discount_amount": discount,
            "final_amount": (order_value - discount) if order_value is not None else 0,
            "currency": currency,
            "applied_at": applied_at,
        }
        stored["usage_count"] += 1
        stored["usage_history"].append(
            {"order_id": order_id, "discount_amount": discount, "applied_at": applied_at})
        stored["applications"][order_id] = application
        stored["updated_at"] = applied_at
        self.store.put_item(stored["id"], stored["code"], stored)
        return Response.json(200, application)

    @staticmethod
    def _refused(stored: Mapping[str, Any], reason: str, message: str) -> VouchersApiError:
        return VouchersApiError(422, "VOUCHER_NOT_APPLICABLE", message,
                                {"reason": reason, "voucher_id": stored["id"]})

    def list_vouchers(self, _: None, request: Request) -> Response:
        """``GET /vouchers``: filters and pagination as the seed's table."""
        query = request.query
        limit = self._query_int(query, "limit", 10)
        offset = self._query_int(query, "offset", 0)
        if not 1 <= limit <= 100:
            raise invalid("limit", "Must be between 1 and 100")
        if query.get("status") and query["status"] not in STATUSES:
            raise invalid("status", "Must be active, inactive or expired")
        if query.get("type") and query["type"] not in TYPES:
            raise invalid("type", "Must be percentage or fixed")
        after = parse_time(query["created_after"], "created_after") \
            if query.get("created_after") else None
        before = parse_time(query["created_before"], "created_before") \
            if query.get("created_before") else None
        matching = [
            v for v in self.store.items()
            if (not query.get("status") or self._status(v) == query["status"])
            and (not query.get("type") or v["type"] == query["type"])
            and (after is None or parse_time(v["created_at"], "") > after)
            and (before is None or parse_time(v["created_at"], "") < before)
        ]
        page = matching[offset:offset + limit]
        return Response.json(200, {
            "data": [{key: v[key] for key in ("id", "code", "type", "value", "usage_count",
                                             "created_at")} | {"status": self._status(v)}
                     for v in page],
            "total": len(matching), "limit": limit, "offset": offset,
            "has_more": offset + len(page) < len(matching),
        })

    @staticmethod
    def _query_int(query: Mapping[str, str], key: str, default: int) -> int:
        raw = query.get(key)
        if raw in (None, ""):
            return default
        try:
            return int(str(raw))
        except ValueError as exc:
            raise invalid(key, "Must be a whole number") from exc

    def create(self, _: None, request: Request) -> Response:
        """``POST /vouchers``: 201 with the new voucher; 400 for a taken code."""
        data = request.json()
        code = data.get("code")
        if not isinstance(code, str) or not code.strip():
            raise invalid("code", "Voucher code is required")
        if self.store.item_by_code(code) is not None:
            raise invalid("code", "A voucher with this code already exists")
        checked = self._checked(data, creating=True)
        stored = self.stored_voucher({**checked, "code": code})
        self.store.put_item(stored["id"], stored["code"], stored)
        return Response.json(201, self.present(stored))

    def retrieve(self, _: None, request: Request, voucher_id: str) -> Response:
        """``GET /vouchers/{id}`` with its usage history."""
        return Response.json(200, self.present(self._by_id(voucher_id)))

    def update(self, _: None, request: Request, voucher_id: str) -> Response:
        """``PUT /vouchers/{id}``: value, conditions (merged), status."""
        stored = self._by_id(voucher_id)
        data = request.json()
        for immutable in ("code", "type", "created_at"):
            if immutable in data and data[immutable] != stored[immutable]:
                raise invalid(immutable, "This field cannot be modified after creation")
        stored.update(self._checked(data, creating=False, current=stored))
        stored["updated_at"] = format_time(self.clock.now())
        self.store.put_item(stored["id"], stored["code"], stored)
        return Response.json(200, self.present(stored))

    def delete(self, _: None, request: Request, voucher_id: str) -> Response:
        """``DELETE /vouchers/{id}``: soft delete (inactive, data kept)."""
        stored = self._by_id(voucher_id)
        stamp = format_time(self.clock.now())
        stored.update({"status": "inactive", "deleted_at": stamp, "updated_at": stamp})
        self.store.put_item(stored["id"], stored["code"], stored)
        return Response.json(200, {"id": stored["id"], "deleted_at": stamp})
