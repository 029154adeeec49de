"""The whole-width result banner: colour + icon + big words (+ an "offline" badge)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QStyle,
    QStyleOption,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.style import pixmap, set_tone
from kiosk.ui.texts import Tone

ICON_SIZE = 72
_GROUPS = (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive,
           QPalette.ColorGroup.Disabled)
_TEXT = QPalette.ColorRole.WindowText


class _Words(QLabel):
    """A banner label whose text colour the banner sets (it keeps it when restyled)."""

    def __init__(self, banner: Banner) -> None:
        super().__init__(banner)
        self._banner = banner

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        super().changeEvent(event)
        if event.type() == QEvent.Type.StyleChange:
            # Restyled (a new stylesheet): its colour again, once every swatch has its own.
            QTimer.singleShot(0, self, lambda: self._banner.colour(self))


class Banner(QFrame):
    """Shows one outcome; the tone picks the colour and the icon together.

    The colours are the stylesheet's (``QFrame#banner[tone=…]``), taken from a hidden,
    styled swatch per tone: the banner paints its swatch's background and gives its words
    the swatch's text colour. Restyling the banner and its labels in place on each change of
    tone (a property the stylesheet keys on) cost new fonts and palettes, a new layout and a
    paint of the banner: about 1.5 ms of every scan whose tone differed from the last one's.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setMinimumHeight(120)
        self.tone = Tone.GOOD
        self._swatches: dict[Tone, QFrame] = {}
        self._swatch_words: dict[Tone, QLabel] = {}
        for tone in Tone:
            swatch = QFrame(self)
            swatch.setObjectName("banner")
            swatch.setProperty("tone", tone.value)
            self._swatch_words[tone] = QLabel(swatch)
            swatch.hide()
            self._swatches[tone] = swatch
        self.icon_label = QLabel(self)
        self.icon_label.setFixedSize(ICON_SIZE, ICON_SIZE)
        self.title_label: QLabel = _Words(self)
        self.title_label.setObjectName("bannerTitle")
        self.title_label.setWordWrap(True)
        self.detail_label: QLabel = _Words(self)
        self.detail_label.setObjectName("bannerDetail")
        self.detail_label.setWordWrap(True)
        self.badge_label = QLabel(self)  # its colour and border: the stylesheet, by its tone
        self.badge_label.setObjectName("bannerBadge")
        self.badge_label.hide()
        words = QVBoxLayout()
        words.addWidget(self.title_label)
        words.addWidget(self.detail_label)
        row = QHBoxLayout(self)
        row.setContentsMargins(20, 14, 20, 14)
        row.setSpacing(18)
        row.addWidget(self.icon_label, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(words, 1)
        row.addWidget(self.badge_label, 0, Qt.AlignmentFlag.AlignTop)
        self._show_tone(self.tone)

    def show_result(self, tone: Tone, title: str, detail: str = "", badge: str = "") -> None:
        """Display ``title``/``detail`` in ``tone``; ``badge`` (e.g. "OFFLINE") when given."""
        if tone is not self.tone:
            self.tone = tone
            self._show_tone(tone)
        self.title_label.setText(title)
        self.detail_label.setText(detail)
        self.detail_label.setVisible(bool(detail))
        if badge:
            set_tone(self.badge_label, tone.value)  # only on an offline card
        self.badge_label.setText(badge)
        self.badge_label.setVisible(bool(badge))

    def _show_tone(self, tone: Tone) -> None:
        self.icon_label.setPixmap(pixmap(tone.value, ICON_SIZE))
        self.colour(self.title_label)
        self.colour(self.detail_label)
        self.update()

    def colour(self, label: QLabel) -> None:
        """Give ``label`` the text colour of the tone on display."""
        words = self._swatch_words[self.tone]
        words.ensurePolished()
        source = words.palette()
        palette = label.palette()
        if all(palette.brush(g, _TEXT) == source.brush(g, _TEXT) for g in _GROUPS):
            return
        for group in _GROUPS:
            palette.setBrush(group, _TEXT, source.brush(group, _TEXT))
        label.setPalette(palette)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        # The tone's background, drawn as the stylesheet draws its swatch (colour, corners).
        swatch = self._swatches[self.tone]
        swatch.ensurePolished()
        option = QStyleOption()
        option.initFrom(self)
        painter = QPainter(self)
        self.style().drawPrimitive(QStyle.PrimitiveElement.PE_Widget, option, painter, swatch)
        painter.end()
        super().paintEvent(event)
