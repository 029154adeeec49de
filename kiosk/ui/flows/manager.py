"""The manager gate: actions that need the manager PIN (or, while none is set, the
signed-in password; with a local staff list, any manager's PIN or the till's manager PIN);
authority lasts until staff leave the queue and settings."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kiosk.ui.flows.base import Flow
from kiosk.ui.pages import MANAGER_PAGES, Navigator, Page

if TYPE_CHECKING:
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.screens.manager import ManagerScreen
    from kiosk.ui.session import Session


class ManagerGate(Flow):
    """Asks once, then runs what was asked for."""

    def __init__(self, session: Session, nav: Navigator, window: MainWindow) -> None:
        super().__init__(session, nav)
        self.window = window
        self.granted = False
        self._then: Callable[[], None] | None = None
        self._cancel: Callable[[], None] | None = None
        self._from: Page = Page.SCAN
        self.when_built(Page.MANAGER, self._wire)

    @property
    def screen(self) -> ManagerScreen:
        """The manager check's screen (built after the first paint, or when first needed)."""
        return self.window.manager_screen

    def _wire(self, screen: ManagerScreen) -> None:
        self.link(screen.granted, self._granted)
        self.link(screen.cancelled, self._cancelled)

    def page_shown(self, page: Page) -> None:
        """Leaving the manager's pages ends the authority."""
        if page not in MANAGER_PAGES:
            self.granted = False

    def require(self, reason: str, then: Callable[[], None],
                cancelled: Callable[[], None] | None = None) -> None:
        """Run ``then`` once authorised; ``cancelled`` if staff give up."""
        if self.granted:
            then()
            return
        pin = self.session.manager_check() or self.session.pin_check()
        check = pin or self.session.password_check()
        self._then, self._cancel = then, cancelled
        if self.nav.page is not Page.MANAGER:
            self._from = self.nav.page
        self.screen.ask(reason, check, runner=self.session.runner, has_pin=pin is not None)
        self.nav.show_page(Page.MANAGER)

    def _granted(self) -> None:
        then, self._then, self._cancel = self._then, None, None
        self.nav.show_page(self._from)
        self.granted = True  # after show_page: the page left may not be a manager's
        if then is not None:
            then()

    def _cancelled(self) -> None:
        cancel, self._then, self._cancel = self._cancel, None, None
        self.nav.show_page(self._from)
        if cancel is not None:
            cancel()
