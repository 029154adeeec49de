"""Python's cyclic garbage collector held off while the kiosk starts (Qt-free).

A start creates tens of thousands of objects the collector tracks (~45,000 in the imports
alone: modules, classes, functions, PySide6's enum types; then the widgets' wrappers) that
live as long as the process, and next to no cyclic garbage; the collector, run every 700 new
objects, walks them again and again: ~10 % of the imports' CPU on the way to a usable scan
screen (start-up, docs/performance.md). ``pause`` turns it off as the GUI starts;
``resume``, once the first screen is painted, moves everything alive then to the permanent
generation (``gc.freeze``: never walked again, which also spares every later full collection
the walk) and turns the collector back on for what comes after. The few cycles that became
garbage during the start stay in memory.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Turn the collector off until ``resume`` (when it is on: never turns on one that
    someone else turned off)."""
    global _paused  # noqa: PLW0603 - one process-wide switch, like gc's own
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """After ``pause``: freeze what is alive now and turn the collector back on; else
    nothing."""
    global _paused  # noqa: PLW0603
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()


def paused() -> bool:
    """Whether ``pause`` holds the collector off."""
    return _paused
