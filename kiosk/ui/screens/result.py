"""After a redeem: whole-screen outcome with the new balance; returns to scanning by itself."""

from __future__ import annotations

import itertools

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.domain.outcomes import RedeemOutcome, RedeemStatus
from kiosk.ui.screens.base import Screen
from kiosk.ui.style import set_role
from kiosk.ui.texts import (
    Tone,
    discount_name,
    error_text,
    left_text,
    money_text,
    refusal_text,
    units,
)
from kiosk.ui.widgets.banner import Banner

DEFAULT_SECONDS = 6


class ResultScreen(Screen):
    """Shows a ``RedeemOutcome`` (or a failure) and counts down back to the scan screen."""

    done = Signal()  # time is up, or staff tapped "Scan next"

    def __init__(self, parent: QWidget | None = None, *, seconds: int = DEFAULT_SECONDS) -> None:
        super().__init__(parent)
        self.outcome: RedeemOutcome | None = None
        self.error: BaseException | None = None
        self.seconds = seconds
        self._left = 0
        self.banner = Banner(self)
        # Big (its stretch takes what is free), but never more than leaves room for what is
        # under it: a fixed 260 px put "£0.00 left" over it at 1024x600 once "Undo last
        # redemption" was there too.
        self.banner.setMinimumHeight(160)
        self.balance_label = QLabel(self)
        self.balance_label.setObjectName("bigValue")
        self.balance_label.setWordWrap(True)
        self.countdown_label = QLabel(self)
        self.countdown_label.setObjectName("hint")
        self.next_button = QPushButton(self)
        set_role(self.next_button, "primary")
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 12, 16, 12)
        box.addWidget(self.banner, 2)
        box.addWidget(self.balance_label)
        box.addStretch(1)
        self.extras = QVBoxLayout()  # e.g. the receipt panel (kiosk.ui.flows.counter)
        box.addLayout(self.extras)
        box.addWidget(self.countdown_label)
        box.addWidget(self.next_button)
        self.timer = QTimer(self)
        self.timer.setInterval(1000)
        self.timer.timeout.connect(self._tick)
        self.next_button.clicked.connect(self.finish)
        self.retranslate()

    @property
    def tone(self) -> Tone:
        """The tone on display."""
        return self.banner.tone

    def show_outcome(self, outcome: RedeemOutcome) -> None:
        """Display a redemption's result and start the countdown."""
        self.outcome, self.error = outcome, None
        self._start()

    def show_failure(self, error: BaseException) -> None:
        """Display a redeem that failed before any outcome (e.g. the session ended)."""
        self.outcome, self.error = None, error
        self._start()

    def _start(self) -> None:
        self._left = self.seconds
        self.retranslate()
        if self.seconds > 0:
            self.timer.start()

    def _tick(self) -> None:
        self._left -= 1
        if self._left <= 0:
            self.finish()
        else:
            self._show_countdown()

    def add_extra(self, widget: QWidget) -> None:
        """Put ``widget`` (e.g. the receipt panel, "Undo last redemption") above "Scan
        next"; Tab visits the buttons in the order they are on screen."""
        self.extras.addWidget(widget)
        buttons = [button for index in range(self.extras.count())
                   if (item := self.extras.itemAt(index)) is not None
                   and (extra := item.widget()) is not None
                   for button in [extra, *extra.findChildren(QPushButton)]
                   if isinstance(button, QPushButton)]
        for first, second in itertools.pairwise([*buttons, self.next_button]):
            QWidget.setTabOrder(first, second)

    def focus_target(self) -> QWidget:
        """Return: scan the next voucher."""
        return self.next_button

    def finish(self) -> None:
        """Stop the countdown and go back to scanning."""
        self.timer.stop()
        self.done.emit()

    def stop(self) -> None:
        """Leave without signalling (a new scan took over)."""
        self.timer.stop()

    def _show_countdown(self) -> None:
        self.countdown_label.setText(
            self.tr("Back to scanning in %n second(s)…", None, self._left)
            if self.timer.isActive() or self._left > 0 else "")

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.next_button.setText(self.tr("Scan next"))
        self._show_countdown()
        outcome = self.outcome
        if outcome is None:
            if self.error is not None:
                self.banner.show_result(Tone.BAD, self.tr("Not redeemed"),
                                        error_text(self.error))
            self.balance_label.clear()
            return
        voucher = outcome.voucher
        amount = units(voucher, outcome.amount) if voucher else str(outcome.amount)
        earlier = outcome.earlier  # the till stopped mid-way: this is about that redemption
        when = earlier.redeemed_at.astimezone().strftime("%H:%M") if earlier else ""
        if earlier is not None and outcome.status is RedeemStatus.APPLIED:
            self.banner.show_result(
                Tone.GOOD, self.tr("Already redeemed %1").replace("%1", amount),
                self.tr("A redemption of %1 at %2 did go through. Nothing more was taken.")
                .replace("%1", amount).replace("%2", when))
        elif earlier is not None and outcome.status is RedeemStatus.QUEUED:
            self.banner.show_result(
                Tone.QUEUED, self.tr("Not confirmed yet"),
                self.tr("A redemption of %1 at %2 is saved and will be checked. Nothing more "
                        "was taken.").replace("%1", amount).replace("%2", when))
        elif outcome.status is RedeemStatus.APPLIED and voucher is not None \
                and voucher.discount is not None:
            self.banner.show_result(
                Tone.GOOD, self.tr("%1 applied").replace("%1", discount_name(voucher)),
                self.tr("Confirmed by the server."))
        elif outcome.status is RedeemStatus.APPLIED:
            self.banner.show_result(Tone.GOOD, self.tr("Redeemed %1").replace("%1", amount),
                                    self.tr("Confirmed by the server."))
        elif outcome.status is RedeemStatus.QUEUED:
            self.banner.show_result(
                Tone.QUEUED, self.tr("Saved — will be sent when back online"),
                self.tr("%1 redeemed offline.").replace("%1", amount), self.tr("OFFLINE"))
        else:
            self.banner.show_result(Tone.BAD, self.tr("Not redeemed"),
                                    refusal_text(outcome.reason))
        to_pay = outcome.to_pay
        if voucher is not None and voucher.discount is not None and to_pay is not None \
                and outcome.status is not RedeemStatus.REFUSED:
            # What the cashier charges now, not the uses left of a code used by many.
            self.balance_label.setText(self.tr("Customer pays %1").replace(
                "%1", money_text(to_pay, voucher.currency or "GBP")))
        elif voucher is not None and outcome.status is not RedeemStatus.REFUSED:
            self.balance_label.setText(left_text(voucher, voucher.remaining))
        else:
            self.balance_label.clear()
