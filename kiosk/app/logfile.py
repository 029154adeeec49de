"""The kiosk's log file: ``logs/kiosk.log`` in the data directory, rotated, redacted.

Every line passes :func:`kiosk.domain.masking.redact`, so the file never holds a whole
voucher code, a password or a token, whatever a module logs. Five files of 1 MB at most,
0600 whatever the umask. Log records never reach the terminal: a command promises one line
on stderr for an error, and internal warnings must not come before it.
"""

from __future__ import annotations

import contextlib
import logging
import logging.handlers
import os
from pathlib import Path

LOG_DIR = "logs"
LOG_NAME = "kiosk.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Chatty libraries whose INFO lines carry full URLs (query strings with codes): warnings only.
QUIET = ("httpx", "httpcore", "escpos", "usb")


class RedactingFormatter(logging.Formatter):
    """A formatter that masks voucher codes and removes secrets from each line."""

    def format(self, record: logging.LogRecord) -> str:
        """The redacted line (tracebacks included)."""
        from kiosk.domain.masking import redact  # noqa: PLC0415 - tiny, import on first use

        return redact(super().format(record))


class KioskLogHandler(logging.handlers.RotatingFileHandler):
    """The one file handler of a data directory (marked so it is installed once).

    A log line that cannot be written (disk full, folder gone) is dropped silently: the
    kiosk's own messages to staff must never be buried under logging tracebacks.
    """

    def handleError(self, record: logging.LogRecord) -> None:  # noqa: N802 - logging API
        """Drop the record."""


def install(home: Path | None, level: int = logging.INFO) -> Path | None:
    """Log to ``home/logs/kiosk.log`` (replacing a handler for another data directory).

    Returns the file, or None when there is no data folder or it cannot be written (the
    kiosk runs on, logging nowhere).
    """
    logging.raiseExceptions = False  # a full disk must not print "--- Logging error ---"
    root = logging.getLogger()
    if not any(isinstance(h, logging.NullHandler) for h in root.handlers):
        root.addHandler(logging.NullHandler())  # never Python's last-resort stderr handler
    for name in QUIET:
        logging.getLogger(name).setLevel(logging.WARNING)
    if home is None:
        return None
    path = home / LOG_DIR / LOG_NAME
    for handler in list(root.handlers):
        if isinstance(handler, KioskLogHandler):
            if Path(handler.baseFilename) == path.resolve():
                return path
            root.removeHandler(handler)
            with contextlib.suppress(OSError):  # its disk may be full or gone
                handler.close()
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
        handler = KioskLogHandler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS,
                                  encoding="utf-8", delay=True)
    except OSError:
        return None
    handler.setFormatter(RedactingFormatter(FORMAT))
    handler.setLevel(level)
    root.addHandler(handler)
    if root.level > level or root.level == logging.NOTSET:
        root.setLevel(level)
    return path


def log_files(home: Path) -> list[Path]:
    """The current log file and its rotated copies, newest first."""
    folder = home / LOG_DIR
    if not folder.is_dir():
        return []
    return sorted(folder.glob(LOG_NAME + "*"), key=lambda p: (len(p.name), p.name))
