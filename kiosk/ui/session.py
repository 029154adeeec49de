"""Everything that exists while someone is signed in: the account, the controller (with the
session's one runner), the cameras and the flows. Closing the session ends them all."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from kiosk.app.qt.controller import EngineApi, KioskController
from kiosk.ui.cameras import Cameras
from kiosk.ui.pages import Navigator
from kiosk.ui.pin import check_pin

if TYPE_CHECKING:
    from kiosk.ui.main_window import MainWindow

SecretCheck = Callable[[str], bool]  # blocking; runs on the session's runner


class Session(QObject):
    """One signed-in member of staff on an open engine."""

    def __init__(self, window: MainWindow, account: Any, engine: EngineApi, *,
                 poll_ms: int, camera: bool) -> None:
        super().__init__(window)
        self.account = account
        self.controller = KioskController(engine, self, poll_ms=poll_ms)
        self.runner = self.controller.runner  # one runner per session
        self.cameras = Cameras(self, window.scan_screen, window.settings_screen,
                               self.setting, enabled=camera)
        from kiosk.ui.flows.counter import CounterFlow  # noqa: PLC0415 - flows import the session
        from kiosk.ui.flows.lock import LockFlow  # noqa: PLC0415
        from kiosk.ui.flows.manager import ManagerGate  # noqa: PLC0415
        from kiosk.ui.flows.queue import QueueFlow  # noqa: PLC0415
        from kiosk.ui.flows.scan import ScanFlow  # noqa: PLC0415
        from kiosk.ui.flows.settings import SettingsFlow  # noqa: PLC0415
        from kiosk.ui.flows.undo import UndoFlow  # noqa: PLC0415

        nav: Navigator = window
        self.manager = ManagerGate(self, nav, window.manager_screen)
        self.scan = ScanFlow(self, nav, window)
        self.queue = QueueFlow(self, nav, window)
        self.settings = SettingsFlow(self, nav, window)
        self.lock = LockFlow(self, nav, window)
        self.counter = CounterFlow(self, nav, window)
        self.undo = UndoFlow(self, nav, window)
        self.flows = (self.manager, self.scan, self.queue, self.settings, self.lock,
                      self.counter, self.undo)

    def setting(self, name: str) -> Any:
        """One setting of the open engine."""
        return self.controller.setting(name)

    @property
    def staff_name(self) -> str:
        """Who is signed in."""
        return str(self.account.staff_name)

    def password_check(self) -> SecretCheck:
        """A blocking check of the signed-in user's password."""
        account = self.account

        def check(secret: str) -> bool:
            from kiosk.app import signin  # noqa: PLC0415 - httpx, on a worker thread

            return bool(signin.verify_password(account, secret))

        return check

    def pin_check(self) -> SecretCheck | None:
        """A check of the manager PIN, or None while none is set."""
        stored = str(self.setting("lock_pin") or "")
        if not stored:
            return None
        return lambda secret: check_pin(stored, secret)

    def close(self) -> None:
        """Cut the flows, stop the cameras, wait for the runner, close the engine."""
        for flow in self.flows:
            flow.unlink()
        self.cameras.stop_all()
        self.controller.close()
        self.deleteLater()
