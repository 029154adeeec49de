"""Every setting persists (settings.json) and takes effect at once."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from kiosk import paths
from kiosk.domain.outcomes import RedeemStatus
from kiosk.store.settings import Settings
from kiosk.ui.main_window import MainWindow, Page
from kiosk.ui.screens.settings import SettingsScreen
from tests.helpers.sim import Sim
from tests.helpers.ui import focused, open_settings

GB50 = "GB50-K7QX-9M2F-4TZB"


def write_video(path: Path, text: str, frames: int = 45) -> str:
    """A short MJPG video of a QR code holding ``text``."""
    code = cv2.QRCodeEncoder.create().encode(text)
    image = cv2.resize(code, (200, 200), interpolation=cv2.INTER_NEAREST)
    frame = np.full((240, 320, 3), 255, np.uint8)
    frame[20:220, 60:260] = cv2.cvtColor(image, cv2.COLOR_GRAY2BGR)
    fourcc = cv2.VideoWriter_fourcc(*"MJPG")  # type: ignore[attr-defined]
    writer = cv2.VideoWriter(str(path), fourcc, 15, (320, 240))
    for _ in range(frames):
        writer.write(frame)
    writer.release()
    return str(path)


def save(qtbot: QtBot, screen: SettingsScreen) -> None:
    screen.message_label.clear()
    screen.save_button.click()
    qtbot.waitUntil(lambda: screen.message_label.text().startswith("Saved."), timeout=10_000)


def stored() -> Settings:
    """The settings as a fresh reader of the data directory sees them."""
    return Settings.open(paths.data_dir())


def test_camera_preview_reads_a_code_with_the_chosen_decoder(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    video = write_video(tmp_path / "cam.avi", GB50)
    open_settings(qtbot, window)
    screen = window.settings_screen
    screen.camera.setEditText(video)
    screen.decoder.setCurrentIndex(screen.decoder.findData("zbar"))
    screen.preview_button.click()
    qtbot.waitUntil(lambda: screen.preview.pixmap() is not None
                    and not screen.preview.pixmap().isNull(), timeout=10_000)
    qtbot.waitUntil(lambda: screen.preview_code == GB50, timeout=10_000)
    assert f"Read: {GB50}" in screen.preview_label.text()
    assert window.page is Page.SETTINGS  # the preview's codes are not looked up
    window.go_home()
    assert window.session is not None
    assert window.session.cameras.preview is None  # leaving the settings stops the preview


def test_camera_and_decoder_persist_and_restart_the_camera(
        qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    video = write_video(tmp_path / "cam.avi", GB50)
    assert window.session is not None
    cameras = window.session.cameras
    cameras.enabled = True
    open_settings(qtbot, window)
    screen = window.settings_screen
    screen.camera.setEditText(video)
    screen.decoder.setCurrentIndex(screen.decoder.findData("zxing"))
    save(qtbot, screen)
    assert (stored().camera_device, stored().decoder) == (video, "zxing")
    assert cameras.camera is None  # the old device is closed at once
    assert window.controller is not None
    with qtbot.waitSignal(window.controller.lookup_done, timeout=10_000) as blocker:
        window.go_home()  # back on the scan screen: the new camera's codes are looked up
    assert cameras.source == (video, "zxing")
    assert blocker.args[0].code == GB50
    qtbot.waitUntil(lambda: window.page is Page.CARD)
    cameras.stop()


def test_sounds_idle_name_and_kiosk_mode(qtbot: QtBot, window: MainWindow) -> None:
    open_settings(qtbot, window)
    screen = window.settings_screen
    screen.kiosk_name.setText("Front desk")
    screen.shop_name.setText("  Corner Books ")
    screen.beep.setChecked(False)
    screen.volume.setValue(30)
    screen.idle_lock.setValue(5)
    screen.fullscreen.setChecked(True)
    save(qtbot, screen)
    assert (window.feedback.enabled, window.feedback.volume) == (False, 30)
    assert window.idle.minutes == 5
    assert window.kiosk_label.text() == "Front desk"
    assert window.staff_label.text().endswith(" at Corner Books")
    qtbot.waitUntil(window.isFullScreen)
    again = stored()
    assert (again.kiosk_name, again.shop_name, again.beep, again.volume,
            again.idle_lock_minutes, again.fullscreen) == (
        "Front desk", "Corner Books", False, 30, 5, True)
    screen.fullscreen.setChecked(False)
    save(qtbot, screen)
    qtbot.waitUntil(lambda: not window.isFullScreen())
    assert window.account is not None
    assert window.account.server_url in screen.account_label.text()
    assert window.account.email in screen.account_label.text()


def test_offline_limits_and_the_work_offline_switch(qtbot: QtBot, window: MainWindow,
                                                   sim: Sim) -> None:
    controller = window.controller
    assert controller is not None
    with qtbot.waitSignal(controller.lookup_done, timeout=10_000):
        window.scan_code(GB50)  # seen online, so the offline policy may trust it
    open_settings(qtbot, window)
    screen = window.settings_screen
    screen.cap_voucher.setValue(5.00)  # at most £5 per voucher while offline (in money)
    screen.seen_within.setValue(12)
    screen.allow_unseen.setChecked(True)
    screen.work_offline.setChecked(True)
    save(qtbot, screen)
    again = stored()
    assert (again.offline_cap_per_voucher, again.offline_seen_within_hours,
            again.offline_allow_unseen) == (500, 12, True)
    assert window.work_offline()
    qtbot.waitUntil(lambda: window.connection.state is not None
                    and not window.connection.state.online, timeout=10_000)

    window.go_home()
    with qtbot.waitSignal(controller.lookup_done, timeout=10_000) as looked:
        window.scan_code(GB50)
    assert looked.args[0].offline
    window.card_screen.redeem_part_button.click()
    window.redeem_screen.keypad.type_text("10")
    window.redeem_screen.next_button.click()
    with qtbot.waitSignal(controller.redeem_done, timeout=10_000) as redeemed:
        window.redeem_screen.confirm_button.click()
    assert redeemed.args[0].status is not RedeemStatus.QUEUED  # over the £5 offline cap
    assert "over the limit" in window.result_screen.banner.detail_label.text()
    assert sim.voucher(GB50)["current"] == 0

    open_settings(qtbot, window)
    assert screen.work_offline.isChecked()  # shown as kept
    screen.work_offline.setChecked(False)
    save(qtbot, screen)
    assert not window.work_offline()
    qtbot.waitUntil(lambda: window.connection.state is not None
                    and window.connection.state.online, timeout=10_000)


def test_the_one_save_button_saves_the_printer_tab_too(qtbot: QtBot, window: MainWindow) -> None:
    # The printer tab had a Save of its own beside the screen's: the big Save left the
    # printer options unsaved. Now the screen has one Save, for every tab.
    open_settings(qtbot, window)
    screen = window.settings_screen
    screen.tabs.setCurrentIndex(screen.tab_keys.index("printer"))
    assert window.session is not None
    page = window.session.counter.printer_page
    assert page is not None
    buttons = [b.text() for b in screen.findChildren(QPushButton) if b.isVisibleTo(screen)]
    assert buttons.count("Save") == 1, buttons
    page.footer_field.setText("See you soon")
    page.auto_box.setChecked(True)
    save(qtbot, screen)
    assert window.controller is not None
    settings = window.controller.engine.settings
    qtbot.waitUntil(lambda: settings.receipt_footer == "See you soon", timeout=10_000)
    assert settings.receipt_auto_print


def test_return_in_the_pin_fields_goes_on_then_saves(qtbot: QtBot, window: MainWindow) -> None:
    # Return did nothing in a settings field: a PIN typed twice still needed a tap on Save.
    open_settings(qtbot, window)
    screen = window.settings_screen
    field = focused(qtbot, screen.pin_field)
    field.setText("2468")  # (keys typed at once would be a scanner's burst)
    QTest.keyClick(field, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is screen.pin_repeat
    screen.pin_repeat.setText("2468")
    QTest.keyClick(screen.pin_repeat, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: screen.message_label.text() == "Saved. The manager PIN is set.",
                    timeout=10_000)
