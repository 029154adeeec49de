"""After a dialogue (a save dialogue, a question box) closes, the window it came from takes
the keyboard again. A window manager does that; a kiosk often runs without one, and then
X gives the focus to nobody: every key (Return, Escape, F2, a scanner's burst) went nowhere
until someone tapped the screen."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


def keys_back(widget: QWidget) -> None:
    """Give ``widget``'s window the keyboard again (call when a dialogue of it closed)."""
    window = widget.window()
    if window.isVisible():
        window.activateWindow()
