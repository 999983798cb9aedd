"""The dataset picker and the compare view, driven by keys inside the real app.

The app's own keys for them (d, c) arrive with the screen registry; until then the
tests open them as the app will, with ``push_screen``.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, OptionList, Static

from tests.ui.conftest import plain, settle
from tui.app import FoiApp
from tui.data.catalog import Catalog
from tui.screens.compare import CompareScreen, partner_for
from tui.screens.picker import DatasetPicker
from tui.widgets import FigureTable


async def wait_until(pilot: Pilot[None], condition: Callable[[], bool], tries: int = 500) -> None:
    """Wait for a condition (checked between frames), never for a fixed time."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("the condition never held")


async def test_picker_filters_as_you_type_and_returns_the_choice(make_app: Callable[..., FoiApp]) -> None:
    app = make_app()
    chosen: list[str | None] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(DatasetPicker(Catalog().entries, "met-2018-2021"), chosen.append)
        await wait_until(pilot, lambda: isinstance(app.screen, DatasetPicker))
        await settle(pilot)
        options = app.screen.query_one(OptionList)
        assert options.option_count == 11
        assert options.get_option_at_index(options.highlighted or 0).id == "met-2018-2021"
        await pilot.press(*"guardian")
        assert options.option_count == 2
        assert "2 of 11 datasets" in plain(app.screen.query_one("#picker-count", Static))
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: bool(chosen))
        assert chosen == ["met-guardian-2022"]


async def test_picker_says_when_nothing_matches_and_escape_cancels(make_app: Callable[..., FoiApp]) -> None:
    app = make_app()
    chosen: list[str | None] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.push_screen(DatasetPicker(Catalog().entries, "met-2018-2021"), chosen.append)
        await wait_until(pilot, lambda: isinstance(app.screen, DatasetPicker))
        await settle(pilot)
        await pilot.press(*"zzz")
        assert app.screen.query_one(OptionList).option_count == 0
        assert app.screen.query_one(Input).value == "zzz"
        assert "nothing matches 'zzz'" in plain(app.screen.query_one("#picker-count", Static))
        await pilot.press("escape")
        await wait_until(pilot, lambda: bool(chosen))
        assert chosen == [None]


async def test_compare_view_marks_the_2013_disagreement_and_swaps(make_app: Callable[..., FoiApp]) -> None:
    app = make_app()
    catalog = Catalog()
    assert partner_for(catalog, "met-guardian-2013") == "met-independent-2013"
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = CompareScreen(catalog, "met-guardian-2013")
        app.push_screen(screen)
        await wait_until(pilot, lambda: screen.comparison is not None and bool(screen.query(FigureTable)))
        await settle(pilot)
        rows = [row for t in screen.query(FigureTable) if t.view for row in t.view.rows]
        assert ("written warning", "18", "17", "DISAGREE", "") in rows
        assert ("complaint proven", "38", "38", "agree", "↔ substantiated (same)") in rows
        summary = plain(screen.query_one("#compare-summary", Static))
        assert "written warning: A 18 officers against B 17 officers" in summary
        await pilot.press("x")
        await wait_until(pilot, lambda: screen.comparison is not None and screen.first == "met-independent-2013")
        await wait_until(pilot, lambda: screen.comparison is not None and screen.comparison.left.name == screen.first)
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is not screen)


async def test_compare_view_picks_another_dataset_and_explains_units(make_app: Callable[..., FoiApp]) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = CompareScreen(Catalog(), "met-2018-2021")
        app.push_screen(screen)
        await wait_until(pilot, lambda: screen.comparison is not None)
        assert screen.comparison is not None and screen.comparison.right.name == "met-guardian-2022"
        await pilot.press("b")
        await wait_until(pilot, lambda: isinstance(app.screen, DatasetPicker))
        await pilot.press(*"pa 2023", "enter")
        await wait_until(pilot, lambda: app.screen is screen and screen.second == "met-pa-2023")
        await wait_until(pilot, lambda: screen.comparison is not None and screen.comparison.right.name == "met-pa-2023")
        await settle(pilot)
        head = plain(screen.query_one(".compare-head", Static))
        assert "counts cannot be compared" in head and "periods overlap" in head


async def test_compare_answers_overtaken_or_late_are_dropped(make_app: Callable[..., FoiApp]) -> None:
    """Swaps pressed faster than comparisons arrive, and esc before one arrives: no error, the newest shown."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in range(3):
            await pilot.press("c", "x", "x", "x", "escape")  # closed with answers still on their way
        await pilot.press("c", *("x" * 6))
        await wait_until(pilot, lambda: isinstance(app.screen, CompareScreen))
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        await wait_until(pilot, lambda: screen.comparison is not None and screen.comparison.left.name == screen.first)
        await settle(pilot)
        assert app.is_running and app.return_code is None
        assert screen.first == "met-2018-2021"  # six swaps: back where it started
        assert screen.comparison is not None and screen.comparison.left.name == "met-2018-2021"


async def test_two_answers_arriving_together_never_rebuild_the_view_at_once(make_app: Callable[..., FoiApp]) -> None:
    """The monkey's crash: a second answer emptied the body while the first was still filling it (NoMatches)."""
    import asyncio

    app = make_app()
    comparison = Catalog().compare("met-2018-2021", "met-guardian-2022")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = CompareScreen(Catalog(), "met-2018-2021", "met-guardian-2022")
        app.push_screen(screen)
        await wait_until(pilot, lambda: screen.comparison is not None)
        await asyncio.gather(screen.show(comparison), screen.show(comparison), screen.show(comparison))
        await settle(pilot)
        assert len(screen.query(FigureTable)) == len(comparison.sections)


@pytest.mark.parametrize("kind", ["compare", "picker"])
async def test_a_popup_closed_before_it_is_mounted_does_nothing(make_app: Callable[..., FoiApp], kind: str) -> None:
    """The monkey's crash: c (or d) then a key closing it at once; its on_mount found its widgets gone."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in range(5):
            screen = (
                CompareScreen(Catalog(), "met-2018-2021")
                if kind == "compare"
                else DatasetPicker(Catalog().entries, "met-2018-2021")
            )
            app.push_screen(screen)
            app.pop_screen()
            await settle(pilot)
        assert app.is_running and app.return_code is None
        assert app.screen.id == "trends"


async def test_scroll_keys_on_a_closing_compare_view_do_nothing(make_app: Callable[..., FoiApp]) -> None:
    """The monkey's crash: j/k reaching the compare view after it had begun to close (NoMatches)."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in range(5):
            screen = CompareScreen(Catalog(), "met-2018-2021")
            app.push_screen(screen)
            await pilot.pause()
            app.pop_screen()
            screen.action_scroll(1)  # as a key queued before the close would
            await settle(pilot)
            screen.action_scroll(-1)  # and once the screen is gone
        assert app.is_running and app.return_code is None
