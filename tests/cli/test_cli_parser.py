"""The top-level command line: the GUI's options are read without building the sub-commands'
parsers, and read as the full parser reads them; anything else goes to the full parser."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kiosk.main import build_parser, gui_args

GUI = [
    [],
    ["--demo"],
    ["--demo", "--backend", "vauchar", "--size", "1024x600", "--fullscreen"],
    ["--home", "/tmp/till", "--language", "de", "--screenshot", "a.png", "--screen", "card"],
    ["--dem"],  # an abbreviation, as argparse allows
]


@pytest.mark.parametrize("argv", GUI)
def test_the_gui_options_read_as_the_full_parser_reads_them(argv: list[str]) -> None:
    assert gui_args(argv) == build_parser().parse_args(argv)


@pytest.mark.parametrize("argv", [
    ["status", "GB50-K7QX-9M2F-4TZB"], ["--home", "/tmp/till", "queue", "list"], ["-h"],
    ["--version"], ["--demo", "--bogus"], ["--backend", "nope"], ["--size"],
])
def test_anything_else_is_for_the_full_parser(argv: list[str]) -> None:
    assert gui_args(argv) is None


def test_the_gui_imports_no_sub_command() -> None:
    code = ("import sys; from kiosk.main import gui_args; gui_args(['--demo']); "
            "print(sorted(m for m in sys.modules if m.startswith('kiosk.cli.')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          check=True, timeout=60)
    assert "kiosk.cli.status" not in done.stdout, done.stdout
    assert "kiosk.cli.redeem" not in done.stdout, done.stdout


def test_a_usage_error_still_exits_1_with_the_usage() -> None:
    done = subprocess.run([sys.executable, "-m", "kiosk", "--backend", "nope"],
                          capture_output=True, text=True, check=False, timeout=60)
    assert done.returncode == 1
    assert done.stderr.startswith("usage: kiosk")
    assert "invalid choice: 'nope'" in done.stderr
