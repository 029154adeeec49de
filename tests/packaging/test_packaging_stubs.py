"""Stub libraries (packaging/stubs.py), built from tiny real libraries assembled here."""

from __future__ import annotations

import ast
import ctypes
import signal
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.helpers.packaging import REPO, load

STUBBED = {"libreal.so.1": "tests: the real thing is not needed"}
# A real library: a versioned function, a versioned data object and an unversioned function;
# its own dependency (libdep.so.1); and a consumer importing two of its symbols.
REAL = """\t.text
\t.globl real_add
\t.type real_add, @function
real_add:\tlea (%rdi,%rsi), %rax
\tret
\t.globl real_unused
\t.type real_unused, @function
real_unused:\tret
\t.data
\t.globl real_table
\t.type real_table, @object
\t.size real_table, 32
real_table:\t.zero 32
"""
CONSUMER = """\t.text
\t.globl consumer_add
\t.type consumer_add, @function
consumer_add:\tjmp real_add@PLT
\t.globl consumer_table
\t.type consumer_table, @function
consumer_table:\tmov real_table@GOTPCREL(%rip), %rax
\tret
"""


@pytest.fixture(scope="module")
def stubs() -> ModuleType:
    return load("stubs")


def _link(folder: Path, name: str, source: str, *, needs: tuple[str, ...] = (),
          version_script: str | None = None) -> Path:
    (folder / f"{name}.s").write_text(source + '\t.section .note.GNU-stack,"",@progbits\n')
    obj = folder / f"{name}.o"
    subprocess.run(["as", "--64", "-o", str(obj), str(folder / f"{name}.s")], check=True)
    out = folder / name
    args = ["ld", "-shared", "-soname", name, "-o", str(out), str(obj)]
    if version_script:
        (folder / f"{name}.map").write_text(version_script)
        args += ["--version-script", str(folder / f"{name}.map")]
    args += [str(folder / n) for n in needs]
    subprocess.run(args, check=True)
    return out


@pytest.fixture
def internal(tmp_path: Path) -> Path:
    """An ``_internal/`` with libreal.so.1 (needing libdep.so.1 and libshared.so.1), a consumer
    of it (also needing libshared.so.1) and a top-level symlink to libdep, as PyInstaller makes."""
    folder = tmp_path / "_internal"
    folder.mkdir()
    _link(folder, "libdep.so.1", "\t.text\n")
    _link(folder, "libshared.so.1", "\t.text\n")
    _link(folder, "libreal.so.1", REAL, needs=("libdep.so.1", "libshared.so.1"),
          version_script="REAL_1 { global: real_add; real_table; local: *; };\n"
                         "REAL_2 { global: real_unused; } REAL_1;\n")
    _link(folder, "libconsumer.so", CONSUMER, needs=("libreal.so.1", "libshared.so.1"))
    (folder / "libdep-link.so").symlink_to("libdep.so.1")
    for leftover in folder.glob("*.[osm]*"):
        if leftover.suffix in (".s", ".o", ".map"):
            leftover.unlink()
    return folder


def _run(code: str, folder: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env={"LD_LIBRARY_PATH": str(folder), "PATH": "/usr/bin:/bin"},
                          timeout=60, check=False)


def test_stub_keeps_soname_versions_and_what_consumers_import(
        stubs: ModuleType, internal: Path) -> None:
    real = internal / "libreal.so.1"
    assert "libreal.so.1" in stubs.stub_libraries(internal, stubbed=STUBBED)
    assert stubs.soname(real) == "libreal.so.1"
    exported = {(s.name, s.version) for s in stubs.dynamic_symbols(real, defined=True)}
    assert exported >= {("real_add", "REAL_1"), ("real_table", "REAL_1")}
    assert "real_unused" not in {name for name, _ in exported}  # no consumer imports it
    assert stubs.needed(real) == ()
    # The consumer still loads with every symbol bound at once (RTLD_NOW, as Python does).
    loaded = _run(f"import ctypes, os; ctypes.CDLL({str(internal / 'libconsumer.so')!r}, "
                  "mode=os.RTLD_NOW); print('loaded')", internal)
    assert loaded.stdout.strip() == "loaded", loaded.stderr


def test_calling_a_stubbed_function_aborts_with_a_clear_message(
        stubs: ModuleType, internal: Path) -> None:
    stubs.stub_libraries(internal, stubbed=STUBBED)
    result = _run(f"import ctypes; lib = ctypes.CDLL({str(internal / 'libconsumer.so')!r}); "
                  "lib.consumer_add(1, 2)", internal)
    assert result.returncode == -signal.SIGABRT
    assert ("voucher-kiosk: real_add (libreal.so.1) was called, but this bundle has only a "
            "stub of that library (tests: the real thing is not needed)") in result.stderr


