"""PyInstaller runtime hook: settings the slimmed Linux bundle needs before anything loads.

- OpenCV tries FFmpeg first when it opens a video file, but the bundle carries only a stub of
  FFmpeg (``packaging/stubs.py``): ``OPENCV_VIDEOIO_PRIORITY_FFMPEG=0`` takes FFmpeg out of
  OpenCV's list, so cameras open through V4L2 and MJPG ``.avi`` files through OpenCV's own
  reader; anything else fails to open, cleanly.
- glibc gives every thread that allocates its own malloc arena (up to 8 per core), each
  keeping freed memory: with the camera's threads that is tens of MB of resident memory for
  nothing. Two arenas are plenty for the kiosk (``mallopt(M_ARENA_MAX, 2)``), as
  ``MALLOC_ARENA_MAX=2`` would do if set before start. (Tried and dropped, see
  docs/performance.md, Memory: a fixed ``M_MMAP_THRESHOLD`` saved 3-7 MB but cost 2% of a core
  at 15 fps, every camera frame mapped and faulted in anew; a periodic ``malloc_trim`` saved
  nothing measurable.)
"""

from __future__ import annotations

import ctypes
import os
import sys

_M_ARENA_MAX = -8


def _install() -> None:
    if not sys.platform.startswith("linux"):
        return
    os.environ["OPENCV_VIDEOIO_PRIORITY_FFMPEG"] = "0"
    try:
        libc = ctypes.CDLL(None)
        libc.mallopt(_M_ARENA_MAX, 2)
    except (OSError, AttributeError):  # not glibc: nothing to tune
        pass


_install()
