"""The kiosk's one window: a top bar (who, where, connection, queue) over a stack of screens.

The window routes: screens emit what staff asked for, the controller runs it off the UI
thread, and the answers choose the next screen. Nothing here blocks the event loop.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Literal

from PySide6.QtCore import QCoreApplication, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk import APP_NAME
from kiosk.app.qt_controller import EngineApi, KioskController
from kiosk.app.qt_runner import Runner
from kiosk.domain.errors import AuthError, SessionExpired
from kiosk.domain.outcomes import Connectivity, Lookup, RedeemOutcome, RedeemStatus
from kiosk.domain.voucher import VoucherState
from kiosk.scan.codes import CodeRejected, normalise_code
from kiosk.ui.feedback import Feedback, Sound
from kiosk.ui.i18n import Translations
from kiosk.ui.idle import MINUTE_MS, IdleWatcher
from kiosk.ui.pin import check_pin, hash_pin
from kiosk.ui.screens.card import CardScreen
from kiosk.ui.screens.lock import LockScreen
from kiosk.ui.screens.manager import ManagerScreen
from kiosk.ui.screens.queue import QueueScreen
from kiosk.ui.screens.redeem import RedeemScreen
from kiosk.ui.screens.result import DEFAULT_SECONDS, ResultScreen
from kiosk.ui.screens.scan import ScanScreen
from kiosk.ui.screens.settings import SettingsScreen
from kiosk.ui.screens.signin import SignInScreen
from kiosk.ui.style import set_role, set_tone
from kiosk.ui.texts import Tone, error_text, state_title, state_tone
from kiosk.ui.wedge import WedgeFilter

EngineOpener = Callable[[], EngineApi]
FLASH_MS = 180
# Where a scanner burst is taken as a scan (never on the password screens).
WEDGE_SCREENS = ("scan", "card", "result", "redeem", "queue", "settings")


class Page(StrEnum):
    """The screens of the stack."""

    SIGNIN = "signin"
    SCAN = "scan"
    CARD = "card"
    REDEEM = "redeem"
    RESULT = "result"
    QUEUE = "queue"
    SETTINGS = "settings"
    LOCK = "lock"
    MANAGER = "manager"


# Manager authority lasts while staff stay on these pages; any other page ends it.
MANAGER_PAGES = frozenset({Page.QUEUE, Page.SETTINGS, Page.MANAGER})


def _open_engine() -> EngineApi:
    from kiosk.app.engine import Engine  # noqa: PLC0415 - heavy; only once signed in

    return Engine.open()  # its background sync starts once the window shows the scan screen


def _current_account() -> Any:
    # On a worker thread: importing the sign-in module (httpx) must not hold up the window.
    from kiosk.app import signin  # noqa: PLC0415

    return signin.current_account()


def decoder_name(setting: str) -> Literal["combined", "zxing", "zbar"]:
    """The camera worker's decoder for a ``decoder`` setting."""
    return "zxing" if setting == "zxing" else "zbar" if setting == "zbar" else "combined"


