"""Screens built in the background stay out of the way of the screen on show (issue 15)."""

from __future__ import annotations

import dataclasses
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import pytest
from rich.console import Console
from textual.widgets import Static

from tests.ui.conftest import settle, wait_until
from tui.app import FoiApp
from tui.data import DataService, formatting
from tui.screens import base
from tui.screens.trends import SUMMARY_CHARS, TrendsData, TrendsScreen, change_line

MakeApp = Callable[..., FoiApp]


async def test_background_screens_gather_their_figures_one_at_a_time(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """At 100,000 figure rows three screens decoded their figures side by side, slowing the one switched to."""
    lock = threading.Lock()
    active = [0]
    most = [0]
    gathered: list[str] = []
    noting = base.FoiScreen.noting_for_cache

    @contextmanager
    def slowly(screen: base.FoiScreen[object]) -> Iterator[None]:
        with lock:
            active[0] += 1
            most[0] = max(most[0], active[0])
        try:
            time.sleep(0.1)  # a costly gathering (big cache files to decode), so that overlaps would show
            with noting(screen):
                yield
        finally:
            with lock:
                active[0] -= 1
                gathered.append(screen.spec.mode)

    monkeypatch.setattr(base.FoiScreen, "noting_for_cache", slowly)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(
            pilot,
            lambda: set(app.prepared_modes) >= {"ranks", "outcomes", "sources", "more"} and not app.loading_screens,
            what="every screen built and its figures gathered",
        )
        await settle(pilot)
    assert {"ranks", "outcomes", "sources"} <= set(gathered)
    assert most[0] == 1, f"{most[0]} screens gathered at once"


async def test_the_trends_summary_gets_only_the_changes_it_can_show(make_app: MakeApp) -> None:
    """Textual wrapped every year's change (40,000 at 100,000 figure rows: half a second) for a two-line summary."""
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TrendsScreen)
        data: TrendsData = screen.gather()
        long = dataclasses.replace(data, changes=" · ".join([data.changes] * 2000))
        screen.show(long)
        summary = screen.query_one("#summary", Static)
        given = str(summary.content)
        assert len(given) <= len(long.summary) + 1 + SUMMARY_CHARS
        full = f"{long.summary}\n{long.changes}"
        for width in (78, 200, 1000):
            assert _lines(given, width)[:2] == _lines(full, width)[:2], width


def test_the_change_line_formats_only_the_changes_the_summary_shows(
    service: DataService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: every period's change was formatted for a summary that shows the first ``SUMMARY_CHARS``
    characters (40,000 at 100,000 figure rows, on the UI thread before the first key was answered)."""
    trend = service.trend("year")
    long = dataclasses.replace(trend, periods=trend.periods * 5000)
    full = "Change: " + " · ".join(
        f"{p.period} {formatting.change(p.change, p.change_pct)}" for p in long.periods if p.change is not None
    )
    formatted: list[int] = []
    change = formatting.change

    def counted(value: int | None, pct: float | None) -> str:
        formatted.append(1)
        return change(value, pct)

    monkeypatch.setattr(formatting, "change", counted)
    line = change_line(long)
    assert line[:SUMMARY_CHARS] == full[:SUMMARY_CHARS] and len(line) >= SUMMARY_CHARS
    assert len(formatted) < len(long.periods) // 10
    assert change_line(trend) == "Change: " + " · ".join(  # a short trend: every change
        f"{p.period} {change(p.change, p.change_pct)}" for p in trend.periods if p.change is not None
    )


def _lines(text: str, width: int) -> list[str]:
    """``text`` as wrapped at ``width`` cells."""
    console = Console(width=width, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(text, markup=False, highlight=False)
    return console.export_text().splitlines()


async def test_a_screen_switched_to_shows_its_chart_before_its_table_is_made(
    make_app: MakeApp, service: DataService, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: ``2`` waited for the ranks table (out of view behind the chart) to be formatted, measured and
    filled: ~80 ms at 100,000 figure rows. The chart is shown first; the table follows, complete."""
    from tui.data import views
    from tui.screens import ranks
    from tui.widgets import FigureTable

    done: list[str] = []
    breakdown_table, show = ranks.breakdown_table, ranks.RanksScreen.show

    def noting_table(*args: object, **options: object) -> views.TableView:
        done.append("table")
        return breakdown_table(*args, **options)  # type: ignore[arg-type]

    def noting_show(screen: ranks.RanksScreen, data: ranks.RanksData) -> None:
        done.append("chart")
        show(screen, data)

    monkeypatch.setattr(ranks, "breakdown_table", noting_table)
    monkeypatch.setattr(ranks.RanksScreen, "show", noting_show)
    app = make_app(screen="ranks")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert done == ["chart", "table"]
        screen = app.screen
        assert isinstance(screen, ranks.RanksScreen)
        expected = views.breakdown_table(service, "rank")
        assert screen.query_one("#rank-table", FigureTable).view == expected
        assert screen.current_table() == expected


async def test_a_background_screens_table_and_chart_are_rendered_in_separate_steps(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both renders in one step held the UI thread for 40-70 ms: a key pressed meanwhile waited for both."""
    steps: dict[str, list[tuple[object, str]]] = {}
    render = base.prerender_screen

    def noting(screen: base.FoiScreen[object], size: object) -> None:
        switcher = screen._views()
        view = switcher.current if switcher is not None else None
        steps.setdefault(screen.spec.mode, []).append((sys._getframe(1), str(view)))  # the calling step, kept alive
        render(screen, size)  # type: ignore[arg-type]

    monkeypatch.setattr(base, "prerender_screen", noting)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(
            pilot,
            lambda: {"table-view", "chart-view"} <= {view for _, view in steps.get("ranks", [])},
            what="the ranks screen's table and chart rendered in the background",
        )
    tables = [step for step, view in steps["ranks"] if view == "table-view"]
    charts = [step for step, view in steps["ranks"] if view == "chart-view"]
    assert not any(step is chart for step in tables for chart in charts), "the table and chart rendered in one step"
