"""Shared data for the backend tests: demo logins and the seed's sample responses."""

from __future__ import annotations

import json
import socket
from typing import Any

from tests.helpers.corpus import DATA

SAMPLES = DATA / "vouchercart"


def sample(name: str) -> Any:
    """A sample response copied verbatim from vouchercart-api.txt (``data/NAME.json``)."""
    return json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))


def elided_sample(name: str, full: dict[str, Any]) -> dict[str, Any]:
    """A seed sample written with ``[ ... ]`` / ``{ ... }`` holes, holes filled from ``full``."""
    text = (SAMPLES / f"{name}.elided.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text.replace("[ ... ]", "null").replace("{ ... }", "null"))
    return {key: full[key] if value is None and key in full else value
            for key, value in data.items()}


def free_port() -> int:
    """A loopback port nothing listens on (connections to it are refused)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
