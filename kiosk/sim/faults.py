"""Injected trouble (latency, failures, dropped connections) and the request log."""

from __future__ import annotations

import threading
from dataclasses import asdict, dataclass
from typing import Any

HTML_ERROR_PAGE = (
    "<html>\r\n<head><title>{status} Bad Gateway</title></head>\r\n<body>\r\n"
    "<center><h1>{status} Bad Gateway</h1></center>\r\n<hr><center>nginx</center>\r\n"
    "</body>\r\n</html>\r\n"
)


MAINTENANCE_PAGE = (
    "<html><head><title>Maintenance</title></head><body><h1>Back soon</h1>"
    "<p>We are doing some maintenance.</p></body></html>"
)
FAIL_MODES = ("json", "html", "redirect")
MAINTENANCE_LOCATION = "/maintenance.html"


@dataclass
class Failure:
    """How to fail a request: instead of serving it, or (``after``) once it was served."""

    mode: str  # "json" | "html" | "redirect"
    status: int
    after: bool = False  # serve (apply) the request first, then answer with the failure
    location: str = MAINTENANCE_LOCATION  # where a redirect points (a maintenance or login page)


@dataclass
class _Budget:
    """Applies to the next ``count`` matching requests (``None``: all of them)."""

    count: int | None
    path: str | None
    method: str | None = None

    def __post_init__(self) -> None:
        self.method = self.method.upper() if self.method else None

    def take(self, path: str, method: str | None = None) -> bool:
        if self.path is not None and not path.startswith(self.path):
            return False
        if self.method is not None and method is not None and method != self.method:
            return False
        if self.count is None:
            return True
        if self.count <= 0:
            return False
        self.count -= 1
        return True


class Faults:
    """What the next requests will suffer; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self.reset()

    def reset(self) -> None:
        """No latency, no failures, no drops."""
        with self._lock:
            self._latency: tuple[float, _Budget] | None = None
            self.delayed = 0  # requests the latency rules have held so far
            self._failures: list[tuple[Failure, _Budget]] = []
            self._drops = _Budget(0, None)  # the API decides which requests are its writes

    def set_latency(self, seconds: float, count: int | None = None,
                    path: str | None = None, *, method: str | None = None) -> None:
        """Delay the next ``count`` requests (all if None) by ``seconds``, only those under
        ``path`` and of ``method`` if given (a write, not the read on the same path); 0 clears."""
        with self._lock:
            budget = _Budget(count, path, method)
            self._latency = (seconds, budget) if seconds > 0 else None

    def fail_next(self, count: int = 1, mode: str = "json", status: int | None = None,
                  path: str | None = None, after: bool = False, *,
                  method: str | None = None, location: str | None = None) -> None:
        """Answer the next ``count`` requests with a 500 JSON, an HTML error page or a
        maintenance redirect (302 to an HTML page, at ``location`` if given: e.g. a login
        page); ``after``: once the request was served, as a gateway that times out on an
        upstream that did the work."""
        if mode not in FAIL_MODES:
            raise ValueError(f"mode must be one of {', '.join(FAIL_MODES)}, not {mode!r}")
        status = status or {"json": 500, "html": 502, "redirect": 302}[mode]
        with self._lock:
            self._failures.append((Failure(mode, status, after,
                                           location or MAINTENANCE_LOCATION),
                                   _Budget(count, path, method)))

    def drop_next(self, count: int = 1) -> None:
        """Apply the next ``count`` redeem/apply writes, then close the connection unanswered."""
        with self._lock:
            self._drops.count = (self._drops.count or 0) + count

    def take_latency(self, path: str, method: str | None = None) -> float:
        """Seconds to wait before serving ``method path``."""
        with self._lock:
            if self._latency and self._latency[1].take(path, method):
                self.delayed += 1
                return self._latency[0]
            return 0.0

    def take_failure(self, path: str, method: str | None = None) -> Failure | None:
        """The failure to answer ``method path`` with, if any."""
        with self._lock:
            for failure, budget in self._failures:
                if budget.take(path, method):
                    return failure
            self._failures = [(f, b) for f, b in self._failures if b.count != 0]
            return None

    def take_drop(self, path: str) -> bool:
        """True when this write's connection must be dropped after applying it."""
        with self._lock:
            return self._drops.take(path)


@dataclass
class LoggedRequest:
    """One request that reached the server."""

    seq: int
    method: str
    path: str
    status: int | None
    outcome: str  # "served" | "failed" | "dropped"
    at: str


class RequestLog:
    """Every API request (not the ``/_sim/`` ones), in arrival order; thread-safe."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._entries: list[LoggedRequest] = []

    def add(self, method: str, path: str, status: int | None, outcome: str, at: str) -> None:
        """Record a request."""
        with self._lock:
            self._entries.append(
                LoggedRequest(len(self._entries) + 1, method, path, status, outcome, at))

    def entries(self, method: str | None = None, path: str | None = None) -> list[dict[str, Any]]:
        """Recorded requests, optionally only one method and/or path."""
        with self._lock:
            return [asdict(e) for e in self._entries
                    if (method is None or e.method == method.upper())
                    and (path is None or e.path.rstrip("/") == path.rstrip("/"))]

    def clear(self) -> None:
        """Forget every request."""
        with self._lock:
            self._entries.clear()
