"""The answers (and catalog entries) shipped in the wheel: exactly the data service's, used only for the very
data and code they were recorded from, never trusted blindly, never written."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import tui
from tui.data import DataService
from tui.data import answer_cache as cache
from tui.data import catalog as catalog_module
from tui.data.answer_cache import (
    CachedService,
    RecordingService,
    dataset_key,
    open_service,
    read_answers,
    shipped_digests,
)
from tui.data.catalog import Catalog
from tui.data.locate import bundled_datasets, datasets_root
from tui.screen_registry import SCREENS


@pytest.fixture
def recorded(shipped_recording: Path) -> Path:
    """The answers of every bundled dataset, recorded as the wheel build records them."""
    return shipped_recording


@pytest.fixture
def shipped(recorded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the recorded answers, installed as the package's shipped answers."""
    folder = tmp_path / "_answers"
    shutil.copytree(recorded, folder)
    monkeypatch.setattr(cache, "SHIPPED_FOLDER", folder)
    return folder


def empty_cache(tmp_path: Path) -> dict[str, str]:
    return {"XDG_CACHE_HOME": str(tmp_path / "user-cache")}


@pytest.mark.parametrize("name", bundled_datasets())
def test_the_shipped_answers_equal_the_data_service_s_fresh_answers(recorded: Path, name: str) -> None:
    dataset = datasets_root() / name
    key = dataset_key(dataset)
    assert key is not None
    digests = shipped_digests(recorded)
    files = sorted(recorded.glob(f"{key[:32]}-*.json"))
    assert {f.stem[33:] for f in files} >= {"common", SCREENS[0].mode}
    fresh = DataService.from_path(dataset)
    for file in files:
        answers = read_answers(recorded, key, file.stem[33:], digests)
        assert answers, file.name
        for call, answer in answers.items():
            question, *args = json.loads(call)
            expected = getattr(fresh, question)
            expected = expected(*args) if callable(expected) else expected
            assert answer == expected, (name, call)
            assert type(answer) is type(expected), (name, call)


@pytest.mark.parametrize("name", bundled_datasets())
def test_a_very_first_start_on_any_screen_of_a_bundled_dataset_needs_no_data_loaded(
    shipped: Path, tmp_path: Path, name: str
) -> None:
    """Each screen's own questions and those of a start are all shipped: the data is never loaded for them."""
    dataset = datasets_root() / name
    key = dataset_key(dataset)
    assert key is not None
    for spec in SCREENS:
        file = shipped / f"{key[:32]}-{spec.mode}.json"
        if not file.exists():  # a screen this dataset has no use for (per-case rows)
            assert spec.needs, (name, spec.mode)
            continue
        service = open_service(dataset, spec.mode, env=empty_cache(tmp_path))
        assert isinstance(service, CachedService), (name, spec.mode)
        asked = json.loads(file.read_text(encoding="utf-8"))["answers"]
        for call in asked:
            question, *args = json.loads(call)
            getattr(service, question) if question in cache.SERVICE_PROPERTIES else getattr(service, question)(*args)
        assert not service.loaded, (name, spec.mode)


def test_changed_data_is_not_answered_from_the_shipped_answers(
    shipped: Path, dataset_copy: Path, tmp_path: Path
) -> None:
    assert isinstance(open_service(dataset_copy, "trends", env=empty_cache(tmp_path)), CachedService)
    figures = dataset_copy / "figures.csv"
    figures.write_text(figures.read_text(encoding="utf-8").replace(",14,", ",15,"), encoding="utf-8")
    assert isinstance(open_service(dataset_copy, "trends", env=empty_cache(tmp_path)), RecordingService)


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda text: text.replace('"key": "', '"key": "0'), id="another key"),
        pytest.param(lambda text: text[: len(text) // 2], id="cut short"),
        pytest.param(lambda text: text.replace("184", "185"), id="a figure changed"),
    ],
)
def test_a_tampered_shipped_file_is_ignored_and_the_answers_computed(
    shipped: Path, dataset_copy: Path, tmp_path: Path, tamper
) -> None:
    key = dataset_key(dataset_copy)
    assert key is not None
    file = shipped / f"{key[:32]}-trends.json"
    text = file.read_text(encoding="utf-8")
    assert "184" in text
    file.write_text(tamper(text), encoding="utf-8")
    service = open_service(dataset_copy, "trends", env=empty_cache(tmp_path))
    assert isinstance(service, RecordingService)
    assert service.total == 184


