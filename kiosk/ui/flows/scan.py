"""The counter's flow: a code arrives, its card shows, staff redeem all or part, the result
shows and the till goes back to scanning."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer

from kiosk.domain.errors import AuthError, SessionExpired
from kiosk.domain.outcomes import Lookup, RedeemOutcome, RedeemStatus
from kiosk.domain.voucher import VoucherState
from kiosk.scan.codes import CodeRejected, normalise_code
from kiosk.ui.feedback import Sound
from kiosk.ui.flows.base import Flow
from kiosk.ui.pages import CLOSED_PAGES, Navigator, Page
from kiosk.ui.texts import Tone, amount_text, error_text, lookup_tone, state_title

if TYPE_CHECKING:
    from kiosk.ui.main_window import MainWindow
    from kiosk.ui.screens.card import CardScreen
    from kiosk.ui.screens.redeem import RedeemScreen
    from kiosk.ui.screens.result import ResultScreen
    from kiosk.ui.session import Session

# Where a camera's code counts (a scanner's burst, a deliberate act, counts on every open page).
CAMERA_PAGES = frozenset({Page.SCAN, Page.CARD, Page.RESULT})
# A code scanned over a card is checked in place; only an answer slower than this shows the
# scan screen's "Checking…" (a detour of two page switches and a paint, otherwise).
CHECKING_MS = 150


class ScanFlow(Flow):
    """Scan → card → (redeem part) → result → scan."""

    def __init__(self, session: Session, nav: Navigator, window: MainWindow) -> None:
        super().__init__(session, nav)
        self.window = window
        self.scan_screen = window.scan_screen
        controller = self.controller
        self.link(self.scan_screen.code_entered, self.scan_code)
        self.link(self.scan_screen.settings_requested, self._camera_settings)
        self.link(window.wedge.scanned, self.scan_code)
        self.link(session.cameras.code_seen, self._camera_code)
        self.when_built(Page.CARD, self._wire_card)
        self.when_built(Page.REDEEM, self._wire_redeem)
        self.when_built(Page.RESULT, lambda result: self.link(result.done, self.go_home))
        self.link(window.scan_button.clicked, self.go_home)
        self.link(controller.lookup_done, self._show_lookup)
        self.link(controller.redeem_done, self._show_outcome)
        self.link(controller.recent_loaded, self._show_recent)
        self._checking: str | None = None  # a code checked over a card, answer not yet in
        # The code scanned last: look-ups run in parallel, so an earlier scan's answer may
        # arrive after it, and must never replace its card (or its error) on the screen.
        self._wanted: str | None = None
        self._slow = QTimer(self)
        self._slow.setSingleShot(True)
        self._slow.setInterval(CHECKING_MS)
        self._slow.timeout.connect(self._show_checking)

    def _wire_card(self, card: CardScreen) -> None:
        self.link(card.redeem_all, self.redeem)
        self.link(card.redeem_part, self._redeem_part)
        self.link(card.back, self.go_home)

    def _wire_redeem(self, redeem: RedeemScreen) -> None:
        self.link(redeem.confirmed, self.redeem)
        self.link(redeem.applied, self.apply_discount)
        self.link(redeem.cancelled, lambda: self.nav.show_page(Page.CARD))

    # The screens after the scan screen are built after the first paint, or when first
    # needed (a scan before that builds the card then).
    @property
    def card(self) -> CardScreen:
        """The card screen."""
        return self.window.card_screen

    @property
    def redeem_screen(self) -> RedeemScreen:
        """The redeem screen."""
        return self.window.redeem_screen

    @property
    def result(self) -> ResultScreen:
        """The result screen."""
        return self.window.result_screen

    def go_home(self) -> None:
        """Back to the scan screen."""
        if self.nav.page in CLOSED_PAGES:
            return
        self.nav.show_page(Page.SCAN)
        self.controller.load_recent()

    def clear(self) -> None:
        """Forget the customer on display (after a lock)."""
        if self.window.built(Page.CARD):
            self.card.clear()
        if self.window.built(Page.REDEEM):
            self.redeem_screen.clear()
        self.controller.load_recent()

    # -- a code arrives -------------------------------------------------------------------

    def scan_code(self, raw: str) -> None:
        """A code arrived (camera, wedge scanner or typed): look it up."""
        if self.nav.page in CLOSED_PAGES:
            return
        if self.window.built(Page.SETTINGS) and \
                self.window.settings_screen.scanner_test.hasFocus():
            return  # a scanner being tested in the settings
        try:
            code = normalise_code(raw)
        except CodeRejected:
            self.nav.show_page(Page.SCAN)
            self.scan_screen.show_error(self.tr("That is not a voucher code: %1").replace(
                "%1", raw.strip()[:40]))
            self.nav.play(Sound.ERROR)
            return
        if self.controller.redeeming:
            # Finish the redemption under way first, and say so: staff scan again after it.
            self.window.wedge.forget(code)
            message = self.tr("Scan of %1 ignored: a redemption is being sent. "
                              "Scan again after the result.").replace("%1", code)
            self.card.show_notice(message)
            self.redeem_screen.show_notice(message)
            self.nav.play(Sound.WARNING)
            return
        self.nav.flash(Tone.QUEUED.value)
        self.nav.play(Sound.SCAN)
        if self.nav.page is Page.CARD:
            # The next customer's code over a card: the card's buttons go off at once (nothing
            # can redeem the old voucher meanwhile) and the answer replaces it in place.
            self.card.hold()
            self._checking = code
            self._slow.start()
        else:
            self._checking = None
            self.nav.show_page(Page.SCAN)
            self.scan_screen.show_checking(code)
        self._wanted = code
        self.controller.lookup(code, lambda error: self._lookup_failed(error, code))

    def unlink(self) -> None:
        """Cut the links and forget a check under way (the session is closing)."""
        self._answered()
        super().unlink()

    def _show_checking(self) -> None:
        """The answer is slow: say so on the scan screen, as for a code scanned there."""
        code, self._checking = self._checking, None
        if code is not None and self.nav.page is Page.CARD:
            self.nav.show_page(Page.SCAN)
            self.scan_screen.show_checking(code)

    def _camera_settings(self) -> None:
        self.session.settings.open(tab="scanner")

    def _camera_code(self, text: str) -> None:
        if self.nav.page in CAMERA_PAGES:
            self.scan_code(text)

    def _answered(self) -> None:
        self._checking = None
        self._slow.stop()
        self.nav.show_flash()  # the scan's flash, painted with its answer

    def _lookup_failed(self, error: BaseException, code: str | None = None) -> None:
        if code is not None and code != self._wanted:
            return  # an earlier scan's late failure: the last one's answer is still to come
        self._answered()
        if isinstance(error, SessionExpired | AuthError):
            self.window.signin_screen.show_error(error_text(error))
        self.nav.show_page(Page.SCAN)
        self.scan_screen.show_error(error_text(error))
        self.nav.play(Sound.ERROR)

    def _show_lookup(self, lookup: Lookup) -> None:
        if self._wanted is not None and lookup.code != self._wanted:
            return  # an earlier scan's late answer (see ``_wanted``)
        self._answered()
        if self.nav.page not in CAMERA_PAGES:
            return  # staff moved on (locked, settings) while it was loading
        if self.nav.page is Page.CARD:
            self.window.tap_guard.arm()  # a new card under the finger, as on a page switch
        self.card.show_lookup(lookup, allow_unseen=bool(
            self.controller.setting("offline_allow_unseen")),
            capabilities=self.controller.capabilities)
        self.nav.show_page(Page.CARD)
        tone = lookup_tone(lookup)
        self.nav.play(Sound.SUCCESS if tone is Tone.GOOD
                      else Sound.WARNING if tone is not Tone.BAD else Sound.ERROR)

    # -- redeeming ------------------------------------------------------------------------

    def redeem(self, code: str, amount: int) -> None:
        """Redeem ``amount`` of ``code`` (a tap while one is in flight does nothing)."""
        if self.controller.redeem(code, amount, self._redeem_failed):
            self.card.show_sending()
            self.redeem_screen.show_sending()

    def apply_discount(self, code: str, order_total: int) -> None:
        """Apply a discount voucher to a basket of ``order_total`` minor units."""
        if self.controller.redeem(code, None, self._redeem_failed, order_total=order_total):
            self.card.show_sending()
            self.redeem_screen.show_sending()

    def _redeem_part(self, lookup: Lookup) -> None:
        self.redeem_screen.start(lookup, atomic=self.controller.capabilities.atomic)
        self.nav.show_page(Page.REDEEM)

    def _redeem_failed(self, error: BaseException) -> None:
        if isinstance(error, SessionExpired | AuthError):
            self.window.signin_screen.show_error(error_text(error))
        self.card.redeem_failed()
        self.redeem_screen.redeem_failed()
        if self._closed_meanwhile():
            return
        self.result.show_failure(error)
        self.nav.show_page(Page.RESULT)
        self.nav.play(Sound.ERROR)

    def _show_outcome(self, outcome: RedeemOutcome) -> None:
        self.card.redeem_failed()  # the card's "Sending…" ends either way
        if self.nav.page is Page.QUEUE or self._closed_meanwhile():
            return  # a conflict's retry: the queue shows it
        self.result.show_outcome(outcome)
        self.nav.show_page(Page.RESULT)
        self.nav.play({RedeemStatus.APPLIED: Sound.SUCCESS,
                       RedeemStatus.QUEUED: Sound.QUEUED}.get(outcome.status, Sound.ERROR))
        if outcome.status is RedeemStatus.APPLIED:
            self.nav.flash(Tone.GOOD.value)

    def _closed_meanwhile(self) -> bool:
        """The till was locked (or a manager check opened) while a redemption was being
        sent: its result must not replace that page (the result screen leads back to a
        usable till). It shows in the scan screen's recent list once someone unlocks."""
        if self.nav.page not in CLOSED_PAGES:
            return False
        self.controller.load_recent()
        return True

    # -- recent scans ---------------------------------------------------------------------

    def _show_recent(self, entries: list[Any]) -> None:
        self.scan_screen.set_recent(
            [(entry.at, entry.code, self._outcome_words(entry)) for entry in entries])

    def _outcome_words(self, entry: Any) -> str:
        outcome = str(entry.outcome)
        try:
            return state_title(VoucherState(outcome))
        except ValueError:
            pass
        shown = amount_text(entry.amount, entry.currency)
        if getattr(entry, "action", "") == "undo":
            return self._undo_words(outcome, shown)
        words = {
            "applied": self.tr("Redeemed %1") if shown else self.tr("Redeemed"),
            "queued": self.tr("Saved offline %1") if shown else self.tr("Saved offline"),
            "refused": self.tr("Not redeemed"),
            "written_off": self.tr("Written off"),
        }
        return words.get(outcome, outcome).replace("%1", shown)

    def _undo_words(self, outcome: str, shown: str) -> str:
        """A journal line of "Undo last redemption"."""
        words = {
            "reversing": self.tr("Undo asked %1"),
            "reversed": self.tr("Undone %1"),
            "cancelled": self.tr("Cancelled %1"),
            "unconfirmed": self.tr("Undo not confirmed %1"),
            "refused": self.tr("Not undone %1"),
        }
        return words.get(outcome, outcome).replace("%1", shown).strip()
