"""A very first start from the answers shipped in the wheel: every screen of three bundled datasets, no data loaded."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import cast

import pytest

from tests.ui.conftest import settle
from tui.app import build_app
from tui.data import DataService
from tui.data import answer_cache as cache
from tui.data.answer_cache import CachedService, open_service
from tui.data.locate import bundled_datasets, datasets_root
from tui.screen_registry import SCREENS

SHAPES = ["met-2018-2021", "uk-2023", "met-independent-2013"]
"""Bundled datasets of three shapes (years, ranks and outcomes; forces; findings and people, no years): every
bundled dataset is answered from the shipped answers without its data in tests/unit/test_shipped_answers.py."""


@pytest.mark.parametrize("name", [name for name in bundled_datasets() if name in SHAPES])
async def test_every_screen_of_a_bundled_dataset_is_answered_by_the_shipped_answers_alone(
    name: str, shipped_recording: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing in the user's cache: the app starts and shows every screen without loading the data (pandas)."""
    shipped = tmp_path / "_answers"
    shutil.copytree(shipped_recording, shipped)
    monkeypatch.setattr(cache, "SHIPPED_FOLDER", shipped)
    service = open_service(datasets_root() / name, SCREENS[0].mode, env={"XDG_CACHE_HOME": str(tmp_path / "user")})
    assert isinstance(service, CachedService)
    app = build_app(cast(DataService, service), dataset_name=name)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for spec in (*SCREENS[1:], SCREENS[0]):
            await pilot.press(spec.key)
            await settle(pilot)
            await pilot.press("t")
            await settle(pilot)
    assert not service.loaded, name
