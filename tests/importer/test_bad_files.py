"""Files that cannot be imported: one line naming the file (and row, column), exit status 2, nothing written."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.importer import files
from tui.importer import MAX_FILE_BYTES


def run_import(path: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tui", "import", str(path), "--out", str(out), *extra],
        capture_output=True,
        text=True,
        timeout=60,
    )


def make_empty(folder: Path) -> Path:
    path = folder / "empty.csv"
    path.write_bytes(b"")
    return path


def make_blank_lines(folder: Path) -> Path:
    path = folder / "blank.csv"
    path.write_text("\n\n,,\n", encoding="utf-8")
    return path


def make_header_only(folder: Path) -> Path:
    return files.write_csv(folder / "header.csv", [["Year", "Rank", "Outcome"]])


def make_binary(folder: Path) -> Path:
    path = folder / "binary.csv"
    path.write_bytes(bytes(range(256)) * 8)
    return path


def make_truncated_xlsx(folder: Path) -> Path:
    whole = files.write_xlsx(folder / "whole.xlsx", {"S": files.PER_CASE})
    path = folder / "truncated.xlsx"
    path.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    return path


def make_huge(folder: Path) -> Path:
    path = folder / "huge.csv"
    with path.open("wb") as handle:
        handle.truncate(2 * 1024**3)  # a sparse 2 GB file: no disk used, refused by its size alone
    return path


def make_no_columns(folder: Path) -> Path:
    return files.write_csv(folder / "unknown.csv", [["Alpha", "Beta"], ["x", "y"], ["z", "w"]])


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (make_empty, "the file is empty"),
        (make_blank_lines, "the file is empty"),
        (make_header_only, "only a header row"),
        (make_binary, "a binary file"),
        (make_truncated_xlsx, "not a readable XLSX workbook"),
        (make_huge, "files above"),
        (make_no_columns, "no column recognised"),
    ],
)
def test_bad_file_is_one_line_exit_2_nothing_written(tmp_path: Path, make, expected: str) -> None:
    source = tmp_path / "in"
    source.mkdir()
    path = make(source)
    out = tmp_path / "out" / "dataset"
    result = run_import(path, out)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"foi-explorer: error: {path}")
    assert expected in lines[0]
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()
    assert result.stdout == ""


def test_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = make_huge(tmp_path)
    assert path.stat().st_size > MAX_FILE_BYTES
    result = run_import(path, tmp_path / "out")
    assert result.returncode == 2
    assert "2,048 MiB" in result.stderr


def test_existing_folder_is_never_overwritten(tmp_path: Path) -> None:
    path = files.write_csv(tmp_path / "agg.csv", files.AGGREGATE)
    out = tmp_path / "dataset"
    out.mkdir()
    (out / "keep.txt").write_text("mine", encoding="utf-8")
    result = run_import(path, out)
    assert result.returncode == 2
    assert "exists already" in result.stderr
    assert os.listdir(out) == ["keep.txt"]
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_unknown_sheet_names_the_sheets(tmp_path: Path) -> None:
    path = files.write_xlsx(tmp_path / "book.xlsx", {"2020": files.AGGREGATE, "2021": files.AGGREGATE})
    result = run_import(path, tmp_path / "out", "--sheet", "2019")
    assert result.returncode == 2
    assert "no sheet named '2019' (sheets: 2020, 2021)" in result.stderr


def test_bad_map_is_one_line(tmp_path: Path) -> None:
    path = files.write_csv(tmp_path / "agg.csv", files.AGGREGATE)
    result = run_import(path, tmp_path / "out", "--map", "Sanction=colour")
    assert result.returncode == 2
    assert "unknown role 'colour'" in result.stderr


def test_import_prints_the_summary_and_writes_the_folder(tmp_path: Path) -> None:
    path = files.write_csv(tmp_path / "wide.csv", files.WIDE)
    out = tmp_path / "wide"
    result = run_import(path, out, "--force", "Test Constabulary", "--foi-ref", "123/22")
    assert result.returncode == 0, result.stderr
    assert "wide.csv: 5 rows: 4 imported, 1 skipped" in result.stderr
    assert "skipped row 7: the Total row" in result.stderr
    assert result.stdout == f"wrote {out}/ (5 rows: 4 imported, 1 skipped)\n"
    report = subprocess.run(
        [sys.executable, "-m", "tui", "report", "--data", str(out)], capture_output=True, text=True, timeout=60
    )
    assert report.returncode == 0, report.stderr
    assert "Test Constabulary" in report.stdout and "123/22" in report.stdout


def test_data_opens_a_spreadsheet_in_memory(tmp_path: Path) -> None:
    path = files.write_csv(tmp_path / "cases.csv", files.PER_CASE)
    result = subprocess.run(
        [sys.executable, "-m", "tui", "report", "--format", "json", "--data", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert "cases.csv: 9 rows: 6 imported, 3 skipped" in result.stderr
    assert '"total": 6' in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cases.csv"]


def test_check_and_report_work_on_an_import_without_claims(tmp_path: Path) -> None:
    path = files.write_csv(tmp_path / "wide.csv", files.WIDE)
    for command in ("check", "report"):
        result = subprocess.run(
            [sys.executable, "-m", "tui", command, "--data", str(path)], capture_output=True, text=True, timeout=60
        )
        assert "Traceback" not in result.stderr, result.stderr
        assert result.returncode in (0, 1)  # check exits 1 when a check does not hold
        assert "Total row" in result.stdout


def test_datasets_and_compare_ask_for_a_folder_not_a_spreadsheet(tmp_path: Path, capsys) -> None:
    from tui.cli import main

    sheet = files.write_csv(tmp_path / "r.csv", files.PER_CASE)
    for argv in (["datasets", "--data", str(sheet)], ["compare", "a", "b", "--data", str(sheet)]):
        assert main(argv) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "import the spreadsheet first" in err
