"""The home screen: camera preview, a code field for typed codes, recent scans."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPalette, QPixmap
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.first_paint import after_first_paint
from kiosk.ui.screens.base import Screen
from kiosk.ui.style import kinetic, pixmap, set_role
from kiosk.ui.texts import clock, grouped_code

PREVIEW_MIN = (320, 240)


class ScanScreen(Screen):
    """Waits for a code: from the camera, a wedge scanner, or typed and confirmed."""

    code_entered = Signal(str)  # raw text typed or pasted into the code field
    settings_requested = Signal()  # "Camera settings" on the no-camera panel

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.camera_state = "off"
        self.preview = QLabel(self)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(*PREVIEW_MIN)
        self.preview.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.preview.setObjectName("preview")
        self.camera_note = QLabel(self)
        self.camera_note.setObjectName("cameraNote")
        self.camera_note.setWordWrap(True)
        self.camera_note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.camera_button = QPushButton(self)
        self.checking_label = QLabel(self)
        self.checking_label.setObjectName("hint")
        self.hint = QLabel(self)
        self.hint.setObjectName("title")
        self.hint.setWordWrap(True)
        self.code_field = QLineEdit(self)
        self.code_field.setObjectName("codeField")
        self.clear_button = QPushButton("×", self)  # a 48 px target, not the 16 px built-in
        self.clear_button.setObjectName("clearCode")
        self.clear_button.clicked.connect(self._clear)
        self.check_button = QPushButton(self)
        set_role(self.check_button, "primary")
        self.error_label = QLabel(self)
        self.error_label.setObjectName("error")
        self.error_label.setWordWrap(True)
        self.recent_title = QLabel(self)
        self.recent_title.setObjectName("fieldName")
        self.recent_list = QListWidget(self)
        self.recent_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The list's viewport made here, as Qt makes it: the first QWidget Qt hands to Python
        # makes PySide6 create the Python type of every QWidget subclass it knows to find its
        # own (~60 enum types, 8-13 ms of the UI thread before the first paint).
        viewport = QWidget()
        viewport.setBackgroundRole(QPalette.ColorRole.Base)
        viewport.setAutoFillBackground(True)
        self.recent_list.setViewport(viewport)
        # An empty list says what to do to fill it (in the list: it stays painted, as the
        # kinetic scrolling set up after its first paint needs). Hidden until the first rows
        # arrive: "no scans yet" before then could be untrue.
        self.recent_empty = QLabel(viewport)
        self.recent_empty.setObjectName("hint")
        self.recent_empty.setWordWrap(True)
        self.recent_empty.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.recent_empty.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.recent_empty.hide()
        over = QVBoxLayout(viewport)
        over.addWidget(self.recent_empty)

        entry = QHBoxLayout()  # under the field: the field keeps the whole width for the code
        entry.addWidget(self.clear_button)
        entry.addWidget(self.check_button, 1)
        side = QVBoxLayout()
        side.addWidget(self.hint)
        side.addWidget(self.code_field)
        side.addLayout(entry)
        side.addWidget(self.checking_label)
        side.addWidget(self.error_label)
        side.addWidget(self.recent_title)
        side.addWidget(self.recent_list, 1)
        row = QHBoxLayout(self)
        row.setContentsMargins(16, 16, 16, 16)
        row.setSpacing(16)
        camera = QVBoxLayout()
        camera.addWidget(self.preview, 1)
        camera.addWidget(self.camera_note)
        camera.addWidget(self.camera_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.extras = QHBoxLayout()  # e.g. "Reprint last" (kiosk.ui.flows.counter)
        camera.addLayout(self.extras)
        row.addLayout(camera, 3)
        row.addLayout(side, 2)
        self.recent_list.setWordWrap(True)
        # Dragging the list needs Qt's gesture machinery, ~20-40 ms to set up the first time:
        # after the list's first paint, not on the way to it (start-up).
        after_first_paint(self.recent_list, lambda: kinetic(self.recent_list),
                          fallback_ms=None)
        self.recent_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.camera_button.clicked.connect(self.settings_requested.emit)

        self.code_field.returnPressed.connect(self._submit)
        self.check_button.clicked.connect(self._submit)
        self.retranslate()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.hint.setText(self.tr("Scan a voucher or type its code"))
        self.code_field.setPlaceholderText(self.tr("Voucher code"))
        self.check_button.setText(self.tr("Check"))
        self.clear_button.setToolTip(self.tr("Clear the code"))
        self.recent_title.setText(self.tr("Recent scans"))
        self.recent_empty.setText(self.tr(
            "No scans yet. Scan a voucher, or type its code above and tap Check: "
            "each one shows here with what happened."))
        self.camera_button.setText(self.tr("Camera settings"))
        self._show_camera_state()

    def _clear(self) -> None:
        self.code_field.clear()
        self.code_field.setFocus()

    def _submit(self) -> None:
        text = self.code_field.text().strip()
        if text:
            self.code_entered.emit(text)

    def show_error(self, text: str) -> None:
        """A problem with the last code (not a voucher code, lookup failed)."""
        self.checking_label.clear()
        self.error_label.setText(text)

    def show_checking(self, code: str) -> None:
        """The code being looked up."""
        self.error_label.clear()
        self.checking_label.setText(self.tr("Checking %1…").replace("%1", grouped_code(code)))

    def focus_target(self) -> QWidget:
        """The code field."""
        return self.code_field

    def reset(self) -> None:
        """Ready for the next customer: empty field, no error, focus on the field."""
        self.code_field.clear()
        self.error_label.clear()
        self.checking_label.clear()
        self.code_field.setFocus()

    def set_frame(self, image: QImage) -> None:
        """Show one camera frame, scaled to the preview."""
        scaled = QPixmap.fromImage(image).scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.FastTransformation)
        self.preview.setPixmap(scaled)

    def set_camera_state(self, state: str) -> None:
        """The camera worker's state ("running", "stopped", "error: …", "off")."""
        self.camera_state = state
        self._show_camera_state()

    def _show_camera_state(self) -> None:
        running = self.camera_state == "running"
        self.camera_note.setVisible(not running)
        self.camera_button.setVisible(not running)
        if running:
            return
        self.preview.setPixmap(pixmap("scan", 96))
        if self.camera_state in ("starting", "reconnecting"):
            text = self.tr("Starting the camera…")
        elif self.camera_state.startswith("error"):
            text = self.tr("The camera is not working. Use the barcode scanner or type the code.")
        else:
            text = self.tr("No camera. Use the barcode scanner or type the code.")
        self.camera_note.setText(text)
        self.preview.setToolTip(text)

    def set_recent(self, rows: Sequence[tuple[Any, str, str]]) -> None:
        """Fill the recent list from (when, code, what happened) rows, newest first."""
        self.recent_list.clear()
        for when, code, what in rows:
            prefix = f"{clock(when)}  " if when is not None else ""
            self.recent_list.addItem(f"{prefix}{grouped_code(code)}  {what}")
        self.recent_empty.setVisible(not rows)
