"""Every screen is kept for a later start: the start screen, and each screen reached by its key (issue 15)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.timer import Timer

from tests.ui.conftest import settle
from tui.app import FoiApp
from tui.screen_registry import SCREENS
from tui.terminal.first_frame import FrameCache


class Keeping:
    """What the app asked to keep (:meth:`keep_frame_soon`) and wrote (:meth:`write_kept_frame`), by screen.

    The moment a screen must stay as drawn ends when the test says (:meth:`moment_over`), not on a clock.
    """

    def __init__(self, app: FoiApp, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
        app.frame_cache = FrameCache(tmp_path, "dataset", app.first_screen, "setting")
        self.asked: list[str] = []
        self.pending: list[Callable[[], object]] = []
        self.written: list[str] = []
        keep_soon, set_timer = app.keep_frame_soon, app.set_timer

        def keep_frame_soon(cache: FrameCache, still: Callable[[], bool] | None = None) -> None:
            self.asked.append(cache.screen)
            keep_soon(cache, still)

        def holding_timer(delay: float, callback: Callable[[], object] | None = None, **options: Any) -> Timer:
            if options.get("name") == "keep the frame" and callback is not None:
                self.pending.append(callback)
                callback = None
            return set_timer(delay, callback, **options)

        monkeypatch.setattr(app, "keep_frame_soon", keep_frame_soon)
        monkeypatch.setattr(app, "set_timer", holding_timer)
        monkeypatch.setattr(app, "write_kept_frame", lambda cache: self.written.append(cache.screen))

    def moment_over(self) -> None:
        """The moment after each screen asked to be kept is over: keep those still as drawn."""
        pending, self.pending = self.pending, []
        for keep in pending:
            keep()


@pytest.fixture
def kept(make_app: Callable[..., FoiApp], monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> tuple[FoiApp, Keeping]:
    """The app over the default dataset, its frame keeping watched."""
    app = make_app()
    return app, Keeping(app, monkeypatch, tmp_path)


async def press_then_moment(pilot: Pilot[Any], keeping: Keeping, *keys: str) -> None:
    """Press ``keys`` (none: just let the app settle), then let the moment of keeping pass."""
    if keys:
        await pilot.press(*keys)
    await settle(pilot)
    keeping.moment_over()


async def test_each_screen_reached_by_its_key_is_kept_under_its_own_screen(kept: tuple[FoiApp, Keeping]) -> None:
    app, keeping = kept
    async with app.run_test(size=(80, 24)) as pilot:
        await press_then_moment(pilot, keeping)
        for spec in SCREENS[1:]:
            if spec.mode in app.modes_shown:
                await press_then_moment(pilot, keeping, spec.key)
        await press_then_moment(pilot, keeping, "1")  # the start screen again: kept already
    assert keeping.written == ["trends", *(s.mode for s in SCREENS[1:] if s.mode in app.modes_shown)]


async def test_a_screen_left_or_changed_within_the_moment_is_not_kept(kept: tuple[FoiApp, Keeping]) -> None:
    app, keeping = kept
    async with app.run_test(size=(80, 24)) as pilot:
        await press_then_moment(pilot, keeping)
        await press_then_moment(pilot, keeping, "2", "3")  # ranks left at once
        await press_then_moment(pilot, keeping, "4", "t")  # the sources' table at once: not its first view any more
    assert keeping.asked == ["trends", "ranks", "outcomes", "sources"]
    assert keeping.written == ["trends", "outcomes"]


async def test_only_a_first_visit_after_screen_keys_alone_is_kept(kept: tuple[FoiApp, Keeping]) -> None:
    """A second visit may show another view; after any other key, a pop-up, a theme or a notice may differ."""
    app, keeping = kept
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2", "t", "1")
        await settle(pilot)
        await pilot.press("2")  # its table still shows
        await settle(pilot)
        await pilot.press("question_mark", "escape", "3")
        await settle(pilot)
        keeping.moment_over()
    assert keeping.asked == ["trends", "ranks"]


async def test_nothing_is_kept_in_restricted_mode(
    make_app: Callable[..., FoiApp], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    app = make_app(restricted=True)
    keeping = Keeping(app, monkeypatch, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
    assert keeping.asked == ["trends", "ranks"]
    assert (keeping.pending, keeping.written) == ([], [])  # not even a timer


async def test_an_app_started_on_a_screen_chosen_before_it_ran_behaves_as_if_the_key_was_pressed(
    make_app: Callable[..., FoiApp],
) -> None:
    app = make_app()
    assert app.start_on("ranks")
    assert not app.start_on("no-such-screen")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert (app.current_mode, app.screen.id) == ("ranks", "ranks")
        await pilot.press("1")
        await settle(pilot)
        assert app.current_mode == "trends"
        assert not app.start_on("outcomes")  # running: too late
