"""VoucherCart's error body and codes, as the seed's error table lists them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from kiosk.sim.protocol import SimError

MESSAGES: dict[int, str] = {
    1000: "Incorrect request",
    1001: "Unauthorized - API key is incorrect",
    1002: "Method not allowed",
    1003: "Access denied for resource",
    1004: "Requested resource has been not found",
    1006: "JWT token has expired",
    1007: "JWT token is not yet valid",
    1008: "JWT token is malformed",
    1009: "JWT token is invalid",
    1010: "Voucher with given code has been not found on specified domain",
    1011: "We cannot realize reduction on this voucher",
    1012: (
        "Expired - If you would like to redeem it regardless, "
        "please set redeemDate to match the redeem window"
    ),
    1013: "Voucher has been fully redeemed (Completed)",
    1014: "Voucher has been cancelled",
    1015: "Coupon not exist",
    1016: "Generation for that status is not allowed",
    1017: "Generation not exist",
    1018: "Required parameter missing",
}

HTTP_STATUS: dict[int, int] = {
    1000: 422, 1001: 401, 1002: 405, 1003: 403, 1004: 404, 1006: 401, 1007: 401,
    1008: 401, 1009: 401, 1010: 404, 1011: 422, 1012: 422, 1013: 422, 1014: 422,
    1015: 422, 1016: 422, 1017: 422, 1018: 422,
}


class ApiError(SimError):
    """A refusal the API reports as ``{code, errors, message, status: "failed"}``."""

    def __init__(
        self,
        code: int,
        errors: Mapping[str, Sequence[str]] | None = None,
        *,
        http_status: int | None = None,
        message: str | None = None,
    ) -> None:
        self.code = code
        self.errors = {key: list(value) for key, value in (errors or {}).items()}
        self.http_status = http_status if http_status is not None else HTTP_STATUS[code]
        self.message = message if message is not None else MESSAGES[code]
        super().__init__(f"{self.http_status} {code} {self.message}")

    def body(self) -> dict[str, object]:
        """The JSON error body."""
        return {"code": self.code, "errors": self.errors, "message": self.message,
                "status": "failed"}


def missing(*fields: str) -> ApiError:
    """422 1018 for required parameters that were not sent."""
    return ApiError(1018, {field: ["This value should not be blank."] for field in fields})


def invalid(field: str, text: str) -> ApiError:
    """422 1000 for one malformed parameter."""
    return ApiError(1000, {field: [text]})
