"""A label whose text staff can select and copy with the mouse, at a plain label's cost.

A ``QLabel`` that is selectable keeps a text document for its text, and lays that document
out for every size question and paints through it: on the card, with a row per detail, that
was most of the card's update and much of its layout. This one is a plain label until a
mouse button goes down on it; only then does it become selectable (the same press starts
the selection or opens the Copy menu), and a new text makes it plain again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QLabel, QWidget

_SELECTABLE = Qt.TextInteractionFlag.TextSelectableByMouse
_PLAIN = Qt.TextInteractionFlag.NoTextInteraction


class SelectableLabel(QLabel):
    """A ``QLabel`` selectable by mouse, as with ``TextSelectableByMouse``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCursor(Qt.CursorShape.IBeamCursor)  # what a selectable label shows

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        """Show ``text`` (plain again: a selection of the old text has no meaning)."""
        if text == self.text():
            return
        if self.textInteractionFlags() != _PLAIN:
            self.setTextInteractionFlags(_PLAIN)
            self.setCursor(Qt.CursorShape.IBeamCursor)
        super().setText(text)

    def clear(self) -> None:
        """No text."""
        self.setText("")

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if self.textInteractionFlags() == _PLAIN and self.text():
            self.setTextInteractionFlags(_SELECTABLE)
        super().mousePressEvent(event)