def test_the_real_library_works_before_stubbing(internal: Path) -> None:
    """Control for the test above: the same call, unstubbed, returns the sum."""
    result = _run(f"import ctypes; lib = ctypes.CDLL({str(internal / 'libconsumer.so')!r}); "
                  "print(lib.consumer_add(40, 2))", internal)
    assert result.stdout.strip() == "42", result.stderr


def test_only_what_the_stubbed_library_alone_needed_is_dropped(
        stubs: ModuleType, internal: Path) -> None:
    saved = stubs.stub_libraries(internal, stubbed=STUBBED)
    assert "libdep.so.1" in saved
    assert not (internal / "libdep.so.1").exists()
    assert not (internal / "libdep-link.so").is_symlink()  # the dangling link is gone too
    assert (internal / "libshared.so.1").exists()  # the consumer still needs it


def test_implemented_dot_products_compute(stubs: ModuleType, tmp_path: Path) -> None:
    """numpy's import checks BLAS with a float32 dot: the stub's sdot/ddot really compute."""
    symbols = [stubs.Symbol(name, "", "FUNC", 0)
               for name in ("scipy_cblas_sdot64_", "scipy_cblas_ddot64_")]
    real = _link(tmp_path, "libblas.so", "\t.text\n")
    out = tmp_path / "libblas-stub.so"
    stubs.build_stub(real, symbols, out, "tests")
    lib = ctypes.CDLL(str(out))
    for name, kind, ctype in (("scipy_cblas_sdot64_", ctypes.c_float, ctypes.c_float),
                              ("scipy_cblas_ddot64_", ctypes.c_double, ctypes.c_double)):
        function = getattr(lib, name)
        function.restype = ctype
        x = (kind * 6)(1, 9, 2, 9, 3, 9)  # every other element: 1, 2, 3
        y = (kind * 3)(4, 5, 6)
        assert function(ctypes.c_int64(3), x, ctypes.c_int64(2), y, ctypes.c_int64(1)) == 32
        assert function(ctypes.c_int64(0), x, ctypes.c_int64(1), y, ctypes.c_int64(1)) == 0


def test_what_is_stubbed(stubs: ModuleType) -> None:
    assert stubs.stub_reason("opencv_python_headless.libs/libavcodec-e863e0e1.so.63.1.102")
    assert stubs.stub_reason("numpy.libs/libscipy_openblas64_-32a4b2a6.so")
    assert stubs.stub_reason("libsndfile.so.1")
    for kept in ("cv2/cv2.abi3.so", "opencv_python_headless.libs/libpng16-802956e1.so.16.59.0",
                 "pillow.libs/libjpeg-6dc8d115.so.62.4.0", "libpulse.so.0"):
        assert stubs.stub_reason(kept) is None, kept


# Float linear algebra reaches OpenBLAS, which the bundle has only as a stub (it would abort).
FORBIDDEN_NUMPY = frozenset({"linalg", "dot", "matmul", "inner", "vdot", "tensordot", "einsum",
                             "polyfit", "lstsq", "cov", "corrcoef", "outer", "kron"})
FORBIDDEN_CV2 = frozenset({"gemm", "solve", "invert", "SVDecomp", "SVBackSubst", "eigen",
                           "PCACompute", "PCACompute2", "mulTransposed", "solvePoly"})


def linear_algebra_uses(source: str) -> list[str]:
    """``module.name`` uses of float linear algebra (and ``@``) in Python ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.BinOp | ast.AugAssign) and isinstance(node.op, ast.MatMult):
            found.append(f"@ (line {node.lineno})")
        if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
            module, name = node.value.id, node.attr
            if (module in ("np", "numpy") and name in FORBIDDEN_NUMPY) or (
                    module == "cv2" and name in FORBIDDEN_CV2):
                found.append(f"{module}.{name} (line {node.lineno})")
        if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("numpy.linalg"):
            found.append(f"from {node.module} import … (line {node.lineno})")
    return found


def test_the_checker_finds_linear_algebra() -> None:
    sample = ("import numpy as np\nimport cv2\nnp.linalg.norm(a)\nb = a @ c\n"
              "cv2.solve(a, b)\nnp.dot(a, b)\nfrom numpy.linalg import inv\n")
    assert len(linear_algebra_uses(sample)) == 5
    assert linear_algebra_uses("import numpy as np\nnp.count_nonzero(a > 3)\n") == []


def test_the_kiosk_does_no_float_linear_algebra() -> None:
    uses = {str(path.relative_to(REPO)): found for path in sorted((REPO / "kiosk").rglob("*.py"))
            if (found := linear_algebra_uses(path.read_text()))}
    assert uses == {}, ("the bundle's OpenBLAS is a stub (packaging/stubs.py): this would abort "
                        f"there: {uses}")
