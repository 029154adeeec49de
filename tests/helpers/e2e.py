"""The real-input end-to-end harness: ``kiosk --demo`` on its own Xvfb screen, driven by
xdotool (real X events), observed through the simulator's request log and the screen's
framebuffer (Xvfb ``-fbdir`` writes it as an XWD file)."""

from __future__ import annotations

import json
import os
import shutil
import struct
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

SCREEN = (1024, 600)
TITLE = "Voucher Kiosk"
KEYSYMS = {"-": "minus", ".": "period", "/": "slash", " ": "space"}


def wait_for(what: str, check: Callable[[], Any], timeout: float = 15.0) -> Any:
    """Poll ``check`` until it returns something truthy (or fail saying ``what``)."""
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


@dataclass
class Kiosk:
    """A running kiosk on a virtual screen."""

    display: str
    framebuffer: Path
    api_url: str
    process: subprocess.Popen[str]

    @property
    def control_url(self) -> str:
        """The simulator's base (its ``/_sim`` controls)."""
        parts = urllib.parse.urlsplit(self.api_url)
        return f"{parts.scheme}://{parts.netloc}"

    # -- input -------------------------------------------------------------------------

    def xdotool(self, *args: str) -> str:
        """Run xdotool on this screen; returns what it printed."""
        done = subprocess.run(["xdotool", *args], env={**os.environ, "DISPLAY": self.display},
                              capture_output=True, text=True, timeout=30, check=True)
        return done.stdout

    def scan(self, code: str, gap_ms: int) -> None:
        """A keyboard-wedge scanner: the code and Enter, ``gap_ms`` between keys."""
        names = [KEYSYMS.get(char, char) for char in code]
        self.xdotool("key", "--delay", str(gap_ms), *names, "Return")

    def keys(self, *names: str) -> None:
        """Press keys one after another (people speed)."""
        self.xdotool("key", "--delay", "150", *names)

    def type_slowly(self, text: str) -> None:
        """A person typing, 150 ms a key."""
        self.xdotool("type", "--delay", "150", text)

    def double_tap(self, x: int, y: int, gap_ms: int = 120) -> None:
        """Two taps ``gap_ms`` apart at (x, y) on the screen."""
        self.xdotool("mousemove", str(x), str(y), "click", "--repeat", "2",
                     "--delay", str(gap_ms), "1")

    def tap(self, x: int, y: int) -> None:
        """One tap at (x, y)."""
        self.xdotool("mousemove", str(x), str(y), "click", "1")

    # -- what happened -----------------------------------------------------------------

    def _sim(self, method: str, path: str) -> Any:
        request = urllib.request.Request(self.control_url + path, method=method)
        with urllib.request.urlopen(request, timeout=10) as response:
            return json.loads(response.read() or b"null")

    def requests(self, method: str, path: str) -> int:
        """How many ``method path`` requests reached the server since the last clear."""
        return int(self._sim("GET", f"/_sim/requests?method={method}&path={path}")["count"])

    def clear_requests(self) -> None:
        """Forget the request log."""
        self._sim("DELETE", "/_sim/requests")

    def used(self, code: str) -> int:
        """Units of ``code`` used on the server (VoucherCart)."""
        return int(self.voucher(code)["current"])

    def voucher(self, code: str) -> dict[str, Any]:
        """The simulator's record of ``code``, in its platform's own shape."""
        return dict(self._sim("GET", f"/_sim/vouchers/{code}"))

    def geometry(self) -> tuple[int, int, int, int]:
        """The kiosk window's x, y, width, height on the screen."""
        found = []
        for window in self.xdotool("search", "--onlyvisible", "--name", TITLE).split():
            out = self.xdotool("getwindowgeometry", "--shell", window)
            values = dict(line.split("=", 1) for line in out.split())
            found.append((int(values["X"]), int(values["Y"]), int(values["WIDTH"]),
                          int(values["HEIGHT"])))
        return max(found, key=lambda g: g[2] * g[3])

    def pixel(self, x: int, y: int) -> tuple[int, int, int]:
        """The colour on screen at (x, y), read from the framebuffer."""
        data = (self.framebuffer / "Xvfb_screen0").read_bytes()
        fields = struct.unpack(">25I", data[:100])
        header, order, bpp, per_line, ncolors = fields[0], fields[7], fields[11], fields[12], \
            fields[19]
        offset = header + ncolors * 12 + y * per_line + x * (bpp // 8)
        raw = data[offset:offset + 4]
        blue, green, red = (raw[0], raw[1], raw[2]) if order == 0 else (raw[3], raw[2], raw[1])
        return red, green, blue

    def shows(self, x: int, y: int, colour: str) -> bool:
        """Whether (x, y) has ``colour`` ("#rrggbb", within a little tolerance)."""
        want = tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))
        return all(abs(a - b) <= 6 for a, b in zip(self.pixel(x, y), want, strict=True))


def _read_line(stream: Any, prefix: str, found: list[str]) -> None:
    for line in stream:
        if line.startswith(prefix) and not found:
            found.append(line.removeprefix(prefix).strip())


@contextmanager
def running_kiosk(home: Path, backend: str = "vouchercart") -> Iterator[Kiosk]:
    """Xvfb at 1024×600 with no window manager, and ``kiosk --demo --backend BACKEND`` on
    it, signed in."""
    missing = [tool for tool in ("Xvfb", "xdotool") if shutil.which(tool) is None]
    assert not missing, f"install {missing} (make test installs them from Debian)"
    fbdir = home / "fb"
    fbdir.mkdir(parents=True)
    read, write = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write), "-screen", "0", f"{SCREEN[0]}x{SCREEN[1]}x24",
         "-fbdir", str(fbdir), "-nolisten", "tcp"], pass_fds=(write,),
        stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as numbers:
        display = ":" + numbers.readline().strip()
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "WAYLAND_DISPLAY")}
    env.update(DISPLAY=display, KIOSK_HOME=str(home / "kiosk-home"), KIOSK_SECRETS="file",
               QT_QPA_PLATFORM="xcb", PYTHONUNBUFFERED="1")
    kiosk = subprocess.Popen([sys.executable, "-m", "kiosk", "--demo", "--backend", backend],
                             env=env, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    found: list[str] = []
    threading.Thread(target=_read_line, args=(kiosk.stdout, "Demo server: ", found),
                     daemon=True).start()
    try:
        wait_for("the demo server's address", lambda: found, 30)
        running = Kiosk(display, fbdir, found[0], kiosk)
        wait_for("the kiosk window", lambda: subprocess.run(
            ["xdotool", "search", "--name", TITLE], env={**os.environ, "DISPLAY": display},
            capture_output=True, check=False).returncode == 0, 30)
        wait_for("the scan screen", lambda: running.shows(100, 200, "#20242b"), 30)
        yield running
    finally:
        kiosk.terminate()
        try:
            kiosk.wait(15)
        except subprocess.TimeoutExpired:
            kiosk.kill()
            kiosk.wait()
        xvfb.terminate()
        xvfb.wait(10)
