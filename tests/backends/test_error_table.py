"""Every code of the seed's error table maps to a typed error with plain words for staff."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from kiosk.backends.http import retry_after
from kiosk.backends.vouchercart.errors import error_from_response
from kiosk.domain.errors import (
    AccessDenied,
    InvalidRequest,
    KioskError,
    LoginFailed,
    RateLimited,
    Refusal,
    RefusalReason,
    ServerUnavailable,
    SessionExpired,
)
from tests.helpers.backends import sample

URL = "http://127.0.0.1:1/v1/redeem"

# The seed's table: HTTP status, code → what staff get.
TABLE: list[tuple[int, int, type[KioskError], RefusalReason | None]] = [
    (422, 1000, InvalidRequest, None),
    (401, 1001, SessionExpired, None),
    (405, 1002, InvalidRequest, None),
    (403, 1003, AccessDenied, None),
    (404, 1004, InvalidRequest, None),
    (401, 1006, SessionExpired, None),
    (401, 1007, SessionExpired, None),
    (401, 1008, SessionExpired, None),
    (401, 1009, SessionExpired, None),
    (404, 1010, Refusal, RefusalReason.NOT_FOUND),
    (422, 1011, Refusal, RefusalReason.CANNOT_REDUCE),
    (422, 1012, Refusal, RefusalReason.EXPIRED),
    (422, 1013, Refusal, RefusalReason.FULLY_REDEEMED),
    (422, 1014, Refusal, RefusalReason.CANCELLED),
    (422, 1015, Refusal, RefusalReason.NOT_FOUND),
    (422, 1016, InvalidRequest, None),
    (422, 1017, Refusal, RefusalReason.NOT_FOUND),
    (422, 1018, InvalidRequest, None),
]


def response(status: int, *, method: str = "POST", json: object = None, text: str | None = None,
             headers: dict[str, str] | None = None) -> httpx.Response:
    request = httpx.Request(method, URL)
    if text is not None:
        return httpx.Response(status, text=text, headers=headers, request=request)
    return httpx.Response(status, json=json, headers=headers, request=request)


def api_error(status: int, code: int, **kwargs: object) -> httpx.Response:
    return response(status, json={"code": code, "errors": {}, "message": "server words",
                                  "status": "failed"}, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(("status", "code", "kind", "reason"), TABLE)
def test_every_seed_code(status: int, code: int, kind: type[KioskError],
                         reason: RefusalReason | None) -> None:
    error = error_from_response(api_error(status, code))
    assert type(error) is kind
    assert error.code == code
    assert error.message.endswith(".")  # a sentence for staff, not the server's jargon
    assert "server words" not in error.message
    if reason is not None:
        assert isinstance(error, Refusal)
        assert error.reason is reason


def test_seed_error_sample_keeps_field_details() -> None:
    error = error_from_response(response(422, json=sample("error-1000")))
    assert isinstance(error, InvalidRequest)
    assert "We do not recognize given email address." in error.message


@pytest.mark.parametrize("code", [1001, 1008, 1009])
def test_bad_credentials_while_signing_in(code: int) -> None:
    error = error_from_response(api_error(401, code), signing_in=True)
    assert isinstance(error, LoginFailed)
    assert error.message == "Wrong email or password."


@pytest.mark.parametrize("method", ["GET", "POST"])
def test_unknown_code_is_not_the_apis_answer(method: str) -> None:
    """A code the API does not have (a proxy's JSON) is transient, uncertain on a write."""
    error = error_from_response(api_error(422, 4242, method=method))
    assert isinstance(error, ServerUnavailable)
    assert error.maybe_applied is (method == "POST")


def test_refusal_labelled_html_is_still_the_apis_refusal() -> None:
    body = '{"code": 1011, "errors": {}, "message": "Cannot reduce", "status": "failed"}'
    error = error_from_response(response(422, text=body, headers={"content-type": "text/html"}))
    assert isinstance(error, Refusal)
    assert error.reason is RefusalReason.CANNOT_REDUCE


@pytest.mark.parametrize(("status", "method", "maybe_applied"), [
    (500, "POST", True), (502, "POST", True), (504, "POST", True),
    (503, "POST", True), (500, "GET", False), (503, "GET", False),
])
def test_server_errors(status: int, method: str, maybe_applied: bool) -> None:
    error = error_from_response(api_error(status, 1000, method=method))
    assert isinstance(error, ServerUnavailable)
    assert error.maybe_applied is maybe_applied


def test_html_page_is_server_unavailable_even_with_4xx() -> None:
    page = "<html><body><h1>404 Not Found</h1></body></html>"
    error = error_from_response(response(404, text=page, headers={"content-type": "text/html"},
                                         method="GET"))
    assert isinstance(error, ServerUnavailable)
    assert "HTTP 404" in error.message


def test_429_with_and_without_retry_after() -> None:
    error = error_from_response(response(429, text="", headers={"Retry-After": "7"}))
    assert isinstance(error, RateLimited)
    assert error.retry_after == 7.0
    assert not error.maybe_applied
    bare = error_from_response(response(429, text=""))
    assert isinstance(bare, RateLimited)
    assert bare.retry_after is None


def test_retry_after_http_date() -> None:
    now = datetime(2025, 1, 1, 12, tzinfo=UTC)
    assert retry_after(format_datetime(now + timedelta(seconds=30), usegmt=True), now) == 30.0
    assert retry_after(format_datetime(now - timedelta(seconds=30), usegmt=True), now) == 0.0
    assert retry_after("soon", now) is None
