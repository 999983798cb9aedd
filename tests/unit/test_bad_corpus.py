"""Every broken or hostile dataset of the corpus: a clean one-line error, or a correct load.

For each case of ``tests/fixtures/bad/cases.py`` the commands ``report --format json``,
``report --format text`` and ``check`` either all exit 2 with one line on stderr naming the
file (and row and column where known) and nothing on stdout or on disk, or all succeed with
output free of terminal control characters. Cases that could block a careless reader
(FIFOs, devices) run in a subprocess with a timeout.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.bad.cases import CASES, Case, Load, Reject, make
from tui.cli import main
from tui.data import DataService

COMMANDS = (("report", "--format", "json"), ("report", "--format", "text"), ("check",))
CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
ROOT = Path(__file__).resolve().parents[2]


def build(case: Case, tmp_path: Path) -> Path:
    try:
        return make(case, tmp_path / "case" / "dataset")
    except PermissionError as exc:  # e.g. no right to make a device node
        pytest.skip(f"cannot build {case.id} here: {exc}")


def tree(folder: Path) -> dict[str, tuple[int, int]]:
    found = {}
    for path in sorted(folder.rglob("*")):
        info = path.lstat()
        found[str(path.relative_to(folder))] = (info.st_size, info.st_mtime_ns)
    return found


def run_in_process(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def run_in_subprocess(args: list[str], cwd: Path) -> tuple[int, str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    result = subprocess.run(
        [sys.executable, "-m", "tui", *args], capture_output=True, text=True, cwd=cwd, timeout=60, env=env
    )
    return result.returncode, result.stdout, result.stderr


def test_corpus_is_large_and_covers_every_kind() -> None:
    assert len(CASES) >= 80
    assert len({c.id for c in CASES}) == len(CASES)
    kinds = {c.kind for c in CASES}
    for kind in ("wrong type", "dangling reference", "JSON", "count", "claim", "CSV", "encoding", "dialect", "path"):
        assert kind in kinds
    for kind in ("limit", "injection", "missing dimension", "large"):
        assert kind in kinds


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case: Case, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    folder = build(case, tmp_path)
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    before = tree(folder.parent)
    for command in COMMANDS:
        args = [*command, "--data", str(folder)]
        code, out, err = run_in_subprocess(args, work) if case.may_block else run_in_process(args, capsys)
        if isinstance(case.expect, Reject):
            _assert_rejected(case.expect, code, out, err)
        else:
            assert code == 0, err
            assert err == ""
            assert not CONTROL.search(out.replace("\n", "")), f"control character in {command}: {out!r}"
    assert tree(folder.parent) == before, "the command changed the dataset folder"
    assert list(work.iterdir()) == [], "the command wrote a file"
    if isinstance(case.expect, Load) and case.expect.check is not None:
        case.expect.check(DataService.from_path(folder))


def _assert_rejected(expect: Reject, code: int, out: str, err: str) -> None:
    assert code == 2, (code, err)
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, f"not one line: {err!r}"
    assert err.startswith("foi-explorer: error: ")
    assert not CONTROL.search(err[:-1]), repr(err)
    assert f"{expect.file}" in err, err
    if expect.row is not None:
        assert f", row {expect.row}" in err, err
    if expect.column is not None:
        assert f"column '{expect.column}'" in err, err
    if expect.words:
        assert expect.words in err, err


@pytest.mark.parametrize(
    "command",
    [
        ("report", "--format", "text"),
        ("report", "--format", "markdown"),
        ("report", "--format", "json"),
        ("report", "--format", "csv"),
        ("check", "--format", "text"),
        ("check", "--format", "markdown"),
        ("check", "--format", "json"),
    ],
)
def test_hostile_text_reaches_no_output_as_a_command(
    command: tuple[str, ...], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = make(next(c for c in CASES if c.id == "hostile-text"), tmp_path / "dataset")
    code, out, err = run_in_process([*command, "--data", str(folder)], capsys)
    assert code == 0 and err == ""
    assert not CONTROL.search(out.replace("\n", "").replace("\t", ""))
    assert not re.search("[\u202a-\u202e\u2066-\u2069\u200b]", out)
    assert "␛]52;c;" in out  # the escape is shown, visibly, not sent


def test_hostile_text_in_screenshots(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = make(next(c for c in CASES if c.id == "hostile-text"), tmp_path / "dataset")
    code, _, err = run_in_process(["screenshots", str(tmp_path / "shots"), "--data", str(folder)], capsys)
    assert code == 0, err
    for svg in (tmp_path / "shots").glob("*.svg"):
        text = svg.read_text(encoding="utf-8")
        assert not CONTROL.search(text.replace("\n", "").replace("\t", "")), svg.name
