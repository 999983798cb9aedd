"""A journalist's spreadsheet, imported with one command and opened in the app, in a real pseudo-terminal."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from tests.e2e.pty_session import PtySession, installed_command
from tests.importer import files
from tui.data import DataService
from tui.data.quantity import Quantity

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
        term.send("5")
        term.wait_for("6 of 6 cases")
        term.send("q")
        assert term.wait_exit() == 0


def test_open_a_spreadsheet_directly(tmp_path: Path) -> None:
    sheet = files.write_csv(tmp_path / "response.csv", files.PER_CASE)
    with PtySession([installed_command(), "--data", str(sheet)], cols=80, rows=24, env={"HOME": str(tmp_path)}) as term:
        term.wait_for("2019/20", "6 in all")
        term.send("5")
        term.wait_for("6 of 6 cases")
        # One burst, as a fast typist or a paste sends it: the keys before enter reach the filter, "4" the app.
        term.send("/2019/2\r4")
        term.wait_for("Imported from response.csv", "cases (unit not stated)")
        term.send("5")
        term.wait_for("1 of 6 cases", "containing '2019/2'")
        term.send("q")
        assert term.wait_exit() == 0
    assert sorted(p.name for p in tmp_path.iterdir() if not p.name.startswith(".")) == ["response.csv"]


def test_a_wide_table_as_a_force_sends_it(tmp_path: Path) -> None:
    """The issue's acceptance: outcomes by year with a Total row, a "<5" cell and a "2x WW" cell.

    One ``import`` gives a dataset whose every figure is right (checked against the sheet,
    ``files.WIDE``) and whose summary accounts for every row; it opens with its trends and outcomes.
    """
    sheet = files.write_xlsx(tmp_path / "outcomes.xlsx", {"Sheet1": files.WIDE}, {"Sheet1": ["A1:E1"]})
    out = tmp_path / "outcomes"
    imported = subprocess.run(
        [installed_command(), "import", str(sheet), "--out", str(out)], capture_output=True, text=True, timeout=60
    )
    assert imported.returncode == 0, imported.stderr
    assert "5 rows: 4 imported, 1 skipped" in imported.stdout  # every row below the header accounted for
    assert "skipped row 7: the Total row" in imported.stderr
    assert "Total row, 2019: stated 9, the cells add up to 9: holds" in imported.stderr
    assert "Total row, 2020: stated 8" in imported.stderr and "cannot be checked" in imported.stderr

    service = DataService.from_path(out)  # the strict loader and its schema accept the folder
    figures = {
        (d, c, p): (q.value, q.qualifier)
        for d in ("finding", "sanction")
        for c in service.categories(d)
        for p in ("2019", "2020", "2021")
        if (q := _quantity(service, d, c, p)) is not None
    }
    assert figures == {
        ("sanction", "written warning", "2019"): (4, "exact"),  # 2 + "2x WW"
        ("sanction", "written warning", "2020"): (None, "suppressed"),  # "<5": never zero
        ("sanction", "written warning", "2021"): (1, "exact"),
        ("sanction", "final written warning", "2019"): (1, "exact"),
        ("sanction", "final written warning", "2020"): (0, "exact"),
        ("sanction", "final written warning", "2021"): (2, "exact"),
        ("sanction", "management advice", "2020"): (3, "exact"),  # "3x Management advice"
        ("sanction", "reflective practice", "2021"): (1, "exact"),  # "1x RPRP"
        ("finding", "no case to answer", "2019"): (4, "exact"),
        ("finding", "no case to answer", "2020"): (None, "not_given"),  # "-"
        ("finding", "no case to answer", "2021"): (6, "exact"),
    }
    assert [(p.period, p.count) for p in service.trend("year").periods] == [("2019", 9), ("2020", 8), ("2021", 10)]
    assert service.stated_total == 27  # the Total row's Total column, not a category

    with PtySession([installed_command(), "--data", str(out)], cols=80, rows=24, env={"HOME": str(tmp_path)}) as term:
        term.wait_for("2019", "2020", "2021", "27 in all")
        assert "Cases" not in term.text()  # no per-case rows: no Cases screen
        term.send("3")
        term.wait_for("written warning (2019)", "no case to answer (2021)", "management advice (2020)")
        term.send("t")
        term.wait_for("written warning (2020)", "suppressed", "no case to answer (2020)", "not given")
        term.send("4")
        term.wait_for("Imported from outcomes.xlsx")
        term.send("q")
        assert term.wait_exit() == 0


def _quantity(service: DataService, dimension: str, category: str, period: str) -> Quantity | None:
    try:
        return service.quantity(dimension, category, period)
    except KeyError:
        return None
