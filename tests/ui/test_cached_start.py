"""Started from the first-screen cache, the app shows what it shows from the loaded data, in one go."""

from __future__ import annotations

import subprocess
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, cast

import pytest
from textual.timer import Timer
from textual.widgets import Static

from tests.ui.conftest import settle, wait_until
from tui.app import build_app
from tui.data import DataService
from tui.data.answer_cache import CachedService, open_service
from tui.data.locate import datasets_root
from tui.screen_registry import SCREENS
from tui.screens.trends import TrendsData, TrendsScreen
from tui.terminal.first_frame import FrameCache
from tui.widgets import VerticalBarChart

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


async def test_the_first_screen_is_kept_only_once_its_figures_have_come(
    service: DataService, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: on a cold start of a big dataset the figures came after the screen was kept (0.3 s after the
    first frame), so the next start painted a screen without figures and then changed it once they came."""
    release = threading.Event()
    gather = TrendsScreen.gather_in_view  # what the worker asks for the chart view

    def slow_gather(screen: TrendsScreen) -> TrendsData:
        release.wait(timeout=30)
        return gather(screen)

    monkeypatch.setattr(TrendsScreen, "gather_in_view", slow_gather)
    app = build_app(service)
    app.frame_cache = FrameCache(tmp_path, "dataset", "trends", "setting")
    timers: list[str | None] = []
    kept: list[tuple[int, ...]] = []
    set_timer = app.set_timer

    def noting_timer(delay: float, callback: Callable[[], object] | None = None, **options: Any) -> Timer:
        timers.append(options.get("name"))
        return set_timer(delay, callback, **options)

    monkeypatch.setattr(app, "set_timer", noting_timer)
    monkeypatch.setattr(app, "_keep_frame", lambda *_: kept.append(app.screen.query_one(VerticalBarChart).values))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.first_frame_shown, what="the first frame")
        await pilot.pause()
        assert "keep the frame" not in timers, "a screen without its figures was to be kept"
        assert not app.first_screen_complete()
        release.set()
        await wait_until(pilot, lambda: bool(kept), what="the first screen kept")
        assert kept == [app.screen.query_one(VerticalBarChart).values] and kept[0], "kept without its figures"


async def _cache_every_screen(dataset: Path, env: dict[str, str]) -> None:
    """A first start that visits every screen: the answers of each are cached."""
    service = open_service(dataset, "trends", env=env)
    app = build_app(cast(DataService, service))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for spec in SCREENS[1:]:
            await pilot.press(spec.key)
            await settle(pilot)


async def test_a_key_typed_at_start_is_answered_before_the_first_screens_table_is_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: from the cache, the first screen made its table (out of view behind the chart) before the
    first key was read: 0.15 s at 100,000 figure rows. It is made after the key now, or at once for ``e``/``t``."""
    from tui.data import default_dataset_path, views
    from tui.screens import base, trends
    from tui.widgets import FigureTable

    dataset = default_dataset_path()
    env = {"XDG_CACHE_HOME": str(tmp_path)}
    await _cache_every_screen(dataset, env)
    made: list[str] = []
    trend_table = trends.trend_table

    def noting_table(service: DataService, dimension: str = "year") -> views.TableView:
        made.append(dimension)
        return trend_table(service, dimension)

    monkeypatch.setattr(trends, "trend_table", noting_table)
    monkeypatch.setattr(base, "LEFT_OUT_DELAY", 600.0, raising=False)  # never on its own during this test
    service = open_service(dataset, "trends", env=env)
    assert isinstance(service, CachedService)
    app = build_app(cast(DataService, service))
    async with app.run_test(size=(80, 24)) as pilot:
        first = app.screen
        assert isinstance(first, TrendsScreen) and first.figures_shown
        await pilot.press("2")
        await wait_until(pilot, lambda: getattr(app.screen, "figures_shown", False), what="the ranks figures")
        await settle(pilot)
        assert app.current_mode == "ranks" and not made, "the first screen's table was made before the key"
        await pilot.press("1")
        await settle(pilot)
        expected = views.trend_table(DataService.from_path(dataset), "year")
        assert first.current_table() == expected  # what e exports: made at once
        await pilot.press("t")
        await settle(pilot)
        assert first.view_name == "table" and first.query_one(FigureTable).view == expected
        assert made == ["year"]


async def test_the_table_left_out_of_the_first_frame_is_made_in_the_background(tmp_path: Path) -> None:
    """Without a key, the first screen's table is made soon after the first frame, as the other screens are."""
    from tui.data import default_dataset_path, views
    from tui.widgets import FigureTable

    dataset = default_dataset_path()
    env = {"XDG_CACHE_HOME": str(tmp_path)}
    await _cache_every_screen(dataset, env)
    service = open_service(dataset, "trends", env=env)
    assert isinstance(service, CachedService)
    app = build_app(cast(DataService, service))
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.screen.query_one(FigureTable)
        await wait_until(pilot, lambda: table.view is not None, what="the trends table made")
        assert table.view == views.trend_table(DataService.from_path(dataset), "year")
        assert app.screen.query_one("#trend-note", Static).content
