"""``kiosk --play-sounds``, the smoke test's sound check, run from source.

On a silent PulseAudio sink every sound must play (``make package-test`` checks that from the
bundle); with no audio device at all each one is reported silent and the check still passes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kiosk.ui.feedback import Sound


def play_sounds(tmp_path: Path, pulse_server: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_HOME": str(tmp_path),
           "PULSE_SERVER": pulse_server}
    return subprocess.run([sys.executable, "-m", "kiosk", "--play-sounds"], env=env,
                          capture_output=True, text=True, timeout=60, check=False)


def test_without_an_audio_device_every_sound_is_reported_silent(tmp_path: Path) -> None:
    result = play_sounds(tmp_path, f"unix:{tmp_path}/no-such-socket")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout.splitlines() == [
        f"sound {sound}: silent (no audio output)" for sound in Sound]


def test_the_flag_is_hidden_from_help() -> None:
    result = subprocess.run([sys.executable, "-m", "kiosk", "--help"], capture_output=True,
                            text=True, timeout=60, check=True)
    assert "--play-sounds" not in result.stdout
