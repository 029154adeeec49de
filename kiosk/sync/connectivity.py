"""Connectivity watch: is the server answering, as far as the till should care?

Goes offline after ``failures_to_offline`` consecutive transport failures or slow answers,
comes back on the first prompt answer. While offline, the foreground still tries the server
once every ``retry_interval`` seconds; the background replay probes it too. A manager can
force either way.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from datetime import UTC, datetime


class ConnectivityWatch:
    """Online/offline decision from the outcomes of recent server calls. Thread-safe."""

    def __init__(
        self,
        *,
        failures_to_offline: int = 3,
        slow_seconds: float = 5.0,
        retry_interval: float = 15.0,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._lock = threading.Lock()
        self._failures_to_offline = failures_to_offline
        self._slow = slow_seconds
        self._retry_interval = retry_interval
        self._monotonic = monotonic
        self._strikes = 0
        self._online = True
        self._since = datetime.now(UTC)
        self._forced_offline: bool | None = None
        self._last_attempt = float("-inf")
        self._listeners: list[Callable[[bool], None]] = []

    @property
    def online(self) -> bool:
        """Whether the till should treat the server as reachable."""
        with self._lock:
            if self._forced_offline is not None:
                return not self._forced_offline
            return self._online

    @property
    def since(self) -> datetime:
        """When the current online/offline period began (UTC), switched or automatic."""
        with self._lock:
            return self._since

    @property
    def forced_offline(self) -> bool | None:
        """The manual override: True forced offline, False forced online, None automatic."""
        with self._lock:
            return self._forced_offline

    def set_override(self, forced_offline: bool | None) -> None:
        """Force offline (True), force online (False) or go back to automatic (None)."""
        before = self.online
        with self._lock:
            self._forced_offline = forced_offline
            if (not forced_offline if forced_offline is not None else self._online) != before:
                self._since = datetime.now(UTC)  # "offline since" is when it was switched
        self._changed(before)

    def add_listener(self, callback: Callable[[bool], None]) -> None:
        """Call ``callback(online)`` whenever the answer to ``online`` changes."""
        with self._lock:
            self._listeners.append(callback)

    def should_try(self) -> bool:
        """Whether a foreground call should go to the server now (else use the cache)."""
        with self._lock:
            if self._forced_offline is not None:
                return not self._forced_offline
            if self._online:
                return True
            return self._monotonic() - self._last_attempt >= self._retry_interval

    def attempt(self) -> None:
        """Note that a call to the server is starting."""
        with self._lock:
            self._last_attempt = self._monotonic()

    def success(self, elapsed: float = 0.0) -> None:
        """The server answered (any API answer, refusals included) after ``elapsed`` seconds."""
        before = self.online
        with self._lock:
            if elapsed > self._slow:
                self._strike()
            else:
                self._strikes = 0
                self._set(True)
        self._changed(before)

    def failure(self) -> None:
        """The server could not be reached or answered garbage."""
        before = self.online
        with self._lock:
            self._strike()
        self._changed(before)

    def _strike(self) -> None:
        self._strikes += 1
        if self._strikes >= self._failures_to_offline:
            self._set(False)

    def _set(self, online: bool) -> None:
        if online != self._online:
            self._online = online
            self._since = datetime.now(UTC)

    def _changed(self, before: bool) -> None:
        after = self.online
        if after == before:
            return
        with self._lock:
            listeners = list(self._listeners)
        for callback in listeners:
            callback(after)
