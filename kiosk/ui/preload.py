"""Start-up work that runs beside the UI thread while it builds the window: the embedded demo
server, and the imports that signing in and opening the engine need (httpx, the keyring
probe, SQLite's helpers, the session's flows). Each is a plain thread; nothing here touches
a widget.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from contextlib import AbstractContextManager

log = logging.getLogger(__name__)


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


def _warm_imports() -> None:
    """The modules the first minute needs, in the order they are needed."""
    from kiosk.app import signin  # noqa: F401, PLC0415 - httpx
    from kiosk.store.secrets import open_secrets  # noqa: PLC0415

    open_secrets()  # probes the OS keyring once (keyring keeps what it found)
    from kiosk.app import engine  # noqa: F401, PLC0415 - sqlite-utils
    from kiosk.ui import session  # noqa: F401, PLC0415
    from kiosk.ui.flows import counter, lock, manager, queue, scan, settings  # noqa: F401, PLC0415


def warm_up() -> threading.Thread:
    """Start importing what signing in and the session need; join the thread at exit."""

    def run() -> None:
        try:
            _warm_imports()
        except Exception:  # the real import, later, reports it where it matters
            log.debug("warm-up import failed", exc_info=True)

    thread = threading.Thread(target=run, name="warm-up", daemon=True)
    thread.start()
    return thread
