"""The stylesheet, icons and the ``tone`` property the stylesheet keys colours on."""

from __future__ import annotations

from functools import cache

from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScroller, QWidget

from kiosk.paths import resource


def load_stylesheet(app: QApplication) -> None:
    """Apply ``resources/style.qss`` to the whole application."""
    path = resource("style.qss")
    if path.exists():
        app.setStyleSheet(path.read_text(encoding="utf-8"))


@cache
def icon(name: str) -> QIcon:
    """An icon from ``resources/icons/NAME.svg``."""
    return QIcon(str(resource("icons", f"{name}.svg")))


def pixmap(name: str, size: int) -> QPixmap:
    """An icon rendered at ``size`` × ``size`` device-independent pixels."""
    return icon(name).pixmap(size, size)


def set_tone(widget: QWidget, tone: str) -> None:
    """Set the ``tone`` property and re-apply the stylesheet so the colour follows."""
    if widget.property("tone") == tone:
        return
    widget.setProperty("tone", tone)
    style = widget.style()
    style.unpolish(widget)
    style.polish(widget)
    for child in widget.findChildren(QWidget):
        style.unpolish(child)
        style.polish(child)


def set_role(widget: QWidget, role: str) -> None:
    """Mark a button's role (primary, danger, nav, key) for the stylesheet."""
    widget.setProperty("role", role)


def kinetic(area: QAbstractScrollArea) -> None:
    """Let a finger drag ``area`` (kinetic scrolling, as on a phone)."""
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
