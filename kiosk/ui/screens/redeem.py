"""Redeem part of a voucher: amount (money) or uses on a large keypad, then confirm; or, for a
discount voucher, the order total, then the discount and what the customer pays."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.money import exponent, parse_major
from kiosk.domain.outcomes import Lookup
from kiosk.domain.voucher import Voucher, VoucherKind
from kiosk.ui.screens.base import Screen
from kiosk.ui.style import set_role
from kiosk.ui.texts import (
    decimal_point,
    discount_name,
    discount_terms,
    discount_warning,
    money_affixes,
    money_text,
    units,
)
from kiosk.ui.widgets.keypad import Keypad


class RedeemScreen(Screen):
    """Two steps: type the amount (limited to what is available), then confirm it."""

    confirmed = Signal(str, int)  # code, units to redeem
    applied = Signal(str, int)  # code, order total (minor units): apply a discount voucher
    cancelled = Signal()
    stepped = Signal()  # the step on display changed (a new screen: taps wait a moment)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lookup: Lookup | None = None
        self.amount: int | None = None
        self.atomic = True  # the platform counts a use in one step (see ``start``)
        self.title = QLabel(self)
        self.title.setObjectName("title")
        self.available_label = QLabel(self)
        self.available_label.setObjectName("hint")
        self.display = QLineEdit(self)
        self.display.setObjectName("amountDisplay")
        self.display.setReadOnly(True)
        self.display.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.keypad = Keypad(self)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("notice")
        self.notice_label.setWordWrap(True)
        self.notice_label.hide()
        self.cancel_button = QPushButton(self)
        self.next_button = QPushButton(self)
        set_role(self.next_button, "primary")

        entry = QWidget(self)
        entry_box = QVBoxLayout(entry)
        entry_box.setContentsMargins(0, 0, 0, 0)
        entry_box.addWidget(self.display)
        entry_box.addWidget(self.keypad, 1)
        entry_box.addWidget(self.error_label)
        entry_buttons = QHBoxLayout()
        entry_buttons.addWidget(self.cancel_button)
        entry_buttons.addWidget(self.next_button, 2)
        entry_box.addLayout(entry_buttons)

        self.question = QLabel(self)
        self.question.setObjectName("bigValue")
        self.question.setWordWrap(True)
        self.after_label = QLabel(self)
        self.after_label.setObjectName("title")
        self.change_button = QPushButton(self)
        self.confirm_button = QPushButton(self)
        set_role(self.confirm_button, "primary")
        confirm = QWidget(self)
        confirm_box = QVBoxLayout(confirm)
        confirm_box.addStretch(1)
        confirm_box.addWidget(self.question)
        confirm_box.addWidget(self.after_label)
        # "Yes, redeem" sits mid-screen, never where "Next" was: a double tap on "Next"
        # cannot confirm unseen.
        confirm_row = QHBoxLayout()
        confirm_row.addStretch(1)
        confirm_row.addWidget(self.confirm_button, 3)
        confirm_row.addStretch(1)
        confirm_box.addLayout(confirm_row)
        confirm_box.addStretch(2)
        confirm_buttons = QHBoxLayout()
        confirm_buttons.addWidget(self.change_button)
        confirm_buttons.addStretch(2)
        confirm_box.addLayout(confirm_buttons)

        self.steps = QStackedWidget(self)
        self.steps.addWidget(entry)
        self.steps.addWidget(confirm)
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 12, 16, 12)
        box.addWidget(self.title)
        box.addWidget(self.available_label)
        box.addWidget(self.notice_label)
        box.addWidget(self.steps, 1)

        QWidget.setTabOrder(self.cancel_button, self.next_button)
        QWidget.setTabOrder(self.confirm_button, self.change_button)
        self.keypad.text_changed.connect(self._typed)
        self.keypad.max_pressed.connect(self.fill_max)
        self.cancel_button.clicked.connect(self.cancelled.emit)
        self.next_button.clicked.connect(self.next_step)
        self.change_button.clicked.connect(self.change_amount)
        self.confirm_button.clicked.connect(self._confirm)
        self.retranslate()

    @property
    def voucher(self) -> Voucher | None:
        """The voucher being redeemed."""
        return self.lookup.voucher if self.lookup else None

    @property
    def basket_mode(self) -> bool:
        """Whether the keypad asks for the order total (a discount voucher)."""
        voucher = self.voucher
        return voucher is not None and voucher.discount is not None

    def _currency(self) -> str | None:
        voucher = self.voucher
        if voucher is None:
            return None
        if voucher.kind is VoucherKind.MONETARY or voucher.discount is not None:
            return voucher.currency
        return None

    def start(self, lookup: Lookup, *, atomic: bool = True) -> None:
        """Begin a partial redemption of ``lookup``'s voucher (or, for a discount voucher,
        ask for the order total). ``atomic``: the platform counts a use in one step (else the
        confirmation says what can go wrong)."""
        self.lookup = lookup
        self.atomic = atomic
        currency = self._currency()
        self.keypad.set_decimals(exponent(currency) if currency else 0)
        self.keypad.set_max_shown(not self.basket_mode)
        self.steps.setCurrentIndex(0)
        self.error_label.clear()
        self.notice_label.hide()
        self.amount = None
        self.keypad.set_text("")
        self.confirm_button.setEnabled(True)
        self.retranslate()

    def clear(self) -> None:
        """Forget the voucher (after a lock)."""
        self.lookup, self.amount = None, None
        self.keypad.set_text("")
        self.steps.setCurrentIndex(0)
        self.retranslate()

    def change_amount(self) -> None:
        """Back to the keypad."""
        self.steps.setCurrentIndex(0)
        self.stepped.emit()
        self.next_button.setFocus()

    def show_sending(self) -> None:
        """The redemption is in flight."""
        self.confirm_button.setEnabled(False)
        self.show_notice(self.tr("Sending…"))

    def show_notice(self, text: str) -> None:
        """A line under the title (sending, a scan that was ignored)."""
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.cancel_button.setText(self.tr("Cancel"))
        self.next_button.setText(self.tr("Next"))
        self.change_button.setText(self.tr("Change amount"))
        self.confirm_button.setText(self.tr("Yes, redeem"))
        voucher = self.voucher
        if voucher is None or self.lookup is None:
            self.title.setText(self.tr("Redeem part"))
            return
        if voucher.discount is not None:
            self.title.setText(self.tr("Order total for %1").replace("%1", voucher.code))
            self.available_label.setText(discount_terms(voucher))
            self.change_button.setText(self.tr("Change order total"))
            self.confirm_button.setText(self.tr("Yes, apply"))
            self._typed(self.keypad.text())
            if self.amount is not None:
                self._fill_question(self.amount)
            return
        if voucher.kind is VoucherKind.MONETARY:
            self.title.setText(self.tr("Amount to redeem from %1").replace("%1", voucher.code))
        else:
            self.title.setText(self.tr("Uses to redeem from %1").replace("%1", voucher.code))
        self.available_label.setText(
            self.tr("Available: %1").replace("%1", units(voucher, self.lookup.available)))
        self._typed(self.keypad.text())
        if self.amount is not None:
            self._fill_question(self.amount)

    def _typed(self, text: str) -> None:
        voucher = self.voucher
        self.error_label.clear()
        shown = text or "0"
        currency = self._currency()
        if voucher is not None and currency:
            prefix, suffix = money_affixes(currency)
            shown = prefix + shown.replace(".", decimal_point()) + suffix
        self.display.setText(shown)
        self.next_button.setEnabled(bool(text))

    def fill_max(self) -> None:
        """Type everything that is available."""
        voucher, lookup = self.voucher, self.lookup
        if voucher is None or lookup is None or lookup.available <= 0 or self.basket_mode:
            return
        if voucher.kind is VoucherKind.MONETARY and voucher.currency:
            places = exponent(voucher.currency)
            whole, frac = divmod(lookup.available, 10**places)
            text = str(whole) + (f".{frac:0{places}d}" if places else "")
        else:
            text = str(lookup.available)
        self.keypad.set_text(text)

    def parse(self) -> int | None:
        """The typed amount in the voucher's units, or None (with an error shown)."""
        voucher, lookup = self.voucher, self.lookup
        if voucher is None or lookup is None:
            return None
        text = self.keypad.text()
        currency = self._currency()
        try:
            amount = parse_major(text, currency) if currency else int(text)
        except ValueError:
            self.error_label.setText(self.tr("Enter an amount."))
            return None
        if amount <= 0:
            self.error_label.setText(self.tr("Enter an amount greater than zero."))
            return None
        terms = voucher.discount
        if terms is not None:
            if not terms.meets_minimum(amount):
                minimum = money_text(terms.min_order or 0, currency or "GBP")
                self.error_label.setText(
                    self.tr("This voucher needs an order of at least %1.").replace("%1", minimum)
                    if not terms.strict_minimum else
                    self.tr("This voucher needs an order over %1.").replace("%1", minimum))
                return None
            return amount
        if amount > lookup.available:
            self.error_label.setText(
                self.tr("Too much: only %1 can be redeemed.").replace(
                    "%1", units(voucher, lookup.available)))
            return None
        return amount

    def next_step(self) -> None:
        """Check the amount and ask for confirmation."""
        amount = self.parse()
        if amount is None:
            return
        self.amount = amount
        self._fill_question(amount)
        self.confirm_button.setEnabled(True)
        self.steps.setCurrentIndex(1)
        self.stepped.emit()
        self.confirm_button.setFocus()  # what is focused is what Return does

    def _fill_question(self, amount: int) -> None:
        voucher, lookup = self.voucher, self.lookup
        if voucher is None or lookup is None:
            return
        if voucher.discount is not None:
            currency = voucher.currency or "GBP"
            off = voucher.discount.amount_off(amount)
            self.question.setText(
                self.tr("%1: −%2, customer pays %3").replace(
                    "%1", discount_name(voucher)).replace(
                    "%2", money_text(off, currency)).replace(
                    "%3", money_text(amount - off, currency)))
            notes = [discount_warning(voucher)]
            if not self.atomic:
                notes.append(self.tr(
                    "This platform has no redeem step: the till counts the use itself. If "
                    "another till or the web shop uses this code at the same moment, one use "
                    "may go uncounted."))
            self.after_label.setText("\n".join(note for note in notes if note))
            return
        self.question.setText(self.tr("Redeem %1?").replace("%1", units(voucher, amount)))
        self.after_label.setText(
            self.tr("%1 will be left.").replace("%1", units(voucher, lookup.available - amount)))

    def _confirm(self) -> None:
        if self.lookup is None or self.amount is None or not self.confirm_button.isEnabled():
            return
        self.confirm_button.setEnabled(False)  # one tap, one redemption
        if self.basket_mode:
            self.applied.emit(self.lookup.code, self.amount)
            return
        self.confirmed.emit(self.lookup.code, self.amount)

    def redeem_failed(self) -> None:
        """The redeem could not start: allow another try."""
        self.confirm_button.setEnabled(True)
        self.notice_label.hide()

    def focus_target(self) -> QWidget:
        """Return goes on to the question, then confirms it."""
        if self.steps.currentIndex() == 1:
            return self.confirm_button
        return self.next_button if self.next_button.isEnabled() else self

    def escape(self) -> bool:
        """Escape: from the question back to the keypad, from the keypad back to the card."""
        if self.steps.currentIndex() == 1:
            self.change_amount()
        else:
            self.cancelled.emit()
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """A hardware keyboard works like the keypad."""
        key, text = event.key(), event.text()
        if self.steps.currentIndex() == 0:
            if text and (text.isdigit() or text in ".,"):
                self.keypad.type_text(text)
                return
            if key == Qt.Key.Key_Backspace:
                self.keypad.backspace()
                return
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not self._button_focused():
                self.next_step()  # only shows the question: no guard needed
                return
        super().keyPressEvent(event)  # Return presses the focused button

    def _button_focused(self) -> bool:
        focused = QApplication.focusWidget()
        return isinstance(focused, QPushButton) and self.isAncestorOf(focused)
