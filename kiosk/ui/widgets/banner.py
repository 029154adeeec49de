"""The whole-width result banner: colour + icon + big words (+ an "offline" badge)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.ui.layout_pass import one_layout_pass, shown
from kiosk.ui.style import pixmap, set_tone
from kiosk.ui.texts import Tone

ICON_SIZE = 72


class _Face(QFrame):
    """The banner in one tone: its colours (stylesheet, keyed on ``tone``) and icon are set
    once, when it is made."""

    def __init__(self, tone: Tone, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        set_tone(self, tone.value)
        self.icon_label = QLabel(self)
        self.icon_label.setFixedSize(ICON_SIZE, ICON_SIZE)
        self.icon_label.setPixmap(pixmap(tone.value, ICON_SIZE))
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

    def show_words(self, title: str, detail: str, badge: str) -> None:
        self.title_label.setText(title)
        self.detail_label.setText(detail)
        shown(self.detail_label, bool(detail))
        self.badge_label.setText(badge)
        shown(self.badge_label, bool(badge))


class Banner(QWidget):
    """Shows one outcome; the tone picks the colour (stylesheet) and the icon together.

    Each tone has its own pre-styled face, and a new tone shows another face: a colour
    keyed on a property changed in place needs the banner and its labels styled again (new
    fonts and palettes, their sizes asked again), on every scan whose tone differs from the
    last one's.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(120)
        # A box of faces, one shown: it sizes and grows as the face does (a stacked layout
        # counts the hidden faces too, and says it can grow).
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self._faces = {tone: _Face(tone, self) for tone in Tone}
        self.tone = Tone.GOOD
        for tone, face in self._faces.items():
            box.addWidget(face)
            face.setVisible(tone is self.tone)

    @property
    def face(self) -> QFrame:
        """The face on display (the tone's colour and icon)."""
        return self._faces[self.tone]

    @property
    def icon_label(self) -> QLabel:
        """The tone's icon."""
        return self._faces[self.tone].icon_label

    @property
    def title_label(self) -> QLabel:
        """The big words."""
        return self._faces[self.tone].title_label

    @property
    def detail_label(self) -> QLabel:
        """The line under them (hidden when empty)."""
        return self._faces[self.tone].detail_label

    @property
    def badge_label(self) -> QLabel:
        """The badge ("OFFLINE"; hidden when empty)."""
        return self._faces[self.tone].badge_label

    def show_result(self, tone: Tone, title: str, detail: str = "", badge: str = "") -> None:
        """Display ``title``/``detail`` in ``tone``; ``badge`` (e.g. "OFFLINE") when given."""
        face, old = self._faces[tone], self._faces[self.tone]
        with one_layout_pass(self, face, old):
            face.show_words(title, detail, badge)
            if face is not old:
                old.show_words("", "", "")  # no words left on a hidden face
                self.tone = tone
                old.hide()
                face.show()