class MainWindow(QMainWindow):
    """Top bar + screens; owns the controller once someone is signed in."""

    engine_ready = Signal()  # signed in and the engine is open
    page_changed = Signal(str)  # the Page now shown
    stopping = Signal()  # shutting down: stop cameras and other workers now

    def __init__(
        self,
        *,
        open_engine: EngineOpener = _open_engine,
        translations: Translations | None = None,
        result_seconds: int = DEFAULT_SECONDS,
        idle_unit_ms: int = MINUTE_MS,
        poll_ms: int = 3000,
        camera: bool = False,
    ) -> None:
        """``camera``: run the camera worker on the configured device once signed in."""
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(1024, 600)
        self.open_engine = open_engine
        self.translations = translations or Translations()
        self.poll_ms = poll_ms
        self.controller: KioskController | None = None
        self.account: Any = None
        self.runner = Runner(self)
        self.feedback = Feedback(self)
        self.idle = IdleWatcher(self, unit_ms=idle_unit_ms)
        self.wedge = WedgeFilter(self)
        self.wedge.scanned.connect(self.scan_code)
        self.camera_enabled = camera
        self._camera_on = False  # set once the window is up and signed in
        self.camera: Any = None  # the CameraWorker feeding the scan screen
        self.camera_source: tuple[Any, str] | None = None  # (device, decoder) it runs with
        self.preview_camera: Any = None  # the CameraWorker of the settings preview
        self.manager_granted = False  # the manager PIN was given (until leaving MANAGER_PAGES)
        self._manager_then: Callable[[], None] | None = None
        self._manager_cancel: Callable[[], None] | None = None
        self._manager_from: Page = Page.SCAN
        self._locked_from: Page = Page.SCAN
        self._demo_login: dict[str, str] | None = None

        self.top_bar = self._build_top_bar()
        self.stack = QStackedWidget(self)
        self.signin_screen = SignInScreen(self.runner)
        self.scan_screen = ScanScreen()
        self.card_screen = CardScreen()
        self.redeem_screen = RedeemScreen()
        self.result_screen = ResultScreen(seconds=result_seconds)
        self.queue_screen = QueueScreen()
        self.settings_screen = SettingsScreen()
        self.lock_screen = LockScreen(self.runner)
        self.manager_screen = ManagerScreen(self.runner)
        self.pages: dict[Page, QWidget] = {
            Page.MANAGER: self.manager_screen,
            Page.SIGNIN: self.signin_screen, Page.SCAN: self.scan_screen,
            Page.CARD: self.card_screen, Page.REDEEM: self.redeem_screen,
            Page.RESULT: self.result_screen, Page.QUEUE: self.queue_screen,
            Page.SETTINGS: self.settings_screen, Page.LOCK: self.lock_screen,
        }
        for widget in self.pages.values():
            self.stack.addWidget(widget)
        self.flash = QFrame(self)
        self.flash.setObjectName("flash")
        self.flash.hide()
        central = QWidget(self)
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.top_bar)
        box.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._connect_screens()
        self.retranslate()
        self.show_page(Page.SIGNIN)

    # -- building -----------------------------------------------------------------------

    def _build_top_bar(self) -> QFrame:
        from kiosk.ui.widgets.connection import ConnectionIndicator  # noqa: PLC0415

        bar = QFrame(self)
        bar.setObjectName("topBar")
        self.kiosk_label = QLabel(bar)
        self.kiosk_label.setObjectName("title")
        self.staff_label = QLabel(bar)
        self.connection = ConnectionIndicator(bar)
        self.scan_button = QPushButton(bar)
        self.queue_button = QPushButton(bar)
        self.settings_button = QPushButton(bar)
        self.lock_button = QPushButton(bar)
        for button in (self.scan_button, self.queue_button, self.settings_button,
                       self.lock_button):
            set_role(button, "nav")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row = QHBoxLayout(bar)
        row.setContentsMargins(12, 6, 12, 6)
        row.addWidget(self.kiosk_label)
        row.addWidget(self.staff_label)
        row.addStretch(1)
        row.addWidget(self.connection)
        row.addWidget(self.scan_button)
        row.addWidget(self.queue_button)
        row.addWidget(self.settings_button)
        row.addWidget(self.lock_button)
        self.scan_button.clicked.connect(self.go_home)
        self.queue_button.clicked.connect(self.open_queue)
        self.connection.clicked.connect(self.open_queue)
        self.settings_button.clicked.connect(self.open_settings)
        self.lock_button.clicked.connect(self.lock)
        return bar

    def _connect_screens(self) -> None:
        self.signin_screen.signed_in.connect(self._signed_in)
        self.scan_screen.code_entered.connect(self.scan_code)
        self.card_screen.redeem_all.connect(self._redeem)
        self.card_screen.redeem_part.connect(self._redeem_part)
        self.card_screen.back.connect(self.go_home)
        self.redeem_screen.confirmed.connect(self._redeem)
        self.redeem_screen.cancelled.connect(lambda: self.show_page(Page.CARD))
        self.result_screen.done.connect(self.go_home)
        self.lock_screen.unlocked.connect(self._unlocked)
        self.lock_screen.switch_staff.connect(self.switch_staff)
        self.settings_screen.save_requested.connect(self._save_settings)
        self.settings_screen.sign_out_requested.connect(self.sign_out)
        self.settings_screen.switch_staff_requested.connect(self.switch_staff)
        self.settings_screen.cameras_requested.connect(self._find_cameras)
        self.settings_screen.preview_requested.connect(self.start_preview)
        self._connect_queue()
        self.queue_screen.export_clicked.connect(
            lambda: self.require_manager(self.tr("Export the redemptions"),
                                         self.queue_screen.ask_export,
                                         self.queue_screen.update_buttons))
        self.manager_screen.granted.connect(self._manager_granted)
        self.manager_screen.cancelled.connect(self._manager_cancelled)
        self.idle.idle.connect(self.lock)

    def _connect_queue(self) -> None:
        # Connected once; each call goes to the controller of the moment.
        queue = self.queue_screen

        def with_controller(action: Callable[[KioskController], None]) -> Callable[[], None]:
            def run() -> None:
                if self.controller is not None:
                    action(self.controller)
            return run

        queue.refresh_requested.connect(
            lambda states: with_controller(lambda c: c.load_entries(states))())
        queue.summary_requested.connect(self._load_summary)
        queue.sync_requested.connect(with_controller(lambda c: c.sync_now()))
        queue.retry_requested.connect(lambda entry_id: self.require_manager(
            self.tr("Retry a conflict"),
            with_controller(lambda c: c.retry_conflict(entry_id)), queue.update_buttons))
        queue.write_off_requested.connect(lambda entry_id, note: self.require_manager(
            self.tr("Write off a conflict"),
            with_controller(lambda c: c.write_off(entry_id, note)), queue.update_buttons))
        queue.export_requested.connect(lambda path: self.require_manager(
            self.tr("Export the redemptions"),
            with_controller(lambda c: c.export_csv(Path(path)))))

    def retranslate(self) -> None:
        """Top-bar texts in the current language."""
        self.scan_button.setText(self.tr("Scan"))
        self.queue_button.setText(self.tr("Queue"))
        self.settings_button.setText(self.tr("Settings"))
        self.lock_button.setText(self.tr("Lock"))
        self._show_who()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _show_who(self) -> None:
        name = self.settings_value("kiosk_name", "") or APP_NAME
        self.kiosk_label.setText(str(name))
        account = self.account
        self.staff_label.setText(
            self.tr("%1 at %2").replace("%1", account.staff_name).replace(
                "%2", account.domain_name) if account is not None else "")

    # -- navigation ---------------------------------------------------------------------

    @property
    def page(self) -> Page:
        """The screen on display."""
        for page, widget in self.pages.items():
            if widget is self.stack.currentWidget():
                return page
        return Page.SIGNIN

    def show_page(self, page: Page) -> None:
        """Show ``page``; the top bar's buttons follow what may be done from there."""
        if page is not Page.RESULT:
            self.result_screen.stop()
        if page not in MANAGER_PAGES:
            self.manager_granted = False
        if page not in (Page.SETTINGS, Page.MANAGER):
            self.stop_preview()
            if self._camera_on and self.camera is None:
                self.start_camera()  # after a preview or a change of camera in the settings
        self.stack.setCurrentWidget(self.pages[page])
        signed_in = self.controller is not None
        usable = signed_in and page not in (Page.SIGNIN, Page.LOCK, Page.MANAGER)
        for button in (self.scan_button, self.queue_button, self.settings_button,
                       self.lock_button):
            button.setEnabled(usable)
        self.connection.setVisible(signed_in)
        self.wedge.enabled = usable and page.value in WEDGE_SCREENS
        if page is Page.SCAN:
            self.scan_screen.reset()
        self.page_changed.emit(page.value)

    def go_home(self) -> None:
        """Back to the scan screen."""
        if self.controller is not None and self.page not in (Page.LOCK, Page.SIGNIN):
            self.show_page(Page.SCAN)
            self.controller.load_recent()

    # -- sign-in and the engine -----------------------------------------------------------

    def start(self, *, demo_login: dict[str, str] | None = None) -> None:
        """Open the engine for the saved account, or ask to sign in.

        ``demo_login`` (server, email, password, domain) signs in at once (demo mode).
        """
        self._demo_login = demo_login
        if demo_login is not None:
            self.signin_screen.prefill(
                server=demo_login["server"], email=demo_login["email"],
                password=demo_login["password"], domain=demo_login["domain"],
                kiosk_name=str(self.settings_value("kiosk_name", "")),
                demo_url=demo_login["server"])
            self.signin_screen.submit()
            return
        self.runner.run(_current_account, success=self._found_account,
                        failure=self._engine_failed)

    def _found_account(self, account: Any) -> None:
        if account is None:
            self.show_page(Page.SIGNIN)
            return
        self._open(account)

    def _signed_in(self, account: Any, kiosk_name: str) -> None:
        self._open(account, kiosk_name)

    def _open(self, account: Any, kiosk_name: str = "") -> None:
        self.account = account

        def open_named() -> EngineApi:
            engine = self.open_engine()
            if kiosk_name:
                engine.settings.kiosk_name = kiosk_name  # a file write: off the UI thread
            return engine

        self.runner.run(open_named, success=self._attach, failure=self._engine_failed)

    def _engine_failed(self, error: BaseException) -> None:
        self.show_page(Page.SIGNIN)
        self.signin_screen.show_error(error_text(error))

    def _attach(self, engine: EngineApi) -> None:
        controller = KioskController(engine, self, poll_ms=self.poll_ms)
        self.controller = controller
        controller.lookup_done.connect(self._show_lookup)
        controller.redeem_done.connect(self._show_outcome)
        controller.connectivity_changed.connect(self._show_connectivity)
        controller.failed.connect(self._failed)
        controller.entries_loaded.connect(self.queue_screen.show_entries)
        controller.summary_loaded.connect(self.queue_screen.show_summary)
        controller.recent_loaded.connect(self._show_recent)
        controller.conflict_resolved.connect(self._conflict_resolved)
        controller.exported.connect(self._exported)
        controller.sync_done.connect(lambda _report: self._refresh_queue())
        listener = getattr(engine, "add_listener", None)
        if callable(listener):
            # Called on engine threads; the signal hops to the UI thread.
            listener(controller.poke.emit)
        self.apply_settings()
        controller.start()
        controller.load_recent()
        self.show_page(Page.SCAN)
        if self.settings_value("fullscreen", False) and self.isVisible():
            self.showFullScreen()
        self.engine_ready.emit()
        # The window is up: now the slower things (background replay, the camera).
        QTimer.singleShot(0, self._start_background)

    def _start_background(self) -> None:
        controller = self.controller
        if controller is None:
            return
        start_sync = getattr(controller.engine, "start_background_sync", None)
        if callable(start_sync):
            start_sync()  # only starts a thread; here, so it cannot race the engine's close()
        self._camera_on = True
        self.start_camera()

    def settings_value(self, name: str, default: Any) -> Any:
        """A setting of the open engine (``default`` before sign-in)."""
        if self.controller is None:
            return default
        return self.controller.engine.settings.value(name)

    def apply_settings(self) -> None:
        """Apply sounds, idle lock, language and full screen from the settings."""
        self.feedback.configure(enabled=bool(self.settings_value("beep", True)),
                                volume=int(self.settings_value("volume", 80)))
        self.idle.set_minutes(int(self.settings_value("idle_lock_minutes", 0)))
        language = str(self.settings_value("language", ""))
        if self.translations.language != language or not language:
            self.translations.install(language)
        self._show_who()

    def detach(self) -> None:
        """Close the engine (waiting for its work) and forget the controller."""
        controller, self.controller = self.controller, None
        self._camera_on = False
        self.stop_camera()
        self.idle.stop()
        if controller is not None:
            controller.close()
            controller.deleteLater()

    # -- scanning and the card ----------------------------------------------------------

    def scan_code(self, raw: str) -> None:
        """A code arrived (camera, wedge scanner or typed): look it up."""
        controller = self.controller
        if controller is None or self.page in (Page.SIGNIN, Page.LOCK, Page.MANAGER):
            return
        try:
            code = normalise_code(raw)
        except CodeRejected:
            self.show_page(Page.SCAN)
            self.scan_screen.show_error(self.tr("That is not a voucher code: %1").replace(
                "%1", raw.strip()[:40]))
            self.feedback.play(Sound.ERROR)
            return
        if controller.redeeming:
            return  # finish the redemption under way first
        self._flash(Tone.QUEUED.value)
        self.feedback.play(Sound.SCAN)
        self.show_page(Page.SCAN)
        controller.lookup(code)

    def _show_lookup(self, lookup: Lookup) -> None:
        if self.page not in (Page.SCAN, Page.CARD, Page.RESULT):
            return  # staff moved on (locked, settings) while it was loading
        self.card_screen.show_lookup(lookup)
        self.show_page(Page.CARD)
        tone = state_tone(lookup.state)
        self.feedback.play(Sound.SUCCESS if tone is Tone.GOOD and not lookup.offline
                           else Sound.WARNING if tone is not Tone.BAD else Sound.ERROR)

    def _redeem(self, code: str, amount: int) -> None:
        controller = self.controller
        if controller is None or not controller.redeem(code, amount):
            return  # a redemption is already in flight: this tap does nothing

    def _redeem_part(self, lookup: Lookup) -> None:
        self.redeem_screen.start(lookup)
        self.show_page(Page.REDEEM)

    def _show_outcome(self, outcome: RedeemOutcome) -> None:
        if self.page in (Page.QUEUE,):
            self._refresh_queue()
            return
        self.result_screen.show_outcome(outcome)
        self.show_page(Page.RESULT)
        self.feedback.play({RedeemStatus.APPLIED: Sound.SUCCESS,
                            RedeemStatus.QUEUED: Sound.QUEUED}.get(outcome.status, Sound.ERROR))
        if outcome.status is RedeemStatus.APPLIED:
            self._flash(Tone.GOOD.value)

    def _failed(self, action: str, error: BaseException) -> None:
        if isinstance(error, SessionExpired | AuthError) and action in ("lookup", "redeem"):
            self.signin_screen.show_error(error_text(error))
        if action == "lookup":
            self.show_page(Page.SCAN)
            self.scan_screen.show_error(error_text(error))
            self.feedback.play(Sound.ERROR)
        elif action == "redeem":
            self.card_screen.redeem_failed()
            self.redeem_screen.redeem_failed()
            self.result_screen.show_failure(error)
            self.show_page(Page.RESULT)
            self.feedback.play(Sound.ERROR)
        elif action in ("retry", "write_off", "export", "entries", "summary"):
            self.queue_screen.show_message(error_text(error))
            self._refresh_queue()

    def _flash(self, tone: str) -> None:
        set_tone(self.flash, tone)
        self.flash.setGeometry(0, 0, self.width(), 10)
        self.flash.raise_()
        self.flash.show()
        QTimer.singleShot(FLASH_MS, self.flash.hide)

    def _show_recent(self, entries: list[Any]) -> None:
        rows = []
        for entry in entries:
            rows.append((entry.at, entry.code, self._outcome_word(entry.outcome)))
        self.scan_screen.set_recent(rows)

    def _outcome_word(self, outcome: str) -> str:
        try:
            return state_title(VoucherState(outcome))
        except ValueError:
            pass
        words = {"applied": self.tr("Redeemed"), "queued": self.tr("Saved offline"),
                 "refused": self.tr("Not redeemed"), "written_off": self.tr("Written off")}
        return words.get(outcome, outcome)

    # -- connectivity and the queue ------------------------------------------------------

    def _show_connectivity(self, state: Connectivity) -> None:
        self.connection.set_state(state)

    def open_queue(self) -> None:
        """The manager's queue and conflicts screen."""
        if self.controller is None or self.page in (Page.LOCK, Page.SIGNIN):
            return
        self.show_page(Page.QUEUE)
        self.queue_screen.show_message("")
        self.queue_screen.refresh()

    def _refresh_queue(self) -> None:
        if self.page is Page.QUEUE:
            self.queue_screen.refresh()

    def _load_summary(self) -> None:
        if self.controller is not None:
            start = datetime.now().astimezone().replace(hour=0, minute=0, second=0,
                                                        microsecond=0)
            self.controller.load_summary(start)

    def _conflict_resolved(self, _entry_id: str) -> None:
        self.queue_screen.show_message(self.tr("Conflict resolved."))
        self.queue_screen.note_field.clear()
        self._refresh_queue()

    def _exported(self, path: str, rows: int) -> None:
        self.queue_screen.show_message(
            self.tr("%n redemption(s) exported to %1.", None, rows).replace("%1", path))

    # -- settings, lock, staff ------------------------------------------------------------

    def open_settings(self) -> None:
        """The settings screen (manager only)."""
        if self.controller is None or self.page in (Page.LOCK, Page.SIGNIN, Page.MANAGER):
            return
        self.require_manager(self.tr("Open the settings"), self.show_settings)

    def show_settings(self) -> None:
        """The settings screen, for a caller that already has manager authority."""
        controller = self.controller
        if controller is None:
            return
        account = self.account
        who = ""
        if account is not None:
            who = self.tr("%1 (%2) on %3 at %4").replace("%1", account.staff_name).replace(
                "%2", account.email).replace("%3", account.domain_name).replace(
                "%4", account.server_url)
        values = controller.engine.settings.as_dict()
        values["work_offline"] = self.work_offline()
        self.settings_screen.load(values, who)
        self.show_page(Page.SETTINGS)

    def _save_settings(self, changed: dict[str, Any]) -> None:
        controller = self.controller
        if controller is None:
            return
        engine = controller.engine
        settings = engine.settings
        changed = dict(changed)
        new_pin = changed.pop("manager_pin", None)
        work_offline = changed.pop("work_offline", None)

        def store() -> None:
            for name, value in changed.items():
                settings.set(name, value)
            if new_pin is not None:
                settings.set("lock_pin", hash_pin(new_pin))  # only the salted hash is kept
            if work_offline is not None:
                engine.set_offline_override(True if work_offline else None)

        def saved(_none: None) -> None:
            if work_offline is not None:
                controller.refresh_connectivity(replay=False)
            self.apply_settings()
            if "fullscreen" in changed:
                if changed["fullscreen"]:
                    self.showFullScreen()
                elif self.isFullScreen():
                    self.showNormal()  # a manager is at the settings already
            if {"camera_device", "decoder"} & changed.keys():
                self.stop_camera()  # starts again on the new device when staff leave here
            values = settings.as_dict()
            values["work_offline"] = self.work_offline()
            self.settings_screen.load(values, self.settings_screen.account_label.text())
            self.settings_screen.show_message(
                self.tr("Saved. The manager PIN is set.") if new_pin else self.tr("Saved."))

        self.runner.run(store, success=saved, failure=lambda exc: self.settings_screen
                        .show_message(error_text(exc)))

    def _find_cameras(self) -> None:
        from kiosk.scan.camera import list_cameras  # noqa: PLC0415

        self.runner.run(list_cameras, success=lambda cams: self.settings_screen.set_cameras(
            [(str(c.index), c.name) for c in cams]))

    def lock(self) -> None:
        """Lock the till until the staff password is typed."""
        if self.controller is None or self.page in (Page.LOCK, Page.SIGNIN):
            return
        from kiosk.app import signin  # noqa: PLC0415

        account = self.account
        self._locked_from = self.page if self.page is not Page.REDEEM else Page.SCAN
        self.idle.stop()
        stored_pin = str(self.settings_value("lock_pin", ""))

        def check(secret: str) -> bool:  # the manager PIN, else the staff password
            if stored_pin and check_pin(stored_pin, secret):
                return True
            return bool(signin.verify_password(account, secret))

        self.lock_screen.lock(account.staff_name if account else "", check,
                              pin=bool(stored_pin))
        self.show_page(Page.LOCK)

    def _unlocked(self) -> None:
        self.idle.restart()
        self.show_page(self._locked_from if self._locked_from is not Page.LOCK else Page.SCAN)

    def _queue_blocks_sign_out(self) -> bool:
        state = self.controller.connectivity if self.controller else None
        if state is not None and state.pending > 0:
            message = self.tr(
                "%n redemption(s) are still waiting to be sent. Signing out now would strand "
                "them: connect to the server and wait until the queue is empty.",
                None, state.pending)
            self.settings_screen.show_message(message)
            self.lock_screen.error_label.setText(message)
            return True
        return False

    def sign_out(self) -> None:
        """Forget the account (refused while redemptions wait to be sent)."""
        if self._queue_blocks_sign_out():
            return
        from kiosk.app import signin  # noqa: PLC0415

        self.detach()
        self.account = None
        self.runner.run(signin.sign_out, success=lambda _none: self._signed_out())

    def switch_staff(self) -> None:
        """Let another member of staff sign in on this till."""
        self.sign_out()

    def _signed_out(self) -> None:
        self.signin_screen.prefill(server=self.signin_screen.server_field.text())
        self._show_who()
        self.show_page(Page.SIGNIN)

    # -- manager authority -----------------------------------------------------------------

    def require_manager(self, reason: str, then: Callable[[], None],
                        cancelled: Callable[[], None] | None = None) -> None:
        """Run ``then`` once the manager PIN is given (or, while none is set, the signed-in
        user's password); authority lasts until staff leave the queue and settings."""
        if self.manager_granted:
            then()
            return
        account = self.account
        if self.controller is None or account is None:
            return
        stored = str(self.settings_value("lock_pin", ""))
        if stored:
            def check(secret: str) -> bool:
                return check_pin(stored, secret)
        else:
            from kiosk.app import signin  # noqa: PLC0415

            def check(secret: str) -> bool:
                return bool(signin.verify_password(account, secret))
        self._manager_then, self._manager_cancel = then, cancelled
        if self.page is not Page.MANAGER:
            self._manager_from = self.page
        self.manager_screen.ask(reason, check, has_pin=bool(stored))
        self.show_page(Page.MANAGER)

    def _manager_granted(self) -> None:
        then, self._manager_then, self._manager_cancel = self._manager_then, None, None
        self.show_page(self._manager_from)
        self.manager_granted = True  # after show_page: the page left may not be a manager's
        if then is not None:
            then()

    def _manager_cancelled(self) -> None:
        cancel, self._manager_then, self._manager_cancel = self._manager_cancel, None, None
        self.show_page(self._manager_from)
        if cancel is not None:
            cancel()

    # -- work offline (the engine keeps the switch across restarts) ------------------------

    def work_offline(self) -> bool:
        """Whether staff switched the till to work offline."""
        return self.controller is not None and bool(self.controller.engine.settings.offline_forced)

    # -- cameras -------------------------------------------------------------------------

    def _camera_config(self) -> tuple[Any, str]:
        decoder = str(self.settings_value("decoder", "combined"))
        return self.settings_value("camera_device", 0), decoder

    def start_camera(self) -> None:
        """(Re)start the scan screen's camera worker on the configured device and decoder."""
        self.stop_camera()
        if not self.camera_enabled or self.controller is None:
            return
        from kiosk.app.camera_worker import CameraWorker  # noqa: PLC0415 - OpenCV is heavy

        device, decoder = self._camera_config()
        worker = CameraWorker(self, decoder=decoder_name(decoder))
        worker.frame_ready.connect(self.scan_screen.set_frame)
        worker.camera_state.connect(self.scan_screen.set_camera_state)
        worker.code_scanned.connect(lambda text, _format: self._camera_code(text))
        worker.start(device)
        self.camera, self.camera_source = worker, (device, decoder)

    def _camera_code(self, text: str) -> None:
        # The camera sees whatever is in front of it: its codes count on the scanning pages
        # only (a scanner's burst, a deliberate act, counts everywhere but the lock screens).
        if self.page in (Page.SCAN, Page.CARD, Page.RESULT):
            self.scan_code(text)

    def stop_camera(self) -> None:
        """Stop the scan screen's camera worker (waits for its threads)."""
        worker, self.camera, self.camera_source = self.camera, None, None
        if worker is not None:
            worker.stop()
            worker.deleteLater()

    def start_preview(self, device: Any, decoder: str) -> None:
        """Preview ``device`` with ``decoder`` on the settings screen (the main camera pauses,
        as most devices open only once)."""
        from kiosk.app.camera_worker import CameraWorker  # noqa: PLC0415 - OpenCV is heavy

        self.stop_preview(restart=False)
        self.stop_camera()
        worker = CameraWorker(self, decoder=decoder_name(decoder))
        screen = self.settings_screen
        worker.frame_ready.connect(screen.set_preview)
        worker.camera_state.connect(screen.set_preview_state)
        worker.code_scanned.connect(lambda text, _format: screen.show_preview_code(text))
        self.preview_camera = worker
        worker.start(device)

    def stop_preview(self, *, restart: bool = True) -> None:
        """End the settings preview; with ``restart``, the scan camera resumes."""
        worker, self.preview_camera = self.preview_camera, None
        if worker is None:
            return
        worker.stop()
        worker.deleteLater()
        self.settings_screen.preview_stopped()
        if restart and self._camera_on:
            self.start_camera()

    # -- window -------------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """F11 toggles kiosk (full-screen) mode; leaving it needs the manager PIN."""
        if event.key() == Qt.Key.Key_F11:
            self.toggle_full_screen()
            return
        super().keyPressEvent(event)

    def toggle_full_screen(self) -> None:
        """Enter kiosk mode at once; leave it only with manager authority."""
        if not self.isFullScreen():
            self.showFullScreen()
        elif self.controller is None or self.page in (Page.SIGNIN, Page.LOCK, Page.MANAGER):
            return  # nobody to authorise it yet
        else:
            self.require_manager(self.tr("Leave kiosk mode"), self.showNormal)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Stop background work before the window goes."""
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Wait for running jobs, close the engine, remove the app-wide filters."""
        self.stopping.emit()
        self.stop_preview(restart=False)
        self.stop_camera()
        app = QCoreApplication.instance()
        if app is not None:
            self.wedge.uninstall(app)
            app.removeEventFilter(self.idle)
        self.detach()
        self.runner.close()

    def install_filters(self) -> None:
        """Install the wedge scanner and idle filters on the application."""
        app = QCoreApplication.instance()
        if app is not None:
            self.wedge.install(app)
            app.installEventFilter(self.idle)

