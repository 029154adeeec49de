"""An on-screen PIN pad: digits, backspace and clear, typing into a password field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLineEdit, QPushButton, QSizePolicy, QWidget

from kiosk.ui.style import set_role

MAX_DIGITS = 8


class PinPad(QWidget):
    """Large keys for a touch screen; what they type goes to ``target``."""

    def __init__(self, target: QLineEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.target = target
        grid = QGridLayout(self)
        grid.setSpacing(6)
        self.keys: dict[str, QPushButton] = {}
        for index, key in enumerate("123456789C0⌫"):
            button = QPushButton(key, self)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the field keeps the keyboard
            set_role(button, "key")
            button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(button, index // 3, index % 3)
            self.keys[key] = button

    def press(self, key: str) -> None:
        """A key was tapped."""
        text = self.target.text()
        if key == "C":
            self.target.clear()
        elif key == "⌫":
            self.target.setText(text[:-1])
        elif len(text) < MAX_DIGITS:
            self.target.setText(text + key)

    def type_pin(self, pin: str) -> None:
        """Tap ``pin`` digit by digit (tests, the screenshot tool)."""
        for digit in pin:
            self.keys[digit].click()
