"""The bulk CSV reader gives exactly the table of the cell-by-cell reader, or steps aside for it.

For every bundled dataset and every case of the bad corpus, each CSV the package lists is read
both ways: where the exact reader refuses the file, the bulk reader must not return a table
(the exact reader then names the row and column); where it accepts it, both tables are equal.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.fixtures.bad.cases import CASES, Case, make
from tui.data import csv_table
from tui.data.errors import DatasetError
from tui.data.limits import MAX_TABLE_BYTES
from tui.data.loader import LABEL_FIELDS, LAZY_RESOURCES
from tui.data.locate import bundled_datasets, datasets_root


def resources(folder: Path) -> list[tuple[Path, str, dict[str, Any]]]:
    """Each eager CSV resource of the package in ``folder`` with its decoded text (none when unreadable)."""
    descriptor = folder / "datapackage.json"
    try:
        metadata = json.loads(descriptor.read_text(encoding="utf-8-sig"))
        found = []
        for resource in metadata["resources"]:
            path = folder / resource["path"]
            if resource.get("name") in LAZY_RESOURCES or not path.is_file() or "schema" not in resource:
                continue
            if path.stat().st_size > MAX_TABLE_BYTES:  # refused by size before any reader sees it
                continue
            data = path.read_bytes()
            text = csv_table._decode(path, data, resource.get("encoding", "utf-8"), descriptor)
            found.append((path, text, resource))
        return found
    except (OSError, ValueError, KeyError, TypeError, AttributeError, RecursionError, DatasetError):
        return []


def assert_same(folder: Path) -> None:
    descriptor = folder / "datapackage.json"
    for path, text, resource in resources(folder):
        labels = LABEL_FIELDS if resource.get("name") == "figures" else ()
        try:
            exact: csv_table.Table | None = csv_table._read_cell_by_cell(path, text, resource, descriptor, labels)
        except (DatasetError, KeyError, TypeError, AttributeError):
            exact = None
        try:
            bulk = csv_table._read_in_bulk(path, text, resource, descriptor, labels)
        except (DatasetError, KeyError, TypeError, AttributeError):
            bulk = None
        if exact is None:
            assert bulk is None, f"{path.name}: the bulk reader accepted what the exact reader refuses"
        elif bulk is not None:
            assert bulk == exact, f"{path.name}: the two readers disagree"


@pytest.mark.parametrize("name", bundled_datasets())
def test_bundled_datasets_read_the_same_in_bulk(name: str) -> None:
    folder = datasets_root() / name
    assert resources(folder), name
    for path, text, resource in resources(folder):
        labels = LABEL_FIELDS if resource["name"] == "figures" else ()
        assert csv_table._read_in_bulk(path, text, resource, folder / "datapackage.json", labels) is not None
    assert_same(folder)


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_bad_corpus_reads_the_same_in_bulk(case: Case, tmp_path: Path) -> None:
    try:
        folder = make(case, tmp_path / "dataset")
    except PermissionError as exc:
        pytest.skip(f"cannot build {case.id} here: {exc}")
    if any(p.is_symlink() or (p.exists() and not p.is_file() and not p.is_dir()) for p in folder.rglob("*")):
        pytest.skip("links, devices and FIFOs are refused before any CSV is read")
    assert_same(folder)


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t.replace("year,2019,2019", "year,2019\t,2019"),  # a tab made a space by safe_text
        lambda t: t.replace("year,2019,2019,16,exact,", "year,2019,2019,16,exact"),  # a short row
        lambda t: t + "\n,,,,,\n\n",  # blank rows
        lambda t: t.replace("year,2019,2019,16,exact,", 'year,2019,2019,16,exact,"two\nlines"'),
        lambda t: t.replace("year,2019,2019,16,exact,", "year,2019,2019,16,exact,,extra"),
        lambda t: t.replace("year,2019,2019,16", "year,2019,2019,16.5"),
        lambda t: t.replace("year,2019,2019,16,exact", "year,2019,2019,16,maybe"),
        lambda t: t.replace("year,2019,2019", "year,\u200b,2019"),  # only an invisible character
        lambda t: t.replace("year,2019,2019", "year,2018,2018"),  # a duplicate key
        lambda t: t.replace("year,2019,2019", 'year,"2019,2019'),  # a quote that never closes
        lambda t: t.replace("year,2019,2019", "year,\x1b[31m2019,2019"),
    ],
)
def test_edited_figures_read_the_same_in_bulk(change: Any, dataset_copy: Path) -> None:
    path = dataset_copy / "figures.csv"
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert_same(dataset_copy)


def _many_years(count: int) -> str:
    return "".join(f"year,{year},{year},{year % 7},exact,\n" for year in range(3000, 3000 + count))


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t.rstrip("\n") + "\n" + _many_years(3 * csv_table.CHUNK_ROWS + 7),
        lambda t: t.rstrip("\n") + "\n" + _many_years(2 * csv_table.CHUNK_ROWS) + "year,9999,9999,1.5,exact,\n",
        lambda t: t.rstrip("\n") + "\n" + _many_years(2 * csv_table.CHUNK_ROWS) + "year,3001,3001,1,exact,\n",
        lambda t: t.rstrip("\n") + "\n" + _many_years(csv_table.CHUNK_ROWS) + "year,\x1b[1m9999,9999,1,exact,\n",
    ],
    ids=["several batches", "a bad count in a late batch", "a key repeated across batches", "escape in a late batch"],
)
def test_tables_of_several_batches_read_the_same_in_bulk(change: Any, dataset_copy: Path) -> None:
    path = dataset_copy / "figures.csv"
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    assert_same(dataset_copy)


def test_a_table_of_several_batches_is_read_in_bulk(dataset_copy: Path) -> None:
    path = dataset_copy / "figures.csv"
    path.write_text(path.read_text(encoding="utf-8") + _many_years(3 * csv_table.CHUNK_ROWS + 7), encoding="utf-8")
    ((_, text, resource),) = [r for r in resources(dataset_copy) if r[2]["name"] == "figures"]
    descriptor = dataset_copy / "datapackage.json"
    bulk = csv_table._read_in_bulk(path, text, resource, descriptor, LABEL_FIELDS)
    assert bulk is not None
    assert bulk == csv_table._read_cell_by_cell(path, text, resource, descriptor, LABEL_FIELDS)
    assert len(bulk.lines) == len(bulk.columns["category"]) > 3 * csv_table.CHUNK_ROWS