def test_shipped_files_without_their_digests_are_not_read(shipped: Path, dataset_copy: Path, tmp_path: Path) -> None:
    (shipped / cache.SHIPPED_INDEX).unlink()
    assert isinstance(open_service(dataset_copy, "trends", env=empty_cache(tmp_path)), RecordingService)


def test_the_shipped_answers_are_never_written_the_user_s_cache_is(
    shipped: Path, dataset_copy: Path, tmp_path: Path
) -> None:
    before = {f.name: f.read_bytes() for f in shipped.iterdir()}
    env = empty_cache(tmp_path)
    service = open_service(dataset_copy, "trends", env=env)
    assert isinstance(service, CachedService)
    service.full.gathered("ranks")  # the data loaded behind the shipped answers: its answers go to the user's cache
    assert {f.name: f.read_bytes() for f in shipped.iterdir()} == before
    assert list((tmp_path / "user-cache" / "foi-explorer").glob("*-ranks.json"))


def test_the_user_s_cache_comes_before_the_shipped_answers(shipped: Path, dataset_copy: Path, tmp_path: Path) -> None:
    env = empty_cache(tmp_path)
    key = dataset_key(dataset_copy)
    assert key is not None
    mine = cache.cache_dir(env)
    assert mine is not None
    answers = read_answers(shipped, key, "trends", shipped_digests(shipped))
    assert answers is not None
    answers[cache.call_key("total")] = "from the user's cache"
    cache.write_answers(mine, key, "trends", answers)
    cache.write_answers(mine, key, cache.COMMON, answers)
    assert open_service(dataset_copy, "trends", env=env).total == "from the user's cache"


COPIED_KEY = """
import sys
import tui
from tui.data.answer_cache import dataset_key
print(tui.__file__, dataset_key(sys.argv[1]))
"""


def key_of_copy(package: Path, dataset: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(package.parent), "PYTHONDONTWRITEBYTECODE": "1"}
    run = subprocess.run(
        [sys.executable, "-c", COPIED_KEY, str(dataset)],
        env=env,
        cwd=package.parent,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    imported, key = run.stdout.split()
    assert Path(imported).parent == package
    return key


def test_the_key_follows_the_code_s_content_not_its_file_times(tmp_path: Path) -> None:
    """Installed files get new times: the key recorded when the wheel was built must still match the same code."""
    package = tmp_path / "site" / "tui"
    shutil.copytree(Path(tui.__file__).parent, package, ignore=shutil.ignore_patterns("__pycache__", "_answers"))
    dataset = datasets_root() / bundled_datasets()[0]
    original = key_of_copy(package, dataset)
    assert original == dataset_key(dataset)
    for module in package.rglob("*.py"):
        os.utime(module, (1_000_000_000, 1_000_000_000))
    assert key_of_copy(package, dataset) == original
    service = package / "data" / "service.py"
    service.write_text(service.read_text(encoding="utf-8") + "\n# changed\n", encoding="utf-8")
    assert key_of_copy(package, dataset) != original


def test_the_shipped_catalog_equals_a_fresh_one_and_lists_the_bundled_datasets_without_loading_them(
    shipped: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    fresh = Catalog().folder_entries
    assert len(list(shipped.glob("catalog-*.json"))) == 1

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a bundled dataset was loaded although the wheel ships its entry")

    with monkeypatch.context() as patched:
        patched.setattr(catalog_module, "read_entry", refuse)
        assert Catalog(cache=tmp_path / "user-cache", write_cache=True).folder_entries == fresh
    assert not (tmp_path / "user-cache").exists()  # read from the shipped file: nothing to write


def test_a_tampered_shipped_catalog_is_ignored(shipped: Path, tmp_path: Path) -> None:
    (file,) = shipped.glob("catalog-*.json")
    file.write_text(file.read_text(encoding="utf-8").replace("met-2018-2021", "met-2018-2022"), encoding="utf-8")
    entries = Catalog(cache=tmp_path / "user-cache").folder_entries
    assert "met-2018-2021" in [entry.name for entry in entries]
