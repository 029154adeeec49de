"""Helpers shared by the simulator's tests."""

from __future__ import annotations

from contextlib import ExitStack
from pathlib import Path
from typing import Any

import httpx

from kiosk.sim.testing import SimServer, serve_in_thread
from tests.helpers.corpus import SEEDS
from tests.helpers.demo import DEMO_FIXTURE, TILL

SEED = SEEDS / "vouchercart-api.txt"

SHOP, CAFE = 1, 2


def sign_in(client: httpx.Client, login: tuple[str, str] = TILL,
            subdomain: str = "demo-shop") -> dict[str, Any]:
    """Sign in; returns the authorize response body."""
    response = client.post("authorize", auth=login, data={"subdomain": subdomain})
    assert response.status_code == 200, response.text
    body: dict[str, Any] = response.json()
    return body


def bearer(client: httpx.Client, login: tuple[str, str] = TILL,
           subdomain: str = "demo-shop") -> dict[str, str]:
    """Authorization headers for ``login``."""
    return {"Authorization": f"Bearer {sign_in(client, login, subdomain)['accessToken']}"}


def assert_error(response: httpx.Response, http_status: int, code: int) -> dict[str, object]:
    """The response is the API's error body with this HTTP status and code."""
    assert response.status_code == http_status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body: dict[str, object] = response.json()
    assert set(body) == {"code", "errors", "message", "status"}
    assert body["code"] == code
    assert body["status"] == "failed"
    assert isinstance(body["errors"], dict)
    assert isinstance(body["message"], str)
    assert body["message"]
    return body


class Sim:
    """The one simulator the tests use: the demo fixture persisted in a temp file, on loopback.

    Every :class:`SimServer` control (``voucher``, ``fail_next``, ``set_clock``, ``requests`` …)
    works on it as on the running server; ``stop()`` cuts the kiosk off (connection refused)
    and ``start()`` serves the same database again on the same port.
    """

    def __init__(self, db: Path, fixture: Path | str | None = None) -> None:
        self.db = db
        self.fixture = fixture if fixture is not None else DEMO_FIXTURE
        self.port = 0
        self._server: SimServer | None = None
        self._stack = ExitStack()

    def start(self) -> Sim:
        """Serve (again, on the same port once it has one)."""
        self._server = self._stack.enter_context(
            serve_in_thread(self.fixture, db=self.db, port=self.port))
        self.port = self._server.port
        return self

    def stop(self) -> None:
        """Stop serving: the kiosk now sees connection refused."""
        self._stack.close()
        self._stack = ExitStack()
        self._server = None

    @property
    def server(self) -> SimServer:
        """The running server."""
        assert self._server is not None, "the simulator is stopped"
        return self._server

    @property
    def api_url(self) -> str:
        """The API base URL (stable across stop/start)."""
        return f"http://127.0.0.1:{self.port}/v1"

    @property
    def base_url(self) -> str:
        """``http://127.0.0.1:PORT`` (where ``/_sim/`` lives)."""
        return f"http://127.0.0.1:{self.port}"

    def __getattr__(self, name: str) -> Any:
        return getattr(self.server, name)
