"""The signed-in session: which access token to send, and single-flight refresh.

Rules (DESIGN §3, issue #3):

* Many threads may see "token expired" (1006) at once; exactly one ``PUT /refresh`` is sent,
  the others wait for it and reuse its result.
* The rotated tokens are persisted (``TokenStore.save``) *before* they are used, so a crash
  right after a refresh never strands the kiosk with a spent refresh token.
* If the refresh request may have reached the server but its answer was lost, the old refresh
  token may already be spent and the new one is unknown: the session ends with
  ``SessionExpired`` ("please sign in again") instead of looping. A refresh that surely was
  not sent (no connection) leaves the session intact and raises ``TransportError``.
* A refused refresh (expired or already used refresh token) ends the session too.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Protocol, TypeVar

from kiosk.backends.vouchercart.client import VoucherCartClient
from kiosk.backends.vouchercart.errors import TOKEN_EXPIRED
from kiosk.backends.vouchercart.models import Tokens
from kiosk.domain.errors import KioskError, SessionExpired, TransportError

log = logging.getLogger(__name__)
T = TypeVar("T")

NOT_SIGNED_IN = "Not signed in. Please sign in."
ENDED = "Your session has expired. Please sign in again."
ANSWER_LOST = "The connection dropped while renewing your session. Please sign in again."


class TokenStore(Protocol):
    """Where a session's tokens are kept between runs (keyring, 0600 file, memory)."""

    def load(self) -> Tokens | None:
        """The saved tokens, or None."""
        ...

    def save(self, tokens: Tokens) -> None:
        """Persist ``tokens`` durably before returning."""
        ...

    def clear(self) -> None:
        """Forget the tokens."""
        ...


class MemoryTokenStore:
    """A ``TokenStore`` that lives as long as the process (tests, one-off scripts)."""

    def __init__(self, tokens: Tokens | None = None) -> None:
        self._tokens = tokens

    def load(self) -> Tokens | None:
        """The tokens, or None."""
        return self._tokens

    def save(self, tokens: Tokens) -> None:
        """Keep ``tokens``."""
        self._tokens = tokens

    def clear(self) -> None:
        """Forget the tokens."""
        self._tokens = None


class Session:
    """Tokens for one signed-in account on one server; thread-safe."""

    def __init__(self, client: VoucherCartClient, store: TokenStore) -> None:
        self._client = client
        self._store = store
        self._lock = threading.Lock()
        self._tokens: Tokens | None = None
        self._ended: Tokens | None = None  # the tokens that were in use when the session ended
        self.refresh_count = 0  # refreshes this session performed (diagnostics, tests)

    def tokens(self) -> Tokens:
        """The tokens in use; ``SessionExpired`` when not signed in or the session ended."""
        with self._lock:
            return self._current()

    def _current(self) -> Tokens:
        if self._tokens is None or self._ended is not None:
            stored = self._store.load()
            if stored is not None and stored != self._ended:
                # First use, or someone signed in again since the session ended.
                self._tokens, self._ended = stored, None
            elif self._ended is not None:
                raise SessionExpired(ENDED)
        if self._tokens is None:
            raise SessionExpired(NOT_SIGNED_IN)
        return self._tokens

    def call(self, request: Callable[[str], T]) -> T:
        """Run ``request(access_token)``; on an expired token refresh once and run it again.

        Retrying after a 401 is safe even for a redemption: a request refused for its token
        was not applied.
        """
        used = self.tokens()
        try:
            return request(used.access_token)
        except SessionExpired as exc:
            if exc.code != TOKEN_EXPIRED:
                raise
        fresh = self.refresh(used)
        return request(fresh.access_token)  # a second 1006 propagates: never a loop

    def refresh(self, stale: Tokens) -> Tokens:
        """New tokens replacing ``stale``; single-flight across threads.

        A thread that finds the tokens already replaced (by another thread, or by another
        process sharing the store) uses those instead of refreshing again.
        """
        with self._lock:
            current = self._current()
            if current.refresh_token != stale.refresh_token:
                return current
            stored = self._store.load()
            if stored is not None and stored.refresh_token != stale.refresh_token:
                self._tokens = stored
                return stored
            try:
                fresh = self._client.refresh(current)
            except TransportError as exc:
                if exc.maybe_applied:
                    raise self._end(ANSWER_LOST) from exc
                raise
            except KioskError as exc:
                log.info("session refresh refused (code %s): session ended", exc.code)
                raise self._end(ENDED) from exc
            self._persist(fresh)
            self._tokens = fresh
            self.refresh_count += 1
            log.info("session refreshed")
            return fresh

    def _persist(self, fresh: Tokens) -> None:
        try:
            self._store.save(fresh)
        except Exception:
            # The old refresh token is spent: keeping the new ones in memory is the only way
            # this process stays signed in. Never log the tokens themselves.
            log.exception("could not save the renewed session; it will not survive a restart")

    def _end(self, message: str) -> SessionExpired:
        """Mark the session over (caller holds the lock) and return the error to raise."""
        self._ended = self._tokens
        try:
            self._store.clear()
        except Exception:
            log.exception("could not clear the ended session's tokens")
        return SessionExpired(message)
