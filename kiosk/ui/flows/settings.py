"""The settings flow: open behind the manager gate, save through the controller, cameras."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kiosk.ui.flows.base import Flow
from kiosk.ui.pages import CLOSED_PAGES, Navigator, Page
from kiosk.ui.pin import hash_pin
from kiosk.ui.texts import error_text, staff_problem_text

if TYPE_CHECKING:
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.screens.settings import SettingsScreen
    from kiosk.ui.session import Session


class SettingsFlow(Flow):
    """Loads the settings screen from the engine and stores what staff changed."""

    def __init__(self, session: Session, nav: Navigator, window: MainWindow) -> None:
        super().__init__(session, nav)
        self.window = window
        self.cameras = session.cameras
        self.when_built(Page.SETTINGS, self._wire)
        self.link(window.settings_button.clicked, self.open)
        self.link(window.wedge.burst, self._burst)

    @property
    def screen(self) -> SettingsScreen:
        """The settings screen (built after the first paint, or when first needed)."""
        return self.window.settings_screen

    def _wire(self, screen: SettingsScreen) -> None:
        self.link(screen.save_requested, self.save)
        self.link(screen.cameras_requested, self._find_cameras)
        self.link(screen.preview_requested, self.cameras.start_preview)

    def _burst(self, code: str, gap_ms: float) -> None:
        if self.nav.page is Page.SETTINGS and self.screen.scanner_test.hasFocus():
            self.screen.show_scanner_test(code, gap_ms)

    def open(self, tab: str = "") -> None:
        """The settings screen (manager only), at ``tab`` when given."""
        if self.nav.page in CLOSED_PAGES:
            return
        self.session.manager.require(self.tr("Open the settings"), lambda: self.show(tab))

    def account_text(self) -> str:
        """Who is signed in where, for the settings screen."""
        account = self.session.account
        if self.session.local_staff is not None:  # a key-based platform signs in the shop
            return self.tr("%1 on %2, shop %3, at %4").replace(
                "%1", self.session.staff_name).replace(
                "%2", account.platform_title).replace(
                "%3", account.domain_name).replace("%4", account.server_url)
        return self.tr("%1 (%2) on %3 at %4").replace("%1", self.session.staff_name).replace(
            "%2", account.email).replace("%3", account.domain_name).replace(
            "%4", account.server_url)

    def _load(self) -> None:
        self.screen.load(self.controller.settings_values(), self.account_text(),
                         staff_pins=self.session.local_staff is not None)

    def show(self, tab: str = "") -> None:
        """The settings screen, for a caller that already has manager authority."""
        self._load()
        if tab in self.screen.tab_keys:
            self.screen.tabs.setCurrentIndex(self.screen.tab_keys.index(tab))
        self.nav.show_page(Page.SETTINGS)

    def save(self, changed: dict[str, Any]) -> None:
        """Store ``changed`` off the UI thread, then apply it."""
        changed = dict(changed)
        new_pin = changed.pop("manager_pin", None)
        staff = self.session.local_staff
        if new_pin and staff is not None:  # the till's PIN is nobody's own PIN too
            self.session.runner.run(
                lambda: staff.pin_in_use(new_pin),
                success=lambda taken: self.screen.show_message(
                    staff_problem_text("pin_taken")) if taken else self._store(changed, new_pin),
                failure=lambda error: self.screen.show_message(error_text(error)))
            return
        self._store(changed, new_pin)

    def _store(self, changed: dict[str, Any], new_pin: str | None) -> None:
        pin_hash = hash_pin(new_pin) if new_pin else None  # only the salted hash is kept

        def saved(_none: None) -> None:
            self.nav.apply_settings()
            if "fullscreen" in changed:
                self.nav.set_full_screen(bool(changed["fullscreen"]))
            if {"camera_device", "decoder"} & changed.keys():
                self.cameras.stop()  # starts again on the new device when staff leave here
            self._load()
            self.screen.show_message(
                self.tr("Saved. The manager PIN is set.") if new_pin else self.tr("Saved."))

        self.controller.save_settings(
            changed, pin_hash, saved,
            lambda error: self.screen.show_message(error_text(error)))

    def _find_cameras(self) -> None:
        from kiosk.scan.camera import list_cameras  # noqa: PLC0415

        self.session.runner.run(list_cameras, success=lambda cams: self.screen.set_cameras(
            [(str(c.index), c.name) for c in cams]))
