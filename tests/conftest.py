"""Shared fixtures: the default dataset, its service, broken copies and the app factory."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tui.data import DataService, default_dataset_path

ROOT = Path(__file__).resolve().parent.parent
UPSTREAM = Path(__file__).parent / "fixtures" / "upstream" / "met_londonworld_article_2022.csv"
SHARED_UPSTREAM = ROOT.parent / "shared" / "data" / "met_londonworld_article_2022.csv"


@pytest.fixture(scope="session")
def shipped_recording(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The answers of every bundled dataset, recorded as the wheel build records them (once per test run)."""
    from tui.demo.shipped_answers import record

    folder = tmp_path_factory.mktemp("shipped")
    record(folder)
    return folder


@pytest.fixture(scope="session")
def service() -> DataService:
    """The service over the bundled default dataset."""
    return DataService.from_path(default_dataset_path())


@pytest.fixture
def dataset_copy(tmp_path: Path) -> Path:
    """A writable copy of the default dataset folder."""
    target = tmp_path / "dataset"
    shutil.copytree(default_dataset_path(), target)
    return target


@pytest.fixture
def edit_csv(dataset_copy: Path) -> Callable[[str, Callable[[str], str]], Path]:
    """Rewrite one CSV of the dataset copy with a text function; return the dataset folder."""

    def edit(name: str, change: Callable[[str], str]) -> Path:
        path = dataset_copy / name
        path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
        return dataset_copy

    return edit


@pytest.fixture(autouse=True, scope="session")
def _private_cache_folder(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The first-screen cache of every app a test starts goes to a temporary folder, not the user's."""
    import os

    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("cache"))
