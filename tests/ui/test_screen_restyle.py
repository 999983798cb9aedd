"""Switching screens restyles a screen only when something its styles depend on changed while it was hidden."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot

from tests.ui.conftest import settle, wait_until
from tui.app import FoiApp, build_app
from tui.data import DataService

OTHER_THEME = "textual-light"


async def _all_built(app: FoiApp, pilot: Pilot[Any]) -> None:
    async with asyncio.timeout(30):
        while len(app.prepared_modes) < 4:  # every screen built in the background
            await pilot.pause(0.05)
    await settle(pilot)


def _count_restyles(app: FoiApp, mode: str, monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """The full restyles of a mode's screen from now on (one entry each)."""
    screen = app.get_screen_stack(mode)[0]
    calls: list[object] = []
    restyle = screen.update_node_styles

    def counting(*args: Any, **kwargs: Any) -> None:
        calls.append(args)
        restyle(*args, **kwargs)

    monkeypatch.setattr(screen, "update_node_styles", counting)
    return calls


async def test_a_screen_is_not_restyled_when_nothing_changed(
    service: DataService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Neither its first showing (built in the background) nor a return restyles every widget again."""
    app = build_app(service)
    async with app.run_test(size=(80, 24)) as pilot:
        await _all_built(app, pilot)
        restyles = _count_restyles(app, "sources", monkeypatch)
        trends_restyles = _count_restyles(app, "trends", monkeypatch)
        refreshes: list[object] = []
        monkeypatch.setattr(app, "refresh_css", lambda *args, **kwargs: refreshes.append(args))
        for key in "4141":
            await pilot.press(key)
            await settle(pilot)
        assert restyles == [] and trends_restyles == []
        assert refreshes == [], "the first screen was re-styled from a re-parsed stylesheet on return"


@pytest.mark.parametrize("shown_before", [False, True], ids=["never-shown", "shown-before"])
async def test_a_theme_change_while_hidden_restyles_the_screen(service: DataService, shown_before: bool) -> None:
    """A screen hidden while the theme changes looks, once shown, as in an app started with that theme."""
    started = build_app(service, theme=OTHER_THEME)
    async with started.run_test(size=(80, 24)) as pilot:
        await _all_built(started, pilot)
        await pilot.press("4")
        await settle(pilot)
        expected = started.export_screenshot()
    app = build_app(service)
    async with app.run_test(size=(80, 24)) as pilot:
        await _all_built(app, pilot)
        if shown_before:
            await pilot.press("4")
            await settle(pilot)
            await pilot.press("1")
            await settle(pilot)
        before = app.export_screenshot()
        app.theme = OTHER_THEME
        await settle(pilot)
        assert app.export_screenshot() != before  # the theme does change the look
        await pilot.press("4")
        await settle(pilot)
        assert app.export_screenshot() == expected


async def test_an_app_blur_while_hidden_restyles_the_screen(
    service: DataService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The app's focus is one of its pseudo-classes: shown after it changed, a screen is restyled whole."""
    app = build_app(service)
    async with app.run_test(size=(80, 24)) as pilot:
        await _all_built(app, pilot)
        restyles = _count_restyles(app, "sources", monkeypatch)
        app.post_message(events.AppBlur())
        await settle(pilot)
        assert not app.app_focus
        await app.run_action("switch_mode('sources')")  # no key: a key would give the app its focus back
        await settle(pilot)
        assert app.current_mode == "sources" and not app.app_focus
        assert len(restyles) == 1


async def test_switches_release_their_update_holds(service: DataService) -> None:
    """Keys for screens pressed faster than the screens settle: every hold on updates ends (early or on its
    timer, never twice), the app keeps running and the last screen is drawn."""
    app = build_app(service)
    async with app.run_test(size=(80, 24)) as pilot:
        await _all_built(app, pilot)
        expected = {}
        for key, mode in (("2", "ranks"), ("4", "sources")):
            await pilot.press(key)
            await settle(pilot)
            expected[mode] = app.export_screenshot()
        for key in "21342":
            await pilot.press(key)
        await wait_until(pilot, lambda: not app._update_holds, what="every hold on updates released")
        await settle(pilot)
        assert app.is_running and app.current_mode == "ranks"
        assert app.export_screenshot() == expected["ranks"]
        app.delay_update()
        app.delay_update()
        app._release_updates()  # the early release ends both; their timers then find nothing to end
        assert not app._update_holds
        await pilot.press("4")
        await settle(pilot)
        assert app.export_screenshot() == expected["sources"]


async def test_the_key_bar_is_not_redrawn_for_the_same_keys(service: DataService) -> None:
    """Shown again with the same keys, the key bar keeps its line (no redraw after the screen's frame)."""
    from tui.widgets import KeyBar

    app = build_app(service)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(KeyBar)
        shown = bar.content
        bar.refresh_keys()
        assert bar.content is shown
