"""Where the headless commands' log lines go: ``kiosk.log`` in the data folder (0600).

A command promises one line on stderr for an error: internal warnings must never be printed
before it, so they go to the log file (or nowhere, if the folder cannot be written).
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

LOG_NAME = "kiosk.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup(home: Path | None) -> None:
    """Send every log record of this process to ``home/kiosk.log``, never to the terminal."""
    logging.raiseExceptions = False  # a full disk must not print "--- Logging error ---"
    root = logging.getLogger()
    for handler in list(root.handlers):
        root.removeHandler(handler)
    target: logging.Handler = logging.NullHandler()
    if home is not None:
        try:
            path = home / LOG_NAME
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
            target = logging.FileHandler(path, encoding="utf-8")
            target.setFormatter(logging.Formatter(_FORMAT))
        except OSError:
            target = logging.NullHandler()
    root.addHandler(target)
    root.setLevel(logging.INFO)
    for chatty in ("httpx", "httpcore"):  # they log full URLs: voucher codes are money
        logging.getLogger(chatty).setLevel(logging.WARNING)
