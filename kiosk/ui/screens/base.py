"""What every screen shares: a name, and retranslation when the language changes."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget


class Screen(QWidget):
    """A page of the main window's stack. Subclasses build widgets, then call ``retranslate``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screen")

    def retranslate(self) -> None:
        """Set every user-visible text (called at start and on every language change)."""

    def focus_target(self) -> QWidget:
        """What gets the keyboard focus when the screen comes up (its main action)."""
        return self

    def escape(self) -> bool:
        """Go back one step (Escape); False when there is nowhere to go back to."""
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Return/Enter presses the focused button (what is focused is what Return does);
        Escape goes back. A Return on a screen that has just appeared, or a held key's
        repeat, never gets here: the window's tap guard eats it (``kiosk.ui.tap_guard``)."""
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            focused = QApplication.focusWidget()
            if (isinstance(focused, QAbstractButton) and self.isAncestorOf(focused)
                    and focused.isEnabled()):
                focused.click()
                return
        if key == Qt.Key.Key_Escape and self.escape():
            return
        super().keyPressEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
