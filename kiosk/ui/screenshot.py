"""``kiosk --demo --screenshot FILE.png --screen NAME``: drive the demo app to a screen, wait
for its data, render it offscreen to a PNG and quit."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from kiosk.ui.main_window import MainWindow, Page

SCREENS = ("scan", "card", "redeem", "result", "queue", "signin", "settings", "lock", "unseen",
           "shift", "printer")
CARD_CODES = {  # a voucher with a history in each platform's demo fixture (docs/demo-vouchers.md)
    "vouchercart": "GB10-0PRT-LY8D-2WQC",  # a partly used £100 gift card
    "vauchar": "GIFT100DEMO02",  # £100, £32.50 used in 2 redemptions
    "vouchers-api": "TENOFF",  # £10 off, 2 used
    "shopwired": "FIVER",  # £5 off orders over £20, 12 of 100 used
}
UNSEEN_CODE = "ZZ99-NEVR-SEEN-0001"  # never checked on this till
TIMEOUT_MS = 20_000


class Screenshot:
    """One screenshot run; ``run`` returns the process exit code."""

    def __init__(self, window: MainWindow, path: str, screen: str,
                 backend: str = "vouchercart") -> None:
        self.window = window
        self.card_code = CARD_CODES.get(backend, CARD_CODES["vouchercart"])
        self.path = Path(path)
        self.screen = screen if screen in SCREENS else "scan"
        self.code = 1
        self._app: QApplication | None = None

    def run(self, app: QApplication) -> int:
        """Drive, wait, save; an error or time-out exits 1."""
        self._app = app
        window = self.window
        window.show()
        if self.screen == "signin":
            QTimer.singleShot(0, lambda: self._settle(self._save))
        else:
            window.engine_ready.connect(self._drive)
        QTimer.singleShot(TIMEOUT_MS, lambda: self._quit(1))
        app.exec()
        return self.code

    def _drive(self) -> None:
        window, controller = self.window, self.window.controller
        assert controller is not None
        if self.screen in ("card", "redeem", "result"):
            controller.lookup_done.connect(self._after_lookup)
            window.scan_code(self.card_code)
        elif self.screen == "queue":
            controller.summary_loaded.connect(lambda _s: self._settle(self._save))
            window.open_queue()
        elif self.screen == "shift":
            assert window.session is not None
            counter = window.session.counter
            counter.shift_screen.shown.connect(lambda: self._settle(self._save))
            counter.open_shift()  # the demo needs no manager check
        elif self.screen in ("settings", "printer"):
            window.show_settings()  # the demo needs no manager check
            if self.screen == "printer":
                settings = window.settings_screen
                settings.tabs.setCurrentIndex(settings.tab_keys.index("printer"))
            self._settle(self._save)
        elif self.screen == "lock":
            window.lock()
            self._settle(self._save)
        elif self.screen == "unseen":
            self._offline(True, lambda: window.scan_code(UNSEEN_CODE))
            controller.lookup_done.connect(lambda _lookup: self._settle(self._save_online))
        else:
            controller.recent_loaded.connect(lambda _r: self._settle(self._save))

    def _offline(self, on: bool, then: Callable[[], None]) -> None:
        # "Work offline" for the offline-unseen card; switched back before saving, so the
        # demo's data directory is left as it was.
        controller = self.window.controller
        assert controller is not None
        controller.save_settings({"work_offline": on}, None, lambda _none: then(),
                                 lambda _error: self._quit(1))

    def _after_lookup(self, _lookup: object) -> None:
        window = self.window
        if self.screen == "card":
            self._settle(self._save)
            return
        card = window.card_screen
        # A discount is applied to an order total (its one button); a balance, part of it.
        discount = card.lookup is not None and card.lookup.voucher is not None \
            and card.lookup.voucher.discount is not None
        (card.redeem_all_button if discount else card.redeem_part_button).click()
        window.redeem_screen.keypad.type_text("30" if discount else
                                              "12.50" if self.screen == "redeem" else "5")
        if self.screen == "redeem":
            self._settle(self._save)
            return
        assert window.controller is not None
        window.controller.redeem_done.connect(lambda _o: self._settle(self._save))
        window.redeem_screen.next_button.click()
        window.redeem_screen.confirm_button.click()

    def _settle(self, then: Callable[[], None]) -> None:
        # Let layouts and the connection indicator settle for one event-loop turn.
        QTimer.singleShot(50, then)

    def _save_online(self) -> None:
        saved = self._grab()
        self._offline(False, lambda: self._quit(0 if saved else 1))

    def _save(self) -> None:
        self._quit(0 if self._grab() else 1)

    def _grab(self) -> bool:
        if self.window.page is Page.RESULT:
            self.window.result_screen.timer.stop()
        self.path.parent.mkdir(parents=True, exist_ok=True)
        return bool(self.window.grab().save(str(self.path)))

    def _quit(self, code: int) -> None:
        if self._app is None:
            return
        self.code = code
        app, self._app = self._app, None
        app.exit(code)
