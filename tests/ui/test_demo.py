"""The demo tour played by its autopilot inside the app: every screen shown, captions, a clean exit."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual.pilot import Pilot

from tests.ui.conftest import settle
from tui.app import FoiApp
from tui.demo import default_tour_path, load_tour, parse_tour
from tui.demo.player import play


class WatchingPilot:
    """A pilot that notes the mode and the screen on show after every key."""

    def __init__(self, pilot: Pilot[None]) -> None:
        self.pilot = pilot
        self.app = pilot.app
        self.seen: list[tuple[str, str, str]] = []

    async def press(self, key: str) -> None:
        await self.pilot.press(key)
        screen = self.app.screen
        self.seen.append((self.app.current_mode, type(screen).__name__, getattr(screen, "view_name", "")))


async def test_bundled_tour_shows_every_screen_view_and_pop_up(make_app: Callable[..., FoiApp]) -> None:
    app = make_app()
    tour = load_tour(default_tour_path())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        watcher = WatchingPilot(pilot)
        await play(watcher, tour, speed=1000)  # type: ignore[arg-type]
    assert app.return_code == 0
    seen = set(watcher.seen)
    for mode, screen in [("trends", "TrendsScreen"), ("ranks", "RanksScreen"), ("outcomes", "OutcomesScreen")]:
        assert (mode, screen, "chart") in seen
        assert (mode, screen, "table") in seen
    assert ("sources", "SourcesScreen", "chart") in seen and ("sources", "SourcesScreen", "table") in seen
    assert any(screen == "HelpScreen" for _, screen, _ in seen)
    assert any(screen == "ProvenanceScreen" for _, screen, _ in seen)
    assert watcher.seen[-1] == ("trends", "TrendsScreen", "chart")


async def test_captions_show_the_key_and_its_caption(make_app: Callable[..., FoiApp]) -> None:
    app = make_app()
    tour = parse_tour('[[step]]\nkey = "2"\ncaption = "Ranks now"\npause = 0\n', "t.toml")
    async with app.run_test() as pilot:
        await settle(pilot)
        shown: list[tuple[str, str]] = []
        app.notify = lambda message, *, title="", **kw: shown.append((title, message))  # type: ignore[method-assign]
        await play(pilot, tour, captions=True)
        assert app.current_mode == "ranks"
    assert shown == [("key 2  (1/1)", "Ranks now")]
    assert app.return_code == 0


async def test_quitting_mid_tour_ends_it_at_once(make_app: Callable[..., FoiApp]) -> None:
    app = make_app()
    step = '[[step]]\nkey = "{}"\ncaption = "x"\npause = 60\n'
    tour = parse_tour(step.format("q") + step.format("2"))
    async with app.run_test() as pilot:
        await settle(pilot)
        async with asyncio.timeout(30):  # the tour's pauses add up to two minutes if they ignored the quit
            await play(pilot, tour)
    assert app.current_mode == "trends"
