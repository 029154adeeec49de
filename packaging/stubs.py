"""Stand-in libraries for what the bundle links but never calls (``make package``, Linux).

OpenCV's wheel links FFmpeg (video files and streams), libavif (AVIF images) and OpenBLAS
(its linear algebra), and numpy's wheel links OpenBLAS too: about 125 MB with what they pull
in (libaom, libvpx, dav1d, gfortran). The kiosk reads cameras through V4L2, MJPG ``.avi``
files through OpenCV's own reader, images through libpng/libjpeg, and does no float linear
algebra (``tests/packaging/test_packaging_stubs.py`` keeps it so). Each such library is
replaced by a stub with the same file name, soname and symbol versions, exporting every
symbol the bundle's other files import from it; any of those symbols, if ever called,
prints what happened on stderr and aborts. The libraries only they needed are then dropped.

The stubs are assembled with ``as`` and ``ld`` (binutils, which PyInstaller needs anyway), so
no compiler is needed. OpenCV must also be told not to try FFmpeg when it opens a video
(``hooks/rthook_slim.py`` sets ``OPENCV_VIDEOIO_PRIORITY_FFMPEG=0``), or it would call the
stub for every file it opens.
"""

from __future__ import annotations

import functools
import re
import subprocess
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path

# File-name patterns (relative to _internal/) of the libraries replaced by stubs, and why.
STUBBED = {
    "opencv_python_headless.libs/libavcodec-*.so*": "FFmpeg: video files other than MJPG .avi",
    "opencv_python_headless.libs/libavformat-*.so*": "FFmpeg: video files other than MJPG .avi",
    "opencv_python_headless.libs/libavutil-*.so*": "FFmpeg: video files other than MJPG .avi",
    "opencv_python_headless.libs/libswscale-*.so*": "FFmpeg: video files other than MJPG .avi",
    "opencv_python_headless.libs/libavif-*.so*": "AVIF images",
    "opencv_python_headless.libs/libopenblas*.so*": "OpenCV's float linear algebra",
    "numpy.libs/libscipy_openblas*.so*": "numpy's float linear algebra",
    "pillow.libs/libtiff-*.so*": "TIFF images in Pillow",
    "pillow.libs/libopenjp2-*.so*": "JPEG 2000 images in Pillow",
    "pillow.libs/libxcb-*.so*": "Pillow's screen grabbing",
    # PulseAudio's client library links it for sound-file helpers (paplay's); Qt streams.
    "libsndfile.so.*": "PulseAudio's sound-file helpers",
}

MESSAGE = ("voucher-kiosk: {symbol} ({library}) was called, but this bundle has only a stub "
           "of that library ({why}); see docs/packaging.md\n")

_ELF = b"\x7fELF"

# numpy checks its BLAS on import with a float32 dot product of two elements
# (numpy/__init__.py, _sanity_check): these few are implemented, plainly, not stubbed.
# cblas_?dot(n, x, incx, y, incy) with 64-bit integers (ILP64): rdi, rsi, rdx, rcx, r8.
_DOT = """\txorp{p} %xmm0, %xmm0
\ttest %rdi, %rdi
\tjle 2f
1:\tmovs{p} (%rsi), %xmm1
\tmuls{p} (%rcx), %xmm1
\tadds{p} %xmm1, %xmm0
\tlea (%rsi,%rdx,{n}), %rsi
\tlea (%rcx,%r8,{n}), %rcx
\tdec %rdi
\tjnz 1b
2:\tret"""


def _returns_text(text: str) -> str:
    """A function body returning a constant C string."""
    return (f"\tlea 1f(%rip), %rax\n\tret\n\t.pushsection .rodata\n1:\t.asciz \"{text}\"\n"
            "\t.popsection")


IMPLEMENTED = {
    "scipy_cblas_sdot64_": _DOT.format(p="s", n=4),
    "scipy_cblas_ddot64_": _DOT.format(p="d", n=8),
    # OpenCV makes its AVIF decoder and encoder when it first reads or writes any image (its
    # codec list): none (NULL). Only an .avif file would use them.
    "avifEncoderCreate": "\txor %eax, %eax\n\tret",
    "avifDecoderCreate": "\txor %eax, %eax\n\tret",
    # Pillow's _imaging module asks the TIFF and JPEG 2000 libraries their version on import.
    "TIFFGetVersion": _returns_text("LIBTIFF, Version 0 (stub)"),
    "opj_version": _returns_text("0 (stub)"),
}


