"""Everything that exists while someone is signed in: the account, the controller (with the
session's one runner), the cameras and the flows. Closing the session ends them all."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject

from kiosk.app.qt.controller import EngineApi, KioskController
from kiosk.ui.cameras import Cameras
from kiosk.ui.pages import Navigator
from kiosk.ui.pin import check_pin

if TYPE_CHECKING:
    from kiosk.app.local_staff import LocalStaff, StaffMember
    from kiosk.ui.flows.local_staff import LocalStaffFlow
    from kiosk.ui.main_window import MainWindow

SecretCheck = Callable[[str], bool]  # blocking; runs on the session's runner


@dataclass(frozen=True)
class LocalStart:
    """The till's local staff list as the session opens (key-based platforms)."""

    staff: LocalStaff
    empty: bool  # nobody yet: set up the first manager
    current: StaffMember | None  # who was signed in before a restart


def local_start(engine: Any) -> LocalStart | None:
    """Blocking (a worker): the local staff list of ``engine``'s till, or None where staff
    sign in on the platform (VoucherCart)."""
    if engine.capabilities.staff_sign_in or not hasattr(engine, "store"):
        return None
    from kiosk.app.local_staff import LocalStaff  # noqa: PLC0415 - only key-based tills

    staff = LocalStaff(engine.store, engine.settings)
    return LocalStart(staff, staff.is_empty(), staff.current())


class Session(QObject):
    """One signed-in member of staff on an open engine."""

    def __init__(self, window: MainWindow, account: Any, engine: EngineApi, *,
                 poll_ms: int, camera: bool, local: LocalStart | None = None) -> None:
        super().__init__(window)
        self.window = window
        self.account = account
        self.local_staff = local.staff if local is not None else None
        self.member: StaffMember | None = None  # local staff: who works the till now
        self.controller = KioskController(engine, self, poll_ms=poll_ms)
        self.runner = self.controller.runner  # one runner per session
        self.cameras = Cameras(self, window.scan_screen, lambda: window.settings_screen,
                               self.setting, enabled=camera)
        from kiosk.ui.flows.counter import CounterFlow  # noqa: PLC0415 - flows import the session
        from kiosk.ui.flows.lock import LockFlow  # noqa: PLC0415
        from kiosk.ui.flows.manager import ManagerGate  # noqa: PLC0415
        from kiosk.ui.flows.queue import QueueFlow  # noqa: PLC0415
        from kiosk.ui.flows.scan import ScanFlow  # noqa: PLC0415
        from kiosk.ui.flows.settings import SettingsFlow  # noqa: PLC0415
        from kiosk.ui.flows.undo import UndoFlow  # noqa: PLC0415

        nav: Navigator = window
        self.manager = ManagerGate(self, nav, window)
        self.scan = ScanFlow(self, nav, window)
        self.queue = QueueFlow(self, nav, window)
        self.settings = SettingsFlow(self, nav, window)
        self.lock = LockFlow(self, nav, window)
        self.counter = CounterFlow(self, nav, window)
        self.undo = UndoFlow(self, nav, window)
        self.flows: tuple[Any, ...] = (self.manager, self.scan, self.queue, self.settings,
                                       self.lock, self.counter, self.undo)
        self.local: LocalStaffFlow | None = None  # key-based platforms: the till's own staff
        if self.local_staff is not None:
            from kiosk.ui.flows.local_staff import LocalStaffFlow  # noqa: PLC0415

            self.local = LocalStaffFlow(self, nav, window, self.local_staff)
            self.flows += (self.local,)

    def setting(self, name: str) -> Any:
        """One setting of the open engine."""
        return self.controller.setting(name)

    @property
    def staff_name(self) -> str:
        """Who is signed in (on a local staff list: who unlocked the till last)."""
        if self.local_staff is not None:
            return self.member.name if self.member is not None else ""
        return str(self.account.staff_name)

    def set_member(self, member: StaffMember | None, *, save: bool = True) -> None:
        """Local staff: ``member`` works the till from now on (None: nobody, until someone
        unlocks); recorded with each redemption, and kept across a restart (``save``)."""
        self.member = member
        staff = self.local_staff
        if member is not None:
            self.controller.engine.set_staff(member.name, member.id)
        if save and staff is not None:
            staff_id = member.id if member is not None else ""
            self.runner.run(lambda: staff.set_current(staff_id))
        self.window.show_who()

    def manager_check(self) -> SecretCheck | None:
        """Local staff: any manager's PIN or the till's manager PIN (else None)."""
        staff = self.local_staff
        if staff is None:
            return None
        return lambda secret: staff.check_manager(secret) is not None

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
