"""A scroll bar that draws the same picture as Qt's, without Qt's painting threads.

Qt's raster painter hands every fill of 96 rows or more that is not a plain colour (a
gradient, a blend) to a pool of threads, in pieces, and waits for them. The card's scroll bar
(Fusion, 44 px wide, as tall as the card's details) made about 40 such hand-overs at each
paint: ~0.5 ms of every card whose details changed height, more on a busy till, where each
hand-over waits for a thread to be scheduled; the same fills, a band of rows at a time, take
microseconds on the UI thread. Clipping changes no pixel: the picture is Qt's.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QHideEvent, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QScrollBar, QStyle, QStyleOptionSlider, QWidget

# Rows per band: below the 96 spans from which Qt's painter hands a fill to its threads, with room
# for a shape's edges (a row of an antialiased edge is several spans).
BAND_ROWS = 20


class BandedScrollBar(QScrollBar):
    """A ``QScrollBar`` painted a band of rows at a time while nobody touches it (then, with
    a part hovered or pressed, Qt's own paint: only it knows which part that is)."""

    def __init__(self, orientation: Qt.Orientation = Qt.Orientation.Vertical,
                 parent: QWidget | None = None) -> None:
        super().__init__(orientation, parent)
        self._pressed = False

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._pressed = True
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        super().mouseReleaseEvent(event)
        self._pressed = False

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        super().hideEvent(event)
        self._pressed = False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        if self._pressed or self.isSliderDown() or self.underMouse():
            super().paintEvent(event)
            return
        # What QScrollBar::paintEvent draws with no part pressed or hovered.
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        option.subControls = QStyle.SubControl.SC_All
        option.activeSubControls = QStyle.SubControl.SC_None
        style = self.style()
        area = event.rect()
        painter = QPainter(self)
        for top in range(area.top(), area.bottom() + 1, BAND_ROWS):
            painter.save()
            painter.setClipRect(QRect(area.left(), top, area.width(),
                                      min(BAND_ROWS, area.bottom() + 1 - top)))
            style.drawComplexControl(QStyle.ComplexControl.CC_ScrollBar, option, painter, self)
            painter.restore()
        painter.end()
