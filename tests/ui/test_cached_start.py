"""Started from the first-screen cache, the app shows what it shows from the loaded data, in one go."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import cast

import pytest

from tests.ui.conftest import settle
from tui.app import build_app
from tui.data import DataService
from tui.data.answer_cache import CachedService, open_service
from tui.data.locate import datasets_root
from tui.screen_registry import SCREENS

BUNDLED = sorted(p for p in datasets_root().iterdir() if (p / "datapackage.json").is_file())


@pytest.mark.parametrize("dataset", BUNDLED, ids=[p.name for p in BUNDLED])
async def test_a_cached_start_shows_the_same_screens(dataset: Path, tmp_path: Path) -> None:
    """For every bundled dataset: the second start answers every screen from the cache, and looks the same."""
    env = {"XDG_CACHE_HOME": str(tmp_path)}
    shots = []
    for expected in (False, True):
        service = open_service(dataset, "trends", env=env)
        assert isinstance(service, CachedService) == expected
        app = build_app(cast(DataService, service))
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            screens = [app.export_screenshot()]
            for spec in (*SCREENS[1:], SCREENS[0]):
                await pilot.press(spec.key)
                await settle(pilot)
                screens.append(app.export_screenshot())
        shots.append(screens)
        if expected:  # every screen was answered from the cache: the data was never loaded
            assert isinstance(service, CachedService) and not service.loaded, dataset.name
    assert shots[0] == shots[1]


def test_a_cached_first_screen_needs_no_pandas(tmp_path: Path) -> None:
    """The answers of the first screen come from the cache without importing pandas."""
    setup = (
        "import sys; from tui.data import default_dataset_path, views; "
        "from tui.data.answer_cache import open_service; "
        f"s = open_service(default_dataset_path(), 'trends', env={{'XDG_CACHE_HOME': {str(tmp_path)!r}}}); "
    )
    warm = "views.trend_table(s, 'year'); s.provenance; s.definitions; s.gathered('trends')"
    check = "print(views.trend_summary(s, 'year')); s.provenance; print(type(s).__name__, 'pandas' in sys.modules)"
    for code in (setup + warm, setup + check):
        run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=True)
    assert run.stdout.splitlines()[-1] == "CachedService False"
    assert "184 in all" in run.stdout


async def test_screens_built_in_the_background_look_as_when_opened_first(service: DataService) -> None:
    """Background screens skip Textual's CSS re-parse: they must be styled all the same."""
    import asyncio

    for key, mode in (("2", "ranks"), ("3", "outcomes"), ("4", "sources")):
        first = build_app(service, screen=mode)
        async with first.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            expected = first.export_screenshot()
        app = build_app(service)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(pilot)
            async with asyncio.timeout(30):
                while len(app.prepared_modes) < 4:  # every screen built in the background
                    await pilot.pause(0.05)
            await settle(pilot)
            await pilot.press(key)
            await settle(pilot)
            assert app.export_screenshot() == expected, mode
