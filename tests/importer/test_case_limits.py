"""Per-case rows have their own bounds (tui/data/limits.py): a million cases load, a 2 GB cases.csv does not."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.importer import files
from tui.data import DataService, DatasetError
from tui.data import cases as cases_module
from tui.data.cases import read_cases
from tui.data.limits import MAX_CASE_ROWS, MAX_CASES_BYTES, MAX_ROWS, MAX_TABLE_BYTES
from tui.importer import import_file, write_package


@pytest.fixture
def package(tmp_path: Path) -> Path:
    return write_package(import_file(files.write_csv(tmp_path / "cases.csv", files.PER_CASE)), tmp_path / "package")


def test_cases_bounds_are_their_own_and_hold_a_million_cases() -> None:
    assert MAX_CASE_ROWS >= 1_000_000 > MAX_ROWS
    assert MAX_CASES_BYTES > MAX_TABLE_BYTES


def test_a_2_gb_cases_file_is_refused_by_size_before_reading(package: Path) -> None:
    os.truncate(package / "cases.csv", 2 * 1024**3)  # sparse: nothing is written, nothing may be read
    with pytest.raises(DatasetError, match=r"cases\.csv: too large: 2,147,483,648 bytes"):
        DataService.from_path(package)


def test_cases_beyond_the_row_bound_are_refused(package: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert len(read_cases(package / "cases.csv")) == 6
    monkeypatch.setattr(cases_module, "MAX_CASE_ROWS", 5)
    with pytest.raises(DatasetError, match="more than 5 cases"):
        read_cases(package / "cases.csv")


def test_a_cases_path_outside_the_package_is_refused(package: Path) -> None:
    descriptor = package / "datapackage.json"
    descriptor.write_text(descriptor.read_text().replace('"path": "cases.csv"', '"path": "../cases.csv"'))
    with pytest.raises(DatasetError, match="must stay inside the dataset folder"):
        DataService.from_path(package)
