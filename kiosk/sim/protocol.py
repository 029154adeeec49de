"""Plain request/response values passed between the HTTP handler and the routes."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any
from urllib.parse import parse_qs, urlsplit


class SimError(Exception):
    """An error answer in one API's own shape (each API subclasses it)."""

    http_status: int = 500
    headers: Mapping[str, str] = MappingProxyType({})  # extra headers (Retry-After, …)

    def body(self) -> object:
        """The JSON error body."""
        raise NotImplementedError


class BadBody(ValueError):
    """The request body is not a JSON object (each API answers in its own error shape)."""


class NoRoute(LookupError):
    """No route matches: ``path_known`` when only the method is wrong."""

    def __init__(self, path_known: bool) -> None:
        super().__init__("method not allowed" if path_known else "not found")
        self.path_known = path_known


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
        """The body as a JSON object; ``BadBody`` otherwise."""
        try:
            data = json.loads(self.body or b"{}")
        except (json.JSONDecodeError, UnicodeDecodeError) as exc:
            raise BadBody("The body must be a JSON object.") from exc
        if not isinstance(data, dict):
            raise BadBody("The body must be a JSON object.")
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
    def error(cls, error: SimError) -> Response:
        """The API's error body."""
        response = cls.json(error.http_status, error.body())
        response.headers = dict(error.headers)
        return response

    @classmethod
    def empty(cls) -> Response:
        """204 No Content."""
        return cls(204, b"", "")
