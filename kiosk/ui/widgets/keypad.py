"""A large on-screen numeric keypad for touch screens."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QSizePolicy, QWidget

from kiosk.ui.style import set_role
from kiosk.ui.texts import decimal_point

MAX_DIGITS = 9


class Keypad(QWidget):
    """Digits, a decimal separator (when the unit has decimals), backspace, clear, and
    "Max" (everything available) filling the right-hand column. Where "everything available"
    means nothing (an order total), Max is hidden and Clear fills the column."""

    text_changed = Signal(str)  # the amount typed so far, "." as decimal separator
    max_pressed = Signal()  # staff want all that is available

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._decimals = 2
        grid = QGridLayout(self)
        grid.setSpacing(8)
        self.digit_buttons: dict[str, QPushButton] = {}
        layout = ["789", "456", "123"]
        for row, keys in enumerate(layout):
            for col, key in enumerate(keys):
                self.digit_buttons[key] = self._key(key, grid, row, col)
        self.point_button = self._key(".", grid, 3, 0)
        self.digit_buttons["0"] = self._key("0", grid, 3, 1)
        self.back_button = self._key("⌫", grid, 3, 2)
        self.clear_button = self._key("C", grid, 0, 3)
        self.clear_button.clicked.connect(self.clear)
        self.max_button = QPushButton(self)
        self.max_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        set_role(self.max_button, "key")
        self.max_button.setSizePolicy(QSizePolicy.Policy.Expanding,
                                      QSizePolicy.Policy.Expanding)
        self.max_button.clicked.connect(self.max_pressed.emit)
        grid.addWidget(self.max_button, 1, 3, 3, 1)
        self._grid = grid
        self.retranslate()

    def _key(self, key: str, grid: QGridLayout, row: int, col: int) -> QPushButton:
        button = QPushButton(key, self)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # a keyboard types the digits itself
        set_role(button, "key")
        button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        if key == "⌫":
            button.clicked.connect(self.backspace)
        elif key != "C":
            button.clicked.connect(lambda _=False, k=key: self.press(k))
        grid.addWidget(button, row, col)
        return button

    def retranslate(self) -> None:
        """Texts that depend on the language."""
        self.point_button.setText(decimal_point())  # as the amounts on screen write it
        self.max_button.setText(self.tr("Max"))
        self.max_button.setToolTip(self.tr("Everything available"))
        self.back_button.setToolTip(self.tr("Delete the last digit"))
        self.clear_button.setText(self.tr("C"))
        self.clear_button.setToolTip(self.tr("Clear"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_max_shown(self, shown: bool) -> None:
        """Show the Max key, or hide it and let Clear take its place."""
        if shown == self.max_button.isVisibleTo(self):
            return
        self._grid.removeWidget(self.clear_button)
        self._grid.addWidget(self.clear_button, 0, 3, 1 if shown else 4, 1)
        self.max_button.setVisible(shown)

    def set_decimals(self, decimals: int) -> None:
        """How many decimal places the amount may have (0 = whole units, no separator key)."""
        self._decimals = decimals
        self.point_button.setEnabled(decimals > 0)
        self.clear()

    def text(self) -> str:
        """The amount typed so far."""
        return self._text

    def press(self, key: str) -> None:
        """Type one key ("0"-"9" or ".")."""
        whole, point, frac = self._text.partition(".")
        if key == ".":
            if self._decimals == 0 or point:
                return
            candidate = (self._text or "0") + "."
        else:
            if point and len(frac) >= self._decimals:
                return
            if not point and len(whole) >= MAX_DIGITS:
                return
            candidate = key if self._text == "0" else self._text + key
        self._set(candidate)

    def type_text(self, text: str) -> None:
        """Type several keys (the hardware keyboard and tests use this)."""
        for key in text:
            self.press("." if key in ".," else key)

    def set_text(self, text: str) -> None:
        """Replace the amount ("." as decimal separator), e.g. with the maximum."""
        self._set(text)

    def backspace(self) -> None:
        """Delete the last character."""
        self._set(self._text[:-1])

    def clear(self) -> None:
        """Empty the amount."""
        self._set("")

    def _set(self, text: str) -> None:
        if text != self._text:
            self._text = text
            self.text_changed.emit(text)
