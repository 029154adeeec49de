"""Receipts that could not be printed yet, kept until a printer takes them.

The redemption is already safe in the outbox when its receipt is printed, so a printer
that is off never blocks or loses one: the receipt's entry id waits here (a small JSON file
in the data directory, replaced atomically) until staff tap "retry" or the next print works.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import asdict, dataclass
from pathlib import Path

log = logging.getLogger(__name__)

RETRY_FILE = "print-retry.json"


@dataclass(frozen=True, slots=True)
class PendingPrint:
    """A receipt waiting for the printer: the outbox entry it is for, and why it waits."""

    entry_id: str
    error: str


class RetryList:
    """The receipts still to print, oldest first. Thread-safe; survives restarts."""

    def __init__(self, home: Path) -> None:
        self._path = home / RETRY_FILE
        self._lock = threading.Lock()

    def items(self) -> list[PendingPrint]:
        """Every receipt waiting, oldest first."""
        with self._lock:
            return self._load()

    def add(self, entry_id: str, error: str) -> None:
        """Keep ``entry_id``'s receipt for later (once; a repeat updates the reason)."""
        with self._lock:
            items = [p for p in self._load() if p.entry_id != entry_id]
            items.append(PendingPrint(entry_id, error))
            self._save(items)

    def remove(self, entry_id: str) -> None:
        """``entry_id``'s receipt was printed."""
        with self._lock:
            items = self._load()
            kept = [p for p in items if p.entry_id != entry_id]
            if len(kept) != len(items):
                self._save(kept)

    def __len__(self) -> int:
        return len(self.items())

    def _load(self) -> list[PendingPrint]:
        try:
            raw = json.loads(self._path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return []
        except (OSError, ValueError):
            log.warning("the print retry list is unreadable; starting a new one")
            return []
        if not isinstance(raw, list):
            return []
        return [PendingPrint(str(item["entry_id"]), str(item.get("error", "")))
                for item in raw if isinstance(item, dict) and "entry_id" in item]

    def _save(self, items: list[PendingPrint]) -> None:
        temp = self._path.with_suffix(".tmp")
        try:
            temp.write_text(json.dumps([asdict(p) for p in items], indent=1), encoding="utf-8")
            os.replace(temp, self._path)
        except OSError as exc:  # a full disk must not turn a print problem into a crash
            log.warning("the print retry list could not be saved: %s", exc.strerror)
