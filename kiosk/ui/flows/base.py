"""What every flow shares: its session, the window's navigator, and links that end with it."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QMetaObject, QObject, SignalInstance

from kiosk.ui.pages import Navigator, Page

if TYPE_CHECKING:
    from kiosk.ui.session import Session


class Flow(QObject):
    """A presenter for one flow; ``link`` connections are cut when the session closes."""

    def __init__(self, session: Session, nav: Navigator) -> None:
        super().__init__(session)
        self.session = session
        self.controller = session.controller
        self.nav = nav
        self._links: list[QMetaObject.Connection] = []
        self._ended = False

    def link(self, signal: SignalInstance, slot: Callable[..., Any]) -> None:
        """Connect ``signal`` to ``slot`` for as long as the session lasts."""
        self._links.append(signal.connect(slot))

    def when_built(self, page: Page, wire: Callable[[Any], None]) -> None:
        """``wire(screen)`` once ``page``'s screen exists: now, or when the window builds it
        (after the first paint, or when first needed), unless the session ended by then."""
        self.nav.when_built(page, lambda screen: None if self._ended else wire(screen))

    def unlink(self) -> None:
        """Cut every link (the session is closing)."""
        self._ended = True
        for connection in self._links:
            QObject.disconnect(connection)
        self._links.clear()
