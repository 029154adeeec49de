"""The stylesheet, icons and the ``tone`` property the stylesheet keys colours on."""

from __future__ import annotations

import re
from functools import cache

from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QScroller, QWidget

from kiosk.paths import resource

_PX = re.compile(r"(\d+)px")


def stylesheet(scale: float = 1.0) -> str:
    """``resources/style.qss`` with every size multiplied by ``scale``."""
    path = resource("style.qss")
    if not path.exists():
        return ""
    text = path.read_text(encoding="utf-8")
    if scale == 1.0:
        return text
    return _PX.sub(lambda m: f"{round(int(m.group(1)) * scale)}px", text)


def screen_scale(width: int, height: int) -> float:
    """How much bigger than the 1280×800 design the type and targets should be (never
    smaller: touch targets stay >= 44 px on a 1024×600 screen)."""
    return round(max(1.0, min(width / 1280, height / 800, 2.0)), 2)


def load_stylesheet(app: QApplication, scale: float = 1.0) -> None:
    """Apply the stylesheet, scaled, to the whole application."""
    app.setStyleSheet(stylesheet(scale))


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


def restyle(widget: QWidget, name: str, value: str) -> None:
    """Set a property the stylesheet keys on (``objectName`` too) and re-polish, only when it
    changes (polishing is slow: not on every scan)."""
    current = widget.objectName() if name == "objectName" else widget.property(name)
    if current == value:
        return
    if name == "objectName":
        widget.setObjectName(value)
    else:
        widget.setProperty(name, value)
    widget.style().unpolish(widget)
    widget.style().polish(widget)
