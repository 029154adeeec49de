"""The counter's extras, wired into the shell: receipts (print on the result screen,
auto-print, reprint last from the scan screen, reprint from the queue, printer settings),
the end-of-shift report (from the queue) and staff accounts (from settings).

The widgets are the self-contained ones of ``kiosk.ui.receipts``, ``kiosk.ui.printer_settings``,
``kiosk.ui.shift_report`` and ``kiosk.ui.staff``; this flow builds them for the session and
takes them away again when it ends. The Z report's and the staff accounts' pages are built
when first opened (start-up, docs/performance.md), and their modules imported then.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.app.engine import Engine
from kiosk.domain.outcomes import RedeemOutcome, RedeemStatus
from kiosk.ui.flows.base import Flow
from kiosk.ui.pages import Navigator, Page
from kiosk.ui.receipts import ReceiptPanel, ReceiptPresenter, result_text

if TYPE_CHECKING:
    from kiosk.app.printing.service import PrintResult
    from kiosk.ui.local_staff import LocalStaffPanel
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.printer_settings import PrinterSettingsPage
    from kiosk.ui.screens.queue import QueueScreen
    from kiosk.ui.screens.result import ResultScreen
    from kiosk.ui.screens.settings import SettingsScreen
    from kiosk.ui.session import Session
    from kiosk.ui.shift_report import ShiftReportScreen
    from kiosk.ui.staff import StaffScreen


class CounterFlow(Flow):
    """Receipts, the Z report and staff accounts for one signed-in session."""

    def __init__(self, session: Session, nav: Navigator, window: MainWindow) -> None:
        super().__init__(session, nav)
        self.window = window
        engine = cast(Engine, self.controller.engine)
        self.receipts = ReceiptPresenter(engine, session.runner, self)
        # Result screen: "Print receipt" and the kept-receipts line.
        self.panel = ReceiptPanel(self.receipts)
        self.when_built(Page.RESULT, self._wire_result)
        # Scan screen: "Reprint last".
        self.reprint_last_button = QPushButton()
        scan = window.scan_screen
        scan.extras.addWidget(self.reprint_last_button)
        # Tab in reading order: the code, "Check", then the buttons under the camera.
        QWidget.setTabOrder(scan.check_button, scan.camera_button)
        QWidget.setTabOrder(scan.camera_button, self.reprint_last_button)
        # Queue screen: reprint the selected entry, and the end of the shift.
        self.reprint_button = QPushButton()
        self.shift_button = QPushButton()
        self.when_built(Page.QUEUE, self._wire_queue)
        # Settings: a printer tab and a staff tab, built with the settings screen.
        self.printer_page: PrinterSettingsPage | None = None
        self.printer_tab: QWidget | None = None  # the page in its scroll area
        self.staff_tab = QWidget()
        self.staff_hint = QLabel(self.staff_tab)
        self.staff_hint.setWordWrap(True)
        self.staff_button = QPushButton(self.staff_tab)
        self.local_panel: LocalStaffPanel | None = None
        self.when_built(Page.SETTINGS, self._wire_settings)
        # Pages of their own, built when first opened.
        self._shift_screen: ShiftReportScreen | None = None
        self._staff_screen: StaffScreen | None = None

        gate = session.manager
        self.link(self.controller.redeem_done, self._redeemed)
        self.link(self.reprint_last_button.clicked, self.receipts.print_last)
        self.link(self.reprint_button.clicked, self._reprint_selected)
        self.link(self.receipts.finished, self._printed)
        self.link(self.shift_button.clicked, lambda: gate.require(
            self.tr("End of shift"), self.open_shift))
        self.link(self.staff_button.clicked, lambda: gate.require(
            self.tr("Staff accounts"), self.open_staff))
        self.link(window.language_changed, self.retranslate)  # our widgets follow
        self.retranslate()

    def _wire_result(self, result: ResultScreen) -> None:
        result.add_extra(self.panel)

    def _wire_queue(self, queue: QueueScreen) -> None:
        queue.extras.addWidget(self.reprint_button)
        queue.extras.addWidget(self.shift_button)
        QWidget.setTabOrder(queue.write_off_button, self.reprint_button)
        QWidget.setTabOrder(self.reprint_button, self.shift_button)

    def _wire_settings(self, settings: SettingsScreen) -> None:
        from kiosk.ui.printer_settings import PrinterSettingsPage  # noqa: PLC0415 - see above
        from kiosk.ui.screens.settings import scrolled  # noqa: PLC0415 - built with the screen

        page = self.printer_page = PrinterSettingsPage(self.receipts)
        self.printer_tab = scrolled(page)
        self.link(settings.save_button.clicked, lambda: page.save(then_test=False))  # one Save
        staff_box = QVBoxLayout(self.staff_tab)
        staff_box.addWidget(self.staff_hint)
        staff_box.addWidget(self.staff_button)
        if self.session.local_staff is not None:  # the till's own list, not the platform's
            from kiosk.ui.local_staff import LocalStaffPanel  # noqa: PLC0415

            self.local_panel = LocalStaffPanel(self.session.local_staff, self.session.runner,
                                               self.staff_tab)
            staff_box.addWidget(self.local_panel, 1)
            self.staff_hint.hide()
            self.staff_button.hide()
        else:
            staff_box.addStretch(1)
        settings.tabs.addTab(self.printer_tab, "")
        settings.tabs.addTab(self.staff_tab, "")
        settings.tab_keys += ("printer", "staff")
        self._retranslate_tabs(settings)

    @property
    def shift_screen(self) -> ShiftReportScreen:
        """The Z report's page (built on first use)."""
        if self._shift_screen is None:
            from kiosk.ui.shift_report import ShiftReportScreen  # noqa: PLC0415 - see above

            screen = ShiftReportScreen(self.receipts.service, self.session.runner)
            self.window.add_page(Page.SHIFT, screen)
            self.link(screen.back, self._back_to_queue)
            self.link(screen.closed, self._back_to_queue)
            self._shift_screen = screen
        return self._shift_screen

    @property
    def staff_screen(self) -> StaffScreen:
        """The staff accounts' page (built on first use)."""
        if self._staff_screen is None:
            from kiosk.ui.staff import StaffScreen  # noqa: PLC0415 - see above

            screen = StaffScreen(self.session.account, self.session.runner)
            self.window.add_page(Page.STAFF, screen)
            self.link(screen.back, lambda: self.nav.show_page(Page.SETTINGS))
            self._staff_screen = screen
        return self._staff_screen

    def retranslate(self) -> None:
        """Set the texts of the buttons this flow adds."""
        self.reprint_last_button.setText(self.tr("Reprint last receipt"))
        self.reprint_button.setText(self.tr("Reprint receipt"))
        self.shift_button.setText(self.tr("End of shift"))
        self.staff_hint.setText(self.tr(
            "Add, change or remove this shop's staff and set new passwords. An administrator "
            "of the shop signs in for this only; nothing of it is saved on the till."))
        self.staff_button.setText(self.tr("Manage staff accounts…"))
        if self.printer_page is not None:
            self._retranslate_tabs(self.window.settings_screen)

    def _retranslate_tabs(self, settings: SettingsScreen) -> None:
        tabs = settings.tabs
        if self.printer_tab is not None:
            tabs.setTabText(tabs.indexOf(self.printer_tab), self.tr("Printer"))
        tabs.setTabText(tabs.indexOf(self.staff_tab), self.tr("Staff"))

    def _redeemed(self, outcome: RedeemOutcome) -> None:
        entry_id = outcome.entry_id if outcome.status is not RedeemStatus.REFUSED else None
        # A conflict's retry (on the queue screen) is not a customer at the counter.
        self.panel.set_entry(entry_id, auto=self.nav.page is not Page.QUEUE)

    def _reprint_selected(self) -> None:
        entry = self.window.queue_screen.selected()
        if entry is None:
            self.window.queue_screen.show_message(self.tr("Pick a redemption first."))
            return
        self.receipts.print_entry(entry.id)

    def _printed(self, result: PrintResult) -> None:
        if self.nav.page is Page.QUEUE:
            self.window.queue_screen.show_message(result_text(result))
        elif self.nav.page is Page.SCAN:
            self.window.scan_screen.error_label.setText(
                "" if result.printed else result_text(result))

    def open_shift(self) -> None:
        """The Z report, built afresh."""
        screen = self.shift_screen
        self.nav.show_page(Page.SHIFT)
        screen.load()

    def open_staff(self) -> None:
        """The staff-accounts screen."""
        _ = self.staff_screen
        self.nav.show_page(Page.STAFF)

    def _back_to_queue(self) -> None:
        self.nav.show_page(Page.QUEUE)
        self.window.queue_screen.refresh()

    def unlink(self) -> None:
        """The session ends: take every widget of this flow away."""
        super().unlink()
        self.window.removeEventFilter(self)
        if self._staff_screen is not None and self._staff_screen.manager is not None:
            self._staff_screen.manager.close()
        if self.printer_tab is not None:  # the settings screen was built: take the tabs
            settings = self.window.settings_screen
            for tab in (self.printer_tab, self.staff_tab):
                settings.tabs.removeTab(settings.tabs.indexOf(tab))
            self.printer_tab.deleteLater()
            settings.tab_keys = tuple(k for k in settings.tab_keys
                                      if k not in ("printer", "staff"))
        self.staff_tab.deleteLater()
        for widget in (self.panel, self.reprint_last_button, self.reprint_button,
                       self.shift_button):
            widget.setParent(None)
            widget.deleteLater()
        self.window.remove_page(Page.SHIFT)
        self.window.remove_page(Page.STAFF)
