"""The always-visible connection indicator and pending-queue counter."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from kiosk.domain.outcomes import Connectivity
from kiosk.ui.style import pixmap, set_tone
from kiosk.ui.texts import clock

ICON_SIZE = 28


class ConnectionIndicator(QWidget):
    """"Online" / "Offline since HH:MM" / "Syncing N", plus the queue and conflict counts."""

    clicked = Signal()  # staff tapped the indicator (opens the queue)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.state: Connectivity | None = None
        self.icon_label = QLabel(self)
        self.icon_label.setFixedSize(ICON_SIZE, ICON_SIZE)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("connection")
        self.queue_label = QLabel(self)
        self.queue_label.setObjectName("queueCount")
        texts = QVBoxLayout()  # two short lines: fits a 1024-wide top bar in any language
        texts.setSpacing(2)
        texts.addWidget(self.status_label)
        texts.addWidget(self.queue_label)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.icon_label)
        row.addLayout(texts)
        self.retranslate()

    def set_state(self, state: Connectivity) -> None:
        """Show ``state``."""
        self.state = state
        self.retranslate()

    @property
    def pending(self) -> int:
        """The pending count on display (0 before the first report)."""
        return self.state.pending if self.state else 0

    def retranslate(self) -> None:
        """Rebuild the texts from the last state in the current language."""
        state = self.state
        if state is None:
            self.status_label.setText(self.tr("Connecting…"))
            self.queue_label.setText(self.tr("Queue: %1").replace("%1", "–"))
            return
        if state.syncing and state.online:
            icon, tone = "syncing", "queued"
            text = self.tr("Syncing %n", None, state.pending)
        elif state.online:
            icon, tone, text = "online", "good", self.tr("Online")
        else:
            icon, tone = "offline", "bad"
            text = self.tr("Offline since %1").replace("%1", clock(state.since))
        self.icon_label.setPixmap(pixmap(icon, ICON_SIZE))
        set_tone(self.status_label, tone)
        self.status_label.setText(text)
        queue = self.tr("Queue: %1").replace("%1", str(state.pending))
        if state.conflicts:
            queue += " · " + self.tr("Conflicts: %1").replace("%1", str(state.conflicts))
        self.queue_label.setText(queue)
        set_tone(self.queue_label,
                 "bad" if state.conflicts else "careful" if state.pending else "")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self.clicked.emit()
        super().mouseReleaseEvent(event)
