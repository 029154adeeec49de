"""Trim Qt's ICU data library (``libicudata.so.*``, 32 MB) to what the kiosk can use.

Qt links ICU for locale-aware case mapping, collation, time-zone names and legacy text
codecs. The data library holds that for ~800 locales and ~200 codecs. The kiosk speaks only
the languages it ships translations for (``KEEP_LANGUAGES``) and only UTF-8 text, so the
trimmed library keeps every ICU item that is not locale data (normalisation, character
properties, time-zone rules…), the locale data of those languages and of ``root``, and drops the
rest: other locales, codec tables (``*.cnv``), break iterators with their CJK/Thai word
dictionaries (Qt breaks text with its own tables) and transliteration. ICU falls back to
``root`` for a locale it has no data for.

It needs ``icupkg`` (Debian: ``icu-devtools``) to list and remove items, and ``as``/``ld``
(binutils) to wrap the trimmed data back into a library exporting the same ``icudtNN_dat``
symbol ``libicuuc`` reads it through.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

KEEP_LANGUAGES = frozenset({"en", "de"})
# Codec tables, word dictionaries, the spoof checker's confusables, string-prep profiles
# (IDNA 2003) and the Unicode character names: nothing in Qt asks ICU for them.
DROPPED_SUFFIXES = (".cnv", ".dict", ".cfu", ".spp")
DROPPED_ITEMS = frozenset({"unames.icu"})
# Break iterators: Qt finds words and line breaks with its own tables, not ICU's.
DROPPED_TREES = frozenset({"translit", "brkitr"})
# A locale's resource bundle: "de", "de_CH", "sr_Latn_BA", "root" (not "pool", "res_index"…).
_LOCALE = re.compile(r"^(root|[a-z]{2,3})(_[A-Z0-9][A-Za-z0-9]*)*\.res$")


def keep_item(item: str, languages: frozenset[str] = KEEP_LANGUAGES) -> bool:
    """Whether the ICU package item ``item`` (``"de.res"``, ``"coll/fr.res"``…) is kept."""
    tree, _, name = item.rpartition("/")
    if (tree.split("/")[0] in DROPPED_TREES or name.endswith(DROPPED_SUFFIXES)
            or item in DROPPED_ITEMS):
        return False
    found = _LOCALE.match(name)
    return found is None or found.group(1) == "root" or found.group(1) in languages


def data_symbol(library: Path) -> tuple[str, int, int]:
    """``(name, file offset, size)`` of the ``icudtNN_dat`` data in ``library``."""
    symbols = subprocess.run(["readelf", "-W", "--dyn-syms", str(library)], capture_output=True,
                             text=True, check=True).stdout
    found = re.search(r"\s([0-9a-f]+)\s+(0x[0-9a-f]+|\d+)\s+OBJECT\s+GLOBAL\s+\S+\s+(\d+)\s+"
                      r"(icudt\d+_dat)\b", symbols)
    if not found:
        raise ValueError(f"{library}: no icudtNN_dat symbol")
    value, size, index, name = found.groups()
    sections = subprocess.run(["readelf", "-W", "-S", str(library)], capture_output=True,
                              text=True, check=True).stdout
    header = re.search(rf"\[\s*{index}\]\s+\S+\s+\S+\s+([0-9a-f]+)\s+([0-9a-f]+)", sections)
    if not header:
        raise ValueError(f"{library}: no section {index}")
    address, offset = (int(x, 16) for x in header.groups())
    return name, int(value, 16) - address + offset, int(size, 0)


def _remove(icupkg: str, full: Path, trimmed: Path, drop: set[str]) -> None:
    """``icupkg -r``: ``full`` without ``drop``, into ``trimmed``. icupkg refuses to drop an item
    a kept one depends on (the root break rules use the CJK/Thai dictionaries, Spanish
    collation its variants'): such items are kept."""
    listing = full.parent / "drop.txt"
    for _ in range(10):
        listing.write_text("".join(f"{item}\n" for item in sorted(drop)))
        result = subprocess.run([icupkg, "-r", str(listing), str(full), str(trimmed)],
                                capture_output=True, text=True, check=False)
        if result.returncode == 0:
            return
        wanted = set(re.findall(r"depends on missing item (\S+)", result.stderr))
        if not wanted & drop:
            raise SystemExit(f"icupkg failed: {result.stderr.strip()[-400:]}")
        drop -= wanted
    raise SystemExit("icupkg: the items to keep did not settle")


def trim_library(library: Path, languages: frozenset[str] = KEEP_LANGUAGES) -> int:
    """Replace ``library`` by a trimmed copy; returns the bytes saved."""
    icupkg = shutil.which("icupkg")
    if icupkg is None:
        raise SystemExit("icupkg not found: install icu-devtools (make package does)")
    name, offset, size = data_symbol(library)
    before = library.stat().st_size
    with tempfile.TemporaryDirectory(prefix="kiosk-icu-") as tmp:
        folder = Path(tmp)
        # icupkg takes the package name from the file name: icudt73l (l: little-endian).
        package = f"{name.removesuffix('_dat')}l.dat"
        full, trimmed = folder / package, folder / "out" / package
        trimmed.parent.mkdir()
        with library.open("rb") as handle:
            handle.seek(offset)
            full.write_bytes(handle.read(size))
        items = subprocess.run([icupkg, "-l", str(full)], capture_output=True, text=True,
                               check=True).stdout.split()
        _remove(icupkg, full, trimmed, {i for i in items if not keep_item(i, languages)})
        source = folder / "data.s"
        source.write_text("\n".join([
            "\t.section .rodata", f"\t.globl {name}", f"\t.type {name}, @object",
            f"\t.size {name}, {trimmed.stat().st_size}", "\t.balign 16",
            f"{name}:", f'\t.incbin "{trimmed}"', '\t.section .note.GNU-stack,"",@progbits', ""]))
        subprocess.run(["as", "--64", "-o", str(folder / "data.o"), str(source)], check=True)
        out = folder / library.name
        subprocess.run(["ld", "-shared", "--hash-style=both", "-z", "noexecstack",
                        "-soname", library.name, "-o", str(out), str(folder / "data.o")],
                       check=True)
        shutil.copymode(library, out)
        shutil.move(out, library)
    return before - library.stat().st_size
