"""The embedded demo server, started on a thread of its own while the UI thread builds the
window (start-up). Nothing here touches a widget.

Importing what signing in needs on another thread as well was tried and dropped: imports hold
Python's GIL, so on a till's two cores such a thread only slowed the UI thread down (measured
in docs/performance.md, "## Startup").
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import AbstractContextManager


class BackgroundServer:
    """A context manager that yields a URL (``kiosk.ui.application.demo_server``), entered
    on a thread of its own; ``url()`` waits for it, ``close()`` leaves the context there."""

    def __init__(self, server: Callable[[], AbstractContextManager[str]]) -> None:
        self._server = server
        self._url: Future[str] = Future()
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="demo-server", daemon=True)
        self._thread.start()

    def _serve(self) -> None:
        try:
            with self._server() as url:
                self._url.set_result(url)
                self._stop.wait()
        except BaseException as exc:  # handed to whoever waits for the URL
            if not self._url.done():
                self._url.set_exception(exc)
            else:
                raise

    def url(self) -> str:
        """The server's URL, once it listens (raises what stopped it from starting)."""
        return self._url.result()

    def close(self) -> None:
        """Stop the server and wait for its thread."""
        self._stop.set()
        self._thread.join()
