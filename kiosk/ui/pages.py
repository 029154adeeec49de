"""The screens of the main window's stack, and what the flows need of the window."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from typing import Any, Protocol

from kiosk.ui.feedback import Sound


class Page(StrEnum):
    """The screens of the stack."""

    START = "start"  # nothing yet: the till is opening (kiosk.ui.opening)
    SIGNIN = "signin"
    SCAN = "scan"
    CARD = "card"
    REDEEM = "redeem"
    RESULT = "result"
    QUEUE = "queue"
    SETTINGS = "settings"
    LOCK = "lock"
    MANAGER = "manager"
    SHIFT = "shift"  # the end-of-shift report (kiosk.ui.flows.counter)
    STAFF = "staff"  # staff accounts (kiosk.ui.flows.counter)
    STAFF_SETUP = "staff_setup"  # the first manager of a local staff list


# Manager authority lasts while staff stay on these pages; any other page ends it.
MANAGER_PAGES = frozenset({Page.QUEUE, Page.SETTINGS, Page.MANAGER, Page.SHIFT, Page.STAFF})
# Pages where nobody is at the till's controls (no scanning, no top bar).
CLOSED_PAGES = frozenset({Page.START, Page.SIGNIN, Page.LOCK, Page.MANAGER, Page.STAFF_SETUP})


class Navigator(Protocol):
    """What a flow may ask of the window: show a page, signal staff, apply settings."""

    @property
    def page(self) -> Page: ...
    def show_page(self, page: Page) -> None: ...
    def play(self, sound: Sound) -> None: ...
    def flash(self, tone: str) -> None: ...
    def show_flash(self) -> None: ...
    def apply_settings(self) -> None: ...
    def set_full_screen(self, on: bool) -> None: ...
    def session_ended(self) -> None: ...
    def when_built(self, page: Page, wire: Callable[[Any], None]) -> None: ...
