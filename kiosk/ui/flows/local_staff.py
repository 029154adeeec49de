"""Local staff sign-in, on platforms that authenticate the shop, not a person (Vouchers API,
Vauchar, ShopWired: ``Capabilities.staff_sign_in`` is False).

The first start with an empty list sets up the first manager; the lock screen lists the
staff by name with a PIN pad; "Switch staff" locks and keeps the shop signed in; whoever
unlocks is recorded with each redemption from then on (``Engine.set_staff``). PIN checks
run on the session's runner (scrypt).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.ui.flows.base import Flow
from kiosk.ui.pages import Navigator, Page
from kiosk.ui.screens.staff_setup import StaffSetupScreen
from kiosk.ui.texts import error_text

if TYPE_CHECKING:
    from kiosk.app.local_staff import LocalStaff, StaffMember
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.session import Session


class LocalStaffFlow(Flow):
    """The first manager, the names-and-PIN lock, switching staff."""

    def __init__(self, session: Session, nav: Navigator, window: MainWindow,
                 staff: LocalStaff) -> None:
        super().__init__(session, nav)
        self.window = window
        self.staff = staff
        self.setup_screen = StaffSetupScreen()
        window.add_page(Page.STAFF_SETUP, self.setup_screen)
        self.link(self.setup_screen.submitted, self._create_first)
        self.when_built(Page.LOCK, lambda lock: self.link(lock.unlocked_as, self._unlocked_as))

    def start_page(self, empty: bool, current: StaffMember | None) -> Page:
        """Where the till opens: set-up (empty list), the lock (nobody signed in), or
        scanning as whoever was signed in before the restart."""
        if empty:
            self.setup_screen.prepare(str(self.session.account.staff_name or ""))
            return Page.STAFF_SETUP
        if current is None:
            self.lock(switch=False, show=False)
            return Page.LOCK
        self.session.set_member(current, save=False)
        return Page.SCAN

    def _create_first(self, name: str, pin: str, confirm: str) -> None:
        staff = self.staff
        self.session.runner.run(
            lambda: staff.add(name, pin, manager=True, confirm=confirm),
            success=self._unlocked_as,
            failure=lambda error: self.setup_screen.show_error(error_text(error)))

    def lock(self, *, switch: bool, show: bool = True) -> None:
        """The lock screen with the staff list (``switch``: nobody is picked, and nobody is
        signed in until someone unlocks)."""
        member = self.session.member
        if switch:
            self.session.set_member(None)
        screen, runner = self.window.lock_screen, self.session.runner
        screen.lock_local([], "", self._check, runner=runner)  # at once; the names follow
        selected = "" if switch or member is None else member.id
        runner.run(self.staff.members, success=lambda members: screen.lock_local(
            members, selected, self._check, runner=runner))
        if show:
            self.nav.show_page(Page.LOCK)

    def _check(self, staff_id: str, pin: str) -> tuple[StaffMember | None, int]:
        """Blocking: the member whose PIN this is, and wrong PINs left before a lockout."""
        member = self.staff.verify(staff_id, pin)
        return member, 0 if member is not None else self.staff.attempts_left(staff_id)

    def _unlocked_as(self, member: StaffMember) -> None:
        self.session.set_member(member)
        self.window.idle.restart()
        self.session.scan.clear()  # a clean scan screen: the last customer's card is gone
        self.nav.show_page(Page.SCAN)

    def unlink(self) -> None:
        """The session ends: the set-up page goes."""
        super().unlink()
        self.window.remove_page(Page.STAFF_SETUP)
