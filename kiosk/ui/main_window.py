"""The kiosk's one window, a thin shell: a top bar (who, where, connection, queue) over a
stack of screens, and a navigator for the flows.

Everything that needs someone signed in lives in the ``Session`` (controller, cameras, one
presenter per flow); the shell only shows pages, signs in and out, and owns the window.
Nothing here blocks the event loop.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Protocol, cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeySequence, QShortcut, QWindow
from PySide6.QtWidgets import (
    QApplication,
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
from kiosk.app.qt.controller import EngineApi, KioskController
from kiosk.app.qt.runner import Runner
from kiosk.ui import collector
from kiosk.ui.feedback import Feedback, Sound
from kiosk.ui.first_paint import after_first_paint
from kiosk.ui.i18n import Translations
from kiosk.ui.idle import MINUTE_MS, IdleWatcher
from kiosk.ui.opening import (
    Opened,
    Opening,
    SignInRefused,
    keep_password_check,
    open_engine,
)
from kiosk.ui.pages import CLOSED_PAGES, MANAGER_PAGES, Page
from kiosk.ui.screens.base import Screen
from kiosk.ui.screens.scan import ScanScreen
from kiosk.ui.session import LocalStart, Session
from kiosk.ui.style import set_role, set_tone
from kiosk.ui.tap_guard import GUARD_MS, TapGuard
from kiosk.ui.texts import error_text
from kiosk.ui.wedge import WedgeFilter

if TYPE_CHECKING:
    from kiosk.ui.screens.card import CardScreen
    from kiosk.ui.screens.lock import LockScreen
    from kiosk.ui.screens.manager import ManagerScreen
    from kiosk.ui.screens.queue import QueueScreen
    from kiosk.ui.screens.redeem import RedeemScreen
    from kiosk.ui.screens.result import ResultScreen
    from kiosk.ui.screens.settings import SettingsScreen
    from kiosk.ui.screens.signin import SignInScreen

__all__ = ["MANAGER_PAGES", "MainWindow", "Page"]

# Built when first shown or asked for, else one by one on the idle event loop once the scan
# screen is on screen (start-up: only the scan screen is built before the first paint).
BUILD_RETRY_MS = 50  # a burst under way: build the next page after it
LATER_PAGES = (Page.CARD, Page.RESULT, Page.REDEEM, Page.LOCK, Page.MANAGER, Page.QUEUE,
               Page.SETTINGS, Page.SIGNIN)

FLASH_MS = 180
FLASH_WAIT_MS = 16  # one frame of a 60 Hz screen
CAMERA_DELAY_MS = 700  # after the scan screen's first paint
DEFAULT_KIOSK_NAME = "Till 1"  # the settings' default
# Where a scanner burst is caught (on the lock screen too: it must never reach the password).
WEDGE_PAGES = frozenset({Page.SCAN, Page.CARD, Page.RESULT, Page.REDEEM, Page.QUEUE,
                         Page.SETTINGS, Page.LOCK})
# Top-bar keys (shown on the buttons' tooltips and in the operator guide).
SHORTCUTS = {"scan": "F2", "queue": "F3", "settings": "F4", "lock": "Ctrl+L"}


class EventFilter(Protocol):
    """An input filter that says which event types it looks at."""

    event_types: frozenset[QEvent.Type]

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        """True: ``event`` is eaten."""
        ...


# Input that may open a window (a popup, a dialog): the windows are looked for after it.
_OPENING = frozenset({QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress,
                      QEvent.Type.MouseButtonDblClick, QEvent.Type.TouchBegin})


class InputFilters(QObject):
    """The window's input filters (idle watch, wedge scanner, tap guard) as one, asked in the
    order given, on every top-level window of the application (the main window, dialogs,
    popups).

    What a person types, taps or clicks reaches the window it is for first, and Qt passes it
    on from there to the widget (the focused one for a key); on the application instead, the
    filter was a call into Python for every event of every object (each paint, move, resize,
    layout and timer: ~50 a scan), each one taking the interpreter the scan's look-up was
    using. New windows are found when the focus moves (a dialog, a popup that takes the focus)
    and once each press or key that may have opened one has been handled."""

    def __init__(self, parent: QObject, *filters: EventFilter) -> None:
        super().__init__(parent)
        self._filters = filters
        self._types: frozenset[QEvent.Type] = frozenset().union(
            *(one.event_types for one in filters))
        self._watching = False
        self._focus_window: QWindow | None = None  # where the focus was last seen to move
        self._sweep = QTimer(self)
        self._sweep.setSingleShot(True)
        self._sweep.setInterval(0)
        self._sweep.timeout.connect(self.watch_windows)

    def install(self, app: QGuiApplication) -> None:
        """Filter the input of every window of ``app``, those it opens later too."""
        if self._watching:
            return
        self._watching = True
        app.focusWindowChanged.connect(self.watch_windows)
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_moved)
        self.watch_windows()

    def uninstall(self, app: QGuiApplication) -> None:
        """Stop filtering."""
        if not self._watching:
            return
        self._watching = False
        self._sweep.stop()
        app.focusWindowChanged.disconnect(self.watch_windows)
        if isinstance(app, QApplication):
            app.focusChanged.disconnect(self._focus_moved)
        for window in QGuiApplication.topLevelWindows():
            window.removeEventFilter(self)

    @property
    def watching(self) -> bool:
        """Whether the filters are installed."""
        return self._watching

    def watch_windows(self, *_changed: object) -> None:
        """Filter every top-level window not yet filtered (installing again is harmless)."""
        if self._watching:
            for window in QGuiApplication.topLevelWindows():
                window.installEventFilter(self)

    def _focus_moved(self, _old: QWidget | None, now: QWidget | None) -> None:
        """The focus moved: into a window not seen yet (a dialog, a popup), look again."""
        window = now.window().windowHandle() if now is not None else None
        if window is not None and window is not self._focus_window:
            self._focus_window = window
            self.watch_windows()

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """True (eaten) as soon as one of the filters eats ``event``."""
        kind = event.type()
        if kind not in self._types:
            return False
        if kind in _OPENING:
            self._sweep.start()  # the windows again once this input has been handled
        return any(one.eventFilter(obj, event) for one in self._filters)


class MainWindow(QMainWindow):
    """Top bar + screens; holds the ``Session`` while someone is signed in."""

    engine_ready = Signal()  # signed in and the engine is open
    stopping = Signal()  # shutting down: stop cameras and other workers now
    # The language changed (after the top bar's texts): the flows' own widgets follow. A
    # signal, not an event filter on the window: a filter is a call into Python for each of
    # the window's events (each paint of it, several a scan).
    language_changed = Signal()

    def __init__(
        self,
        *,
        translations: Translations | None = None,
        result_seconds: int | None = None,
        idle_unit_ms: int = MINUTE_MS,
        poll_ms: int = 3000,
        camera: bool = False,
        tap_guard_ms: int = GUARD_MS,
        runner: Runner | None = None,
        first_page: Page = Page.SIGNIN,
    ) -> None:
        """``result_seconds``: the result screen's countdown (its default when None);
        ``camera``: run the camera worker on the configured device once signed in;
        ``runner``: the sign-in work's (its first job may have started already: ``start``);
        ``first_page``: on display until ``start`` knows more (``Page.START``: a blank page
        while the till opens, no sign-in form flashing by)."""
        super().__init__()
        self.setWindowTitle(APP_NAME)
        self.setMinimumSize(800, 480)
        self.translations = translations or Translations()
        self.poll_ms = poll_ms
        self.camera_enabled = camera
        self.session: Session | None = None
        self.language_override: str | None = None  # ``--language``: wins over the settings
        self.runner = runner or Runner()  # sign-in work, before any session exists
        self.runner.setParent(self)
        self.feedback = Feedback(self)
        self.idle = IdleWatcher(self, unit_ms=idle_unit_ms)
        self.wedge = WedgeFilter(self)

        self.top_bar = self._build_top_bar()
        self.stack = QStackedWidget(self)
        self.result_seconds = result_seconds
        self.scan_screen = ScanScreen()
        self.start_page = QWidget()  # blank while the till opens
        self.pages: dict[Page, QWidget] = {Page.START: self.start_page, Page.SCAN: self.scan_screen}
        for widget in self.pages.values():
            self.stack.addWidget(widget)
        self._wires: dict[Page, list[Callable[[Any], None]]] = {}
        self.tap_guard = TapGuard(self.stack, ms=tap_guard_ms)
        self.wedge.guard = self.tap_guard.eats_key  # the keys it holds and sends on as typing
        # The wedge before the tap guard: it must see every key of a scanner's burst, the
        # Return that ends it too, even on a screen that has just appeared.
        self._filters = InputFilters(self, self.idle, self.wedge, self.tap_guard)
        self._filters_when_signed_in = False  # install them once a session starts...
        self._filters_at_paint = False  # ...after its first screen's paint
        self._collector_waits = False  # the paused garbage collector resumes at a paint
        # The flash bar lies on a layer of its own that stays shown and is never laid out:
        # shown and hidden straight on the window, it invalidated the window's layout each
        # time (a pass of the window's layout and a geometry animation of its central widget,
        # the showing one while the scan's look-up runs).
        self._flash_layer = QWidget(self)
        self._flash_layer.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._flash_layer.resize(0, 0)
        self.flash_bar = QFrame(self._flash_layer)
        self.flash_bar.setObjectName("flash")
        self.flash_bar.hide()
        # One timer: a flash lasts FLASH_MS from the last scan (a timer per flash hid the bar
        # of a quick second scan early, and each show and hide repainted the top bar).
        self._flash_end = QTimer(self)
        self._flash_end.setSingleShot(True)
        self._flash_end.setInterval(FLASH_MS)
        self._flash_end.timeout.connect(self.flash_bar.hide)
        # A flash is shown within a frame (FLASH_WAIT_MS), or with the answer it announces if
        # that comes first (``show_flash``): shown at once, its paint (and the top bar's under
        # it) ran on the UI thread while the scan's look-up ran, and they took the
        # interpreter in turns: the look-up took several times as long.
        self._flash_tone = ""
        self._flash_wait = QTimer(self)
        self._flash_wait.setSingleShot(True)
        self._flash_wait.setInterval(FLASH_WAIT_MS)
        self._flash_wait.timeout.connect(self.show_flash)
        central = QWidget(self)
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.top_bar)
        box.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._add_shortcuts()
        self.retranslate()
        self.show_page(first_page)

    # -- building -----------------------------------------------------------------------

    def _build_top_bar(self) -> QFrame:
        from kiosk.ui.widgets.connection import ConnectionIndicator  # noqa: PLC0415

        bar = QFrame(self)
        bar.setObjectName("topBar")
        self.kiosk_label = QLabel(bar)
        self.kiosk_label.setObjectName("title")
        self.staff_label = QLabel(bar)
        self.staff_label.setObjectName("staff")
        for label in (self.kiosk_label, self.staff_label):
            label.setWordWrap(True)  # gives way to the buttons on a narrow screen
        self.connection = ConnectionIndicator(bar)
        self.scan_button = QPushButton(bar)
        self.queue_button = QPushButton(bar)
        self.settings_button = QPushButton(bar)
        self.lock_button = QPushButton(bar)
        for button in self.nav_buttons:
            set_role(button, "nav")
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            button.setAutoDefault(True)  # Return presses it too (these are outside the screens)
        who = QVBoxLayout()
        who.setSpacing(0)
        who.addWidget(self.kiosk_label)
        who.addWidget(self.staff_label)
        row = QHBoxLayout(bar)
        row.setContentsMargins(8, 4, 8, 4)
        row.addLayout(who, 1)
        row.addWidget(self.connection)
        for button in self.nav_buttons:
            row.addWidget(button)
        return bar

    @property
    def nav_buttons(self) -> tuple[QPushButton, ...]:
        """The top bar's buttons, left to right."""
        return (self.scan_button, self.queue_button, self.settings_button, self.lock_button)

    def screen_of(self, page: Page) -> QWidget:
        """``page``'s widget, built now if it was not yet."""
        widget = self.pages.get(page)
        if widget is None:
            widget = self._build(page)
            self.pages[page] = widget
            self.stack.addWidget(widget)
            for wire in self._wires.pop(page, []):
                wire(widget)
        return widget

    def built(self, page: Page) -> bool:
        """Whether ``page``'s widget exists."""
        return page in self.pages

    def when_built(self, page: Page, wire: Callable[[Any], None]) -> None:
        """Call ``wire(widget)`` with ``page``'s widget as soon as it exists: now, or when it
        is built (a flow connects to a screen built after the first paint this way)."""
        if page in self.pages:
            wire(self.pages[page])
        else:
            self._wires.setdefault(page, []).append(wire)

    def _build(self, page: Page) -> QWidget:
        # The screens' modules are imported here, off the path to the first paint.
        if page is Page.CARD:
            from kiosk.ui.screens.card import CardScreen  # noqa: PLC0415

            return CardScreen()
        if page is Page.REDEEM:
            from kiosk.ui.screens.redeem import RedeemScreen  # noqa: PLC0415

            redeem = RedeemScreen()
            redeem.stepped.connect(self.tap_guard.arm)
            return redeem
        if page is Page.RESULT:
            from kiosk.ui.screens.result import ResultScreen  # noqa: PLC0415

            seconds = self.result_seconds
            return ResultScreen() if seconds is None else ResultScreen(seconds=seconds)
        if page is Page.QUEUE:
            from kiosk.ui.screens.queue import QueueScreen  # noqa: PLC0415

            return QueueScreen()
        if page is Page.SETTINGS:
            from kiosk.ui.screens.settings import SettingsScreen  # noqa: PLC0415

            return SettingsScreen()
        if page is Page.LOCK:
            from kiosk.ui.screens.lock import LockScreen  # noqa: PLC0415

            return LockScreen()
        if page is Page.MANAGER:
            from kiosk.ui.screens.manager import ManagerScreen  # noqa: PLC0415

            return ManagerScreen()
        if page is Page.SIGNIN:
            from kiosk.ui.screens.signin import SignInScreen  # noqa: PLC0415

            signin = SignInScreen(self.runner)
            signin.signed_in.connect(self._open)
            return signin
        raise KeyError(page)  # the flows add their own pages (add_page)

    def build_later_pages(self) -> None:
        """Build the pages not built yet, one per turn of the idle event loop (a key waits
        for one page at most), never while a scanner's burst is coming in."""
        missing = [page for page in LATER_PAGES if page not in self.pages]
        if not missing:
            return
        if self.wedge.holding:
            QTimer.singleShot(BUILD_RETRY_MS, self, self.build_later_pages)
            return
        self.screen_of(missing[0])
        if len(missing) > 1:
            QTimer.singleShot(0, self, self.build_later_pages)

    @property
    def signin_screen(self) -> SignInScreen:
        """The sign-in screen."""
        return cast("SignInScreen", self.screen_of(Page.SIGNIN))

    @property
    def card_screen(self) -> CardScreen:
        """A voucher's card."""
        return cast("CardScreen", self.screen_of(Page.CARD))

    @property
    def redeem_screen(self) -> RedeemScreen:
        """Redeeming part of a voucher."""
        return cast("RedeemScreen", self.screen_of(Page.REDEEM))

    @property
    def result_screen(self) -> ResultScreen:
        """A redemption's result."""
        return cast("ResultScreen", self.screen_of(Page.RESULT))

    @property
    def queue_screen(self) -> QueueScreen:
        """The queue and conflicts."""
        return cast("QueueScreen", self.screen_of(Page.QUEUE))

    @property
    def settings_screen(self) -> SettingsScreen:
        """The settings."""
        return cast("SettingsScreen", self.screen_of(Page.SETTINGS))

    @property
    def lock_screen(self) -> LockScreen:
        """The lock screen."""
        return cast("LockScreen", self.screen_of(Page.LOCK))

    @property
    def manager_screen(self) -> ManagerScreen:
        """The manager check."""
        return cast("ManagerScreen", self.screen_of(Page.MANAGER))

    def _add_shortcuts(self) -> None:
        for name, button in zip(SHORTCUTS, self.nav_buttons, strict=True):
            shortcut = QShortcut(QKeySequence(SHORTCUTS[name]), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(
                lambda b=button: b.click() if b.isEnabled() and b.isVisible() else None)

    def retranslate(self) -> None:
        """Top-bar texts in the current language."""
        texts = (self.tr("Scan"), self.tr("Queue"), self.tr("Settings"), self.tr("Lock"))
        for button, text, key in zip(self.nav_buttons, texts, SHORTCUTS.values(), strict=True):
            button.setText(text)
            button.setToolTip(f"{text} ({key})")
        self.show_who()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.language_changed.emit()
        super().changeEvent(event)

    def show_who(self) -> None:
        """The till's name and who works it where, in the top bar (again after a switch of
        local staff)."""
        session = self.session
        name = str(session.setting("kiosk_name")) if session else ""
        if name == DEFAULT_KIOSK_NAME:
            name = self.tr("Till 1")  # the default name is shown in the till's language
        self.kiosk_label.setText(name or APP_NAME)
        if session is None:
            self.staff_label.setText("")
            return
        shop = session.account.display_name(str(session.setting("shop_name")))
        who = session.staff_name
        # Nobody signed in yet on a local staff list: the shop alone.
        self.staff_label.setText(
            self.tr("%1 at %2").replace("%1", who).replace("%2", shop) if who else shop)

    # -- navigation (the flows' Navigator) -----------------------------------------------

    @property
    def page(self) -> Page:
        """The screen on display."""
        for page, widget in self.pages.items():
            if widget is self.stack.currentWidget():
                return page
        return Page.START

    def add_page(self, page: Page, widget: QWidget) -> None:
        """A page a flow builds for the session; ``remove_page`` takes it away again."""
        self.pages[page] = widget
        self.stack.addWidget(widget)

    def remove_page(self, page: Page) -> None:
        """Take away a page added with ``add_page``."""
        widget = self.pages.pop(page, None)
        if widget is not None:
            self.stack.removeWidget(widget)
            widget.deleteLater()

    def show_page(self, page: Page) -> None:
        """Show ``page``; the top bar's buttons follow what may be done from there."""
        self._install_pending_filters()  # staff moved on before the first screen's paint
        session = self.session
        if page is not Page.RESULT and Page.RESULT in self.pages:
            self.result_screen.stop()
        if session is not None:
            session.manager.page_shown(page)
            if page not in (Page.SETTINGS, Page.MANAGER):
                session.cameras.stop_preview()
                session.cameras.resume()
        screen = self.screen_of(page)
        if self.stack.currentWidget() is not screen:
            self.tap_guard.arm()
        self.stack.setCurrentWidget(screen)
        if page is not Page.START and collector.paused() and not self._collector_waits:
            # The first real screen (scan, sign-in, an error): on again once it is painted.
            self._collector_waits = True
            after_first_paint(screen, collector.resume)
        if isinstance(screen, Screen):
            screen.focus_target().setFocus()
        usable = session is not None and page not in CLOSED_PAGES
        for button in self.nav_buttons:
            button.setEnabled(usable)
        self.connection.setVisible(session is not None)
        self.wedge.enabled = session is not None and page in WEDGE_PAGES
        if page is Page.SCAN:
            self.scan_screen.reset()

    def play(self, sound: Sound) -> None:
        """Play ``sound`` (if sounds are on)."""
        self.feedback.play(sound)

    def flash(self, tone: str) -> None:
        """A thin coloured bar across the top for a moment, shown within a frame."""
        self._flash_tone = tone
        if not self._flash_wait.isActive():
            self._flash_wait.start()

    def show_flash(self) -> None:
        """Show the flash asked for now, if it is still waiting (an answer is about to be
        painted: the flash with it, in the same frame)."""
        tone, self._flash_tone = self._flash_tone, ""
        self._flash_wait.stop()
        if not tone:
            return
        set_tone(self.flash_bar, tone)
        self._flash_layer.setGeometry(0, 0, self.width(), 10)
        self.flash_bar.setGeometry(0, 0, self.width(), 10)
        if self.flash_bar.isHidden():
            self._flash_layer.raise_()
            self.flash_bar.show()
        self._flash_end.start()

    def set_full_screen(self, on: bool) -> None:
        """Enter or leave full screen (a manager chose it in the settings)."""
        if on:
            self.showFullScreen()
        elif self.isFullScreen():
            self.showNormal()

    # -- shortcuts to the session's flows (tests and the screenshot tool use them) ---------

    @property
    def controller(self) -> KioskController | None:
        """The signed-in session's controller."""
        return self.session.controller if self.session else None

    @property
    def account(self) -> Any:
        """The signed-in account."""
        return self.session.account if self.session else None

    def scan_code(self, raw: str) -> None:
        """A code arrived: look it up."""
        if self.session is not None:
            self.session.scan.scan_code(raw)

    def go_home(self) -> None:
        """Back to the scan screen."""
        if self.session is not None:
            self.session.scan.go_home()

    def open_queue(self) -> None:
        """The queue screen."""
        if self.session is not None:
            self.session.queue.open()

    def open_settings(self) -> None:
        """The settings screen, behind the manager check."""
        if self.session is not None:
            self.session.settings.open()

    def show_settings(self) -> None:
        """The settings screen without the manager check (the demo's screenshots)."""
        if self.session is not None:
            self.session.settings.show()

    def lock(self) -> None:
        """Lock the till."""
        if self.session is not None:
            self.session.lock.lock()

    def sign_out(self) -> None:
        """Sign out (refused while redemptions wait to be sent)."""
        if self.session is not None:
            self.session.lock.sign_out()

    def work_offline(self) -> bool:
        """Whether staff switched the till to work offline."""
        return self.session is not None and bool(self.session.setting("offline_forced"))

    @property
    def manager_granted(self) -> bool:
        """Whether the manager check was passed (until staff leave the manager's pages)."""
        return self.session is not None and self.session.manager.granted

    # -- sign-in and the session ----------------------------------------------------------

    def start(self, *, demo_login: dict[str, str] | None = None,
              opening: Opening | None = None) -> None:
        """Open the engine for the saved account, or ask to sign in.

        ``demo_login`` (server, email, password, domain) signs in at once (demo mode);
        ``opening``: that work, begun on ``runner`` before the window was built.
        """
        if demo_login is not None:
            self.signin_screen.prefill(
                server=demo_login["server"], email=demo_login["email"],
                password=demo_login["password"], domain=demo_login["domain"],
                demo_url=demo_login["server"])
            self.signin_screen.submit()
            return
        started = opening or Opening(self.runner)
        started.then(self._opened, lambda error: self._opening_failed(error, started))

    def _opened(self, opened: Opened) -> None:
        account, engine = opened.account, opened.engine
        if account is None or engine is None:
            self.show_page(Page.SIGNIN)
            return
        if opened.password:  # the offline password check beside the first paint (the
            # sign-in screen is not built for it: one screen less before the first paint)
            keep_password_check(self.runner, account.email, opened.password)
        self._attach(account, engine, opened.local)

    def _opening_failed(self, error: BaseException, opening: Opening) -> None:
        if not isinstance(error, SignInRefused):
            self._engine_failed(error)
            return
        login, server = opening.login, opening.server_url
        if login is not None:  # as typed, but the password (retyped where the cursor waits)
            self.signin_screen.prefill(server=server, email=login["email"],
                                       domain=login["domain"], demo_url=server or None)
        self.show_page(Page.SIGNIN)
        self.signin_screen.sign_in_failed(error.error)

    def _open(self, account: Any, kiosk_name: str = "") -> None:
        self.runner.run(lambda: open_engine(kiosk_name),
                        success=lambda opened: self._attach(account, *opened),
                        failure=self._engine_failed)

    def _engine_failed(self, error: BaseException) -> None:
        self.show_page(Page.SIGNIN)
        self.signin_screen.show_error(error_text(error))

    def _attach(self, account: Any, engine: EngineApi, local: LocalStart | None = None) -> None:
        session = Session(self, account, engine, poll_ms=self.poll_ms,
                          camera=self.camera_enabled, local=local)
        self.session = session
        controller = session.controller
        controller.connectivity_changed.connect(self.connection.set_state)
        listener = getattr(engine, "add_listener", None)
        if callable(listener):
            # Called on engine threads; the signal hops to the UI thread.
            listener(controller.poke.emit)
        self.apply_settings()
        controller.start()
        controller.load_recent()
        first = Page.SCAN
        if session.local is not None and local is not None:
            first = session.local.start_page(local.empty, local.current)
        self.show_page(first)
        if self._filters_when_signed_in:
            self._filters_when_signed_in = False
            self._filters_at_paint = True
        if session.setting("fullscreen") and self.isVisible():
            self.showFullScreen()
        self.engine_ready.emit()
        # Once the scan screen is on screen: the slower things (background replay, camera).
        after_first_paint(self.scan_screen, lambda: self._start_background(session))

    def _start_background(self, session: Session) -> None:
        if session is not self.session:
            return  # signed out meanwhile
        self._install_pending_filters()
        # The other screens next, one per turn of the event loop: a key or a scan waits for
        # one screen's building at most (a scan before the card exists builds it at once).
        QTimer.singleShot(0, self, self.build_later_pages)
        start_sync = getattr(session.controller.engine, "start_background_sync", None)
        if callable(start_sync):
            start_sync()  # only starts a thread; here, so it cannot race the engine's close()
        # The camera last: loading OpenCV and the decoders takes the interpreter for a few
        # hundred milliseconds, which the first keys and scans must not wait behind.
        QTimer.singleShot(CAMERA_DELAY_MS, session.cameras,
                          lambda: session.cameras.start_when_loaded(session.runner))

    def apply_settings(self) -> None:
        """Apply sounds, idle lock, language and the scanner speed from the settings."""
        session = self.session
        if session is None:
            return
        self.feedback.configure(enabled=bool(session.setting("beep")),
                                volume=int(session.setting("volume")))
        self.idle.set_minutes(int(session.setting("idle_lock_minutes")))
        self.wedge.set_max_gap_ms(int(session.setting("scanner_gap_ms")))
        language = self.language_override or str(session.setting("language"))
        if not self.translations.shows(language):  # installing retranslates every screen
            self.translations.install(language)
        self.show_who()

    def session_ended(self) -> None:
        """Sign out: close the session, forget the account, back to the sign-in screen."""
        from kiosk.app import signin  # noqa: PLC0415

        account = self.session.account if self.session is not None else None
        self.detach()
        self.runner.run(signin.sign_out, success=lambda _none: self._signed_out(account))

    def _signed_out(self, account: Any = None) -> None:
        # The next person signs in on the same server and shop: only who they are is asked.
        vouchercart = account is not None and account.backend == "vouchercart"
        self.signin_screen.prefill(
            server=account.server_url if account is not None
            else self.signin_screen.server_field.text(),
            domain=account.domain_name if vouchercart else "")
        self.show_who()
        self.show_page(Page.SIGNIN)

    def detach(self) -> None:
        """Close the session (waiting for its work) and forget it."""
        session, self.session = self.session, None
        self.idle.stop()
        if session is not None:
            session.close()
        self.wedge.enabled = False

    # -- window -------------------------------------------------------------------------

    def keyPressEvent(self, event: Any) -> None:  # noqa: N802 - Qt override
        """F11 toggles kiosk (full-screen) mode; leaving it needs the manager PIN."""
        if event.key() == Qt.Key.Key_F11:
            self.toggle_full_screen()
            return
        if event.key() == Qt.Key.Key_Escape and self.page in (Page.QUEUE, Page.SETTINGS,
                                                              Page.RESULT):
            self.go_home()  # Escape goes back: from these, to scanning
            return
        super().keyPressEvent(event)

    def toggle_full_screen(self) -> None:
        """Enter kiosk mode at once; leave it only with manager authority."""
        if not self.isFullScreen():
            self.showFullScreen()
        elif self.session is None or self.page in CLOSED_PAGES:
            return  # nobody to authorise it yet
        else:
            self.session.manager.require(self.tr("Leave kiosk mode"), self.showNormal)

    def showFullScreen(self) -> None:  # noqa: N802 - Qt override
        """Full screen that fills the screen with or without a window manager."""
        screen = self.screen()
        super().showFullScreen()
        if screen is not None:
            self.setGeometry(screen.geometry())

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Stop background work before the window goes."""
        self.shutdown()
        super().closeEvent(event)

    def shutdown(self) -> None:
        """Wait for running jobs, close the engine, remove the input filters."""
        self.stopping.emit()
        app = QCoreApplication.instance()
        if isinstance(app, QGuiApplication):
            self._filters.uninstall(app)
            self.wedge.stop()
        self.detach()
        self.runner.close()

    def _install_pending_filters(self) -> None:
        if self._filters_at_paint:
            self._filters_at_paint = False
            self.install_filters()

    def install_filters(self, *, once_signed_in: bool = False) -> None:
        """Install the wedge scanner, idle and tap-guard filters on the windows; with
        ``once_signed_in``, once a session's first screen has been painted (or left): until
        then they have nothing to do (no scans, no lock, no screen left yet)."""
        if once_signed_in and self.session is None:
            self._filters_when_signed_in = True
            return
        app = QCoreApplication.instance()
        if isinstance(app, QGuiApplication):
            self._filters.install(app)  # once: installing again does nothing

    @property
    def filtering(self) -> bool:
        """Whether the input filters are installed."""
        return self._filters.watching


