"""Sounds for outcomes: short WAVs from ``resources/sounds`` played with QSoundEffect.

Silent when beeps are off or the machine has no audio output. QtMultimedia is imported only
when a sound is first needed, so start-up stays fast.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from PySide6.QtCore import QObject, QUrl

from kiosk.paths import resource


class Sound(StrEnum):
    """One file per outcome in ``resources/sounds``."""

    SUCCESS = "success"
    QUEUED = "queued"
    WARNING = "warning"
    ERROR = "error"
    SCAN = "scan"


class Feedback(QObject):
    """Plays outcome sounds; ``last`` records what was asked for (shown or silent)."""

    def __init__(self, parent: QObject | None = None, *, enabled: bool = True,
                 volume: int = 80) -> None:
        super().__init__(parent)
        self.enabled = enabled
        self.volume = volume
        self.last: Sound | None = None
        self._effects: dict[Sound, Any] | None = None  # None: not yet tried; {}: no audio

    def configure(self, *, enabled: bool, volume: int) -> None:
        """Apply the beep and volume settings."""
        self.enabled, self.volume = enabled, volume

    def play(self, sound: Sound) -> None:
        """Play ``sound`` (if beeps are on and there is an audio device)."""
        self.last = sound
        if not self.enabled or self.volume <= 0:
            return
        effect = self._load().get(sound)
        if effect is not None:
            effect.setVolume(self.volume / 100)
            effect.play()

    def _load(self) -> dict[Sound, Any]:
        if self._effects is None:
            self._effects = {}
            from PySide6.QtMultimedia import QMediaDevices, QSoundEffect  # noqa: PLC0415

            if not QMediaDevices.audioOutputs():
                return self._effects  # no audio device: stay silent
            for sound in Sound:
                effect = QSoundEffect(self)
                effect.setSource(QUrl.fromLocalFile(str(resource("sounds", f"{sound}.wav"))))
                self._effects[sound] = effect
        return self._effects
