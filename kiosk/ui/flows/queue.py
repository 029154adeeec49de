"""The queue flow: list the outbox, send now, retry or write off conflicts, export."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.app.clock import local_midnight
from kiosk.ui.flows.base import Flow
from kiosk.ui.pages import CLOSED_PAGES, Navigator, Page
from kiosk.ui.texts import error_text

if TYPE_CHECKING:
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.screens.queue import QueueScreen
    from kiosk.ui.session import Session


class QueueFlow(Flow):
    """Connects the queue screen to the controller, behind the manager gate."""

    def __init__(self, session: Session, nav: Navigator, window: MainWindow) -> None:
        super().__init__(session, nav)
        self.window = window
        self.when_built(Page.QUEUE, self._wire)
        controller = self.controller
        self.link(controller.conflict_resolved, self._resolved)
        self.link(controller.exported, self._exported)
        self.link(controller.sync_done, lambda _report: self._refresh())
        self.link(controller.redeem_done, lambda _outcome: self._refresh())
        self.link(window.queue_button.clicked, self.open)
        self.link(window.connection.clicked, self.open)

    @property
    def screen(self) -> QueueScreen:
        """The queue screen (built after the first paint, or when first needed)."""
        return self.window.queue_screen

    def _wire(self, screen: QueueScreen) -> None:
        gate = self.session.manager
        controller = self.controller
        self.link(screen.refresh_requested,
                  lambda states: controller.load_entries(states, self._failed))
        self.link(screen.summary_requested, self._load_summary)
        self.link(screen.sync_requested, self.send_now)
        self.link(screen.retry_requested, lambda entry_id: gate.require(
            self.tr("Retry a conflict"),
            lambda: controller.retry_conflict(entry_id, self._failed), screen.update_buttons))
        self.link(screen.write_off_requested, lambda entry_id, note: gate.require(
            self.tr("Write off a conflict"),
            lambda: controller.write_off(entry_id, note, self._failed), screen.update_buttons))
        self.link(screen.export_clicked, lambda: gate.require(
            self.tr("Export the redemptions"), screen.ask_export, screen.update_buttons))
        self.link(screen.export_requested, lambda path: gate.require(
            self.tr("Export the redemptions"),
            lambda: controller.export_csv(Path(path), self._failed)))
        self.link(controller.entries_loaded, screen.show_entries)
        self.link(controller.summary_loaded, screen.show_summary)

    def open(self) -> None:
        """The manager's queue and conflicts screen."""
        if self.nav.page in CLOSED_PAGES:
            return
        self.nav.show_page(Page.QUEUE)
        self.screen.show_message("")
        self.screen.refresh()

    def send_now(self) -> None:
        """Replay the outbox now; while Work offline is on, say why nothing is sent."""
        if self.controller.setting("offline_forced"):
            self.screen.show_message(self.tr(
                "Work offline is on: nothing is sent. Switch it off in Settings → Connection "
                "to send the queue."))
            return
        self.screen.show_message(self.tr("Sending…"))
        self.controller.sync_now(self._failed)

    def _refresh(self) -> None:
        if self.nav.page is Page.QUEUE:
            self.screen.refresh()

    def _load_summary(self) -> None:
        self.controller.load_summary(local_midnight(datetime.now().astimezone()), self._failed)

    def _failed(self, error: BaseException) -> None:
        self.screen.show_message(error_text(error))
        self._refresh()

    def _resolved(self, _entry_id: str) -> None:
        self.screen.show_message(self.tr("Conflict resolved."))
        self.screen.note_field.clear()
        self._refresh()

    def _exported(self, path: str, rows: int) -> None:
        self.screen.show_message(
            self.tr("%n redemption(s) exported to %1.", None, rows).replace("%1", path))
