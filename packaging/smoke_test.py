# ruff: noqa: T201 - a test script reports on stdout
"""Smoke-test the built bundle the way a clean till runs it.

Every check runs ``dist/kiosk/kiosk`` in a bare environment (only ``PATH=/usr/bin:/bin``, a
fresh ``HOME`` and ``QT_QPA_PLATFORM=offscreen``: no venv, no repo, no ``KIOSK_HOME``; the
sound check adds ``PULSE_SERVER`` for a private silent PulseAudio sink). It renders every
screen, plays every sound, decodes photos, and signs in and redeems against a simulator that
runs from the venv. Usage: ``.venv/bin/python packaging/smoke_test.py [--bundle dist/kiosk]``.
Exit 1 if any check fails. A check that cannot run on this machine (no mount namespaces, no
dpkg, no pulseaudio) says SKIP. Photos come from ``$KIOSK_CORPUS`` (default
``../shared/corpus``) when there, else from the repository's copies in ``tests/data``
(``tests/helpers/corpus.py`` decides).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(1, str(REPO))

import release  # noqa: E402
import spec_support  # noqa: E402
from qt_modules import SCREENS  # noqa: E402
from silent_audio import silent_pulse  # noqa: E402

from tests.helpers.corpus import best_corpus  # noqa: E402 - $KIOSK_CORPUS, else tests/data

QR_IMAGE = best_corpus() / "qrcode-1" / "1.png"
BARCODE_IMAGE = best_corpus() / "code128-1" / "1.png"
DEMO_LOGIN = ("--email", "till@demo-shop.example", "--password", "till1234",
              "--domain", "demo-shop")
REDEEM_CODE = "GB50-K7QX-9M2F-4TZB"  # £50.00 unused in the demo fixture
REDEEM_UNITS = 500
# Plug-ins only loaded on a Wayland or GTK desktop, or to print on a system printer (CUPS);
# their libraries are optional (Recommends).
OPTIONAL_ELF = re.compile(r"wayland|libqgtk3|libQt6Wayland|libQt6WlShell|libcupsprintersupport")
# glibc's own libraries (libc6, always there).
LIBC = re.compile(r"(libc|libm|libdl|libpthread|libresolv|librt|libutil|ld-linux[\w-]*)\.so")


class Skip(Exception):
    """The check cannot run on this machine."""


def clean_env(home: Path) -> dict[str, str]:
    """What ``env -i PATH=/usr/bin:/bin HOME=... QT_QPA_PLATFORM=offscreen`` passes on."""
    return {"PATH": "/usr/bin:/bin", "HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}


class Bundle:
    """Runs the bundled executable in a clean environment."""

    def __init__(self, root: Path, home: Path) -> None:
        self.root = root
        self.exe = root / "kiosk"
        self.home = home

    def run(self, *args: str, extra_env: dict[str, str] | None = None,
            prefix: tuple[str, ...] = (), timeout: float = 120) -> subprocess.CompletedProcess[str]:
        env = {**clean_env(self.home), **(extra_env or {})}
        return subprocess.run([*prefix, str(self.exe), *args], env=env, capture_output=True,
                              text=True, timeout=timeout, cwd=self.home, check=False)


def _decoded(result: subprocess.CompletedProcess[str]) -> list[str]:
    if result.returncode != 0:
        raise AssertionError(f"exit {result.returncode}: {result.stderr.strip()[-400:]}")
    return [item["text"] for item in json.loads(result.stdout)]


def expected_text(image: Path) -> str:
    """The corpus's expected text for an image (line endings normalised)."""
    text = image.with_suffix(".txt").read_text()
    return text.replace("\r\n", "\n").replace("\r", "\n").removesuffix("\n")


def check_version(bundle: Bundle) -> str:
    result = bundle.run("--version")
    version = release.version()
    assert result.returncode == 0, result.stderr
    assert version in result.stdout, result.stdout
    return result.stdout.strip()


def check_decode_zxing(bundle: Bundle) -> str:
    texts = _decoded(bundle.run("decode", "--json", "--decoder", "zxing", str(QR_IMAGE)))
    assert expected_text(QR_IMAGE) in texts, texts
    return f"{QR_IMAGE.parent.name}/{QR_IMAGE.name} -> {texts[0]!r}"


