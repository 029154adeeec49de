"""Room kept back on the till's disk for the few writes a full disk must not stop.

A refusal from the server has to be saved even when the disk has just filled up: left
unsaved, the entry would come back after a restart as "may have landed" and be sent again,
and a voucher refunded meanwhile would take a redemption the customer never made. The
reserve is a plain file of ``RESERVE_BYTES`` beside the database; such a write that fails
for want of room deletes it and tries once more. It is made again once the disk has room.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
from pathlib import Path

from kiosk.store.private import FILE_MODE

log = logging.getLogger(__name__)

RESERVE_NAME = "kiosk.reserve"
RESERVE_BYTES = 256 * 1024  # a few WAL frames: one outbox update needs well under 64 KiB
MIN_FREE_BYTES = 16 * RESERVE_BYTES  # made only where it leaves plenty of room


class Reserve:
    """The reserve file in one folder."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / RESERVE_NAME

    def keep(self) -> bool:
        """Make the reserve if it is missing and the disk has room to spare; whether it is
        there. Never fails: a till without a reserve works as before."""
        if self.path.exists():
            return True
        partial = self.path.with_name(RESERVE_NAME + ".new")
        try:
            if shutil.disk_usage(self.path.parent).free < MIN_FREE_BYTES:
                return False
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, FILE_MODE)
            with os.fdopen(fd, "wb") as out:
                try:  # allocated, not sparse: it must free real blocks when deleted
                    os.posix_fallocate(out.fileno(), 0, RESERVE_BYTES)
                except (AttributeError, OSError):
                    out.write(bytes(RESERVE_BYTES))
            os.replace(partial, self.path)
        except OSError as exc:
            log.warning("no disk reserve kept in %s: %s", self.path.parent, exc)
            with contextlib.suppress(OSError):
                partial.unlink()
            return False
        return True

    def release(self) -> bool:
        """Give the reserve's room back to the disk; whether there was one."""
        try:
            self.path.unlink()
        except OSError:
            return False
        log.warning("disk full: the reserve in %s was used", self.path.parent)
        return True
