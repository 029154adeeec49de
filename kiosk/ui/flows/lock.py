"""The lock flow: lock on demand or when idle, unlock to a clean scan screen, switch staff
and sign out (refused, with what to do, while redemptions wait to be sent)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from kiosk.ui.feedback import Sound
from kiosk.ui.flows.base import Flow
from kiosk.ui.pages import CLOSED_PAGES, Navigator, Page

if TYPE_CHECKING:
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.screens.lock import LockScreen
    from kiosk.ui.screens.settings import SettingsScreen
    from kiosk.ui.session import Session


class LockFlow(Flow):
    """Locks the till; only the staff password (or the manager PIN) opens it."""

    def __init__(self, session: Session, nav: Navigator, window: MainWindow) -> None:
        super().__init__(session, nav)
        self.window = window
        self.when_built(Page.LOCK, self._wire_lock)
        self.when_built(Page.SETTINGS, self._wire_settings)
        self.link(window.lock_button.clicked, self.lock)
        self.link(window.idle.idle, self.lock)
        self.link(window.wedge.scanned, self._scanned)

    @property
    def screen(self) -> LockScreen:
        """The lock screen (built after the first paint, or when first needed)."""
        return self.window.lock_screen

    def _wire_lock(self, screen: LockScreen) -> None:
        self.link(screen.unlocked, self._unlocked)
        self.link(screen.switch_staff, self.switch_staff)

    def _wire_settings(self, settings: SettingsScreen) -> None:
        self.link(settings.sign_out_requested, self.sign_out)
        self.link(settings.switch_staff_requested, self.switch_staff)

    def _scanned(self, _code: str) -> None:
        if self.nav.page is Page.LOCK:
            self.window.wedge.forget(_code)
            self.screen.scan_refused()
            self.nav.play(Sound.WARNING)

    def lock(self) -> None:
        """Lock the till until the staff password is typed (a local staff list: until
        someone picks their name and types their PIN)."""
        if self.nav.page in CLOSED_PAGES:
            return
        self.window.idle.stop()
        if self.session.local is not None:
            self.session.local.lock(switch=False)
            return
        pin = self.session.pin_check()
        password = self.session.password_check()

        def check(secret: str) -> bool:  # the manager PIN, else the staff password
            return (pin is not None and pin(secret)) or password(secret)

        self.screen.lock(self.session.staff_name, check, runner=self.session.runner,
                         pin=pin is not None)
        self.nav.show_page(Page.LOCK)

    def _unlocked(self) -> None:
        # A clean scan screen: the previous customer's card never comes back.
        self.window.idle.restart()
        self.session.scan.clear()
        self.nav.show_page(Page.SCAN)

    def blocked_reason(self) -> str:
        """Why signing out is refused now, with what to do; "" when it is allowed."""
        state = self.controller.connectivity
        if state is None or state.pending <= 0:
            return ""
        text = self.tr(
            "%n redemption(s) are still waiting to be sent. Signing out now would strand "
            "them.", None, state.pending)
        if self.controller.setting("offline_forced"):
            return text + " " + self.tr(
                "Work offline is on: unlock, switch it off in Settings → Connection, and wait "
                "until the queue is empty.")
        if not state.online:
            return text + " " + self.tr(
                "The till is offline: reconnect it to the network, then wait until the queue "
                "is empty.")
        return text + " " + self.tr("Wait until the queue is empty (Queue → Send now).")

    def switch_staff(self) -> None:
        """Hand the till to someone else: with a local staff list, lock and keep the shop
        signed in; else sign out (refused while redemptions wait to be sent)."""
        if self.session.local is not None:
            self.window.idle.stop()
            self.session.local.lock(switch=True)
            return
        self.sign_out()

    def sign_out(self) -> None:
        """Forget the account (refused while redemptions wait to be sent)."""
        reason = self.blocked_reason()
        if reason:
            self.window.settings_screen.show_message(reason)
            self.screen.error_label.setText(reason)
            return
        if self.session.local is not None:
            self.session.set_member(None)  # the next shop's till starts at the lock
        self.nav.session_ended()
