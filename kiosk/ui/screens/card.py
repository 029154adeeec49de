"""The voucher card: what a scanned voucher is, whether it can be used, and the redeem buttons."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QResizeEvent
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

from kiosk.domain.backend import Capabilities
from kiosk.domain.outcomes import Lookup
from kiosk.domain.voucher import Voucher, VoucherKind, VoucherState
from kiosk.ui.layout_pass import one_layout_pass, shown
from kiosk.ui.screens.base import Screen
from kiosk.ui.style import kinetic, restyle, set_role
from kiosk.ui.texts import (
    Tone,
    day,
    discount_terms,
    discount_warning,
    grouped_code,
    left_text,
    lookup_tone,
    stamp,
    state_detail,
    state_title,
    units,
)
from kiosk.ui.widgets.banner import Banner
from kiosk.ui.widgets.scrollbar import BandedScrollBar
from kiosk.ui.widgets.selectable import SelectableLabel

FIELDS = ("product", "value", "valid", "note", "recipient", "message", "buyer", "order")
# A held card's picture (its buttons off) waits this long for the answer: one frame of a
# 60 Hz screen, so a person sees no difference, and an answer in time paints once.
HELD_PAINT_MS = 16


class CardScreen(Screen):
    """Shows one ``Lookup``; asks to redeem all of it or a part."""

    redeem_all = Signal(str, int)  # code, the units shown as available
    redeem_part = Signal(object)  # the Lookup, for the keypad screen
    back = Signal()  # staff want to scan the next voucher

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lookup: Lookup | None = None
        self.allow_unseen = False  # the offline policy accepts never-seen codes
        self.sending = False
        self.capabilities: Capabilities | None = None  # the platform's; None: everything
        self._held_paint = QTimer(self)
        self._held_paint.setSingleShot(True)
        self._held_paint.setInterval(HELD_PAINT_MS)
        self._held_paint.timeout.connect(self._paint)
        # Where the focus waits while the card is held: a redeem button turned off passed it
        # on to the scroll area, whose repaint (its scroll bar's too) ran during the look-up.
        # No size, so nothing to paint; no focus policy, so Tab never reaches it.
        self._focus_sink = QWidget(self)
        self._focus_sink.resize(0, 0)
        self.banner = Banner(self)
        self.code_label = SelectableLabel(self)  # staff copy the code
        self.code_label.setObjectName("codeLabel")
        self.notice_label = QLabel(self)
        self.notice_label.setObjectName("notice")
        self.notice_label.setWordWrap(True)
        self.notice_label.hide()
        self.why_label = QLabel(self)
        self.why_label.setObjectName("why")
        self.why_label.setWordWrap(True)
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
            value = SelectableLabel(self)
            value.setWordWrap(True)
            # Drawn from the top, as the text document of a selectable label draws it (a row
            # given less height than its text shows its first lines, not its middle).
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
            self.values[name] = value
            label = QLabel(self)
            label.setObjectName("fieldName")
            self.labels[name] = label
            self.form.addRow(label, value)
        self.history_title = QLabel(self)
        self.history_title.setObjectName("fieldName")
        self.history_list = QListWidget(self)
        self.history_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        kinetic(self.history_list)
        self.history_list.setMaximumHeight(130)
        self.redeem_all_button = QPushButton(self)
        set_role(self.redeem_all_button, "primary")
        self.redeem_part_button = QPushButton(self)
        self.back_button = QPushButton(self)

        self.details = details = QWidget(self)
        details_box = QVBoxLayout(details)
        details_box.addWidget(self.remaining_label)
        details_box.addWidget(self.queued_label)
        details_box.addLayout(self.form)
        details_box.addWidget(self.history_title)
        details_box.addWidget(self.history_list)
        details_box.addStretch(1)
        self.details_area = scroll = QScrollArea(self)
        kinetic(scroll)
        scroll.setWidgetResizable(True)
        scroll.setWidget(details)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setVerticalScrollBar(BandedScrollBar())  # Qt's picture, painted on this thread
        buttons = QHBoxLayout()
        buttons.addWidget(self.back_button)
        buttons.addStretch(1)
        buttons.addWidget(self.redeem_part_button)
        buttons.addWidget(self.redeem_all_button)
        self.redeem_all_button.setMinimumWidth(360)  # the big target, as wide as fits
        # The card's widgets are laid out in a body that fills the screen, which has no layout
        # of its own: a change of the card's size needs (a new text, a row shown) lays out the
        # body and stops there. With the layout on the screen it went on up through the
        # stack and the window, and the window's layout started a geometry animation of the
        # page each time (see ``resizeEvent``).
        self.body = QWidget(self)
        box = QVBoxLayout(self.body)
        box.setContentsMargins(16, 12, 16, 12)
        box.addWidget(self.banner)
        box.addWidget(self.code_label)
        box.addWidget(self.offline_note)
        box.addWidget(self.notice_label)
        box.addWidget(scroll, 1)
        box.addStretch(0)
        box.addWidget(self.why_label)
        box.addLayout(buttons)

        # Tab goes left to right along the buttons, as they are seen.
        QWidget.setTabOrder(self.back_button, self.redeem_part_button)
        QWidget.setTabOrder(self.redeem_part_button, self.redeem_all_button)
        self.redeem_all_button.clicked.connect(self._redeem_all)
        self.redeem_part_button.clicked.connect(self._redeem_part)
        self.back_button.clicked.connect(self.back.emit)
        self.retranslate()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self.body.setGeometry(self.rect())
        super().resizeEvent(event)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.body.sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self.body.minimumSizeHint()

    # -- showing ------------------------------------------------------------------------

    def show_lookup(self, lookup: Lookup, *, allow_unseen: bool = False,
                    capabilities: Capabilities | None = None) -> None:
        """Display ``lookup`` and enable what can be done with it; ``allow_unseen``: the
        offline policy accepts codes never seen on this till (it is said on the card);
        ``capabilities``: what the platform can do (only that is offered; None: all)."""
        self.lookup, self.allow_unseen, self.sending = lookup, allow_unseen, False
        if capabilities is not None:
            self.capabilities = capabilities
        shown(self.notice_label, False)
        self.retranslate()

    def clear(self) -> None:
        """Forget the voucher on display (nothing can be redeemed from here)."""
        self.lookup, self.sending = None, False
        self.notice_label.hide()
        self.retranslate()

    def hold(self) -> None:
        """Another code is being checked: nothing on this card can be redeemed until its
        answer replaces the card.

        The buttons are off at once; their picture waits up to a frame (``HELD_PAINT_MS``)
        for the answer. On a fast server the answer comes first and the buttons are painted
        once, for the new card, instead of being painted off while the look-up runs (that
        paint competed with the look-up's thread for the interpreter, and nobody could see
        it before the new card).
        """
        if self.isVisible():
            # Only the buttons holding turns off change; a frozen button is repainted
            # whole when it thaws (``setUpdatesEnabled``), changed or not.
            for button in (self.redeem_part_button, self.redeem_all_button):
                if button.isEnabled() and button.isVisible():
                    button.setUpdatesEnabled(False)
                    if button.hasFocus():
                        self._focus_sink.setFocus()
            self._held_paint.start()
        self._set_enabled(redeemable=False, partial=False)

    @property
    def _buttons(self) -> tuple[QPushButton, ...]:
        return (self.back_button, self.redeem_part_button, self.redeem_all_button)

    def _paint(self) -> None:
        """Paint the buttons as they now are (held, or the answer's)."""
        self._held_paint.stop()
        for button in self._buttons:
            if not button.updatesEnabled():
                button.setUpdatesEnabled(True)

    def show_sending(self) -> None:
        """A redemption of this card is in flight."""
        self.sending = True
        self._set_enabled(redeemable=False, partial=False)
        self.show_notice(self.tr("Sending…"))

    def show_notice(self, text: str) -> None:
        """A line above the details (sending, a scan that was ignored)."""
        self.notice_label.setText(text)
        self.notice_label.setVisible(bool(text))

    @property
    def tone(self) -> Tone:
        """The tone on display."""
        return self.banner.tone

    def retranslate(self) -> None:
        """Set every text in the current language (from the lookup on display)."""
        with one_layout_pass(self.body, self.banner, self.details):
            self._fill()
        self._paint()

    def _fill(self) -> None:
        labels = {"product": self.tr("Product"), "value": self.tr("Value"),
                  "valid": self.tr("Valid"), "note": self.tr("Note"),
                  "recipient": self.tr("For"),
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
            self.banner.show_result(Tone.CAREFUL, "", "")
            self.code_label.clear()
            self.offline_note.hide()
            self.why_label.clear()
            self.why_label.hide()
            self._show_voucher(None, None)
            self._set_enabled(redeemable=False, partial=False)
            return
        voucher = lookup.voucher
        tone = lookup_tone(lookup)
        detail = state_detail(lookup.state, voucher)
        if voucher is not None and lookup.state.redeemable:
            detail = voucher.product_name or detail  # the balance is shown large below
        self.banner.show_result(tone, state_title(lookup.state), detail,
                                self.tr("OFFLINE") if lookup.offline else "")
        self.code_label.setText(grouped_code(lookup.code))
        shown(self.offline_note, lookup.offline and voucher is not None)
        if lookup.offline:  # its words only where it is shown (dates and plurals cost)
            self.offline_note.setText(self._offline_text(lookup))
        self._show_voucher(voucher, lookup)
        can_redeem = voucher is not None and lookup.state.redeemable and lookup.available > 0 \
            and self._platform_takes(voucher)
        discount = voucher is not None and voucher.discount is not None
        # A discount voucher is one use on a basket: no partial amount on any platform.
        partial = can_redeem and voucher is not None and voucher.multi_use and not discount \
            and self._platform_splits(voucher)
        if voucher is not None and voucher.discount is not None and can_redeem:
            self.redeem_all_button.setText(self.tr("Apply to order…"))
        elif voucher is not None and can_redeem:
            self.redeem_all_button.setText(
                self.tr("Redeem all (%1)").replace("%1", units(voucher, lookup.available)))
        else:
            self.redeem_all_button.setText(self.tr("Redeem all"))
        self.why_label.setText("" if can_redeem else self._why_not(lookup))
        shown(self.why_label, not can_redeem)
        shown(self.details_area, voucher is not None)
        self._set_enabled(redeemable=can_redeem and not self.sending,
                          partial=partial and not self.sending)
        shown(self.redeem_all_button, can_redeem)
        shown(self.redeem_part_button, partial)
        restyle(self.back_button, "role", "" if can_redeem else "primary")
        if self.isVisible():
            # The focus where the card puts it, before the layout pass: a focused button's
            # border is wider (the stylesheet's ``:focus``), and so is the room it asks for.
            self.focus_target().setFocus()

    def _platform_takes(self, voucher: Voucher | None) -> bool:
        """Whether the platform redeems this kind of voucher at the till at all."""
        caps = self.capabilities
        return caps is None or voucher is None or voucher.discount is None or caps.discounts

    def _platform_splits(self, voucher: Voucher) -> bool:
        """Whether the platform takes part of this voucher (an amount, or some uses)."""
        caps = self.capabilities
        if caps is None:
            return True
        return caps.partial_amounts if voucher.kind is VoucherKind.MONETARY else caps.uses

    def _offline_text(self, lookup: Lookup) -> str:
        minutes = max(int((datetime.now(UTC) - lookup.checked_at).total_seconds() // 60), 0)
        text = self.tr("Offline: showing the last known status. Last checked online at %1, "
                       "%n minute(s) ago.", None, minutes).replace("%1", stamp(lookup.checked_at))
        if self.capabilities is not None and not self.capabilities.backdated:
            text += " " + self.tr("This voucher platform judges a saved redemption when it is "
                                  "sent, not at this time: if the voucher expires before the "
                                  "till is back online, it will be refused.")
        return text

    def _why_not(self, lookup: Lookup) -> str:
        """Why the card offers no redemption, and what staff can do."""
        if lookup.state is VoucherState.UNSEEN_OFFLINE:
            if self.allow_unseen:
                return self.tr("This till accepts unseen vouchers offline, but cannot tell "
                               "this one's currency or balance: redeem it when the till is "
                               "back online, or ask a manager.")
            return self.tr("Can't redeem until the till is back online. A manager can allow "
                           "unseen vouchers in Settings → Offline.")
        if lookup.state is VoucherState.UNKNOWN:
            return self.tr("Can't redeem: check the code shown above against the voucher.")
        if not self._platform_takes(lookup.voucher):
            return self.tr("Can't redeem: this voucher platform does not apply discount "
                           "vouchers at the till.")
        if lookup.state.redeemable:
            return self.tr("Can't redeem: nothing left to redeem here.")
        return self.tr("Can't redeem: %1").replace("%1", state_title(lookup.state))

    def _set_enabled(self, *, redeemable: bool, partial: bool) -> None:
        self.redeem_all_button.setEnabled(redeemable)
        self.redeem_part_button.setEnabled(partial)

    def _show_voucher(self, voucher: Voucher | None, lookup: Lookup | None) -> None:
        if voucher is None or lookup is None:
            self._history([])
            self._rows({})
            self.remaining_label.clear()
            self.queued_label.clear()
            shown(self.history_title, False)
            shown(self.history_list, False)
            return
        # A discount voucher's worth is what it takes off; its uses left are in the banner.
        self.remaining_label.setText(discount_terms(voucher) if voucher.discount is not None
                                     else left_text(voucher, lookup.available))
        # On a card that cannot be redeemed the balance is secondary.
        restyle(self.remaining_label, "objectName",
                "bigValue" if lookup.state.redeemable else "secondaryValue")
        self.queued_label.setText(
            self.tr("%1 waiting to be sent from this till.").replace(
                "%1", units(voucher, lookup.queued)) if lookup.queued else "")
        shown(self.queued_label, bool(lookup.queued))
        recipient = voucher.recipient_name
        if voucher.recipient_email:
            recipient = f"{recipient} <{voucher.recipient_email}>".strip()
        order = voucher.order_reference
        if voucher.purchased_at is not None and order:
            order = self.tr("%1, bought %2").replace("%1", order).replace(
                "%2", day(voucher.purchased_at))
        self._rows({
            "product": voucher.product_name or voucher.product_description,
            "value": units(voucher, voucher.total),
            "valid": self._window_text(voucher),
            "note": discount_warning(voucher),
            "recipient": recipient,
            "message": f"“{voucher.message}”" if voucher.message else "",
            "buyer": voucher.buyer_name or voucher.buyer_email,
            "order": order,
        })
        self._history([f"{stamp(entry.at)}   {units(voucher, entry.amount)}"
                       for entry in reversed(voucher.history)])
        shown(self.history_title, bool(voucher.history))
        shown(self.history_list, bool(voucher.history))
        # A layout keeps its nested layouts' sizes (their heights for a width too) until it
        # runs: the form's are renewed now, on display or not. Kept, a card shown from the
        # scan screen was laid out with the last card's rows (a row of two lines got one).
        # A card on display: the rows' height at the width they have, found now (the scroll
        # area finds it only after the card's first paint, then lays out and paints the rows
        # again). A card not on display has no width yet: the scroll area's pass decides.
        self.form.invalidate()
        height = 0
        if self.details_area.isVisible():
            height = self.details.heightForWidth(self.details_area.viewport().width())
        self.details.setMinimumHeight(max(height, 0))

    def _history(self, lines: list[str]) -> None:
        """The redemptions list shows ``lines``. Filled again only when they differ: each
        change lays the list's items out again on a timer, after the card's paint."""
        shown_now = [self.history_list.item(row).text() for row in range(self.history_list.count())]
        if shown_now != lines:
            self.history_list.clear()
            self.history_list.addItems(lines)

    def _window_text(self, voucher: Voucher) -> str:
        if len(voucher.windows) > 1:  # each window as it is: a merged range hides the gaps
            return "\n".join(self._range(w.start, w.end) for w in voucher.windows)
        return self._range(voucher.valid_from(), voucher.valid_until())

    def _range(self, start: datetime | None, end: datetime | None) -> str:
        if start and end:
            return self.tr("%1 to %2").replace("%1", day(start)).replace("%2", day(end))
        if end:
            return self.tr("until %1").replace("%1", day(end))
        if start:
            return self.tr("from %1").replace("%1", day(start))
        return self.tr("no expiry date")

    def _rows(self, texts: dict[str, str]) -> None:
        """The detail rows: each shown with its text, or hidden without one."""
        for name in FIELDS:
            text = texts.get(name) or ""
            self.values[name].setText(text)
            shown(self.values[name], bool(text))
            shown(self.labels[name], bool(text))

    # -- actions ------------------------------------------------------------------------

    def _redeem_all(self) -> None:
        lookup = self.lookup
        if lookup is None or not self.redeem_all_button.isEnabled():
            return
        if lookup.voucher is not None and lookup.voucher.discount is not None:
            self.redeem_part.emit(lookup)  # the keypad asks for the order total first
            return
        # Disabled at once: a second tap before the result arrives does nothing.
        self._set_enabled(redeemable=False, partial=False)
        self.redeem_all.emit(lookup.code, lookup.available)

    def focus_target(self) -> QWidget:
        """Return does the main thing of this card."""
        return self.redeem_all_button if self.redeem_all_button.isEnabled() \
            else self.back_button

    def escape(self) -> bool:
        """Escape: back to scanning."""
        self.back.emit()
        return True

    def _redeem_part(self) -> None:
        if self.lookup is not None:
            self.redeem_part.emit(self.lookup)

    def redeem_failed(self) -> None:
        """The redeem ended without a result shown here: allow another try."""
        self.sending = False
        self.notice_label.hide()
        self.retranslate()
