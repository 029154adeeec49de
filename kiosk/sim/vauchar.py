"""Vauchar (``vauchar-api.txt`` + its public redemption and validation pages) on the simulator.

Paths at the root (``/vouchers…``), HTTP Basic ``merchant:api_key``, epoch times, amounts as
decimal strings in major units. Decisions are in docs/api-decisions.md ("Vauchar").
"""

from __future__ import annotations

import secrets
import string
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any, ClassVar

from kiosk.sim.platform import FixtureError, Json, KeyedPlatform
from kiosk.sim.protocol import Request, Response, SimError
from kiosk.sim.router import Route, Router

HOST = "https://api.vauchar.com"
UNITS = ("percentage", "fixed")
CENT = Decimal("0.01")

# validation_status codes (1000 = valid); the same codes explain a refused redemption.
VALID, EXPIRED, NOT_STARTED, REDEEMED, EXCEEDS = 1000, 1001, 1002, 1003, 1004
MESSAGES = {
    VALID: "Voucher is valid",
    EXPIRED: "Voucher has expired",
    NOT_STARTED: "Voucher is not valid yet",
    REDEEMED: "Voucher has already been redeemed",
    EXCEEDS: "The value used exceeds the voucher's remaining value",
}


class VaucharError(SimError):
    """``{"status": HTTP, "code": n, "message": text}``."""

    def __init__(self, http_status: int, code: int, message: str) -> None:
        super().__init__(f"{http_status} {code} {message}")
        self.http_status = http_status
        self.code = code
        self.message = message

    def body(self) -> object:
        """Vauchar's error body (decided: the docs show no sample)."""
        return {"status": self.http_status, "code": self.code, "message": self.message}


def bad_request(message: str) -> VaucharError:
    """400, code 1100: the request body is invalid."""
    return VaucharError(400, 1100, message)


def money(value: object, field: str) -> Decimal:
    """A non-negative amount with at most 2 decimals (number or string)."""
    try:
        amount = Decimal(str(value))
    except (InvalidOperation, ValueError) as exc:
        raise bad_request(f"{field} must be a number") from exc
    if isinstance(value, bool) or not amount.is_finite() or amount < 0:
        raise bad_request(f"{field} must be a number of at least 0")
    if amount != amount.quantize(CENT):
        raise bad_request(f"{field} has more than 2 decimals")
    return amount.quantize(CENT)


