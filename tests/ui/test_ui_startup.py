"""Start-up pieces: work deferred to the first paint, the demo server on a thread, and the
imports kept off the start-up path."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from kiosk.backends.http import HttpChannel, ssl_context
from kiosk.domain.errors import KioskError
from kiosk.ui.first_paint import after_first_paint
from kiosk.ui.server_thread import BackgroundServer


def test_after_first_paint_waits_for_the_paint(qtbot: QtBot) -> None:
    label = QLabel("hello")
    qtbot.addWidget(label)
    calls: list[str] = []
    after_first_paint(label, lambda: calls.append("painted"), fallback_ms=None)
    qtbot.wait(50)
    assert calls == []  # not shown, not painted: nothing yet
    label.show()
    qtbot.waitUntil(lambda: calls == ["painted"], timeout=5_000)
    label.repaint()
    qtbot.wait(50)
    assert calls == ["painted"]  # once


def test_after_first_paint_waits_until_ready(qtbot: QtBot) -> None:
    label = QLabel("hello")
    qtbot.addWidget(label)
    ready: list[bool] = []
    calls: list[str] = []
    after_first_paint(label, lambda: calls.append("usable"), ready=lambda: bool(ready),
                      fallback_ms=None)
    label.show()
    qtbot.waitExposed(label)
    qtbot.wait(50)
    assert calls == []  # painted, but not ready yet
    ready.append(True)
    label.update()
    qtbot.waitUntil(lambda: calls == ["usable"], timeout=5_000)


def test_a_hidden_widget_falls_back_at_once(qtbot: QtBot) -> None:
    label = QLabel("never shown")
    qtbot.addWidget(label)
    calls: list[str] = []
    after_first_paint(label, lambda: calls.append("anyway"))
    qtbot.waitUntil(lambda: calls == ["anyway"], timeout=5_000)


def test_the_background_server_hands_over_its_url_and_stops() -> None:
    events: list[str] = []

    @contextmanager
    def server() -> Iterator[str]:
        events.append("start")
        yield "http://127.0.0.1:1/v1"
        events.append("stop")

    background = BackgroundServer(server)
    assert background.url() == "http://127.0.0.1:1/v1"
    background.close()
    assert events == ["start", "stop"]


def test_the_background_server_reports_why_it_did_not_start() -> None:
    @contextmanager
    def server() -> Iterator[str]:
        raise OSError("address in use")
        yield "never"  # pragma: no cover

    background = BackgroundServer(server)
    with pytest.raises(OSError, match="address in use"):
        background.url()
    background.close()


def test_one_tls_context_serves_every_client() -> None:
    assert ssl_context() is ssl_context()  # the CA bundle is loaded once per process
    assert ssl_context(False) is False


def no_api_errors(_response: httpx.Response, _body: Mapping[str, Any]) -> KioskError | None:
    return None


def test_a_plain_http_server_needs_no_tls(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[bool | str] = []

    def context(verify: bool | str = True) -> bool:
        asked.append(verify)
        return False

    monkeypatch.setattr("kiosk.backends.http.ssl_context", context)
    HttpChannel("http://127.0.0.1:9/v1", no_api_errors).close()
    HttpChannel("https://api.example/v1", no_api_errors).close()
    assert asked == [False, True]


def test_the_store_and_the_http_layer_import_lean() -> None:
    # numpy (sqlite-utils' optional column types), dateutil's parser (its date recipes),
    # httpx's command-line tool (click and rich) and the adapters of the platforms the till
    # does not speak stay out of the start-up path; numpy still imports afterwards, the
    # recipes still parse dates, and the registry still knows every platform.
    code = ("import sys; import kiosk.app.engine, kiosk.app.signin; "
            "assert 'numpy' not in sys.modules, 'numpy'; "
            "assert 'rich' not in sys.modules, 'rich'; "
            "assert 'dateutil.tz' not in sys.modules, 'dateutil parser loaded'; "
            "others = [m for m in sys.modules if m.startswith('kiosk.backends.') "
            "and m.split('.')[2] in ('vauchar', 'vouchersapi', 'shopwired')]; "
            "assert not others, others; "
            "from kiosk.backends.registry import PLATFORMS; "
            "print(PLATFORMS['vauchar'].capabilities.reversal); "
            "from sqlite_utils.recipes import parsedatetime; "
            "print(parsedatetime('5 March 2024 10:00')); "
            "import numpy; print(numpy.zeros(2).sum())")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True", "2024-03-05T10:00:00", "0.0"]
