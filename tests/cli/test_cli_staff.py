"""``kiosk staff …`` (the till's local staff list) and ``--staff NAME`` on a key-based
platform: exit codes, PINs from standard input, the staff id sent as Vauchar's user_id."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

import pytest

from kiosk.app import signin
from kiosk.main import main
from tests.helpers.demo import DOMAIN, TILL
from tests.helpers.platforms import VAUCHAR_AUTH
from tests.helpers.sim import Sim


def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, *argv: str,
        stdin: str = "") -> tuple[int, str, str]:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))  # not a terminal: the PIN is read
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def vauchar(sim_of: Callable[..., Sim]) -> Sim:
    server = sim_of("vauchar")
    signin.sign_in_platform("vauchar", server.api_url, dict(
        zip(("username", "password"), VAUCHAR_AUTH, strict=True)), staff="till")
    return server


def test_add_list_pin_remove_with_exit_codes(capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch,
                                             vauchar: Sim) -> None:
    code, out, _ = run(capsys, monkeypatch, "staff")
    assert (code, "No staff on this till yet" in out) == (0, True)
    code, _, err = run(capsys, monkeypatch, "staff", "add", "Sam", stdin="2468\n")
    assert code == 1
    assert "first member of staff must be a manager" in err
    code, out, _ = run(capsys, monkeypatch, "staff", "add", "Alice", "--manager",
                       stdin="1111\n")
    assert code == 0
    assert "Added Alice (staff-" in out
    code, _, err = run(capsys, monkeypatch, "staff", "add", "Sam", stdin="12\n")
    assert code == 1
    assert "4 to 8 digits" in err
    code, _, err = run(capsys, monkeypatch, "staff", "add", "Sam", stdin="1111\n")
    assert code == 1
    assert "already has that PIN" in err
    assert run(capsys, monkeypatch, "staff", "add", "Sam", stdin="2468\n")[0] == 0
    code, out, _ = run(capsys, monkeypatch, "staff", "list", "--json")
    listed = json.loads(out)
    assert [(m["name"], m["manager"], m["active"]) for m in listed] == \
        [("Alice", True, True), ("Sam", False, True)]
    assert run(capsys, monkeypatch, "staff", "pin", "sam", stdin="8642\n")[0] == 0
    code, _, err = run(capsys, monkeypatch, "staff", "remove", "Alice")
    assert code == 1
    assert "at least one manager" in err
    code, _, err = run(capsys, monkeypatch, "staff", "remove", "Nobody")
    assert code == 1
    assert "'Nobody'" in err
    code, out, _ = run(capsys, monkeypatch, "staff", "remove", "Sam")
    assert (code, "Deactivated Sam" in out) == (0, True)
    code, out, _ = run(capsys, monkeypatch, "staff", "list")
    assert "Sam" not in out
    code, out, _ = run(capsys, monkeypatch, "staff", "list", "--all")
    assert "Sam" in out
    assert "deactivated" in out


def test_staff_name_picks_the_local_member_and_vauchar_gets_the_id(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch,
        vauchar: Sim, tmp_path: Path) -> None:
    run(capsys, monkeypatch, "staff", "add", "Demo manager", "--manager", stdin="1234\n")
    run(capsys, monkeypatch, "staff", "add", "Sam", stdin="2468\n")
    sam_id = next(m["id"] for m in json.loads(run(capsys, monkeypatch, "staff", "list",
                                                 "--json")[1]) if m["name"] == "Sam")
    code, _, err = run(capsys, monkeypatch, "redeem", "GIFT50DEMO001", "--amount", "100",
                       "--staff", "Samantha")
    assert code == 1
    assert "No member of staff called 'Samantha'" in err
    code, _, _ = run(capsys, monkeypatch, "redeem", "GIFT50DEMO001", "--amount", "100",
                     "--staff", "sam")
    assert code == 0
    stored = vauchar.simulator.store.item_by_code("GIFT50DEMO001")
    assert stored is not None
    assert stored["redemptions"][-1]["user_id"] == sam_id
    export = tmp_path / "out.csv"
    assert run(capsys, monkeypatch, "queue", "export", str(export))[0] == 0
    rows = list(csv.DictReader(export.open(encoding="utf-8")))
    assert [(r["staff_name"], r["staff_id"]) for r in rows] == [("Sam", sam_id)]
    code, out, _ = run(capsys, monkeypatch, "receipt", "--last")
    assert (code, "Sam" in out) == (0, True)
    code, out, _ = run(capsys, monkeypatch, "report", "shift")
    assert code == 0, out  # the books match
    assert "Sam" in out  # per staff member
    code, out, _ = run(capsys, monkeypatch, "doctor", "--staff", "Sam")
    assert f"staff_name Sam (id {sam_id})" in out


def test_staff_on_a_vouchercart_till_is_refused(capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch,
                                               sim: Sim) -> None:
    signin.sign_in(sim.api_url, *TILL, DOMAIN)
    code, _, err = run(capsys, monkeypatch, "staff", "add", "Sam", stdin="2468\n")
    assert code == 1
    assert "VoucherCart" in err
