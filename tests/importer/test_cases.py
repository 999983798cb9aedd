"""The Cases table: per-case rows filtered as you type and grouped by a column, from memory or cases.csv."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.importer import files
from tui.data import DataService, load_dataset
from tui.importer import import_file, write_package


@pytest.fixture
def result(tmp_path: Path):
    return import_file(files.write_csv(tmp_path / "cases.csv", files.PER_CASE))


def test_filter_any_column_any_case(result) -> None:
    table = DataService(result.dataset).cases()
    assert table.total == 6
    assert table.filter("facebook") == 2
    assert [r[0] for r in table.rows(0, 10)] == ["4", "6"]
    assert table.filter("CASE TO") == 4  # "case to answer" (3) and "no case to answer" (1)
    assert table.filter("") == 6


def test_group_by_counts_and_shares_then_back_to_rows(result) -> None:
    table = DataService(result.dataset).cases()
    groups = table.group_by("rank")
    assert [(g.value, g.count) for g in groups] == [
        ("inspector and above", 2),
        ("police constable", 2),
        ("not stated", 1),
        ("sergeant", 1),
    ]
    assert sum(g.share for g in groups) == pytest.approx(1.0)
    assert table.filter("", where={"rank": "inspector and above"}) == 2
    assert [r[0] for r in table.rows(0, 10)] == ["7", "10"]
    table.filter("2021")
    assert [(g.value, g.count) for g in table.group_by("rank")] == [("inspector and above", 1), ("not stated", 1)]


def test_cases_read_from_a_written_package_on_demand(result, tmp_path: Path) -> None:
    out = write_package(result, tmp_path / "pkg")
    dataset = load_dataset(out)
    assert dataset.cases is None  # not read with the package
    service = DataService(dataset)
    assert service.has_cases
    table = service.cases()
    assert table.total == 6
    assert table.filter("sergeant") == 1


def test_bundled_dataset_has_no_cases(service: DataService) -> None:
    assert not service.has_cases


def test_reading_cases_reports_progress_and_can_stop(result, tmp_path: Path) -> None:
    from tui.data.cases import Cancelled, read_cases

    out = write_package(result, tmp_path / "pkg")
    seen: list[float] = []
    frame = read_cases(out / "cases.csv", lambda share: seen.append(share) or True)
    assert len(frame) == 6 and seen and seen[-1] == 1.0
    with pytest.raises(Cancelled):
        read_cases(out / "cases.csv", lambda share: False)
    assert DataService(load_dataset(out)).has("cases")


def test_cases_read_in_several_chunks_keep_their_categories(result, tmp_path: Path, monkeypatch) -> None:
    from tui.data import cases

    out = write_package(result, tmp_path / "pkg")
    monkeypatch.setattr(cases, "CHUNK_ROWS", 2)
    frame = cases.read_cases(out / "cases.csv")
    assert len(frame) == 6
    assert frame["rank"].tolist() == [
        "police constable",
        "police constable",
        "sergeant",
        "inspector and above",
        "not stated",
        "inspector and above",
    ]
    assert cases.CaseTable(frame).filter("sergeant") == 1
