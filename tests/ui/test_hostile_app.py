"""Hostile and partial datasets in the app: text shown harmlessly on every screen, nothing raises."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from rich.segment import Segment
from textual.app import App
from textual.geometry import Region
from textual.widget import Widget
from textual.widgets import Static

from tests.fixtures.bad.cases import CASES, make
from tests.ui.conftest import settle
from tui.app import build_app
from tui.data import DataService
from tui.widgets import FigureTable, HorizontalBarChart, VerticalBarChart
from tui.widgets.url_text import is_web_address

FORBIDDEN = re.compile(r"[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200b-\u200f]")
BY_ID = {case.id: case for case in CASES}
# Every screen and view: the four modes as chart and as table, then help and the source pop-up.
TOUR = ("1", "t", "2", "t", "3", "t", "4", "t", "question_mark", "escape", "s", "escape", "2", "end", "home")


def segments(widget: Widget) -> list[Segment]:
    """What the widget draws, as styled segments."""
    width, height = widget.size
    if not widget.display or width == 0 or height == 0:
        return []
    return [seg for strip in widget.render_lines(Region(0, 0, width, height)) for seg in strip]


def problems(app: App[None]) -> list[str]:
    """Forbidden characters, actions and links anywhere on the screen on show.

    The one link allowed is a source's own web address, drawn as that address (issue 12: source
    URLs are terminal links); markup in the data must never make one.
    """
    sources = getattr(getattr(app, "service", None), "provenance", None)
    allowed = {s.url for s in sources.sources if is_web_address(s.url)} if sources else set()
    found = []
    for widget in app.screen.query("*"):
        for seg in segments(widget):
            if FORBIDDEN.search(seg.text):
                found.append(f"{widget!r}: control character in {seg.text!r}")
            meta = seg.style.meta if seg.style else {}
            link = seg.style.link if seg.style else None
            if "@click" in meta or (link and not (link in allowed and link.startswith(seg.text.rstrip("…")))):
                found.append(f"{widget!r}: link or action {meta or seg.style.link!r} in {seg.text!r}")
    return found


def dataset(case_id: str, tmp_path: Path) -> DataService:
    return DataService.from_path(make(BY_ID[case_id], tmp_path / "dataset"))


async def test_the_detector_sees_an_action_link() -> None:
    class Probe(App[None]):
        def compose(self):  # type: ignore[no-untyped-def]
            yield Static("[@click=app.quit]quit[/]")

    app = Probe()
    async with app.run_test() as pilot:
        await pilot.pause()
        assert any("link or action" in p for p in problems(app))


@pytest.mark.parametrize("case_id", ["hostile-text", "markup-title", "markup-force-click"])
async def test_hostile_text_is_shown_harmlessly_everywhere(case_id: str, tmp_path: Path) -> None:
    app = build_app(dataset(case_id, tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        seen = []
        for key in TOUR:
            await pilot.press(key)
            await settle(pilot)
            seen.append(type(app.screen).__name__)
            assert problems(app) == [], f"after {key}"
        assert {"HelpScreen", "ProvenanceScreen"} <= set(seen)
        assert app.is_running  # [@click=app.quit] did nothing


@pytest.mark.parametrize("case_id", ["no-year", "no-rank", "no-sanction", "no-finding"])
async def test_datasets_missing_a_dimension_open_every_screen(case_id: str, tmp_path: Path) -> None:
    app = build_app(dataset(case_id, tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for key in TOUR:
            await pilot.press(key)
            await settle(pilot)
        assert app.is_running


async def test_many_periods_have_labels_that_never_collide(tmp_path: Path) -> None:
    app = build_app(dataset("many-categories", tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        lines = text_of(app.screen.query_one(VerticalBarChart)).splitlines()
        counts = [run for line in lines[1:-1] for run in re.findall(r"[0-9]+", line)]
        years = re.findall(r"[0-9]+", lines[-1])
        assert counts and all(100 <= int(run) <= 149 for run in counts), lines  # one count each, none run together
        assert years and all(1970 <= int(run) <= 2019 for run in years), lines[-1]


async def test_many_categories_chart_says_how_many_more(tmp_path: Path) -> None:
    app = build_app(dataset("many-categories", tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2")
        await settle(pilot)
        chart = app.screen.query_one(HorizontalBarChart)
        assert chart.size.height < 24
        assert "more" in text_of(chart)


async def test_home_and_end_reach_the_first_and_last_rows(tmp_path: Path) -> None:
    app = build_app(dataset("many-categories", tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("2", "t")
        await settle(pilot)
        table = app.screen.query_one("#rank-table", FigureTable)
        await pilot.press("end")
        assert table.cursor_coordinate.row == table.row_count - 1
        assert table.scroll_y == table.max_scroll_y
        await pilot.press("home")
        assert table.cursor_coordinate.row == 0


def text_of(widget: Widget) -> str:
    lines = widget.render_lines(Region(0, 0, widget.size.width, widget.size.height))
    return "\n".join("".join(seg.text for seg in line) for line in lines)


async def test_markup_in_tour_captions_is_shown_as_typed(service: DataService, monkeypatch: pytest.MonkeyPatch) -> None:
    from tui.demo import parse_tour, player
    from tui.widgets import KeyBar

    caption = "[/] [link=https://example.org]x[/link] [@click=app.quit]q[/]"
    tour = parse_tour(f'[[step]]\nkey = "2"\ncaption = "{caption}"\npause = 0\n', "t.toml")
    app = build_app(service)
    shown: list[str] = []
    show_caption = player.show_caption

    def recording_show_caption(app: App[None], label: str, text: str) -> None:
        show_caption(app, label, text)  # captions go in the key bar's place (issue 12 #10)
        bar = app.screen.query_one(KeyBar)
        shown.append(str(bar.render()))  # rendering would raise on markup read as markup
        shown.extend(problems(app))

    monkeypatch.setattr(player, "show_caption", recording_show_caption)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await player.play(pilot, tour, captions=True)
        await settle(pilot)
    assert len(shown) == 1 and shown[0].endswith(caption)  # the caption as typed, never parsed as markup
