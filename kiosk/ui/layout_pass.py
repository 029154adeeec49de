"""Showing and hiding widgets on a screen that is on display, with one layout pass.

Qt lays out every ancestor of a widget it shows *before* the widget becomes visible, at
once: on a card on screen each row or button shown meant a layout of the whole window. With
the layouts switched off while a screen changes what it shows, the changes only mark them
for the one layout pass Qt makes before the next paint.
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
    out at once; the layouts of ``widgets`` make one pass afterwards, before the next paint
    (the changes marked them for it). Name each widget whose children the block shows: the
    layout of a parent left out still runs at each one shown."""
    paused: list[tuple[QWidget, QLayout]] = []
    for widget in widgets:
        layout = widget.layout()
        if layout is not None and layout.isEnabled():
            layout.setEnabled(False)
            paused.append((widget, layout))
    try:
        yield
    finally:
        for widget, layout in paused:
            layout.setEnabled(True)
            # Ask for the pass: a layout marked while off did not always ask for one (seen on
            # the card: a row's new height never laid out). One with nothing to do returns at
            # once; requests pending are merged.
            QCoreApplication.postEvent(widget, QEvent(QEvent.Type.LayoutRequest))
