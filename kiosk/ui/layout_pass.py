"""Showing and hiding widgets on a screen that is on display, with one layout pass.

Qt lays out every ancestor of a widget it shows *before* the widget becomes visible, at
once: on a card on screen each row or button shown meant a layout of the whole window. With
the layouts switched off while a screen changes what it shows, the changes only mark them
for one layout pass at the end of the change.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QLayout, QWidget


def shown(widget: QWidget, visible: bool) -> None:
    """Show or hide ``widget``, only when that changes (each change is work for the layout)."""
    decided = widget.testAttribute(Qt.WidgetAttribute.WA_WState_ExplicitShowHide)
    if not decided or widget.isHidden() == visible:
        widget.setVisible(visible)


@contextmanager
def one_layout_pass(*widgets: QWidget) -> Iterator[None]:
    """Within the block, children of ``widgets`` shown or hidden do not lay their ancestors
    out at once; the layouts of ``widgets`` make one pass at the end of the block, in the
    order given (outermost first), or, not on display, when they are shown. Name each
    widget whose children the block shows: the layout of a parent left out still runs at
    each one shown."""
    paused: list[tuple[QWidget, QLayout]] = []
    for widget in widgets:
        layout = widget.layout()
        if layout is not None and layout.isEnabled():
            layout.setEnabled(False)
            paused.append((widget, layout))
    try:
        yield
    finally:
        for _widget, layout in paused:
            layout.setEnabled(True)
        for widget, layout in paused:
            if widget.isVisible():
                # On display: the pass now, before the event loop runs again. A paint asked
                # for earlier (a button turned off, a focus moved) runs before layout
                # requests posted after it: it painted the new card with the last card's
                # layout, then again after the pass. Outermost first: laying it out lays
                # out the inner ones it resizes. A layout changed while off may not know
                # it (seen: a row's new height never laid out): it is told.
                layout.invalidate()
                layout.activate()
            else:
                # Not on display: Qt lays it out when it is shown. Ask for the pass all the
                # same (a layout marked while off did not always ask for one).
                QCoreApplication.postEvent(widget, QEvent(QEvent.Type.LayoutRequest))
