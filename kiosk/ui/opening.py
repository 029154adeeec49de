"""Opening the till at start-up: sign in (the demo) or find the saved account, then open the
engine — one worker job, begun before the window is built.

Its waits (the demo server's start, the sign-in round trips, the disk) then overlap the
building of the window instead of following it, and its imports (httpx, sqlite-utils) run
before the window needs them (start-up, docs/performance.md). The window takes the outcome
with ``then`` whenever it is ready for it: before or after the job has finished.
"""

from __future__ import annotations

import contextlib
import importlib
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from kiosk.app.qt.controller import EngineApi
from kiosk.app.qt.runner import Runner
from kiosk.ui.session import LocalStart, local_start

ENGINE_MODULE = "kiosk.app.engine"  # sqlite-utils and the store
SESSION_MODULES = tuple(f"kiosk.ui.flows.{name}" for name in (
    "counter", "lock", "manager", "queue", "scan", "settings", "undo"))


class SignInRefused(Exception):
    """Signing in did not work (``error``): the sign-in screen says why."""

    def __init__(self, error: BaseException) -> None:
        super().__init__(str(error))
        self.error = error


@dataclass(frozen=True)
class Opened:
    """What the job found: no ``account`` (nobody signed in: ask), or the open engine."""

    account: Any = None
    engine: EngineApi | None = None
    local: LocalStart | None = None
    password: str = ""  # a sign-in's password, whose offline check is still to be kept


def open_engine(kiosk_name: str = "") -> tuple[EngineApi, LocalStart | None]:
    """Blocking (a worker): the signed-in account's engine, named ``kiosk_name`` when given,
    and the till's local staff list where it has one."""
    from kiosk.app.engine import Engine  # noqa: PLC0415 - heavy; only once signed in

    engine = Engine.open()  # its background sync starts once the window shows the scan screen
    try:
        if kiosk_name:
            engine.settings.kiosk_name = kiosk_name  # a file write
        opened = engine, local_start(engine)
    except BaseException:
        engine.close()
        raise
    _import_session()
    return opened


def _import_session() -> None:
    """Import the modules of a session's flows here, on the worker, while the UI thread
    waits for the engine anyway, not on the UI thread once it is open (start-up)."""
    for name in SESSION_MODULES:
        importlib.import_module(name)


def _import_quietly(*names: str) -> None:
    """Import modules ``names`` (on a thread of its own); a failure is raised again where
    the module is imported next (``open_engine``), on the job that reports it."""
    for name in names:
        with contextlib.suppress(Exception):
            importlib.import_module(name)


def keep_password_check(runner: Runner, email: str, password: str) -> None:
    """Keep the offline password check of a sign-in (a deliberately slow hash) on ``runner``,
    beside opening the till instead of before it: the scan screen does not wait for it."""
    def keep() -> None:
        from kiosk.app import signin  # noqa: PLC0415 - httpx: on the worker

        signin.set_password_check(email, password)

    runner.run(keep)


def open_till(server: Callable[[], str] | None = None,
              login: Mapping[str, str] | None = None) -> Opened:
    """Blocking (a worker): with ``login`` (email, password, domain) sign in on the server at
    ``server()`` (which may still be starting: the demo's), else the saved account; then
    open its engine. A refused sign-in raises ``SignInRefused``."""
    from kiosk.app import signin  # noqa: PLC0415 - httpx: while the demo server starts

    if login is None:
        importlib.import_module(ENGINE_MODULE)
    else:  # the engine's imports fill the waits for the demo server and the sign-in's answers
        importer = threading.Thread(target=_import_quietly,
                                    args=(ENGINE_MODULE, *SESSION_MODULES),
                                    name="kiosk-opening-imports", daemon=True)
        importer.start()
    url = server() if server is not None else None
    if url is not None:
        print(f"Demo server: {url}", flush=True)  # noqa: T201 - tests and staff read it
    if login is not None:
        url = url or login["server"]
        try:
            account = signin.sign_in(url, login["email"], login["password"], login["domain"],
                                     password_check=False)
        except Exception as exc:
            raise SignInRefused(exc) from exc
        finally:
            importer.join()
        engine, local = open_engine()
        return Opened(account, engine, local, login["password"])
    saved = signin.current_account()
    if saved is None:
        return Opened()
    engine, local = open_engine()
    return Opened(saved, engine, local)


class Opening:
    """``open_till`` running on ``runner``; its outcome goes to ``then``'s callbacks on the
    runner's thread (the UI thread)."""

    def __init__(self, runner: Runner, *, server: Callable[[], str] | None = None,
                 login: Mapping[str, str] | None = None) -> None:
        self.login = dict(login) if login is not None else None
        self.server_url = ""  # known once the server answers
        self._server = server
        self._outcome: tuple[Opened | None, BaseException | None] | None = None
        self._then: tuple[Callable[[Opened], None], Callable[[BaseException], None]] | None = \
            None
        runner.run(self._work, success=lambda opened: self._settle(opened, None),
                   failure=lambda error: self._settle(None, error))

    def _work(self) -> Opened:
        return open_till(self._url if self._server is not None else None, self.login)

    def _url(self) -> str:
        assert self._server is not None
        self.server_url = self._server()  # kept for a refused sign-in's form
        return self.server_url

    def then(self, success: Callable[[Opened], None],
             failure: Callable[[BaseException], None]) -> None:
        """Hand the outcome to ``success`` or ``failure``, now if it is in, else when it is."""
        self._then = (success, failure)
        if self._outcome is not None:
            self._deliver()

    def _settle(self, opened: Opened | None, error: BaseException | None) -> None:
        self._outcome = (opened, error)
        if self._then is not None:
            self._deliver()

    def _deliver(self) -> None:
        assert self._outcome is not None
        assert self._then is not None
        (opened, error), (success, failure) = self._outcome, self._then
        self._then = None
        if opened is not None:
            success(opened)
        else:
            failure(error if error is not None else RuntimeError("no outcome"))