def check_decode_zbar_bundled(bundle: Bundle) -> str:
    """ZBar decodes, and the dynamic loader shows it is the bundle's own libzbar."""
    result = bundle.run("decode", "--json", "--decoder", "zbar", str(BARCODE_IMAGE),
                        extra_env={"LD_DEBUG": "libs"})
    texts = _decoded(result)
    assert expected_text(BARCODE_IMAGE) in texts, texts
    loaded = re.findall(r"calling init: (\S*libzbar\S*)", result.stderr)
    assert loaded, "libzbar was never loaded"
    inside = all(Path(p).resolve().is_relative_to(bundle.root.resolve()) for p in loaded)
    assert inside, f"libzbar loaded from outside the bundle: {loaded}"
    return f"{texts[0]!r} via {loaded[0]}"


def _system_zbar_files() -> list[Path]:
    found = {p.resolve() for d in ("/usr/lib", "/lib", "/usr/local/lib")
             for p in Path(d).glob("**/libzbar.so*") if p.exists()}
    return sorted(found)


def _hide_zbar_script(libs: list[Path], cache: Path) -> str:
    """Shell commands that, inside a private mount namespace, make the system look ZBar-free.

    Each libzbar file is covered by /dev/null and the loader cache is replaced by one rebuilt
    without it (``ldconfig -X`` touches no symlinks; ``-C`` writes only our temp file), so
    ``ctypes.util.find_library("zbar")`` finds nothing, as on a till without libzbar0.
    """
    return " && ".join([
        *(f"mount --bind /dev/null {lib}" for lib in libs),
        f"{shutil.which('ldconfig') or 'ldconfig'} -X -C {cache}",
        f"mount --bind {cache} /etc/ld.so.cache",
    ])


def check_zbar_without_system_lib(bundle: Bundle) -> str:
    """Hide the system's libzbar (private mount namespace) and decode with ZBar again."""
    libs = _system_zbar_files()
    if not libs:
        return "libzbar0 is not installed here: the decode check above already ran without it"
    if not all(shutil.which(tool) for tool in ("unshare", "mount", "ldconfig")):
        raise Skip("unshare/mount/ldconfig not available")
    hide = _hide_zbar_script(libs, bundle.home / "ld.so.cache")
    probe = subprocess.run(["unshare", "--mount", "sh", "-c", hide],
                           capture_output=True, text=True, check=False)
    if probe.returncode != 0:
        raise Skip(f"no private mount namespace here ({probe.stderr.strip()})")
    # Control: with the system lib hidden, pyzbar outside the bundle must not find ZBar.
    control = subprocess.run(
        ["unshare", "--mount", "sh", "-c",
         f'{hide} && exec "$0" -c "from pyzbar import pyzbar"', sys.executable],
        capture_output=True, text=True, check=False)
    assert "Unable to find zbar" in control.stderr, f"hiding had no effect: {control.stderr}"
    result = bundle.run("decode", "--json", "--decoder", "zbar", str(BARCODE_IMAGE),
                        prefix=("unshare", "--mount", "sh", "-c", f'{hide} && exec "$@"', "sh"))
    texts = _decoded(result)
    assert expected_text(BARCODE_IMAGE) in texts, texts
    return f"decoded {texts[0]!r} with {', '.join(map(str, libs))} and its cache entry hidden"


def check_doctor(bundle: Bundle) -> str:
    result = bundle.run("doctor")
    line = next((ln for ln in result.stdout.splitlines() if ln.startswith("Decoders:")), "")
    for name in ("zbar", "zxing"):
        assert re.search(rf"\b{name}\b \(ok\)", line), f"{name} not ok: {result.stdout}"
    return line.split(":", 1)[1].strip()


def _tail(text: str, lines: int = 6) -> str:
    return " | ".join(text.strip().splitlines()[-lines:])


def _clean_run(result: subprocess.CompletedProcess[str]) -> None:
    """Exit 0 and no Python traceback (Qt prints exceptions raised in slots and carries on)."""
    assert result.returncode == 0, f"exit {result.returncode}: {_tail(result.stderr)}"
    assert "Traceback" not in result.stderr, _tail(result.stderr)


def _check_png(path: Path) -> str:
    """Checks ``path`` is a real, non-blank picture; returns a digest of its pixels."""
    import cv2  # noqa: PLC0415 - the checker, not the bundle, reads the PNG
    import numpy as np  # noqa: PLC0415

    image = cv2.imread(str(path), cv2.IMREAD_COLOR)
    assert image is not None, "no readable PNG written"
    height, width = image.shape[:2]
    colours = len(np.unique(image.reshape(-1, 3), axis=0))
    assert width >= 320, f"tiny image {width}x{height}"
    assert height >= 240, f"tiny image {width}x{height}"
    assert colours >= 16, f"blank-looking image ({colours} colours)"
    assert float(image.std()) > 10, "blank-looking image (no contrast)"
    return hashlib.sha256(image.tobytes()).hexdigest()


