"""The demo tour played by its autopilot inside the app: every screen shown, captions, a clean exit."""

from __future__ import annotations

import asyncio
from collections.abc import Callable

from textual.pilot import Pilot

from tests.ui.conftest import settle
from tui.app import FoiApp
from tui.demo import default_tour_path, load_tour, parse_tour
from tui.demo.player import play
from tui.widgets import KeyBar


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
    tour = parse_tour(
        '[[step]]\nkey = "2"\ncaption = "Ranks now"\npause = 0\n[[step]]\nkey = "t"\ncaption = "x"\npause = 0\n',
        "t.toml",
    )
    async with app.run_test() as pilot:
        await settle(pilot)
        shown: list[str] = []

        class Watch:
            app = pilot.app

            async def press(self, key: str) -> None:
                await pilot.press(key)
                await settle(pilot)
                shown.append(str(pilot.app.screen.query_one(KeyBar).render()))

        await play(Watch(), tour, captions=True)  # type: ignore[arg-type]
    assert shown[0] == " key 2 1/2  Ranks now"
    assert app.return_code == 0


async def test_captions_never_cover_the_figures_or_the_source_line(make_app: Callable[..., FoiApp]) -> None:
    """Issue 12 #10: the caption box covered the bars it described and cut the source line."""
    app = make_app()
    tour = load_tour(default_tour_path())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        checked: list[str] = []

        class Watch:
            app = pilot.app

            async def press(self, key: str) -> None:
                await pilot.press(key)
                await settle(pilot)
                screen = pilot.app.screen
                assert not pilot.app.query("Toast")
                bar = screen.query_one(KeyBar)
                for other in screen.query("#body, #provenance"):
                    assert not bar.region.overlaps(other.region), (key, other)
                checked.append(key)

        await play(Watch(), tour, speed=1000, captions=True)  # type: ignore[arg-type]
    assert len(checked) == len(tour.steps)


async def test_quitting_mid_tour_ends_it_at_once(make_app: Callable[..., FoiApp]) -> None:
    app = make_app()
    step = '[[step]]\nkey = "{}"\ncaption = "x"\npause = 60\n'
    tour = parse_tour(step.format("q") + step.format("2"))
    async with app.run_test() as pilot:
        await settle(pilot)
        async with asyncio.timeout(30):  # the tour's pauses add up to two minutes if they ignored the quit
            await play(pilot, tour)
    assert app.current_mode == "trends"
