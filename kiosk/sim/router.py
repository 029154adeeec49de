"""Match a request to a route; ``NoRoute`` when none matches (each API answers it its way)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from kiosk.sim.protocol import NoRoute, Request, Response

Handler = Callable[..., Response]


@dataclass(frozen=True)
class Route:
    """``method`` on paths matching ``pattern`` (its groups become handler arguments)."""

    method: str
    pattern: str
    handler: Handler


class Router:
    """A small ordered route table."""

    def __init__(self, routes: Sequence[Route]) -> None:
        self._routes = [(route, re.compile(f"^{route.pattern}/?$")) for route in routes]

    def dispatch(self, context: Any, request: Request) -> Response:
        """Run the matching handler; raises ``NoRoute`` if none matches."""
        path_known = False
        for route, pattern in self._routes:
            match = pattern.match(request.path)
            if match is None:
                continue
            path_known = True
            if route.method == request.method:
                return route.handler(context, request, *match.groups())
        raise NoRoute(path_known)