def check_pngs(folder: Path, failures: list[str] | None = None) -> str:
    """Every screen's ``NAME.png`` in ``folder`` is a real picture, unlike all the others."""
    failures = [] if failures is None else failures
    seen: dict[str, str] = {}
    for screen in SCREENS:
        try:
            digest = _check_png(folder / f"{screen}.png")
            assert digest not in seen, f"looks exactly like the {seen.get(digest)} screen"
            seen[digest] = screen
        except AssertionError as exc:
            failures.append(f"{screen}: {exc}")
    assert not failures, "; ".join(failures)
    return f"{len(seen)} screens: {' '.join(SCREENS)}"


def check_screens(bundle: Bundle) -> str:
    """``--demo --screenshot`` renders every screen, each one different from the others."""
    failures = []
    for screen in SCREENS:
        result = bundle.run("--demo", "--screenshot", str(bundle.home / f"{screen}.png"),
                            "--screen", screen, extra_env={"KIOSK_HOME": str(bundle.home / screen)})
        try:
            _clean_run(result)
        except AssertionError as exc:
            failures.append(f"{screen}: {exc}")
    return check_pngs(bundle.home, failures)


def check_sounds(bundle: Bundle) -> str:
    """``--play-sounds`` plays every sound through QSoundEffect on a silent PulseAudio sink."""
    with silent_pulse(bundle.home) as audio:
        result = bundle.run("--play-sounds", extra_env=audio or {})
    _clean_run(result)
    outcomes = dict(line.removeprefix("sound ").split(": ", 1)
                    for line in result.stdout.splitlines() if line.startswith("sound "))
    assert len(outcomes) >= 5, f"expected a line per sound: {result.stdout!r}"
    if audio is None:
        raise Skip(f"pulseaudio not installed: {len(outcomes)} sounds ran silently "
                   "(no audio output), none was heard")
    not_played = {name: what for name, what in outcomes.items() if what != "played"}
    assert not not_played, f"{not_played} ({_tail(result.stderr)})"
    return f"played {', '.join(outcomes)} on a null sink"


def _json(result: subprocess.CompletedProcess[str]) -> Any:
    assert result.returncode == 0, f"exit {result.returncode}: {_tail(result.stderr)}"
    return json.loads(result.stdout)


def check_redeem(bundle: Bundle) -> str:
    """The bundled CLI signs in and redeems against a simulator (run from the venv)."""
    from kiosk.sim.testing import serve_in_subprocess  # noqa: PLC0415 - the venv's simulator

    with serve_in_subprocess(db=bundle.home / "server.sqlite") as server:
        login = bundle.run("login", "--server", server.api_url, *DEMO_LOGIN)
        assert login.returncode == 0, f"login: exit {login.returncode}: {login.stderr.strip()}"
        before = _json(bundle.run("status", REDEEM_CODE, "--json"))
        redeemed = bundle.run("redeem", REDEEM_CODE, "--amount", str(REDEEM_UNITS), "--json")
        outcome = _json(redeemed)
        after = _json(bundle.run("status", REDEEM_CODE, "--json"))
        queue = _json(bundle.run("queue", "list", "--json"))
    assert outcome.get("status") == "applied", outcome
    balances = [state["available"] for state in (before, after)]
    assert balances[0] - balances[1] == REDEEM_UNITS, f"balance {balances[0]} -> {balances[1]}"
    assert queue == [], f"left in the outbox: {queue}"
    return f"{login.stdout.strip()}; {REDEEM_CODE}: {balances[0]} -> {balances[1]} units"


def _video_of(image: Path, path: Path, fourcc: str) -> Path:
    """A one-second 640x480 video of ``image`` (written by the venv's OpenCV, which has FFmpeg)."""
    import cv2  # noqa: PLC0415 - the checker, not the bundle, writes the video

    frame = cv2.resize(cv2.imread(str(image), cv2.IMREAD_COLOR), (640, 480))
    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*fourcc), 15, (640, 480))
    for _ in range(15):
        writer.write(frame)
    writer.release()
    assert path.stat().st_size > 0, f"could not write {path.name}"
    return path


