"""The whole-width result banner: colour + icon + big words (+ an "offline" badge)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui.style import pixmap, set_tone
from kiosk.ui.texts import Tone

ICON_SIZE = 72


class Banner(QFrame):
    """Shows one outcome; the tone picks the colour (stylesheet) and the icon together."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setMinimumHeight(120)
        self.icon_label = QLabel(self)
        self.icon_label.setFixedSize(ICON_SIZE, ICON_SIZE)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("bannerTitle")
        self.title_label.setWordWrap(True)
        self.detail_label = QLabel(self)
        self.detail_label.setObjectName("bannerDetail")
        self.detail_label.setWordWrap(True)
        self.badge_label = QLabel(self)
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
        self.tone = Tone.GOOD

    def show_result(self, tone: Tone, title: str, detail: str = "", badge: str = "") -> None:
        """Display ``title``/``detail`` in ``tone``; ``badge`` (e.g. "OFFLINE") when given."""
        self.tone = tone
        set_tone(self, tone.value)
        self.icon_label.setPixmap(pixmap(tone.value, ICON_SIZE))
        self.title_label.setText(title)
        self.detail_label.setText(detail)
        self.detail_label.setVisible(bool(detail))
        self.badge_label.setText(badge)
        self.badge_label.setVisible(bool(badge))