def _epoch(value: object, field: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise bad_request(f"{field} must be a timestamp (0 for none)")
    return value


class Vauchar(KeyedPlatform):
    """Vauchar: vouchers with redemptions (create, list, delete = reverse)."""

    name: ClassVar[str] = "vauchar"
    base_path: ClassVar[str] = ""
    demo_fixture: ClassVar[str] = "demo-vauchar.json"
    write_paths: ClassVar[tuple[tuple[str, str], ...]] = (
        ("POST", "/vouchers/[^/]+/redemptions"),)
    default_auth: ClassVar[str] = "demo-merchant:demo-api-key"
    code_key: ClassVar[str] = "voucher_code"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.routes = Router([
            Route("GET", "/vouchers/validate", self.validate_code),
            Route("GET", "/vouchers", self.list_vouchers),
            Route("POST", "/vouchers", self.create),
            Route("GET", "/vouchers/([^/]+)", self.retrieve),
            Route("DELETE", "/vouchers/([^/]+)", self.delete),
            Route("GET", "/vouchers/([^/]+)/validate", self.validate_id),
            Route("GET", "/vouchers/([^/]+)/redemptions", self.list_redemptions),
            Route("POST", "/vouchers/([^/]+)/redemptions", self.redeem),
            Route("DELETE", "/vouchers/([^/]+)/redemptions/([^/]+)", self.reverse),
        ])

    # --- plumbing -----------------------------------------------------------------------
    def dispatch(self, request: Request) -> Response:
        """Check HTTP Basic, then serve."""
        if not self.check_auth(request):
            raise VaucharError(401, 401, "Unauthorized. The API key or Merchant ID is invalid"
                                         " or missing.")
        return self.routes.dispatch(None, request)

    def bad_body(self, text: str) -> SimError:
        """400 1100."""
        return bad_request(text)

    def no_route(self, path_known: bool) -> SimError:
        """405 or 404."""
        if path_known:
            return VaucharError(405, 405, "Method not allowed.")
        return VaucharError(404, 404, "Resource not found.")

    def internal_error(self, status: int) -> Response:
        """An injected failure in Vauchar's error shape."""
        return Response.json(status, VaucharError(status, 500, "Internal Server Error.").body())

    # --- vouchers -----------------------------------------------------------------------
    def stored_voucher(self, data: Mapping[str, Any]) -> Json:
        """The seed's voucher plus its ``redemptions`` (our fixture extension)."""
        code = data.get("voucher_code")
        if not isinstance(code, str) or not code.strip():
            raise FixtureError(f"a Vauchar voucher needs a voucher_code: {data!r}")
        try:
            voucher = self._checked(data)
        except VaucharError as exc:
            raise FixtureError(f"{code}: {exc.message}") from exc
        now = int(self.clock.now().timestamp())
        voucher_id = str(data.get("id") or f"vcr-{now}{secrets.token_hex(6)}")
        voucher.update({
            "id": voucher_id, "code": code.strip().upper(),
            "voucher_code": code.strip().upper(),
            "tag": str(data.get("tag", "")),
            "created": int(data.get("created", now)),
            "redeemed": int(bool(data.get("redeemed", 0))),
            "redeemed_date": int(data.get("redeemed_date") or 0),
            "teams": list(data.get("teams", [])), "brands": list(data.get("brands", [])),
            "redemptions": [self._redemption_from(voucher_id, r)
                            for r in data.get("redemptions", [])],
        })
        return voucher

    def _checked(self, data: Mapping[str, Any]) -> Json:
        unit = data.get("value_unit")
        if unit not in UNITS:
            raise bad_request("value_unit must be percentage or fixed")
        value = money(data.get("value"), "value")
        if unit == "percentage" and value > 100:
            raise bad_request("a percentage value must be between 0 and 100")
        currency = data.get("currency")
        if not isinstance(currency, str) or len(currency) != 3:
            raise bad_request("currency must be a 3-letter code")
        return {"value": str(value), "value_unit": unit, "currency": currency.upper(),
                "start_time": _epoch(data.get("start_time", 0), "start_time"),
                "expiry_time": _epoch(data.get("expiry_time", 0), "expiry_time")}

    @staticmethod
    def _redemption_from(voucher_id: str, data: Mapping[str, Any]) -> Json:
        rid = str(data.get("id") or f"res-{secrets.token_hex(8)}")
        return {
            "id": rid, "voucher_id": voucher_id,
            "user_id": str(data.get("user_id", "")),
            "customer_id": str(data.get("customer_id", "")),
            "user_email": str(data.get("user_email", "")),
            "user_phone": str(data.get("user_phone", "")),
            "transaction_id": str(data.get("transaction_id", "")),
            "value_used": str(money(data.get("value_used", "0"), "value_used")),
            "team_id": str(data.get("team_id", "")),
            "created": int(data.get("created", 0)),
        }

    def present(self, stored: Json) -> Json:
        """The seed's voucher shape (no redemptions: they have their own endpoint)."""
        href = f"{HOST}/vouchers/{stored['id']}"
        return {"href": href, "type": "voucher", "id": stored["id"],
                "voucher_code": stored["voucher_code"], "tag": stored["tag"],
                "created": stored["created"], "start_time": stored["start_time"],
                "expiry_time": stored["expiry_time"], "value": stored["value"],
                "value_unit": stored["value_unit"], "currency": stored["currency"],
                "redeemed": stored["redeemed"], "redeemed_date": stored["redeemed_date"],
                "teams": stored["teams"], "brands": stored["brands"]}

    @staticmethod
    def present_redemption(redemption: Mapping[str, Any]) -> Json:
        """A redemption as the public docs show it."""
        href = f"{HOST}/vouchers/{redemption['voucher_id']}/redemptions/{redemption['id']}"
        return {"href": href, "type": "redemption", **redemption}

    @staticmethod
    def remaining(stored: Mapping[str, Any]) -> Decimal:
        """What is left of a fixed-value voucher (major units)."""
        used = sum((Decimal(r["value_used"]) for r in stored["redemptions"]), Decimal(0))
        return max(Decimal(stored["value"]) - used, Decimal(0))

    def _status(self, stored: Mapping[str, Any]) -> int:
        now = int(self.clock.now().timestamp())
        if stored["redeemed"]:
            return REDEEMED
        if stored["start_time"] and now < stored["start_time"]:
            return NOT_STARTED
        if stored["expiry_time"] and now > stored["expiry_time"]:
            return EXPIRED
        return VALID

    def _by_id(self, voucher_id: str) -> Json:
        stored = self.store.item(voucher_id)
        if stored is None:
            raise VaucharError(404, 404, "Voucher not found.")
        return stored

    def _save(self, stored: Json) -> None:
        self.store.put_item(stored["id"], stored["code"], stored)

    # --- endpoints ----------------------------------------------------------------------
    def _validation(self, stored: Json) -> Response:
        status = self._status(stored)
        return Response.json(200, {"validation_status": {"status": status,
                                                         "message": MESSAGES[status]},
                                   "data": self.present(stored)})

    def validate_code(self, _: None, request: Request) -> Response:
        """``GET /vouchers/validate?voucher_code=``: the look-up by code."""
        code = request.query.get("voucher_code", "").strip()
        if not code:
            raise bad_request("voucher_code is required")
        stored = self.store.item_by_code(code)
        if stored is None:
            raise VaucharError(404, 404, "Voucher code not found or is invalid.")
        return self._validation(stored)

    def validate_id(self, _: None, request: Request, voucher_id: str) -> Response:
        """``GET /vouchers/{id}/validate``."""
        return self._validation(self._by_id(voucher_id))

    def list_vouchers(self, _: None, request: Request) -> Response:
        """``GET /vouchers``."""
        data = [self.present(v) for v in self.store.items()]
        return Response.json(200, {"href": f"{HOST}/vouchers", "count": len(data), "data": data})

    def create(self, _: None, request: Request) -> Response:
        """``POST /vouchers``: ``count`` new vouchers (``voucher_code`` may name one's code)."""
        data = request.json()
        count = data.get("count")
        if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= 1000:
            raise bad_request("count must be a whole number from 1 to 1000")
        fields = self._checked(data)
        given = data.get("voucher_code")
        if given is not None and (count != 1 or not isinstance(given, str) or not given.strip()):
            raise bad_request("voucher_code names the code of a single voucher (count 1)")
        if isinstance(given, str) and self.store.item_by_code(given) is not None:
            raise bad_request("voucher_code is already in use")
        created = []
        for _index in range(count):
            code = given.strip() if isinstance(given, str) else self._new_code()
            stored = self.stored_voucher({**fields, "voucher_code": code,
                                          "tag": str(data.get("tag", ""))})
            self._save(stored)
            created.append(self.present(stored))
        return Response.json(201, created)

    def _new_code(self) -> str:
        alphabet = string.ascii_uppercase + string.digits
        while True:
            code = "".join(secrets.choice(alphabet) for _ in range(13))
            if self.store.item_by_code(code) is None:
                return code

    def retrieve(self, _: None, request: Request, voucher_id: str) -> Response:
        """``GET /vouchers/{id}``: ``{href, data}``."""
        stored = self._by_id(voucher_id)
        return Response.json(200, {"href": f"{HOST}/vouchers/{voucher_id}",
                                   "data": self.present(stored)})

    def delete(self, _: None, request: Request, voucher_id: str) -> Response:
        """``DELETE /vouchers/{id}``: permanently."""
        self._by_id(voucher_id)
        self.store.delete_item(voucher_id)
        return Response.empty()

    def list_redemptions(self, _: None, request: Request, voucher_id: str) -> Response:
        """``GET /vouchers/{id}/redemptions``: oldest first."""
        stored = self._by_id(voucher_id)
        return Response.json(200, {
            "href": f"{HOST}/vouchers/{voucher_id}/redemptions",
            "data": [self.present_redemption(r) for r in stored["redemptions"]]})

    def redeem(self, _: None, request: Request, voucher_id: str) -> Response:
        """``POST /vouchers/{id}/redemptions``: fixed value partly or wholly, percentage once.

        ``transaction_id`` is recorded, not enforced unique (the docs say "for tracking").
        """
        stored = self._by_id(voucher_id)
        data = request.json()
        user_id = data.get("user_id")
        if isinstance(user_id, int) and not isinstance(user_id, bool):
            user_id = str(user_id)
        if not isinstance(user_id, str) or not user_id.strip():
            raise bad_request("user_id is required")
        status = self._status(stored)
        if status != VALID:
            raise VaucharError(400, status, MESSAGES[status])
        remaining = self.remaining(stored)
        if stored["value_unit"] == "fixed":
            used = money(data["value_used"], "value_used") \
                if data.get("value_used") is not None else remaining
            if used <= 0:
                raise bad_request("value_used must be more than 0")
            if used > remaining:
                raise VaucharError(400, EXCEEDS, MESSAGES[EXCEEDS])
        else:
            used = money(data.get("value_used", 0), "value_used")
        now = int(self.clock.now().timestamp())
        redemption = self._redemption_from(voucher_id, {**data, "user_id": user_id,
                                                        "value_used": str(used),
                                                        "created": now, "id": None})
        stored["redemptions"].append(redemption)
        if stored["value_unit"] == "percentage" or self.remaining(stored) <= 0:
            stored["redeemed"], stored["redeemed_date"] = 1, now
        self._save(stored)
        return Response.json(201, self.present_redemption(redemption))

    def reverse(self, _: None, request: Request, voucher_id: str, redemption_id: str) -> Response:
        """``DELETE /vouchers/{id}/redemptions/{rid}``: the value is available again."""
        stored = self._by_id(voucher_id)
        kept = [r for r in stored["redemptions"] if r["id"] != redemption_id]
        if len(kept) == len(stored["redemptions"]):
            raise VaucharError(404, 404, "Redemption not found.")
        stored["redemptions"] = kept
        spent = bool(kept) if stored["value_unit"] == "percentage" \
            else self.remaining(stored) <= 0
        if not spent:
            stored["redeemed"], stored["redeemed_date"] = 0, 0
        self._save(stored)
        return Response.empty()