def check_video_files(bundle: Bundle) -> str:
    """MJPG .avi (a webcam's format) is read by OpenCV's own reader; FFmpeg is only a stub in
    the bundle, so an .mp4 must fail with a message, not reach the stub and abort."""
    avi = _video_of(QR_IMAGE, bundle.home / "code.avi", "MJPG")
    texts = _decoded(bundle.run("decode", "--json", "--decoder", "zxing", str(avi)))
    assert expected_text(QR_IMAGE) in texts, texts
    mp4 = _video_of(QR_IMAGE, bundle.home / "code.mp4", "mp4v")
    result = bundle.run("decode", "--json", str(mp4))
    assert result.returncode == 1, f"exit {result.returncode}: {_tail(result.stderr)}"
    assert "not a readable image or video" in result.stderr, _tail(result.stderr)
    assert "stub" not in result.stderr, _tail(result.stderr)
    return f"MJPG .avi -> {texts[0]!r}; .mp4: {result.stderr.strip().splitlines()[-1]}"


def check_german(bundle: Bundle) -> str:
    """The scan screen in German (``--language de``: the kiosk's and Qt's translations) differs
    from the English one."""
    digests = {}
    for language in ("en", "de"):
        shot = bundle.home / f"scan-{language}.png"
        result = bundle.run("--demo", "--language", language, "--screenshot", str(shot),
                            "--screen", "scan",
                            extra_env={"KIOSK_HOME": str(bundle.home / language)})
        _clean_run(result)
        digests[language] = _check_png(shot)
    assert digests["de"] != digests["en"], "the German scan screen looks like the English one"
    return "scan screen rendered in German, unlike the English one"


def check_receipts(bundle: Bundle) -> str:
    """After a redemption, ``kiosk receipt --last`` renders a PDF (Qt) and ESC/POS bytes
    (python-escpos, with Pillow) holding the voucher's code."""
    from kiosk.sim.testing import serve_in_subprocess  # noqa: PLC0415 - the venv's simulator

    pdf, escpos = bundle.home / "receipt.pdf", bundle.home / "receipt.bin"
    with serve_in_subprocess(db=bundle.home / "server.sqlite") as server:
        login = bundle.run("login", "--server", server.api_url, *DEMO_LOGIN)
        assert login.returncode == 0, f"login: exit {login.returncode}: {login.stderr.strip()}"
        _json(bundle.run("redeem", REDEEM_CODE, "--amount", str(REDEEM_UNITS), "--json"))
        for option, path in (("--pdf", pdf), ("--escpos-file", escpos)):
            result = bundle.run("receipt", "--last", option, str(path))
            _clean_run(result)
    assert pdf.read_bytes().startswith(b"%PDF"), "not a PDF"
    if shutil.which("pdftotext") is None:
        raise Skip("pdftotext (poppler-utils) not installed: the PDF's text is unchecked")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    code_tail = REDEEM_CODE[-4:]
    assert code_tail in text, f"no {code_tail} in the PDF: {text[:300]!r}"
    data = escpos.read_bytes()
    assert data.startswith(b"\x1b@"), f"no ESC/POS initialise at the start: {data[:20]!r}"
    assert code_tail.encode() in data, "the voucher code is not in the ESC/POS bytes"
    return f"PDF ({pdf.stat().st_size} bytes) and ESC/POS ({len(data)} bytes) with …{code_tail}"


def check_qt_runtime_files(bundle: Bundle) -> str:
    """Every Qt library and plug-in the kiosk loaded at run time (qt_runtime.json) is in the
    bundle, unless PRUNED_BINARIES drops it on purpose."""
    recorded = json.loads(spec_support.QT_RUNTIME_FILE.read_text())["files"]
    internal = bundle.root / "_internal" / "PySide6"
    wanted = [f for f in recorded
              if spec_support.prune([(f"PySide6/{f}", f"PySide6/{f}", "BINARY")])]
    missing = [f for f in wanted if not (internal / f).exists()]
    assert not missing, f"not in the bundle: {missing}"
    return f"{len(wanted)} files present, {len(recorded) - len(wanted)} pruned on purpose"


def _elf_files(root: Path) -> list[Path]:
    files = []
    for path in root.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with path.open("rb") as handle:
                if handle.read(4) == b"\x7fELF":
                    files.append(path)
    return files


def _ldd(files: list[Path], root: Path) -> dict[str, set[str]]:
    """``{"missing": sonames, "outside": paths, "sonames": of those outside}`` for the
    required (non-optional) ELF files."""
    env = {"PATH": "/usr/bin:/bin", "LD_LIBRARY_PATH": str(root / "_internal")}
    missing: set[str] = set()
    outside: set[str] = set()
    sonames: set[str] = set()
    for path in files:
        if OPTIONAL_ELF.search(str(path.relative_to(root))):
            continue
        out = subprocess.run(["ldd", str(path)], env=env, capture_output=True, text=True,
                             check=False).stdout
        for line in out.splitlines():
            if "=> not found" in line:
                missing.add(f"{line.split()[0]} (needed by {path.relative_to(root)})")
            elif (m := re.search(r"=> (/\S+)", line)) and not Path(
                    m.group(1)).resolve().is_relative_to(root.resolve()):
                outside.add(str(Path(m.group(1)).resolve()))
                sonames.add(line.split()[0])
    return {"missing": missing, "outside": outside, "sonames": sonames}


