"""Shared plumbing for sub-commands' output: a closed pipe ends a command quietly.

``kiosk status CODE | head -1`` closes the pipe early; Python then raises
``BrokenPipeError`` on the next write or at the final flush. :func:`quiet_pipe` wraps a
sub-command's ``run`` so that this ends the command with exit 1 and no traceback.
"""

from __future__ import annotations

import argparse
import functools
import os
import sys
from collections.abc import Callable

Run = Callable[[argparse.Namespace], int]


def quiet_pipe(run: Run) -> Run:
    """``run``, exiting 1 without a traceback when stdout or stderr is a closed pipe."""

    @functools.wraps(run)
    def wrapper(args: argparse.Namespace) -> int:
        try:
            code = run(args)
            sys.stdout.flush()  # a late EPIPE surfaces here, not at interpreter exit
        except BrokenPipeError:
            # Point stdout at devnull so the interpreter's final flush cannot fail again.
            devnull = os.open(os.devnull, os.O_WRONLY)
            try:
                os.dup2(devnull, sys.stdout.fileno())
            finally:
                os.close(devnull)
            return 1
        return code

    return wrapper
