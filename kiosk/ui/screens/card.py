"""The voucher card: what a scanned voucher is, whether it can be used, and the redeem buttons."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from kiosk.domain.outcomes import Lookup
from kiosk.domain.voucher import Voucher, VoucherKind
from kiosk.ui.screens.base import Screen
from kiosk.ui.style import set_role
from kiosk.ui.texts import (
    Tone,
    clock,
    day,
    left_text,
    stamp,
    state_detail,
    state_title,
    state_tone,
    units,
)
from kiosk.ui.widgets.banner import Banner

FIELDS = ("product", "value", "valid", "recipient", "message", "buyer", "order")


class CardScreen(Screen):
    """Shows one ``Lookup``; asks to redeem all of it or a part."""

    redeem_all = Signal(str, int)  # code, the units shown as available
    redeem_part = Signal(object)  # the Lookup, for the keypad screen
    back = Signal()  # staff want to scan the next voucher

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lookup: Lookup | None = None
        self.banner = Banner(self)
        self.offline_note = QLabel(self)
        self.offline_note.setObjectName("offlineNote")
        self.offline_note.setWordWrap(True)
        self.remaining_label = QLabel(self)
        self.remaining_label.setObjectName("bigValue")
        self.queued_label = QLabel(self)
        self.queued_label.setObjectName("hint")
        self.form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        self.labels: dict[str, QLabel] = {}
        for name in FIELDS:
            value = QLabel(self)
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[name] = value
            label = QLabel(self)
            label.setObjectName("fieldName")
            self.labels[name] = label
            self.form.addRow(label, value)
        self.history_title = QLabel(self)
        self.history_title.setObjectName("fieldName")
        self.history_list = QListWidget(self)
        self.history_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.history_list.setMaximumHeight(130)
        self.redeem_all_button = QPushButton(self)
        set_role(self.redeem_all_button, "primary")
        self.redeem_part_button = QPushButton(self)
        self.back_button = QPushButton(self)

        details = QWidget(self)
        details_box = QVBoxLayout(details)
        details_box.addWidget(self.remaining_label)
        details_box.addWidget(self.queued_label)
        details_box.addLayout(self.form)
        details_box.addWidget(self.history_title)
        details_box.addWidget(self.history_list)
        details_box.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(details)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.redeem_part_button)
        buttons.addWidget(self.redeem_all_button, 2)
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 12, 16, 12)
        box.addWidget(self.banner)
        box.addWidget(self.offline_note)
        box.addWidget(scroll, 1)
        box.addLayout(buttons)

        self.redeem_all_button.clicked.connect(self._redeem_all)
        self.redeem_part_button.clicked.connect(self._redeem_part)
        self.back_button.clicked.connect(self.back.emit)
        self.retranslate()

    # -- showing ------------------------------------------------------------------------

    def show_lookup(self, lookup: Lookup) -> None:
        """Display ``lookup`` and enable what can be done with it."""
        self.lookup = lookup
        self.retranslate()

    @property
    def tone(self) -> Tone:
        """The tone on display."""
        return self.banner.tone

    def retranslate(self) -> None:
        """Set every text in the current language (from the lookup on display)."""
        labels = {"product": self.tr("Product"), "value": self.tr("Value"),
                  "valid": self.tr("Valid"), "recipient": self.tr("For"),
                  "message": self.tr("Message"), "buyer": self.tr("From"),
                  "order": self.tr("Order")}
        for name in FIELDS:
            self.labels[name].setText(labels[name])
        self.history_title.setText(self.tr("Redemptions"))
        self.redeem_part_button.setText(self.tr("Redeem part…"))
        self.back_button.setText(self.tr("Scan next"))
        lookup = self.lookup
        if lookup is None:
            self.redeem_all_button.setText(self.tr("Redeem all"))
            self._set_enabled(redeemable=False, partial=False)
            return
        voucher = lookup.voucher
        tone = state_tone(lookup.state)
        if lookup.offline and tone is Tone.GOOD:
            tone = Tone.CAREFUL  # last known status only: be careful
        detail = state_detail(lookup.state, voucher)
        if voucher is not None and lookup.state.redeemable:
            detail = voucher.product_name or detail  # the balance is shown large below
        self.banner.show_result(tone, state_title(lookup.state), detail,
                                self.tr("OFFLINE") if lookup.offline else "")
        self.offline_note.setVisible(lookup.offline)
        self.offline_note.setText(
            self.tr("Checked offline at %1 — last known status from %2.")
            .replace("%1", clock(lookup.checked_at)).replace("%2", stamp(lookup.checked_at)))
        self._show_voucher(voucher, lookup)
        can_redeem = voucher is not None and lookup.state.redeemable and lookup.available > 0
        partial = can_redeem and voucher is not None and voucher.multi_use
        if voucher is not None and can_redeem:
            self.redeem_all_button.setText(
                self.tr("Redeem all (%1)").replace("%1", units(voucher, lookup.available)))
        else:
            self.redeem_all_button.setText(self.tr("Redeem all"))
        self._set_enabled(redeemable=can_redeem, partial=partial)

    def _set_enabled(self, *, redeemable: bool, partial: bool) -> None:
        self.redeem_all_button.setEnabled(redeemable)
        self.redeem_part_button.setEnabled(partial)
        self.redeem_part_button.setVisible(partial or not redeemable)

    def _show_voucher(self, voucher: Voucher | None, lookup: Lookup) -> None:
        for name in FIELDS:
            self._row(name, "")
        self.history_list.clear()
        if voucher is None:
            self.remaining_label.clear()
            self.queued_label.clear()
            self.history_title.hide()
            self.history_list.hide()
            return
        self.remaining_label.setText(left_text(voucher, lookup.available))
        self.queued_label.setText(
            self.tr("%1 waiting to be sent from this till.").replace(
                "%1", units(voucher, lookup.queued)) if lookup.queued else "")
        self.queued_label.setVisible(bool(lookup.queued))
        product = voucher.product_name or voucher.product_description
        self._row("product", product)
        if voucher.kind is VoucherKind.MONETARY:
            self._row("value", units(voucher, voucher.total))
        else:
            self._row("value", self.tr("%n use(s)", None, voucher.total))
        self._row("valid", self._window_text(voucher))
        recipient = voucher.recipient_name
        if voucher.recipient_email:
            recipient = f"{recipient} <{voucher.recipient_email}>".strip()
        self._row("recipient", recipient)
        self._row("message", f"“{voucher.message}”" if voucher.message else "")
        self._row("buyer", voucher.buyer_name or voucher.buyer_email)
        order = voucher.order_reference
        if voucher.purchased_at is not None and order:
            order = self.tr("%1, bought %2").replace("%1", order).replace(
                "%2", day(voucher.purchased_at))
        self._row("order", order)
        for entry in reversed(voucher.history):
            self.history_list.addItem(f"{stamp(entry.at)}   {units(voucher, entry.amount)}")
        self.history_title.setVisible(bool(voucher.history))
        self.history_list.setVisible(bool(voucher.history))

    def _window_text(self, voucher: Voucher) -> str:
        start, end = voucher.valid_from(), voucher.valid_until()
        if start and end:
            return self.tr("%1 to %2").replace("%1", day(start)).replace("%2", day(end))
        if end:
            return self.tr("until %1").replace("%1", day(end))
        if start:
            return self.tr("from %1").replace("%1", day(start))
        return self.tr("no expiry date")

    def _row(self, name: str, text: str) -> None:
        self.values[name].setText(text)
        visible = bool(text)
        self.values[name].setVisible(visible)
        self.labels[name].setVisible(visible)

    # -- actions ------------------------------------------------------------------------

    def _redeem_all(self) -> None:
        lookup = self.lookup
        if lookup is None or not self.redeem_all_button.isEnabled():
            return
        # Disabled at once: a second tap before the result arrives does nothing.
        self._set_enabled(redeemable=False, partial=False)
        self.redeem_all.emit(lookup.code, lookup.available)

    def _redeem_part(self) -> None:
        if self.lookup is not None:
            self.redeem_part.emit(self.lookup)

    def redeem_failed(self) -> None:
        """A redeem could not even start: allow another try."""
        self.retranslate()
