"""Where the tests and benchmarks find barcode photos and the seed documents.

One setting, ``KIOSK_CORPUS`` (default ``../shared/corpus`` beside the repository), names the
full corpus; the repository's own ~5 MB subset in ``tests/data/corpus`` is always there, so a
bare clone passes. Tests read the subset, and the full corpus too when it is present.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
DATA = REPO / "tests" / "data"
SEEDS = DATA / "seeds"
BUNDLED = DATA / "corpus" / "zxing-blackbox"
IMAGE_SUFFIXES = frozenset({".png", ".jpg", ".gif"})


def full_corpus() -> Path | None:
    """The full ZXing photo corpus, or None when it is not beside this checkout."""
    root = Path(os.environ.get("KIOSK_CORPUS") or REPO.parent / "shared" / "corpus")
    folder = root / "zxing-blackbox"
    return folder if folder.is_dir() else None


def corpora() -> dict[str, Path]:
    """Every corpus present: ``bundled`` always, ``full`` when :func:`full_corpus` finds it."""
    found = {"bundled": BUNDLED}
    full = full_corpus()
    if full is not None:
        found["full"] = full
    return found


def best_corpus() -> Path:
    """The full corpus when present, else the bundled subset (for benchmarks and smoke tests)."""
    return full_corpus() or BUNDLED


def images(folder: Path) -> list[Path]:
    """The images of one corpus folder, sorted."""
    return sorted(p for p in folder.iterdir() if p.suffix in IMAGE_SUFFIXES)


def expected_text(image: Path) -> str | None:
    """The corpus's expected text for ``image`` (line endings normalised), None if binary."""
    txt = image.with_suffix(".txt")
    if not txt.exists():
        return None
    return normalise_read(txt.read_text(encoding="utf-8"))


def normalise_read(text: str) -> str:
    """A decoded text compared the corpus's way (LF line endings, one trailing newline off)."""
    return text.replace("\r\n", "\n").replace("\r", "\n").removesuffix("\n")
