"""Test-only controls under ``/_sim/`` (JSON in, JSON out); see docs/simulator.md."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Protocol

from kiosk.sim.clock import SimClock, parse_iso
from kiosk.sim.errors import ApiError, invalid
from kiosk.sim.faults import Faults, RequestLog
from kiosk.sim.fixtures import FixtureError
from kiosk.sim.protocol import Request, Response
from kiosk.sim.router import Route, Router


class Simulator(Protocol):
    """What the controls act on (``kiosk.sim.simulator.Simulator``; no import, no cycle)."""

    clock: SimClock
    faults: Faults
    log: RequestLog

    @property
    def in_flight(self) -> int: ...

    def add_vouchers(self, vouchers: list[Mapping[str, Any]]) -> list[str]: ...
    def voucher(self, code: str) -> dict[str, Any] | None: ...
    def set_rate_limits(self, enabled: bool) -> None: ...
    def reset(self) -> None: ...

_OK = {"status": "ok"}


def _number(data: dict[str, Any], key: str, default: float | None = None) -> float | None:
    value = data.get(key, default)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise invalid(key, "This value should be a number.")
    return float(value)


def _count(data: dict[str, Any], default: int | None = 1) -> int | None:
    value = _number(data, "count", default)
    return None if value is None else int(value)


def health(sim: Simulator, request: Request) -> Response:
    """``GET /_sim/health``: ``{"status": "ok", "in_flight": N}`` (API requests being served)."""
    return Response.json(200, {**_OK, "in_flight": sim.in_flight})


def put_vouchers(sim: Simulator, request: Request) -> Response:
    """``POST /_sim/vouchers``: one voucher object, or ``{"vouchers": [...]}``."""
    data = request.json()
    vouchers = data["vouchers"] if isinstance(data.get("vouchers"), list) else [data]
    try:
        codes = sim.add_vouchers(vouchers)
    except FixtureError as exc:
        raise invalid("vouchers", str(exc)) from exc
    return Response.json(200, {"status": "ok", "codes": codes})


def get_voucher(sim: Simulator, request: Request, code: str) -> Response:
    """``GET /_sim/vouchers/{code}``: the voucher's state, whatever the domain."""
    voucher = sim.voucher(code)
    if voucher is None:
        raise ApiError(1004)
    return Response.json(200, voucher)


def get_clock(sim: Simulator, request: Request) -> Response:
    """``GET /_sim/clock``."""
    return Response.json(200, sim.clock.describe())


def set_clock(sim: Simulator, request: Request) -> Response:
    """``POST /_sim/clock``: ``{"now": ISO}`` | ``{"offset": s}`` | ``{"advance": s}``,
    optional ``"frozen": true``; ``{"reset": true}`` back to real time."""
    data = request.json()
    if data.get("reset"):
        sim.clock.reset()
    elif "advance" in data:
        sim.clock.advance(_number(data, "advance") or 0.0)
    elif data.get("now") is not None:
        try:
            at = parse_iso(str(data["now"]))
        except ValueError as exc:
            raise invalid("now", "An ISO 8601 time is expected.") from exc
        sim.clock.set(at, frozen=bool(data.get("frozen")))
    else:
        sim.clock.set(offset=_number(data, "offset", 0.0), frozen=bool(data.get("frozen")))
    return Response.json(200, sim.clock.describe())


def set_latency(sim: Simulator, request: Request) -> Response:
    """``POST /_sim/latency``: ``{"seconds": s, "count": N|null, "path": prefix|null,
    "method": m|null}``."""
    data = request.json()
    method = data.get("method")
    sim.faults.set_latency(_number(data, "seconds", 0.0) or 0.0, _count(data, None),
                           data.get("path"), method=str(method) if method else None)
    return Response.json(200, _OK)


def fail_next(sim: Simulator, request: Request) -> Response:
    """``POST /_sim/fail``: ``{"count": N, "mode": "json"|"html"|"redirect", "status": n,
    "path": p, "method": m, "after": bool, "location": where a redirect points}``."""
    data = request.json()
    status = _number(data, "status")
    method, location = data.get("method"), data.get("location")
    try:
        sim.faults.fail_next(_count(data) or 0, str(data.get("mode", "json")),
                             int(status) if status else None, data.get("path"),
                             bool(data.get("after", False)),
                             method=str(method) if method else None,
                             location=str(location) if location else None)
    except ValueError as exc:
        raise invalid("mode", str(exc)) from exc
    return Response.json(200, _OK)


def drop_next(sim: Simulator, request: Request) -> Response:
    """``POST /_sim/drop``: ``{"count": N}`` redeems applied, then the connection is cut."""
    sim.faults.drop_next(_count(request.json()) or 0)
    return Response.json(200, _OK)


def clear_faults(sim: Simulator, request: Request) -> Response:
    """``DELETE /_sim/faults``: no latency, failures or drops; vouchers, log, clock kept."""
    sim.faults.reset()
    return Response.json(200, _OK)


def rate_limits(sim: Simulator, request: Request) -> Response:
    """``POST /_sim/rate-limits``: ``{"enabled": bool}`` the API's documented rate limits."""
    try:
        sim.set_rate_limits(bool(request.json().get("enabled", True)))
    except ValueError as exc:
        raise invalid("enabled", str(exc)) from exc
    return Response.json(200, _OK)


def reset(sim: Simulator, request: Request) -> Response:
    """``POST /_sim/reset``: back to the initial fixture, no faults, empty log, real time."""
    sim.reset()
    return Response.json(200, _OK)


def get_requests(sim: Simulator, request: Request) -> Response:
    """``GET /_sim/requests?method=&path=``: the API requests that reached the server."""
    query = request.query
    entries = sim.log.entries(query.get("method") or None, query.get("path") or None)
    return Response.json(200, {"count": len(entries), "requests": entries})


def clear_requests(sim: Simulator, request: Request) -> Response:
    """``DELETE /_sim/requests``."""
    sim.log.clear()
    return Response.json(200, _OK)


CONTROL_ROUTES = Router([
    Route("GET", "/_sim/health", health),
    Route("POST", "/_sim/vouchers", put_vouchers),
    Route("GET", "/_sim/vouchers/([^/]+)", get_voucher),
    Route("GET", "/_sim/clock", get_clock),
    Route("POST", "/_sim/clock", set_clock),
    Route("POST", "/_sim/latency", set_latency),
    Route("POST", "/_sim/fail", fail_next),
    Route("POST", "/_sim/drop", drop_next),
    Route("DELETE", "/_sim/faults", clear_faults),
    Route("POST", "/_sim/rate-limits", rate_limits),
    Route("POST", "/_sim/reset", reset),
    Route("GET", "/_sim/requests", get_requests),
    Route("DELETE", "/_sim/requests", clear_requests),
])
