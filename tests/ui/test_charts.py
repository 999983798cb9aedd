"""Bar charts: labels on the bar tops, no box behind them, derived bars quieter and marked, ASCII, %, bar focus."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from rich.text import Text
from textual.widgets import Static

from tests.ui.conftest import plain, settle
from tui.app import FoiApp
from tui.terminal import Terminal
from tui.widgets import BarChart, HorizontalBarChart, VerticalBarChart
from tui.widgets.chart_style import DERIVED_LEGEND

MakeApp = Callable[..., FoiApp]

BLOCKS = "█#"


def label_and_top_rows(chart: VerticalBarChart) -> list[tuple[int, int]]:
    """For each bar: the row of its value label and the row of its top, read from the drawn plot."""
    lines = chart.render().plain.splitlines()
    found = []
    for index in range(len(chart._values)):
        label = chart.value_text(index)
        row = next(r for r, line in enumerate(lines) if f" {label} " in line)
        column = lines[row].index(f" {label} ") + 1 + len(label) // 2
        top = next(r for r in range(row + 1, len(lines)) if lines[r][column] in BLOCKS)
        found.append((row, top))
    return found


@pytest.mark.parametrize("size", [(80, 24), (120, 40), (200, 60)], ids=lambda s: f"{s[0]}x{s[1]}")
async def test_trend_labels_sit_right_on_the_bar_tops(make_app: MakeApp, size: tuple[int, int]) -> None:
    """Issue 12 #6: labels floated 1-4 rows above the bars at 120x40 and 200x60."""
    app = make_app(screen="trends")
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        rows = label_and_top_rows(app.screen.query_one(VerticalBarChart))
        assert all(top == label + 1 for label, top in rows), rows
        (_, top_2018), (_, top_2019) = rows[0], rows[1]
        if top_2018 == top_2019:  # bars of the same height in rows: labels on the same row
            assert rows[0][0] == rows[1][0]


async def test_value_labels_have_no_box_behind_them(make_app: MakeApp) -> None:
    """Issue 12 #12: value labels had a dark background (233 on 234) unlike the plot around them."""
    app = make_app(screen="trends", theme="textual-dark")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        chart = app.screen.query_one(VerticalBarChart)
        rendered = chart.render()
        assert isinstance(rendered, Text)
        for line in rendered.split():
            backgrounds = {
                span.style.bgcolor
                for span in line.spans
                if not isinstance(span.style, str) and line.plain[span.start : span.end].strip(" ") in ("92", "│")
            }
            assert len(backgrounds) <= 1, (line.plain, backgrounds)


async def test_derived_bars_are_quieter_marked_and_explained(make_app: MakeApp) -> None:
    """Issue 12 #8 and #15: derived remainders were drawn in the peak's accent colour, with italics only."""
    app = make_app(screen="outcomes")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        findings = app.screen.query_one("#finding-chart", HorizontalBarChart)
        derived = findings._derived.index(True)
        style = findings.style_options
        assert findings.bar_colour(derived) == style.derived != style.accent
        assert findings.bar_marker(derived) == style.derived_marker != style.marker
        assert findings.bar_label(derived).endswith("*")
        assert DERIVED_LEGEND in findings.render().plain
        trend = await _trend_chart(app, pilot)
        assert trend.bar_colour(trend._highlight or 0) == style.accent


async def _trend_chart(app: FoiApp, pilot) -> VerticalBarChart:
    await pilot.press("1")
    await settle(pilot)
    return app.screen.query_one(VerticalBarChart)


async def test_ascii_mode_words_and_axes(make_app: MakeApp) -> None:
    """Issue 12 #7: "2018>2021: 14>92" read as an inequality; axes read "case to answer+####"."""
    app = make_app(screen="trends", terminal=Terminal(colours="standard", ascii_only=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        summary = plain(app.screen.query_one("#summary", Static))
        assert "2018 to 2021: 14 to 92" in summary
        await pilot.press("3")
        await settle(pilot)
        findings = app.screen.query_one("#finding-chart", HorizontalBarChart)
        text = findings.render().plain
        assert "case to answer #" in text
        assert "┤" not in text


async def test_percent_switches_counts_and_shares(make_app: MakeApp) -> None:
    app = make_app(screen="trends")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        chart = app.screen.query_one(VerticalBarChart)
        assert app.focused is chart
        assert " 92 " in chart.render().plain
        await pilot.press("percent_sign")
        await settle(pilot)
        assert " 50.0% " in chart.render().plain
        await pilot.press("percent_sign")
        await settle(pilot)
        assert " 92 " in chart.render().plain


async def test_left_right_focus_a_bar_and_say_its_value_share_and_source(make_app: MakeApp) -> None:
    app = make_app(screen="trends")
    seen: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        chart = app.screen.query_one(VerticalBarChart)
        original = chart.post_message

        def record(message) -> bool:
            if isinstance(message, BarChart.BarFocused):
                seen.append(message.status)
            return original(message)

        chart.post_message = record  # type: ignore[method-assign]
        await pilot.press("right", "right", "right")
        await settle(pilot)
        assert chart.focused_bar == 2
        assert chart.bar_colour(2) == chart.style_options.focus
        assert seen[-1].startswith("2020: 62 officers · 33.7% of all 184")
        assert "LondonWorld" in seen[-1]
        await pilot.press("left", "end")
        assert chart.focused_bar == 3
        await pilot.press("home")
        assert chart.focused_bar == 0


async def test_the_line_for_bars_left_out_reads_as_their_sum(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """With more ranks than fit, focusing the ``+N more`` line says what it stands for (every one in the table)."""
    monkeypatch.setattr(HorizontalBarChart, "MAX_BARS", 3)
    app = make_app(screen="ranks")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        chart = app.screen.query_one(HorizontalBarChart)
        assert chart.labels == ("police constable", "sergeant", "+2 more") and chart.left_out == 2
        await pilot.press("end")
        await settle(pilot)
        assert chart.focused_bar == 2
        assert chart.status_text(2).startswith("+2 more: 12 officers · 6.5% of all 184")  # inspector and above 8 + 4
        await pilot.press("percent_sign")
        assert chart.value_text(2) == "6.5%"


DRAW_TREND_CHART = """
import asyncio, sys
from textual.app import App
from tui.widgets import VerticalBarChart

class Charts(App):
    def compose(self):
        yield VerticalBarChart()

async def main():
    app = Charts()
    async with app.run_test(size=(80, 24)) as pilot:
        chart = app.query_one(VerticalBarChart)
        periods = [str(40000 + i) for i in range(30)]  # five-digit periods, as at 100,000 figure rows
        chart.set_data(periods, [(7 * i) % 23 + 1 for i in range(30)], title="per period")
        await pilot.pause()
        print(chart.render().plain)

asyncio.run(main())
"""


def test_the_trend_chart_is_drawn_the_same_at_every_start(tmp_path: Path) -> None:
    """Issue 15: plotext wrote x labels in an order set by string hashing (new at each start), so close labels
    moved or vanished differently at each start and the cached first screen was not the one drawn next."""
    drawn = set()
    for seed in ("1", "2", "3", "4"):
        done = subprocess.run(
            [sys.executable, "-c", DRAW_TREND_CHART],
            env={**os.environ, "PYTHONHASHSEED": seed},
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        )
        drawn.add(done.stdout)
    assert len(drawn) == 1, "\n".join(text.splitlines()[-2] for text in drawn)
    assert "40029" in drawn.pop()  # the last period is always labelled
