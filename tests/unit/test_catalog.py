"""The list of datasets: bundled ones, a user's folder, unknown names, related datasets."""

from __future__ import annotations

import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from tui.data import DataService, DatasetError
from tui.data.catalog import Catalog, UnknownDataset, parse_date, search
from tui.data.locate import datasets_root

ELEVEN = (
    "met-2018-2021",
    "met-guardian-2013",
    "met-guardian-2022",
    "met-independent-2013",
    "met-pa-2023",
    "northumbria-2016-2020",
    "uk-2023",
    "uk-dailymail-2021",
    "uk-opendemocracy-2022",
    "uk-pa-2014",
    "uk-sundaytimes-2022",
)


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog()


def test_lists_all_eleven_bundled_datasets(catalog: Catalog) -> None:
    assert catalog.names == ELEVEN
    assert catalog.default == "met-2018-2021"
    assert all(e.bundled for e in catalog.entries)


def test_entry_carries_what_the_listing_shows(catalog: Catalog) -> None:
    entry = catalog.get("met-guardian-2022")
    assert entry.force == "Metropolitan Police Service" and entry.unit == "officers investigated"
    assert entry.publisher == "The Guardian" and entry.source.startswith("https://www.theguardian.com/")
    assert (entry.start, entry.end) == (date(2017, 1, 1), date(2022, 8, 31))
    assert "partial" in entry.period


def test_forces_come_from_the_force_or_the_by_force_figures(catalog: Catalog) -> None:
    assert catalog.get("met-pa-2023").forces == ("Metropolitan Police Service",)
    national = catalog.get("uk-pa-2014")
    assert national.national and "Metropolitan Police Service" in national.forces
    assert catalog.get("uk-2023").forces == ()


def test_unknown_name_lists_the_known_ones(catalog: Catalog) -> None:
    with pytest.raises(UnknownDataset) as caught:
        catalog.get("met-1999")
    assert str(caught.value).startswith("unknown dataset 'met-1999' (known: met-2018-2021, ")


def test_a_user_folder_joins_the_list(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    shutil.copytree(datasets_root() / "met-pa-2023", mine)
    catalog = Catalog(extra=[mine])
    assert len(catalog.names) == 12
    entry = catalog.entries[-1]
    assert not entry.bundled and entry.name == str(mine) and entry.path == mine


def test_a_broken_user_folder_is_one_clear_error(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match=r"datapackage\.json"):
        _ = Catalog(extra=[tmp_path]).entries


def test_works_from_a_packaged_copy_of_the_data(tmp_path: Path) -> None:
    """An installed wheel holds data/ as tui/_data: the catalog needs only that folder."""
    packaged = tmp_path / "_data"
    shutil.copytree(datasets_root(), packaged)
    assert Catalog(root=packaged).names == ELEVEN
    assert (packaged / "equivalences.csv").is_file()


def test_related_datasets_for_the_default(catalog: Catalog) -> None:
    related = {r.entry.name: r for r in catalog.related("met-2018-2021")}
    assert list(related)[:2] == ["met-guardian-2022", "met-pa-2023"]
    assert related["met-guardian-2022"].relation == "same force"
    assert "different units" in related["met-pa-2023"].unit
    assert "overlap" in related["met-pa-2023"].period
    assert "names Metropolitan Police Service" in related["uk-dailymail-2021"].relation
    assert "met-guardian-2013" not in related and "uk-pa-2014" not in related
    assert related["uk-2023"].relation.startswith("national round-up")


def test_the_2013_pair_are_related_with_the_same_period(catalog: Catalog) -> None:
    related = {r.entry.name: r for r in catalog.related("met-guardian-2013")}
    assert related["met-independent-2013"].period.startswith("same period")
    assert "uk-pa-2014" in related


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("2009", False, date(2009, 1, 1)),
        ("2013-04", True, date(2013, 4, 30)),
        ("2021", True, date(2021, 12, 31)),
        ("2022-08-31", True, date(2022, 8, 31)),
        ("2018 (approx)", False, date(2018, 1, 1)),
        ("not stated", False, None),
        ("2020-13", False, None),
    ],
)
def test_parse_date(text: str, end: bool, expected: date | None) -> None:
    assert parse_date(text, end=end) == expected


