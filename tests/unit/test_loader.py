"""Loading validates everything and fails with the file, row and column at fault."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tui.data import DatasetError, load_dataset
from tui.data.locate import bundled_datasets, default_dataset_path

Edit = Callable[[str, Callable[[str], str]], Path]


def test_default_dataset_loads() -> None:
    dataset = load_dataset(default_dataset_path())
    assert len(dataset.figures) == 18
    assert dataset.metadata["name"] == "met-2018-2021"
    assert "met-2018-2021" in bundled_datasets()


def test_descriptor_path_also_works() -> None:
    assert load_dataset(default_dataset_path() / "datapackage.json").metadata["name"] == "met-2018-2021"


def test_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="no such file") as info:
        load_dataset(tmp_path / "nowhere")
    assert info.value.path.name == "nowhere"


def test_missing_csv(dataset_copy: Path) -> None:
    (dataset_copy / "figures.csv").unlink()
    with pytest.raises(DatasetError, match="no such file") as info:
        load_dataset(dataset_copy)
    assert info.value.path.name == "figures.csv"


def test_invalid_json(dataset_copy: Path) -> None:
    descriptor = dataset_copy / "datapackage.json"
    descriptor.write_text('{\n  "name": "x",\n  oops\n}', encoding="utf-8")
    with pytest.raises(DatasetError, match="invalid JSON") as info:
        load_dataset(dataset_copy)
    assert info.value.row == 3


def test_missing_metadata(dataset_copy: Path) -> None:
    descriptor = dataset_copy / "datapackage.json"
    meta = json.loads(descriptor.read_text(encoding="utf-8"))
    del meta["period"]
    descriptor.write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(DatasetError, match="'period'"):
        load_dataset(dataset_copy)


def test_not_utf8(dataset_copy: Path) -> None:
    (dataset_copy / "figures.csv").write_bytes(b"dimension,category\n\xff\xfe,\x81\n")
    with pytest.raises(DatasetError, match="not UTF-8"):
        load_dataset(dataset_copy)


@pytest.mark.parametrize(
    ("old", "new", "row", "column", "message"),
    [
        ("year,2019,2019,16,exact", "year,2019,2019,sixteen,exact", 4, "count", "not a whole number"),
        ("year,2019,2019,16,exact", "year,2019,2019,16.5,exact", 4, "count", "not a whole number"),
        ("year,2019,2019,16,exact", "year,2019,2019,-16,exact", 4, "count", "below the minimum"),
        ("year,2019,2019,16,exact", "year,2019,2019,16,roughly", 4, "qualifier", "unknown value 'roughly'"),
        ("year,2019,2019,16,exact", "year,2018,2018,16,exact", 4, "period", "duplicate"),
        ("year,2019,2019,16,exact", "year,2019,2019,,exact", 4, "count", "count is required"),
        ("year,2019,2019,16,exact", "year,2019,2019,16,suppressed", 4, "count", "suppressed count must be left blank"),
        ("year,2019,2019,16,exact", "year,,2019,16,exact", 4, "category", "a value is required"),
    ],
)
def test_bad_figure_rows(edit_csv: Edit, old: str, new: str, row: int, column: str, message: str) -> None:
    folder = edit_csv("figures.csv", lambda text: text.replace(old, new))
    with pytest.raises(DatasetError, match=message) as info:
        load_dataset(folder)
    error = info.value
    assert (error.path.name, error.row, error.column) == ("figures.csv", row, column)
    assert f"figures.csv, row {row}, column '{column}'" in str(error)


def test_missing_column(edit_csv: Edit) -> None:
    folder = edit_csv("figures.csv", lambda text: text.replace("qualifier", "kind", 1))
    with pytest.raises(DatasetError, match="missing column") as info:
        load_dataset(folder)
    assert (info.value.row, info.value.column) == (1, "qualifier")


def test_empty_table(edit_csv: Edit) -> None:
    folder = edit_csv("figures.csv", lambda text: text.splitlines()[0] + "\n")
    with pytest.raises(DatasetError, match="no rows"):
        load_dataset(folder)


def test_empty_file(edit_csv: Edit) -> None:
    folder = edit_csv("figures.csv", lambda text: "")
    with pytest.raises(DatasetError, match="empty"):
        load_dataset(folder)


def test_ragged_row(edit_csv: Edit) -> None:
    folder = edit_csv(
        "figures.csv", lambda text: text.replace("year,2019,2019,16,exact,", "year,2019,2019,16,exact,,x")
    )
    with pytest.raises(DatasetError, match="7 values but 6 columns") as info:
        load_dataset(folder)
    assert info.value.row == 4


def test_bad_claim_reference(edit_csv: Edit) -> None:
    from tui.data import DataService

    folder = edit_csv("claims.csv", lambda text: text.replace("rank:sergeant +", "rank:serjeant +"))
    with pytest.raises(DatasetError, match="unknown figure") as info:
        DataService.from_path(folder)
    assert (info.value.path.name, info.value.row, info.value.column) == ("claims.csv", 5, "left")


def test_unknown_claim_kind(edit_csv: Edit) -> None:
    folder = edit_csv("claims.csv", lambda text: text.replace(",at_least,", ",at_most,"))
    with pytest.raises(DatasetError, match="unknown value 'at_most'") as info:
        load_dataset(folder)
    assert info.value.column == "kind"


def test_suppressed_count_is_not_zero(edit_csv: Edit) -> None:
    from tui.data import DataService

    folder = edit_csv(
        "figures.csv",
        lambda text: text.replace("rank,sergeant,2018-2021,12,exact", "rank,sergeant,2018-2021,,suppressed"),
    )
    service = DataService.from_path(folder)
    assert service.count("rank", "sergeant") is None
    assert service.breakdown("rank").groups[0].count is None
    statuses = {c.id: c.status for c in service.checks}
    assert statuses["rank-sum"] == "cannot be checked"
    assert statuses["rank-sergeant-or-above"] == "cannot be checked"
    claims = {c.id: c.status for c in service.claims}
    assert claims["C4"] == "not checkable"


def test_a_folder_in_use_is_not_loaded_twice(dataset_copy: Path) -> None:
    """The app and its catalog both load the folder the app opened: one copy in memory, not two."""
    first = load_dataset(dataset_copy)
    assert load_dataset(dataset_copy) is first
    assert load_dataset(dataset_copy / "datapackage.json") is first


def test_a_changed_folder_is_loaded_again(dataset_copy: Path) -> None:
    first = load_dataset(dataset_copy)
    figures = dataset_copy / "figures.csv"
    figures.write_text(figures.read_text(encoding="utf-8").replace("year,2019,2019,16", "year,2019,2019,17"))
    again = load_dataset(dataset_copy)
    assert again is not first
    assert set(again.figures["count"]) - set(first.figures["count"]) == {17}
    definitions = dataset_copy / "definitions.csv"
    definitions.write_text(definitions.read_text(encoding="utf-8") + "\n")  # any file of the package counts
    assert load_dataset(dataset_copy) is not again


def test_a_copy_elsewhere_is_its_own_dataset(dataset_copy: Path, tmp_path: Path) -> None:
    import shutil

    other = shutil.copytree(dataset_copy, tmp_path / "other")
    first, second = load_dataset(dataset_copy), load_dataset(other)
    assert second is not first
    assert second.path == other