def check_libraries(bundle: Bundle) -> str:
    """Nothing required is unresolved, and the .deb's Depends covers what comes from the system."""
    links = _ldd(_elf_files(bundle.root), bundle.root)
    assert not links["missing"], f"unresolved: {sorted(links['missing'])}"
    if shutil.which("dpkg-query") is None:
        raise Skip("not a Debian system: cannot check the .deb Depends")
    owners = subprocess.run(["dpkg-query", "-S", *sorted(links["outside"])],
                            capture_output=True, text=True, check=False).stdout
    packages = {line.split(":", 1)[0] for line in owners.splitlines() if ":" in line}
    declared = {alt.split()[0] for dep in release.DEB_DEPENDS for alt in dep.split("|")}
    depends_of_declared = subprocess.run(
        ["dpkg-query", "-W", "-f", "${Depends}\n", *sorted(declared)],
        capture_output=True, text=True, check=False).stdout
    covered = declared | set(re.findall(r"([a-z0-9][a-z0-9.+-]+)", depends_of_declared))
    uncovered = packages - covered
    assert not uncovered, f"system packages missing from DEB_DEPENDS: {sorted(uncovered)}"
    from kiosk.cli.doctor import SYSTEM_LIBRARIES  # noqa: PLC0415 - what doctor checks

    unchecked = {n for n in links["sonames"] - set(SYSTEM_LIBRARIES) if not LIBC.match(n)}
    assert not unchecked, f"kiosk doctor does not check {sorted(unchecked)} (SYSTEM_LIBRARIES)"
    return f"{len(links['outside'])} system libraries from {', '.join(sorted(packages))}"


CHECKS: list[tuple[str, Callable[[Bundle], str]]] = [
    ("starts (--version)", check_version),
    ("decode with zxing-cpp", check_decode_zxing),
    ("decode with the bundled ZBar", check_decode_zbar_bundled),
    ("ZBar with the system libzbar hidden", check_zbar_without_system_lib),
    ("doctor: both decoders available", check_doctor),
    ("Qt libraries and plug-ins used at run time are bundled", check_qt_runtime_files),
    ("--demo --screenshot renders every screen", check_screens),
    ("--play-sounds plays every sound", check_sounds),
    ("login, status and redeem against the simulator", check_redeem),
    ("MJPG .avi opens; .mp4 fails cleanly (FFmpeg is a stub)", check_video_files),
    ("the scan screen in German", check_german),
    ("receipts: PDF and ESC/POS", check_receipts),
    ("shared libraries resolve; .deb Depends complete", check_libraries),
]


def main(argv: list[str] | None = None) -> int:
    """Run every check; print one PASS/FAIL/SKIP line each."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=REPO / "dist" / "kiosk")
    parser.add_argument("--check-pngs", type=Path, metavar="DIR",
                        help="only check DIR/NAME.png of every screen (fresh_machine.sh)")
    args = parser.parse_args(argv)
    if args.check_pngs:
        try:
            print(f"PASS  {check_pngs(args.check_pngs)}")
        except AssertionError as exc:
            print(f"FAIL  {exc}")
            return 1
        return 0
    bundle_dir: Path = args.bundle.resolve()
    if not (bundle_dir / "kiosk").is_file():
        parser.error(f"no bundle at {bundle_dir}: run `make package` first")
    failures = 0
    for title, check in CHECKS:
        with tempfile.TemporaryDirectory(prefix="kiosk-clean-home-") as home:
            try:
                detail = check(Bundle(bundle_dir, Path(home)))
                print(f"PASS  {title}: {detail}")
            except Skip as exc:
                print(f"SKIP  {title}: {exc}")
            except (AssertionError, subprocess.SubprocessError, OSError, ValueError) as exc:
                failures += 1
                print(f"FAIL  {title}: {exc}")
    print(f"{len(CHECKS) - failures}/{len(CHECKS)} checks passed" if failures
          else "bundle smoke test passed")
    return 1 if failures else 0


if __name__ == "__main__":
    os.environ.pop("KIOSK_HOME", None)
    sys.exit(main())
