"""The session's cameras: the scan screen's camera, and the settings screen's preview (most
devices open only once, so the scan camera pauses while a preview runs)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from kiosk.app.qt.camera_worker import CameraWorker
    from kiosk.app.qt.runner import Runner
    from kiosk.ui.screens.scan import ScanScreen
    from kiosk.ui.screens.settings import SettingsScreen


def decoder_name(setting: str) -> Literal["combined", "zxing", "zbar"]:
    """The camera worker's decoder for a ``decoder`` setting."""
    return "zxing" if setting == "zxing" else "zbar" if setting == "zbar" else "combined"


class Cameras(QObject):
    """Starts, pauses and stops the camera workers of one session."""

    code_seen = Signal(str)  # the scan camera read a code

    def __init__(self, parent: QObject, scan_screen: ScanScreen,
                 settings_screen: Callable[[], SettingsScreen], setting: Callable[[str], Any],
                 *, enabled: bool) -> None:
        """``settings_screen``: the settings screen, when a preview needs it (it is built
        after the first paint)."""
        super().__init__(parent)
        self.scan_screen = scan_screen
        self._settings_screen = settings_screen
        self.setting = setting
        self.enabled = enabled
        self.on = False  # the scan camera should run (set once the window is up)
        self.camera: CameraWorker | None = None
        self.source: tuple[Any, str] | None = None  # (device, decoder) it runs with
        self.preview: CameraWorker | None = None

    def start(self) -> None:
        """(Re)start the scan camera on the configured device and decoder."""
        self.stop()
        if not self.enabled:
            self.scan_screen.set_camera_state("off")
            return
        from kiosk.app.qt.camera_worker import CameraWorker  # noqa: PLC0415 - OpenCV is heavy

        device, decoder = self.setting("camera_device"), str(self.setting("decoder"))
        worker = CameraWorker(self, decoder=decoder_name(decoder))
        worker.frame_ready.connect(self.scan_screen.set_frame)
        worker.camera_state.connect(self.scan_screen.set_camera_state)
        worker.code_scanned.connect(lambda text, _format: self.code_seen.emit(text))
        worker.start(device)
        self.camera, self.source = worker, (device, decoder)

    def start_when_loaded(self, runner: Runner) -> None:
        """Turn the scan camera on; OpenCV and the decoders are imported on ``runner``'s
        thread first, so the UI thread never waits for them (start-up)."""
        self.on = True
        if not self.enabled:
            self.start()
            return
        runner.run(_load_camera_worker, success=lambda _none: self.resume())

    def resume(self) -> None:
        """Start the scan camera again if it should run and does not."""
        if self.on and self.camera is None and self.preview is None:
            self.start()

    def stop(self) -> None:
        """Stop the scan camera (waits for its threads)."""
        worker, self.camera, self.source = self.camera, None, None
        if worker is not None:
            worker.stop()
            worker.deleteLater()

    def start_preview(self, device: Any, decoder: str) -> None:
        """Preview ``device`` with ``decoder`` on the settings screen."""
        from kiosk.app.qt.camera_worker import CameraWorker  # noqa: PLC0415 - OpenCV is heavy

        self.stop_preview()
        self.stop()
        worker = CameraWorker(self, decoder=decoder_name(decoder))
        screen = self._settings_screen()
        worker.frame_ready.connect(screen.set_preview)
        worker.camera_state.connect(screen.set_preview_state)
        worker.code_scanned.connect(lambda text, _format: screen.show_preview_code(text))
        self.preview = worker
        worker.start(device)

    def stop_preview(self) -> None:
        """End the settings preview (the scan camera resumes on ``resume``)."""
        worker, self.preview = self.preview, None
        if worker is None:
            return
        worker.stop()
        worker.deleteLater()
        self._settings_screen().preview_stopped()

    def stop_all(self) -> None:
        """Stop both workers for good."""
        self.on = False
        self.stop_preview()
        self.stop()


def _load_camera_worker() -> None:
    import kiosk.app.qt.camera_worker  # noqa: F401, PLC0415 - OpenCV, numpy, the decoders
