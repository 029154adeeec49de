"""Sounds for outcomes: short WAVs from ``resources/sounds`` played with QSoundEffect.

Silent when beeps are off or the machine has no audio output. QtMultimedia is imported only
when a sound is first needed, so start-up stays fast.
"""

from __future__ import annotations

import sys
from enum import StrEnum
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QTimer, QUrl

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

    def play_and_wait(self, sound: Sound, timeout_ms: int = 5000) -> str:
        """Play ``sound`` and wait until it ends: ``played``, ``silent (…)`` or ``failed (…)``."""
        self.play(sound)
        effect = self._load().get(sound)
        if effect is None:
            return "silent (no audio output)" if self.enabled else "silent (beeps off)"
        from PySide6.QtMultimedia import QSoundEffect  # noqa: PLC0415

        error = QSoundEffect.Status.Error
        seen_playing = [effect.isPlaying()]

        def done() -> bool:
            seen_playing[0] = seen_playing[0] or effect.isPlaying()
            return bool(effect.status() is error or (seen_playing[0] and not effect.isPlaying()))

        loop, timer = QEventLoop(), QTimer(singleShot=True, interval=timeout_ms)
        timer.timeout.connect(loop.quit)

        def check() -> None:
            if done():
                loop.quit()

        links = [signal.connect(check) for signal in (effect.playingChanged, effect.statusChanged)]
        if not done():
            timer.start()
            loop.exec()
        timer.stop()
        for link in links:
            QObject.disconnect(link)
        if effect.status() is error:
            return f"failed (cannot play {effect.source().toLocalFile()})"
        return "played" if done() else f"failed (not finished within {timeout_ms} ms)"

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


def play_each_sound() -> int:
    """``kiosk --play-sounds`` (a hidden check for the packaged app): play every sound once
    through :class:`Feedback`, one line each on stdout; exit 1 if one fails."""
    feedback = Feedback()
    failed = False
    for sound in Sound:
        outcome = feedback.play_and_wait(sound)
        failed = failed or outcome.startswith("failed")
        sys.stdout.write(f"sound {sound}: {outcome}\n")
    return 1 if failed else 0
