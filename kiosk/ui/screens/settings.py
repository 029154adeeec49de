"""Settings: camera (with a live preview), decoder, sounds, idle lock, language, offline
limits and the "work offline" switch, the manager PIN, server and account."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSlider,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.ui.pin import valid_pin
from kiosk.ui.screens.base import Screen
from kiosk.ui.style import kinetic, set_role

DECODERS = ("combined", "zxing", "zbar")
LANGUAGE_NAMES = (("", None), ("en", "English"), ("de", "Deutsch"))
SPIN_MAX = 10_000_000
PREVIEW_SIZE = (320, 180)
SCANNER_GAPS = (40, 80, 150)  # ms between a scanner's keys: fast, normal, slow


def _spin(maximum: int = SPIN_MAX) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, maximum)
    return spin


def _money_spin() -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setDecimals(2)
    spin.setRange(0, SPIN_MAX / 100)
    return spin


def scrolled(body: QWidget) -> QScrollArea:
    """``body`` in a tab's scroll area (a finger drags it): a tab taller than the screen
    scrolls instead of squeezing its rows over one another."""
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setWidget(body)
    scroll.setFrameShape(QScrollArea.Shape.NoFrame)
    kinetic(scroll)
    return scroll


class SettingsScreen(Screen):
    """Edits the engine's ``Settings``; ``save_requested`` carries the changed values."""

    save_requested = Signal(dict)  # option name -> new value
    sign_out_requested = Signal()
    switch_staff_requested = Signal()
    cameras_requested = Signal()
    preview_requested = Signal(object, str)  # camera device (int or path), decoder

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: dict[str, Any] = {}
        self.staff_pins = False
        self.title = QLabel(self)
        self.title.setObjectName("title")
        self.kiosk_name = QLineEdit()
        self.shop_name = QLineEdit()
        self.camera = QComboBox()
        self.camera.setEditable(True)
        self.find_cameras = QPushButton()
        self.preview_button = QPushButton()
        self.preview = QLabel()
        self.preview.setFixedSize(*PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setObjectName("preview")
        self.preview_label = QLabel()
        self.preview_label.setWordWrap(True)
        self.preview_state = ""
        self.preview_code = ""
        self.decoder = QComboBox()
        for name in DECODERS:
            self.decoder.addItem("", name)
        self.beep = QCheckBox()
        self.volume = QSlider(Qt.Orientation.Horizontal)
        self.volume.setRange(0, 100)
        self.volume.setMinimumHeight(48)
        self.idle_lock = _spin(24 * 60)
        self.language = QComboBox()
        for code, _name in LANGUAGE_NAMES:
            self.language.addItem("", code)
        self.scanner_speed = QComboBox()
        for gap in SCANNER_GAPS:
            self.scanner_speed.addItem("", gap)
        self.scanner_test = QLineEdit()
        self.scanner_test.setObjectName("scannerTest")
        self.scanner_result = QLabel()
        self.scanner_result.setWordWrap(True)
        self.seen_within = _spin(24 * 365)
        self.cap_voucher = _money_spin()
        self.cap_shift = _money_spin()
        self.allow_unseen = QCheckBox()
        self.fullscreen = QCheckBox()
        self.work_offline = QCheckBox()
        self.pin_field = QLineEdit()
        self.pin_repeat = QLineEdit()
        for pin_box in (self.pin_field, self.pin_repeat):
            pin_box.setEchoMode(QLineEdit.EchoMode.Password)
            pin_box.setMaxLength(12)
        self.pin_state = QLabel()
        self.pin_state.setWordWrap(True)
        self.pin_error = QLabel()
        self.pin_error.setObjectName("error")
        self.pin_error.setWordWrap(True)
        self.pin_error.hide()
        self.account_label = QLabel()
        self.account_label.setWordWrap(True)
        self.switch_button = QPushButton()
        self.sign_out_button = QPushButton()
        set_role(self.sign_out_button, "danger")
        self.message_label = QLabel(self)
        self.message_label.setObjectName("notice")
        self.message_label.setWordWrap(True)
        self.message_label.hide()
        self.save_button = QPushButton(self)
        set_role(self.save_button, "primary")

        camera_row = QHBoxLayout()
        camera_row.addWidget(self.camera, 1)
        camera_row.addWidget(self.find_cameras)
        camera_row.addWidget(self.preview_button)
        preview_row = QHBoxLayout()
        preview_row.addWidget(self.preview)
        preview_row.addWidget(self.preview_label, 1)
        pin_row = QHBoxLayout()
        pin_row.addWidget(self.pin_field)
        pin_row.addWidget(self.pin_repeat)
        account_row = QHBoxLayout()
        account_row.addWidget(self.switch_button)
        account_row.addWidget(self.sign_out_button)
        self.labels: dict[str, QLabel] = {}
        self.tabs = QTabWidget(self)
        self.tab_keys: tuple[str, ...] = ("connection", "till", "scanner", "offline")
        sections: dict[str, tuple[tuple[str, QWidget | QHBoxLayout], ...]] = {
            "connection": (("work_offline", self.work_offline),
                           ("account", self.account_label),
                           ("account_buttons", account_row),
                           ("pin", pin_row), ("pin_error", self.pin_error),
                           ("pin_state", self.pin_state)),
            "till": (("kiosk_name", self.kiosk_name), ("shop_name", self.shop_name),
                     ("language", self.language),
                     ("beep", self.beep), ("volume", self.volume), ("idle", self.idle_lock),
                     ("fullscreen", self.fullscreen)),
            "scanner": (("scanner_speed", self.scanner_speed),
                        ("scanner_test", self.scanner_test),
                        ("scanner_result", self.scanner_result),
                        ("camera", camera_row), ("preview", preview_row),
                        ("decoder", self.decoder)),
            "offline": (("seen", self.seen_within), ("cap_voucher", self.cap_voucher),
                        ("cap_shift", self.cap_shift), ("unseen", self.allow_unseen)),
        }
        for key in self.tab_keys:
            form = QFormLayout()
            form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
            for name, field in sections[key]:
                self.labels[name] = QLabel()
                self.labels[name].setWordWrap(True)
                form.addRow(self.labels[name], field)
            body = QWidget()
            body.setLayout(form)
            self.tabs.addTab(scrolled(body), "")
        box = QVBoxLayout(self)
        box.setContentsMargins(16, 12, 16, 12)
        box.addWidget(self.title)
        box.addWidget(self.tabs, 1)
        box.addWidget(self.message_label)
        box.addWidget(self.save_button)

        self.save_button.clicked.connect(self.save)
        self.sign_out_button.clicked.connect(self.sign_out_requested.emit)
        self.switch_button.clicked.connect(self.switch_staff_requested.emit)
        self.find_cameras.clicked.connect(self.cameras_requested.emit)
        self.preview_button.clicked.connect(self._ask_preview)
        self.scanner_test.returnPressed.connect(self._scanner_typed)
        # Return in a field saves (the PIN's first field goes on to its repeat first).
        self.pin_field.returnPressed.connect(self.pin_repeat.setFocus)
        for field in (self.kiosk_name, self.shop_name, self.pin_repeat):
            field.returnPressed.connect(self.save)
        self.retranslate()

    def focus_target(self) -> QWidget:
        """The tabs (arrow keys pick one; Tab goes on into it)."""
        return self.tabs.tabBar()

    def retranslate(self) -> None:
        """Set every text in the current language."""
        self.title.setText(self.tr("Settings"))
        labels = {
            "kiosk_name": self.tr("Kiosk name"), "camera": self.tr("Camera"),
            "shop_name": self.tr("Shop name (screen and receipts)"),
            "preview": self.tr("Preview"), "pin": self.tr("New manager PIN (twice)"),
            "pin_state": "", "work_offline": self.tr("Connection"),
            "decoder": self.tr("Barcode decoder"), "beep": self.tr("Sounds"),
            "volume": self.tr("Volume"), "idle": self.tr("Lock after idle minutes (0 = never)"),
            "language": self.tr("Language"),
            "seen": self.tr("Trust checks from the last hours"),
            "cap_voucher": self.tr("Most per voucher (amount or uses, 0 = no limit)"),
            "cap_shift": self.tr("Most per shift (amount or uses, 0 = no limit)"),
            "unseen": self.tr("Never-checked vouchers"), "fullscreen": self.tr("Kiosk mode"),
            "account": self.tr("Server and account"), "account_buttons": "",
            "pin_error": "", "scanner_speed": self.tr("Scanner speed"),
            "scanner_test": self.tr("Test your scanner"), "scanner_result": "",
        }
        for index, text in enumerate((self.tr("Connection"), self.tr("Till"),
                                      self.tr("Scanner and camera"), self.tr("Offline"))):
            self.tabs.setTabText(index, text)
        for index, text in enumerate((self.tr("Fast (USB)"), self.tr("Normal"),
                                      self.tr("Slow (Bluetooth, cheap scanners)"))):
            self.scanner_speed.setItemText(index, text)
        self.scanner_test.setPlaceholderText(self.tr("Scan any barcode here"))
        for key, label in self.labels.items():
            label.setText(labels[key])
        self.find_cameras.setText(self.tr("Find cameras"))
        self.preview_button.setText(self.tr("Preview"))
        for index, text in enumerate((self.tr("Combined (best)"), self.tr("zxing-cpp"),
                                      self.tr("ZBar"))):
            self.decoder.setItemText(index, text)
        self.work_offline.setText(self.tr("Work offline (send nothing until switched off)"))
        self.shop_name.setPlaceholderText(self.tr("Empty: the shop's name on the server"))
        self.pin_field.setPlaceholderText(self.tr("New PIN (4+ digits)"))
        self.pin_repeat.setPlaceholderText(self.tr("Repeat the PIN"))
        if self.values.get("lock_pin"):
            pin_state = self.tr("A manager PIN is set. Type a new one to change it.")
        elif self.staff_pins:
            pin_state = self.tr("No manager PIN for the whole till: manager actions take a "
                                "manager's own PIN. One set here works too.")
        else:
            pin_state = self.tr("No manager PIN yet: manager actions ask for the signed-in "
                                "password. Set a manager PIN here.")
        self.pin_state.setText(pin_state)
        self._show_preview_text()
        self.beep.setText(self.tr("Beep on every result"))
        self.allow_unseen.setText(
            self.tr("Accept vouchers this till has never checked, while offline"))
        self.fullscreen.setText(self.tr("Start full screen"))
        self.language.setItemText(0, self.tr("System language"))
        for index, (_code, name) in enumerate(LANGUAGE_NAMES):
            if name:
                self.language.setItemText(index, name)
        self.switch_button.setText(self.tr("Switch staff"))
        self.sign_out_button.setText(self.tr("Sign out"))
        self.save_button.setText(self.tr("Save"))

    def load(self, values: Mapping[str, Any], account_text: str, *,
             staff_pins: bool = False) -> None:
        """Show the current settings and who is signed in; ``staff_pins``: managers have PINs
        of their own (the till's staff list), which manager actions take."""
        self.values = dict(values)
        self.staff_pins = staff_pins
        self.kiosk_name.setText(str(values.get("kiosk_name", "")))
        self.shop_name.setText(str(values.get("shop_name", "")))
        self.camera.setEditText(str(values.get("camera_device", 0)))
        self.decoder.setCurrentIndex(max(self.decoder.findData(
            str(values.get("decoder", "combined"))), 0))
        self.beep.setChecked(bool(values.get("beep", True)))
        self.volume.setValue(int(values.get("volume", 80)))
        self.idle_lock.setValue(int(values.get("idle_lock_minutes", 0)))
        index = self.language.findData(str(values.get("language", "")))
        self.language.setCurrentIndex(max(index, 0))
        self.seen_within.setValue(int(values.get("offline_seen_within_hours", 72)))
        self.cap_voucher.setValue(int(values.get("offline_cap_per_voucher", 0)) / 100)
        self.cap_shift.setValue(int(values.get("offline_cap_per_shift", 0)) / 100)
        gap = int(values.get("scanner_gap_ms", SCANNER_GAPS[1]))
        self.scanner_speed.setCurrentIndex(
            min(range(len(SCANNER_GAPS)), key=lambda i: abs(SCANNER_GAPS[i] - gap)))
        self.scanner_result.clear()
        self.pin_error.hide()
        self.allow_unseen.setChecked(bool(values.get("offline_allow_unseen", False)))
        self.fullscreen.setChecked(bool(values.get("fullscreen", False)))
        self.work_offline.setChecked(bool(values.get("work_offline", False)))
        self.pin_field.clear()
        self.pin_repeat.clear()
        self.account_label.setText(account_text)
        self.message_label.clear()
        self.retranslate()

    def set_cameras(self, cameras: Sequence[tuple[str, str]]) -> None:
        """Offer the cameras found: (value to store, name shown)."""
        current = self.camera.currentText()
        self.camera.clear()
        for value, name in cameras:
            self.camera.addItem(f"{value} — {name}", value)
        self.camera.setEditText(current)

    def show_message(self, text: str) -> None:
        """Say what happened (saved, or why not)."""
        self.message_label.setText(text)
        self.message_label.setVisible(bool(text))

    def show_scanner_test(self, code: str, gap_ms: float) -> None:
        """A burst arrived while the scanner test field had focus."""
        self.scanner_test.clear()
        self.scanner_result.setText(
            self.tr("Read %1 — slowest gap between keys %2 ms.").replace("%1", code)
            .replace("%2", str(round(gap_ms))))

    def camera_device(self) -> int | str:
        """The camera as chosen: an index or a device path / file / URL."""
        camera_text = self.camera.currentText().split(" — ")[0].strip()
        return int(camera_text) if camera_text.isdigit() else camera_text

    def edited(self) -> dict[str, Any]:
        """The values as edited on screen."""
        return {
            "kiosk_name": self.kiosk_name.text().strip(),
            "shop_name": self.shop_name.text().strip(),
            "camera_device": self.camera_device(),
            "decoder": str(self.decoder.currentData()),
            "beep": self.beep.isChecked(),
            "volume": self.volume.value(),
            "idle_lock_minutes": self.idle_lock.value(),
            "language": str(self.language.currentData() or ""),
            "offline_seen_within_hours": self.seen_within.value(),
            "offline_cap_per_voucher": round(self.cap_voucher.value() * 100),
            "offline_cap_per_shift": round(self.cap_shift.value() * 100),
            "scanner_gap_ms": int(self.scanner_speed.currentData()),
            "offline_allow_unseen": self.allow_unseen.isChecked(),
            "fullscreen": self.fullscreen.isChecked(),
            "work_offline": self.work_offline.isChecked(),
        }

    def save(self) -> None:
        """Ask to store the options that changed (and a new manager PIN, if typed)."""
        changed = {k: v for k, v in self.edited().items() if self.values.get(k) != v}
        pin, repeat = self.pin_field.text(), self.pin_repeat.text()
        if pin or repeat:
            if not valid_pin(pin):
                self._pin_error(self.tr("The manager PIN must be at least 4 digits."))
                return
            if pin != repeat:
                self._pin_error(self.tr("The two PINs are not the same."))
                return
            changed["manager_pin"] = pin  # hashed by the window before it is stored
        self.save_requested.emit(changed)

    def _scanner_typed(self) -> None:
        # The keys reached the field, so they came too slowly to count as a scan.
        if self.scanner_test.text().strip():
            self.scanner_result.setText(self.tr(
                "That arrived as typing, not as a scan: choose a slower scanner speed, "
                "save, and test again."))
        self.scanner_test.clear()

    def _pin_error(self, text: str) -> None:
        self.tabs.setCurrentIndex(self.tab_keys.index("connection"))
        self.pin_error.setText(text)
        self.pin_error.show()
        self.pin_field.setFocus()

    # -- camera preview ------------------------------------------------------------------

    def _ask_preview(self) -> None:
        self.preview_code = ""
        self.preview_state = "starting"
        self._show_preview_text()
        self.preview_requested.emit(self.camera_device(), str(self.decoder.currentData()))

    def set_preview(self, image: QImage) -> None:
        """Show one frame of the camera being previewed."""
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.FastTransformation))
        if self.preview_state != "running":
            self.set_preview_state("running")

    def set_preview_state(self, state: str) -> None:
        """The previewed camera's state ("running", "no_camera", ...)."""
        self.preview_state = state
        self._show_preview_text()

    def show_preview_code(self, text: str) -> None:
        """A code the previewed camera read with the chosen decoder."""
        self.preview_code = text
        self._show_preview_text()

    def preview_stopped(self) -> None:
        """The preview ended (left the settings)."""
        self.preview.clear()
        self.preview_state = ""
        self._show_preview_text()

    def _show_preview_text(self) -> None:
        states = {
            "": self.tr("Tap Preview to test the camera and decoder."),
            "starting": self.tr("Starting the camera…"),
            "running": self.tr("Camera working. Hold a voucher code in front of it."),
            "no_camera": self.tr("No camera found at this address."),
            "reconnecting": self.tr("The camera stopped; trying again…"),
            "stopped": self.tr("The camera stopped."),
        }
        text = states.get(self.preview_state, self.preview_state)
        if self.preview_code:
            text += "\n" + self.tr("Read: %1").replace("%1", self.preview_code)
        self.preview_label.setText(text)