def test_search_filters_on_every_word(catalog: Catalog) -> None:
    assert [e.name for e in catalog.search("guardian")] == ["met-guardian-2013", "met-guardian-2022"]
    assert [e.name for e in catalog.search("MET 2013")] == ["met-guardian-2013", "met-independent-2013"]
    assert [e.name for e in catalog.search("northumbria")] == ["northumbria-2016-2020"]
    assert catalog.search("") == catalog.entries
    assert catalog.search("no such thing") == ()


def test_compare_by_name(catalog: Catalog) -> None:
    assert catalog.compare("met-guardian-2013", "met-independent-2013").disagreements


def test_around_a_bundled_dataset_is_the_bundled_list(catalog: Catalog) -> None:
    around = Catalog.around(datasets_root() / "uk-2023")
    assert around.names == ELEVEN and around.name_for(datasets_root() / "uk-2023") == "uk-2023"


def test_around_a_user_folder_adds_it(tmp_path: Path) -> None:
    mine = tmp_path / "mine"
    shutil.copytree(datasets_root() / "uk-2023", mine)
    around = Catalog.around(mine)
    assert len(around.names) == 12 and around.name_for(mine) == str(mine)


def test_a_users_copy_of_a_bundled_dataset_is_listed_under_its_path(dataset_copy: Path) -> None:
    catalog = Catalog.with_data(dataset_copy / "datapackage.json")
    assert catalog.extra == (dataset_copy,)
    name = catalog.listed_name(dataset_copy, "met-2018-2021")
    assert name == str(dataset_copy) and name in catalog.names  # what the picker shows it as
    assert catalog.name_for(dataset_copy) == name
    assert Catalog.with_data(None).extra == ()
    sheet = dataset_copy / "figures.csv"  # any file but a descriptor: a spreadsheet, imported in memory
    assert Catalog.with_data(sheet).extra == ()
    assert Catalog().listed_name(dataset_copy, "met-2018-2021") == "met-2018-2021"  # not one of its folders


def _imported_service(tmp_path: Path, title: str | None = None) -> DataService:
    from tests.importer import files
    from tui.importer import ImportOptions, import_file

    path = files.write_csv(tmp_path / "response.csv", files.PER_CASE)
    options = ImportOptions(title=title) if title else ImportOptions()
    return DataService(import_file(path, options=options).dataset)


def test_a_spreadsheet_opened_in_memory_is_listed_served_and_compared(tmp_path: Path) -> None:
    catalog = Catalog()
    service = _imported_service(tmp_path)
    name = catalog.add_opened(service)
    assert catalog.names[:11] == ELEVEN and catalog.names[-1] == name
    entry = catalog.get(name)
    assert entry.in_memory and not entry.bundled
    assert catalog.service_for(name) is service  # the one in memory, never re-read
    assert catalog.service_for("met-2018-2021").total == DataService.from_path(datasets_root() / "met-2018-2021").total
    comparison = catalog.compare(name, "met-2018-2021")
    assert comparison.left.name == name and comparison.right.name == "met-2018-2021"


def test_a_spreadsheet_named_like_a_bundled_dataset_is_listed_apart(tmp_path: Path) -> None:
    catalog = Catalog()
    name = catalog.add_opened(_imported_service(tmp_path, title="met-2018-2021"))
    assert name == "met-2018-2021-imported"
    assert catalog.get("met-2018-2021").bundled


def test_a_spreadsheet_that_states_no_force_is_related_to_none(tmp_path: Path) -> None:
    catalog = Catalog()
    name = catalog.add_opened(_imported_service(tmp_path))
    entry = catalog.get(name)
    assert entry.force == "not stated" and entry.forces == ()
    assert catalog.related(name) == ()  # not "a national round-up may include this force"
    assert all(r.entry.name != name for r in catalog.related("met-2018-2021"))


def test_search_puts_the_name_typed_first_then_names_starting_with_it(catalog: Catalog) -> None:
    # "pa" is in the text of three bundled datasets (publisher, force) before it is any name.
    mine = replace(catalog.entries[0], name="pa")
    mine_too = replace(catalog.entries[0], name="pa-mine")
    entries = (*catalog.entries, mine_too, mine)
    found = [e.name for e in search(entries, "PA ")]
    assert found[:2] == ["pa", "pa-mine"]
    assert found[2:] == [e.name for e in catalog.search("pa")]  # the rest in catalog order
