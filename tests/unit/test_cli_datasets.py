"""The command line for many datasets: datasets, --dataset, compare, and clean errors on bad names."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.unit.test_catalog import ELEVEN
from tui.data.locate import datasets_root


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "tui", *args], capture_output=True, text=True, timeout=60)


def test_datasets_lists_all_eleven() -> None:
    result = run("datasets")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("11 datasets")
    for name in ELEVEN:
        assert f"\n{name}" in result.stdout
    assert "met-2018-2021 (default)" in result.stdout
    assert "force: Northumbria Police · period: 2016 – 10 Apr 2020 (2020 partial) · unit: officers" in result.stdout


def test_datasets_json_has_every_field() -> None:
    result = run("datasets", "--format", "json")
    entries = json.loads(result.stdout)
    assert [e["name"] for e in entries] == list(ELEVEN)
    assert {"name", "title", "force", "period", "unit", "source", "publisher"} <= entries[0].keys()


def test_a_user_folder_joins_the_listing(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    shutil.copytree(datasets_root() / "uk-2023", mine)
    result = run("datasets", "--data", str(mine))
    assert result.stdout.startswith("12 datasets") and "(your folder)" in result.stdout


def test_dataset_opens_one_by_name_for_report_and_check() -> None:
    report = run("report", "--dataset", "met-guardian-2022")
    assert report.returncode == 0, report.stderr
    for text in ("412", "dismissed", "10", "would have been dismissed", "reflective practice", "The Guardian"):
        assert text in report.stdout
    check = run("--dataset", "met-pa-2023", "check")
    assert check.returncode == 0 and "11.3×" in check.stdout


@pytest.mark.parametrize(
    "args",
    [
        ("report", "--dataset", "nope"),
        ("--dataset", "nope", "check"),
        ("compare", "met-2018-2021", "nope"),
        ("--dataset", "nope", "--screen", "ranks"),
    ],
)
def test_unknown_dataset_is_one_line_and_exit_2(args: tuple[str, ...]) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    (line,) = result.stderr.splitlines()
    assert line.startswith("foi-explorer: error: unknown dataset 'nope' (known: met-2018-2021, met-guardian-2013")


def test_compare_the_2013_pair_marks_the_disagreement() -> None:
    result = run("compare", "met-guardian-2013", "met-independent-2013")
    assert result.returncode == 0, result.stderr
    assert "written warning      18  17  DISAGREE" in result.stdout
    assert "Disagreements (1):" in result.stdout


def test_compare_explains_different_units() -> None:
    result = run("compare", "met-2018-2021", "met-pa-2023", "--format", "markdown")
    assert result.returncode == 0, result.stderr
    assert "different units (officers investigated against complaints): counts cannot be compared" in result.stdout
    assert "| police constable | 87.0% | 86.8% | different units |" in result.stdout


def test_compare_json() -> None:
    payload = json.loads(run("compare", "met-guardian-2013", "met-independent-2013", "--format", "json").stdout)
    assert payload["same_period"] is True and payload["disagreements"][0]["left"]["value"]["value"] == 18
