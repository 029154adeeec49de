"""Generate the kiosk's feedback sounds (16-bit mono WAV) with the standard library only.

Run from anywhere: ``python resources/sounds/make_sounds.py``. The WAVs are committed, so
this only needs re-running to change a sound.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 22_050
HERE = Path(__file__).resolve().parent

# name -> list of (frequency Hz, duration s); 0 Hz is a pause
SOUNDS: dict[str, list[tuple[float, float]]] = {
    "success": [(880, 0.09), (1320, 0.14)],  # rising two-tone chirp
    "queued": [(660, 0.10), (0, 0.04), (660, 0.10)],  # two equal beeps: saved, not sent
    "warning": [(740, 0.12), (0, 0.05), (740, 0.12), (0, 0.05), (740, 0.12)],
    "error": [(330, 0.16), (220, 0.28)],  # falling low buzz
    "scan": [(1760, 0.04)],  # short tick on every scan
}


def tone(freq: float, seconds: float, volume: float = 0.5) -> bytes:
    """One sine tone with 5 ms fades (no clicks)."""
    count = int(RATE * seconds)
    fade = int(RATE * 0.005)
    frames = bytearray()
    for i in range(count):
        envelope = min(1.0, i / fade, (count - i) / fade) if fade else 1.0
        value = math.sin(2 * math.pi * freq * i / RATE) * volume * envelope if freq else 0.0
        frames += struct.pack("<h", int(value * 32767))
    return bytes(frames)


def main() -> None:
    """Write every sound next to this script."""
    for name, parts in SOUNDS.items():
        with wave.open(str(HERE / f"{name}.wav"), "wb") as out:
            out.setnchannels(1)
            out.setsampwidth(2)
            out.setframerate(RATE)
            out.writeframes(b"".join(tone(freq, secs) for freq, secs in parts))


if __name__ == "__main__":
    main()
