"""Plain request/response values passed between the HTTP handler and the routes."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qs, urlsplit

from kiosk.sim.errors import ApiError


@dataclass
class Request:
    """One HTTP request, already read off the socket."""

    method: str
    target: str
    headers: Mapping[str, str] = field(default_factory=dict)  # lower-case names
    body: bytes = b""

    @property
    def path(self) -> str:
        """The path without the query string."""
        return urlsplit(self.target).path

    @property
    def query(self) -> dict[str, str]:
        """Query parameters (first value of each)."""
        return {k: v[0] for k, v in parse_qs(urlsplit(self.target).query,
                                             keep_blank_values=True).items()}

    def form(self) -> dict[str, str]:
        """Body parameters: URL-encoded form, or a JSON object with scalar values."""
        if "json" in self.headers.get("content-type", ""):
            data = self.json()
            return {k: "" if v is None else str(v) for k, v in data.items()
                    if not isinstance(v, dict | list)}
        text = self.body.decode("utf-8", errors="replace")
        return {k: v[0] for k, v in parse_qs(text, keep_blank_values=True).items()}

    def json(self) -> dict[str, Any]:
        """The body as a JSON object; 422 1000 otherwise."""
        try:
            data = json.loads(self.body or b"{}")
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise ApiError(1000, {"body": ["The body must be a JSON object."]}) from exc
        if not isinstance(data, dict):
            raise ApiError(1000, {"body": ["The body must be a JSON object."]})
        return data


@dataclass
class Response:
    """What to send back; ``drop`` closes the connection without sending anything."""

    status: int
    body: bytes = b""
    content_type: str = "application/json"
    drop: bool = False
    headers: Mapping[str, str] = field(default_factory=dict)  # extra headers (Location, …)

    @classmethod
    def json(cls, status: int, data: object) -> Response:
        """A JSON response."""
        return cls(status, json.dumps(data, ensure_ascii=False).encode("utf-8"))

    @classmethod
    def error(cls, error: ApiError) -> Response:
        """The API's error body."""
        return cls.json(error.http_status, error.body())

    @classmethod
    def empty(cls) -> Response:
        """204 No Content."""
        return cls(204, b"", "")