@dataclass(frozen=True)
class Symbol:
    """A dynamic symbol: its name, version (or ``""``), kind and size."""

    name: str
    version: str
    kind: str  # FUNC, OBJECT, ...
    size: int


def is_elf(path: Path) -> bool:
    """Whether ``path`` is a regular ELF file (not a symlink)."""
    if path.is_symlink() or not path.is_file():
        return False
    with path.open("rb") as handle:
        return handle.read(4) == _ELF


def _readelf(*args: str) -> str:
    return subprocess.run(["readelf", "-W", *args], capture_output=True, text=True,
                          check=True).stdout


@functools.cache
def soname(path: Path) -> str:
    """The library's SONAME (its file name when it has none)."""
    found = re.search(r"\(SONAME\)\s+Library soname: \[([^\]]+)\]", _readelf("-d", str(path)))
    return found.group(1) if found else path.name


@functools.cache
def needed(path: Path) -> tuple[str, ...]:
    """The sonames ``path`` needs (DT_NEEDED)."""
    return tuple(re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]",
                            _readelf("-d", str(path))))


def dynamic_symbols(path: Path, *, defined: bool) -> list[Symbol]:
    """The defined (or, with ``defined=False``, the undefined) dynamic symbols of ``path``."""
    symbols = []
    for line in _readelf("--dyn-syms", str(path)).splitlines():
        fields = line.split()
        if len(fields) < 8 or not fields[0].rstrip(":").isdigit():
            continue
        size, kind, ndx, name = fields[2], fields[3], fields[6], fields[7]
        if (ndx == "UND") == defined or not name or ndx == "ABS":
            continue
        base, _, version = name.partition("@")
        symbols.append(Symbol(base, version.lstrip("@").split(" ")[0], kind,
                              int(size, 0) if size.isdigit() or size.startswith("0x") else 0))
    return symbols


def version_names(path: Path) -> list[str]:
    """The symbol versions ``path`` defines (its .gnu.version_d), without the base entry."""
    text = _readelf("-V", str(path))
    section = text.split("Version definition section", 1)[1] if "Version definition section" \
        in text else ""
    section = section.split("Version needs section", 1)[0]
    names = re.findall(r"Flags: (\w+)\s+Index: \d+\s+Cnt: \d+\s+Name: (\S+)", section)
    return [name for flags, name in names if flags != "BASE"]


def _assembly(symbols: list[Symbol], library: str, why: str) -> str:
    if any(symbol.kind == "TLS" for symbol in symbols):
        raise ValueError(f"{library}: a thread-local symbol cannot be stubbed")
    lines = ["\t.text"]
    strings = []
    for i, symbol in enumerate(symbols):
        if symbol.kind == "OBJECT":
            continue
        if symbol.name in IMPLEMENTED:
            lines += [f"\t.globl {symbol.name}", f"\t.type {symbol.name}, @function",
                      f"{symbol.name}:", IMPLEMENTED[symbol.name]]
            continue
        text = MESSAGE.format(symbol=symbol.name, library=library, why=why).encode()
        lines += [f"\t.globl {symbol.name}", f"\t.type {symbol.name}, @function",
                  f"{symbol.name}:", f"\tlea .Lmsg{i}(%rip), %rsi", f"\tmov ${len(text)}, %edx",
                  "\tjmp .Lfail"]
        strings.append(f".Lmsg{i}:\t.ascii \"{_escape(text)}\"")
    # write(2, message, length); kill(getpid(), SIGABRT); exit_group(134) if that returns.
    lines += [".Lfail:", "\tmov $2, %edi", "\tmov $1, %eax", "\tsyscall",
              "\tmov $39, %eax", "\tsyscall", "\tmov %eax, %edi", "\tmov $6, %esi",
              "\tmov $62, %eax", "\tsyscall", "\tmov $134, %edi", "\tmov $231, %eax", "\tsyscall",
              "\t.section .rodata", *strings, "\t.data"]
    for symbol in symbols:  # data: zeroes of the real object's size
        if symbol.kind == "OBJECT":
            size = max(symbol.size, 8)
            lines += [f"\t.globl {symbol.name}", f"\t.type {symbol.name}, @object",
                      f"\t.size {symbol.name}, {size}", "\t.balign 16",
                      f"{symbol.name}:", f"\t.zero {size}"]
    lines.append('\t.section .note.GNU-stack,"",@progbits')
    return "\n".join(lines) + "\n"


