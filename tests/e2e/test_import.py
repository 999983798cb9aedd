"""A journalist's spreadsheet, imported with one command and opened in the app, in a real pseudo-terminal."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.e2e.pty_session import PtySession, installed_command
from tests.importer import files

pytestmark = pytest.mark.e2e


def test_import_a_spreadsheet_then_open_it(tmp_path: Path) -> None:
    sheet = files.write_xlsx(tmp_path / "response.xlsx", {"Cases": files.PER_CASE})
    out = tmp_path / "response"
    imported = subprocess.run(
        [installed_command(), "import", str(sheet), "--out", str(out), "--force", "Test Constabulary"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert imported.returncode == 0, imported.stderr
    assert "9 rows: 6 imported, 3 skipped" in imported.stdout
    with PtySession([installed_command(), "--data", str(out)], cols=80, rows=24, env={"HOME": str(tmp_path)}) as term:
        term.wait_for("2019/20", "2021", "6 in all")
        term.send("2")
        term.wait_for("police constable", "inspector and above", "not stated")
        term.send("3")
        term.wait_for("case to answer", "undecided", "written warning")
        term.send("q")
        assert term.wait_exit() == 0


def test_open_a_spreadsheet_directly(tmp_path: Path) -> None:
    sheet = files.write_csv(tmp_path / "response.csv", files.PER_CASE)
    with PtySession([installed_command(), "--data", str(sheet)], cols=80, rows=24, env={"HOME": str(tmp_path)}) as term:
        term.wait_for("2019/20", "6 in all")
        term.send("4")
        term.wait_for("Imported from response.csv", "cases (unit not stated)")
        term.send("q")
        assert term.wait_exit() == 0
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == ["response.csv"]


def test_a_wide_table_as_a_force_sends_it(tmp_path: Path) -> None:
    """The issue's acceptance: outcomes by year with a Total row, a "<5" cell and a "2x WW" cell."""
    sheet = files.write_xlsx(tmp_path / "outcomes.xlsx", {"Sheet1": files.WIDE}, {"Sheet1": ["A1:E1"]})
    out = tmp_path / "outcomes"
    imported = subprocess.run(
        [installed_command(), "import", str(sheet), "--out", str(out)], capture_output=True, text=True, timeout=60
    )
    assert imported.returncode == 0, imported.stderr
    assert "5 rows: 4 imported, 1 skipped" in imported.stdout
    with PtySession([installed_command(), "--data", str(out)], cols=80, rows=24, env={"HOME": str(tmp_path)}) as term:
        term.wait_for("2019", "2020", "2021", "27 in all")
        term.send("3")
        term.wait_for("written warning", "suppressed", "no case to answer")
        term.send("q")
        assert term.wait_exit() == 0
