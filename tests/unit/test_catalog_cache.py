"""The catalog's entries kept between starts: equal to fresh ones, rebuilt when data changes, never trusted blindly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tui.data import catalog as catalog_module
from tui.data.catalog import Catalog
from tui.data.locate import datasets_root


def no_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a dataset folder was loaded although the cache holds the entries")

    monkeypatch.setattr(catalog_module, "read_entry", refuse)


def user_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "mine"
    shutil.copytree(datasets_root() / "met-2018-2021", folder)
    return folder


def cache_files(cache: Path) -> list[Path]:
    return sorted(cache.glob("catalog-*.json"))


def test_cached_entries_equal_fresh_ones_and_load_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    mine = user_folder(tmp_path)
    fresh = Catalog(extra=[mine]).folder_entries
    assert Catalog(extra=[mine], cache=cache, write_cache=True).folder_entries == fresh
    assert len(cache_files(cache)) == 1
    no_loading(monkeypatch)
    assert Catalog(extra=[mine], cache=cache).folder_entries == fresh


def test_changed_data_is_read_again(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    mine = user_folder(tmp_path)
    assert Catalog(extra=[mine], cache=cache, write_cache=True).folder_entries
    descriptor = mine / "datapackage.json"
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    package["title"] = "A changed title"
    descriptor.write_text(json.dumps(package), encoding="utf-8")
    entries = Catalog(extra=[mine], cache=cache).folder_entries
    assert entries[-1].title == "A changed title"


@pytest.mark.parametrize("damage", ["not json", '{"format": 1}', "[]", '{"format": 1, "key": "x", "entries": []}'])
def test_a_damaged_file_is_ignored(tmp_path: Path, damage: str) -> None:
    cache = tmp_path / "cache"
    assert Catalog(cache=cache, write_cache=True).folder_entries
    (file,) = cache_files(cache)
    file.write_text(damage, encoding="utf-8")
    assert Catalog(cache=cache).folder_entries == Catalog().folder_entries


def test_a_wrong_field_type_is_ignored(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert Catalog(cache=cache, write_cache=True).folder_entries
    (file,) = cache_files(cache)
    data = json.loads(file.read_text(encoding="utf-8"))
    data["entries"][0]["forces"] = "Metropolitan Police"
    data["entries"][1]["start"] = "not a date"
    file.write_text(json.dumps(data), encoding="utf-8")
    assert Catalog(cache=cache).folder_entries == Catalog().folder_entries


def test_text_read_back_is_made_safe(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    assert Catalog(cache=cache, write_cache=True).folder_entries
    (file,) = cache_files(cache)
    data = json.loads(file.read_text(encoding="utf-8"))
    data["entries"][0]["title"] = "evil \x1b]52;c;aGk=\x07 title"
    data["entries"][0]["forces"] = ["\x1b[2J"]
    file.write_text(json.dumps(data), encoding="utf-8")
    no_loading(monkeypatch)
    entry = Catalog(cache=cache).folder_entries[0]
    assert "\x1b" not in entry.title and "\x07" not in entry.title
    assert all("\x1b" not in force for force in entry.forces)


def test_nothing_is_written_unless_allowed(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    assert Catalog(cache=cache).folder_entries
    assert not cache.exists()