def _escape(text: bytes) -> str:
    return "".join(chr(b) if 32 <= b < 127 and b not in b'"\\' else f"\\{b:03o}" for b in text)


def _version_script(symbols: list[Symbol], versions: list[str]) -> str:
    if not versions:
        return "{ global: *; };\n"
    by_version: dict[str, list[str]] = {v: [] for v in versions}
    for symbol in symbols:
        by_version.setdefault(symbol.version or versions[0], []).append(symbol.name)
    nodes = []
    for i, (version, names) in enumerate(by_version.items()):
        body = "".join(f" {name};" for name in sorted(set(names)))
        local = " local: *;" if i == 0 else ""
        nodes.append(f"{version} {{ global:{body or ' __kiosk_stub_none;'}{local} }};")
    return "\n".join(nodes) + "\n"


def build_stub(real: Path, symbols: list[Symbol], out: Path, why: str) -> None:
    """Assemble a stub of ``real`` exporting ``symbols`` (with their versions) into ``out``."""
    name = soname(real)
    versions = version_names(real)
    with tempfile.TemporaryDirectory(prefix="kiosk-stub-") as tmp:
        source, obj, script = (Path(tmp) / n for n in ("stub.s", "stub.o", "stub.map"))
        source.write_text(_assembly(symbols, name, why))
        script.write_text(_version_script(symbols, versions))
        subprocess.run(["as", "--64", "-o", str(obj), str(source)], check=True)
        subprocess.run(["ld", "-shared", "--hash-style=both", "-z", "noexecstack",
                        "-soname", name, "--version-script", str(script),
                        "-o", str(out), str(obj)], check=True)


def stub_reason(relative: str, stubbed: Mapping[str, str] = STUBBED) -> str | None:
    """Why the file at ``relative`` (to _internal/) is stubbed, or None if it is not."""
    return next((why for pattern, why in stubbed.items() if fnmatch(relative, pattern)), None)


def _imports_from(consumers: list[Path], lib_soname: str, exported: list[Symbol]) -> list[Symbol]:
    """The symbols of ``exported`` that some consumer (needing ``lib_soname``) imports."""
    wanted: set[tuple[str, str]] = set()
    for consumer in consumers:
        if lib_soname in needed(consumer):
            wanted |= {(s.name, s.version) for s in dynamic_symbols(consumer, defined=False)}
    return [s for s in exported if (s.name, s.version) in wanted
            or (s.name, "") in wanted]


def stub_libraries(internal: Path, also_unneeded: frozenset[str] = frozenset(),
                   stubbed: Mapping[str, str] = STUBBED) -> dict[str, int]:
    """Replace every library matching :data:`STUBBED` under ``internal`` by its stub, then
    delete the libraries that only the replaced ones (or the sonames ``also_unneeded``: what
    pruned plug-ins needed) needed. Returns ``{relative path: bytes saved}``.
    """
    elves = [p for p in internal.rglob("*") if is_elf(p)]
    targets = [p for p in elves if stub_reason(p.relative_to(internal).as_posix(), stubbed)]
    saved: dict[str, int] = {}
    dependencies: set[str] = set(also_unneeded)
    for real in targets:
        relative = real.relative_to(internal).as_posix()
        name = soname(real)
        dependencies |= set(needed(real))
        others = [p for p in elves if p not in targets]
        symbols = _imports_from(others, name, dynamic_symbols(real, defined=True))
        size = real.stat().st_size
        stub = real.with_name(real.name + ".stub")
        build_stub(real, symbols, stub, stub_reason(relative, stubbed) or "")
        stub.replace(real)
        saved[relative] = size - real.stat().st_size
    saved.update(_drop_orphans(internal, dependencies))
    return saved


def _drop_orphans(internal: Path, candidates: set[str]) -> dict[str, int]:
    """Delete the libraries among ``candidates`` (sonames) that no remaining file needs."""
    saved: dict[str, int] = {}
    needed.cache_clear()  # the stubs need nothing
    while True:
        elves = [p for p in internal.rglob("*") if is_elf(p)]
        still_needed = {name for p in elves for name in needed(p)}
        orphans = [p for p in elves if soname(p) in candidates and soname(p) not in still_needed]
        if not orphans:
            break
        for path in orphans:
            candidates |= set(needed(path))
            saved[path.relative_to(internal).as_posix()] = path.stat().st_size
            path.unlink()
    for link in internal.rglob("*"):  # PyInstaller's top-level links to what was dropped
        if link.is_symlink() and not link.exists():
            link.unlink()
    return saved
