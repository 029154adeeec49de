""""Undo last redemption": a manager takes back the till's last redemption of the shift.

Offered on the result screen after a redemption and on the queue screen, only where the
platform can reverse a redemption (``Capabilities.reversal``); elsewhere the queue screen says
why not and what to do instead. The manager PIN first (``ManagerGate``), then a confirmation
naming the voucher (masked) and the amount, then the engine's ``undo_last`` off the UI thread.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QLabel, QMessageBox, QPushButton, QWidget

from kiosk.domain.masking import mask_code
from kiosk.domain.outcomes import (
    EntryState,
    OutboxEntry,
    RedeemOutcome,
    RedeemStatus,
    UndoOutcome,
    UndoStatus,
    UndoWhy,
)
from kiosk.ui.dialogs import keys_back
from kiosk.ui.flows.base import Flow
from kiosk.ui.pages import Navigator, Page
from kiosk.ui.screens.queue import amount_text
from kiosk.ui.texts import clock, error_text

if TYPE_CHECKING:
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.screens.queue import QueueScreen
    from kiosk.ui.screens.result import ResultScreen
    from kiosk.ui.session import Session


def no_reversal_text(platform: str) -> str:
    """Why a platform cannot take a redemption back, and what to do instead."""
    texts = {
        "vouchercart": QCoreApplication.translate(
            "UndoFlow", "VoucherCart cannot reverse a redemption: ask the shop's administrator "
            "to credit the voucher in the VoucherCart dashboard."),
        "vouchers-api": QCoreApplication.translate(
            "UndoFlow", "Vouchers API cannot take back an applied voucher: cancel or refund the "
            "order in the shop's own system; the voucher's use stays counted."),
        "shopwired": QCoreApplication.translate(
            "UndoFlow", "ShopWired cannot undo a use of a voucher: ask the shop's administrator "
            "to lower the voucher's 'used' count in the ShopWired admin."),
    }
    return texts.get(platform, QCoreApplication.translate(
        "UndoFlow", "This voucher platform cannot take a redemption back."))


class UndoFlow(Flow):
    """The undo buttons, the confirmation and the outcome, for one signed-in session."""

    def __init__(self, session: Session, nav: Navigator, window: MainWindow) -> None:
        super().__init__(session, nav)
        self.window = window
        self.platform = str(getattr(session.account, "backend", "") or "vouchercart")
        self.can_reverse = self.controller.capabilities.reversal
        self.box: QMessageBox | None = None  # the confirmation on display
        self.undo_choice: QAbstractButton | None = None
        self.entry: OutboxEntry | None = None  # the redemption the confirmation names
        # Result screen: "Undo last redemption" and what came of it.
        self.result_button = QPushButton()
        self.result_note = QLabel()
        self.result_note.setWordWrap(True)
        self.result_note.hide()
        self.when_built(Page.RESULT, self._wire_result)
        # Queue screen: the same action, or why this platform has none.
        self.queue_button = QPushButton()
        self.queue_hint = QLabel()
        self.queue_hint.setWordWrap(True)
        self.queue_hint.setObjectName("hint")
        self.when_built(Page.QUEUE, self._wire_queue)
        self.result_button.hide()
        self.link(self.result_button.clicked, self.start)
        self.link(self.queue_button.clicked, self.start)
        self.link(self.controller.redeem_done, self._redeemed)
        self.link(self.controller.undo_done, self._undone)
        self.link(window.language_changed, self.retranslate)  # our widgets follow
        self.retranslate()

    def _wire_result(self, result: ResultScreen) -> None:
        result.add_extra(self.result_button)
        result.extras.addWidget(self.result_note)

    def _wire_queue(self, queue: QueueScreen) -> None:
        queue.extras.addWidget(self.queue_button)
        queue_box = queue.layout()
        assert queue_box is not None
        queue_box.addWidget(self.queue_hint)  # a line of its own, under the buttons
        self.queue_button.setVisible(self.can_reverse)
        self.queue_hint.setVisible(not self.can_reverse)

    @staticmethod
    def _show(widget: QWidget, shown: bool) -> None:
        # Not yet on its screen (built after the first paint), a widget stays hidden: shown on
        # its own it would be a window of its own.
        widget.setVisible(shown and widget.parent() is not None)

    def retranslate(self) -> None:
        """Set the texts of the widgets this flow adds."""
        self.result_button.setText(self.tr("Undo last redemption"))
        self.queue_button.setText(self.tr("Undo last redemption"))
        self.queue_hint.setText(no_reversal_text(self.platform))

    # -- the action ----------------------------------------------------------------------

    def _redeemed(self, outcome: RedeemOutcome) -> None:
        """A redemption ended: offer to undo it (where the platform can)."""
        done = outcome.status in (RedeemStatus.APPLIED, RedeemStatus.QUEUED)
        self._show(self.result_button, self.can_reverse and done)
        self.result_button.setEnabled(True)
        self.result_note.hide()

    def start(self) -> None:
        """The manager PIN, then the confirmation."""
        if self.nav.page is Page.RESULT:
            self.window.result_screen.stop()  # no countdown while a manager decides
        self.session.manager.require(self.tr("Undo last redemption"), self._load)

    def _load(self) -> None:
        self.controller.load_last_redemption(self._confirm, self._failed)

    def _confirm(self, entry: OutboxEntry | None) -> None:
        """Ask, naming the voucher (masked) and the amount."""
        if entry is None:
            self._say(self.tr("Nothing to undo: no redemption on this till since the shift "
                              "began."))
            return
        self.entry = entry
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Undo last redemption"),
                          self.tr("Undo %1 on voucher %2 (at %3)?")
                          .replace("%1", amount_text(entry))
                          .replace("%2", mask_code(entry.code))
                          .replace("%3", clock(entry.redeemed_at)), parent=self.window)
        box.setInformativeText(
            self.tr("It is still queued: it will be cancelled and never sent.")
            if entry.state is EntryState.PENDING and not entry.uncertain else
            self.tr("The server takes the redemption back: the value is on the voucher "
                    "again."))
        self.undo_choice = box.addButton(self.tr("Undo it"),
                                         QMessageBox.ButtonRole.DestructiveRole)
        box.setDefaultButton(box.addButton(self.tr("Keep it"),
                                           QMessageBox.ButtonRole.RejectRole))
        box.finished.connect(self._answered)
        self.box = box
        box.open()

    def _answered(self, _result: int) -> None:
        box, entry, self.box = self.box, self.entry, None
        keys_back(self.window)
        if box is None or entry is None:
            return
        chosen = box.clickedButton() is self.undo_choice
        box.deleteLater()
        if chosen:
            self.result_button.setEnabled(False)
            self._say(self.tr("Undoing…"))
            self.controller.undo_last(entry.id, self._failed)

    def _undone(self, outcome: UndoOutcome) -> None:
        self.result_button.setEnabled(True)
        if outcome.status in (UndoStatus.REVERSED, UndoStatus.CANCELLED):
            self.result_button.hide()
        self._say(self.outcome_text(outcome))
        if self.nav.page is Page.QUEUE:
            self.window.queue_screen.refresh()

    def _failed(self, error: BaseException) -> None:
        self.result_button.setEnabled(True)
        self._say(error_text(error))

    def _say(self, text: str) -> None:
        if self.nav.page is Page.QUEUE:
            self.window.queue_screen.show_message(text)
        else:
            self.result_note.setText(text)
            self._show(self.result_note, bool(text))

    def outcome_text(self, outcome: UndoOutcome) -> str:
        """What came of an undo, in the current language."""
        entry = outcome.entry
        what = (self.tr("%1 on voucher %2").replace("%1", amount_text(entry))
                .replace("%2", mask_code(entry.code)) if entry is not None else "")
        if outcome.status is UndoStatus.REVERSED:
            return self.tr("Undone: %1 was taken back.").replace("%1", what)
        if outcome.status is UndoStatus.CANCELLED:
            return self.tr("Cancelled: %1 was still queued and will not be sent.").replace(
                "%1", what)
        if outcome.status is UndoStatus.UNCONFIRMED:
            return self.tr("The server did not answer: the undo is not confirmed. Undo again "
                           "— it cannot take back more than this one redemption.")
        return self.refusal_text(outcome, what)

    def refusal_text(self, outcome: UndoOutcome, what: str) -> str:
        """Why an undo was refused."""
        texts = {
            UndoWhy.NOTHING: self.tr("Nothing to undo: no redemption on this till since the "
                                     "shift began."),
            UndoWhy.ALREADY: self.tr("Already undone: %1.").replace("%1", what),
            UndoWhy.CHANGED: self.tr("The last redemption changed since it was shown: look "
                                     "again before undoing."),
            UndoWhy.IN_FLIGHT: self.tr("The last redemption is being sent or not confirmed "
                                       "yet: wait until it is confirmed, then undo it."),
            UndoWhy.OFFLINE: self.tr("Offline: taking back a redemption needs the server. "
                                     "Try again when the till is back online."),
            UndoWhy.PLATFORM: no_reversal_text(self.platform),
        }
        if outcome.why in texts:
            return texts[outcome.why]
        return self.tr("Not undone: %1").replace("%1", outcome.message)

    def unlink(self) -> None:
        """The session ends: take every widget of this flow away."""
        super().unlink()
        self.window.removeEventFilter(self)
        if self.box is not None:
            self.box.close()
        for widget in (self.result_button, self.result_note, self.queue_button,
                       self.queue_hint):
            widget.setParent(None)
            widget.deleteLater()
