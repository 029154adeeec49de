"""``kiosk doctor --support FILE.zip``: what support needs, and nothing it must not see.

The zip holds the (already redacted) log files, versions of the kiosk, Python and its
libraries, the queue's health as counts (no codes), the settings without the PIN hash,
and which server and shop the till uses (no e-mail, no tokens).
"""

from __future__ import annotations

import json
import platform
import sys
import zipfile
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from kiosk import __version__
from kiosk.app.logfile import log_files
from kiosk.app.printing.retry import RetryList
from kiosk.app.signin import current_account
from kiosk.store.database import DB_NAME, Store
from kiosk.store.settings import Settings

LIBRARIES = ("PySide6", "httpx", "sqlite-utils", "opencv-python-headless", "pyzbar",
             "zxing-cpp", "python-escpos", "keyring", "platformdirs")
PRIVATE_SETTINGS = ("lock_pin",)


def versions() -> dict[str, str]:
    """The kiosk's, Python's, the platform's and each library's version."""
    found = {"kiosk": __version__, "python": sys.version.split()[0],
             "platform": platform.platform(), "frozen": str(bool(getattr(sys, "frozen", False)))}
    for name in LIBRARIES:
        try:
            found[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            found[name] = "not installed"
    return found


def queue_health(home: Path) -> dict[str, Any]:
    """Outbox entries per state, the oldest open one's age, uncertain ones, receipts waiting."""
    health: dict[str, Any] = {"receipts_waiting": len(RetryList(home))}
    if not (home / DB_NAME).exists():
        return {**health, "database": "none yet"}
    store = Store.open(home)
    try:
        with store.read() as db:
            health["states"] = {row["state"]: row["n"] for row in db.query(
                "SELECT state, count(*) AS n FROM outbox GROUP BY state")}
            row = next(db.query(
                "SELECT min(redeemed_at) AS oldest, sum(uncertain) AS uncertain FROM outbox "
                "WHERE state IN ('pending', 'sending')"))
    finally:
        store.close()
    health["oldest_open"] = row["oldest"]
    health["uncertain"] = int(row["uncertain"] or 0)
    return health


def write_support_zip(target: Path, home: Path) -> list[str]:
    """Write the support bundle of data directory ``home`` to ``target``; returns its names."""
    account = current_account(home=home)
    settings = {name: value for name, value in Settings.open(home).as_dict().items()
                if name not in PRIVATE_SETTINGS}
    about = {
        "written_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "server": account.server_url if account else None,
        "shop": account.domain_name if account else None,
        "backend": account.backend if account else None,
    }
    parts = {"about.json": about, "versions.json": versions(),
             "queue.json": queue_health(home), "settings.json": settings}
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as bundle:
        for name, data in parts.items():
            bundle.writestr(name, json.dumps(data, indent=2, default=str))
        for log in log_files(home):
            bundle.write(log, f"logs/{log.name}")
        return bundle.namelist()
