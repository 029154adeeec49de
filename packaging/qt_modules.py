# ruff: noqa: T201 - a build script reports on stdout
"""Record the Qt modules the kiosk really loads at run time: the bundle's ``QT_KEEP``.

Runs, under the venv, every screen (``kiosk --demo --screenshot F --screen NAME``) and the
sound check (``kiosk --play-sounds``, on a silent PulseAudio sink when ``pulseaudio`` is
installed), each in a fresh process that records at exit the ``PySide6.Qt*`` modules in
``sys.modules`` and the PySide6 files it mapped (Qt libraries and plug-ins). The union goes to
``packaging/qt_runtime.json``; ``spec_support.QT_KEEP`` is its module list, and the smoke test
checks the bundle holds every recorded file that is not pruned on purpose.

Usage (repo root): ``.venv/bin/python packaging/qt_modules.py`` rewrites the file;
``--check`` only compares and exits 1 when the file is out of date.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from silent_audio import silent_pulse  # noqa: E402

RUNTIME_FILE = HERE / "qt_runtime.json"
SCREENS = ("scan", "card", "redeem", "result", "queue", "settings", "lock", "signin", "unseen",
           "shift", "printer")

# Runs kiosk.main.main(argv) and, however it ends, writes what Qt it loaded to $KIOSK_QT_TRACE.
TRACER = """
import json, os, sys
from pathlib import Path
import PySide6
from kiosk.main import main
try:
    code = main(sys.argv[1:])
finally:
    root = Path(PySide6.__file__).resolve().parent
    with open("/proc/self/maps") as maps:
        mapped = {Path(line.split()[-1]) for line in maps if line.rstrip().endswith(".so")
                  or ".so." in line}
    files = sorted(p.relative_to(root).as_posix() for p in mapped if p.is_relative_to(root))
    modules = sorted(m.split(".")[1] for m in sys.modules
                     if m.startswith("PySide6.Qt") and m.count(".") == 1)
    with open(os.environ["KIOSK_QT_TRACE"], "w") as out:
        json.dump({"modules": modules, "files": files}, out)
sys.exit(code)
"""


def runs() -> list[tuple[str, list[str]]]:
    """``(name, kiosk arguments)`` for every run that is traced (``F`` is the output PNG)."""
    shots = [(screen, ["--demo", "--screenshot", "F", "--screen", screen]) for screen in SCREENS]
    return [*shots, ("sounds", ["--play-sounds"])]


def trace(args: list[str], folder: Path, audio: dict[str, str] | None) -> dict[str, list[str]]:
    """Run ``kiosk ARGS`` under this interpreter in a fresh home; what Qt it loaded."""
    out = folder / "trace.json"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_HOME": str(folder / "home"),
           "KIOSK_QT_TRACE": str(out), **(audio or {})}
    args = [str(folder / "shot.png") if a == "F" else a for a in args]
    result = subprocess.run([sys.executable, "-c", TRACER, *args], env=env, cwd=REPO,
                            capture_output=True, text=True, timeout=120, check=False)
    if result.returncode != 0 or not out.exists():
        raise SystemExit(f"kiosk {' '.join(args)} failed ({result.returncode}):\n"
                         f"{result.stderr.strip()[-800:]}")
    recorded: dict[str, list[str]] = json.loads(out.read_text())
    return recorded


def record() -> dict[str, list[str]]:
    """The union over every run, as written to ``qt_runtime.json``."""
    modules: set[str] = set()
    files: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="kiosk-qt-trace-") as tmp, \
            silent_pulse(Path(tmp)) as audio:
        if audio is None:
            print("pulseaudio not installed: the sound run records no audio back end")
        for name, args in runs():
            with tempfile.TemporaryDirectory(prefix=f"{name}-", dir=tmp) as folder:
                found = trace(args, Path(folder), audio)
            modules |= set(found["modules"])
            files |= set(found["files"])
            print(f"{name:9} {', '.join(found['modules'])}")
    return {"modules": sorted(modules), "files": sorted(files)}


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) ``qt_runtime.json``."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only; exit 1 if stale")
    args = parser.parse_args(argv)
    text = json.dumps(record(), indent=1) + "\n"
    if args.check:
        current = RUNTIME_FILE.read_text() if RUNTIME_FILE.exists() else ""
        if json.loads(current or "{}").get("modules") != json.loads(text)["modules"]:
            print(f"{RUNTIME_FILE.name} is out of date: run packaging/qt_modules.py")
            return 1
        print(f"{RUNTIME_FILE.name} is up to date")
        return 0
    RUNTIME_FILE.write_text(text)
    print(f"wrote {RUNTIME_FILE.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
