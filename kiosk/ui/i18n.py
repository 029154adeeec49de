"""Translations: compile ``resources/translations/*.ts`` to ``.qm`` and install them.

Compile (the Makefile/packaging step, also done by the UI tests)::

    .venv/bin/python -m kiosk.ui.i18n

The language comes from the settings (``language``; "" = the system's).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from kiosk.paths import resource

LANGUAGES = ("en", "de")  # shipped; English is the source language
PSEUDO = "pseudo"  # every string 40% longer: shows where a longer language would not fit
CATALOGUE = "kiosk"


class PseudoTranslator(QTranslator):
    """Answers every string lengthened by 40% (placeholders kept), for layout checks."""

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        """``source`` plus 40% of filler (each line of it)."""
        return "\n".join(line + "~" * -(-len(line) * 2 // 5) if line else line
                         for line in source.split("\n"))

    def isEmpty(self) -> bool:  # noqa: N802 - Qt override
        """Never empty: it translates everything."""
        return False


def translations_dir() -> Path:
    """Where the ``.ts`` sources and compiled ``.qm`` files live."""
    return resource("translations")


def lrelease() -> str:
    """The ``pyside6-lrelease`` executable (next to this Python first, then on PATH)."""
    local = Path(sys.executable).with_name("pyside6-lrelease")
    if local.exists():
        return str(local)
    found = shutil.which("pyside6-lrelease")
    if found is None:
        raise FileNotFoundError("pyside6-lrelease not found; install PySide6")
    return found


def compile_translations(folder: Path | None = None) -> list[Path]:
    """Compile every ``.ts`` in ``folder`` to a ``.qm`` beside it; returns the ``.qm`` paths."""
    folder = folder or translations_dir()
    outputs = []
    for source in sorted(folder.glob("*.ts")):
        target = source.with_suffix(".qm")
        subprocess.run(
            [lrelease(), "-silent", str(source), "-qm", str(target)],
            check=True, capture_output=True,
        )
        outputs.append(target)
    return outputs


def resolve(language: str) -> str:
    """A shipped language code for a setting ("" = system locale, falling back to English)."""
    if language in LANGUAGES:
        return language
    system = QLocale.system().name().split("_")[0]
    return system if not language and system in LANGUAGES else "en"


class Translations:
    """The translators installed on the application; switch language at run time."""

    def __init__(self) -> None:
        self._installed: list[QTranslator] = []
        self.language = "en"

    def shows(self, language: str) -> bool:
        """Whether ``language`` (a setting: a code, "" for the system's) is installed."""
        return bool(self._installed) and self.language == (
            PSEUDO if language == PSEUDO else resolve(language))

    def install(self, language: str) -> str:
        """Load ``language`` (a code or "" for the system's); returns the code in use.

        Installing sends every widget a ``LanguageChange`` event; screens retranslate then.
        """
        app = QCoreApplication.instance()
        if app is None:
            raise RuntimeError("create the QApplication first")
        for translator in self._installed:
            app.removeTranslator(translator)
        self._installed.clear()
        if language == PSEUDO:
            pseudo = PseudoTranslator(app)
            self._installed.append(pseudo)
            app.installTranslator(pseudo)
            QLocale.setDefault(QLocale("en"))
            self.language = PSEUDO
            return PSEUDO
        code = resolve(language)
        ours = QTranslator(app)
        if ours.load(f"{CATALOGUE}_{code}", str(translations_dir())):
            self._installed.append(ours)
        qt = QTranslator(app)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if code != "en" and qt.load(f"qtbase_{code}", qt_dir):
            self._installed.append(qt)
        for translator in self._installed:
            app.installTranslator(translator)
        QLocale.setDefault(QLocale(code))
        self.language = code
        return code


if __name__ == "__main__":
    for path in compile_translations():
        print(path)  # noqa: T201 - a build step's report
