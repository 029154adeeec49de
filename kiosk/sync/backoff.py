"""Exponential backoff with jitter, so many tills do not retry in lock-step."""

from __future__ import annotations

import random
from collections.abc import Callable


class Backoff:
    """Delays ``base·2ⁿ`` capped at ``cap``, each drawn uniformly from its upper half."""

    def __init__(
        self, base: float = 2.0, cap: float = 300.0, rng: Callable[[], float] = random.random
    ) -> None:
        self._base = base
        self._cap = cap
        self._rng = rng
        self._attempt = 0

    def next(self) -> float:
        """The delay before the next retry; each call doubles the ceiling."""
        ceiling: float = min(self._cap, self._base * 2.0**self._attempt)
        self._attempt = min(self._attempt + 1, 32)
        return ceiling / 2 + self._rng() * ceiling / 2

    def reset(self) -> None:
        """After a success: start again from ``base``."""
        self._attempt = 0
