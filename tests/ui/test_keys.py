"""Every key path, driven with Pilot: modes, toggle, sort, help, provenance, palette, quit."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.command import CommandPalette
from textual.widgets import ContentSwitcher, Static

from tests.ui.conftest import palette_offers, plain, settle, wait_until
from tui.app import FoiApp
from tui.screens import HelpScreen, ProvenanceScreen
from tui.widgets import FigureTable, HorizontalBarChart, VerticalBarChart

MakeApp = Callable[..., FoiApp]


async def test_starts_on_trends_with_figures(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.current_mode == "trends"
        summary = str(app.screen.query_one("#summary", Static).render())
        assert "184 in all" in summary and "peak 2021 (92)" in summary and "6.6×" in summary
        chart = app.screen.query_one(VerticalBarChart)
        assert chart.values == (14, 16, 62, 92)
        assert chart.highlight == 3


@pytest.mark.parametrize(
    ("key", "mode"), [("1", "trends"), ("2", "ranks"), ("3", "outcomes"), ("4", "sources"), ("5", "more")]
)
async def test_number_keys_switch_screens(make_app: MakeApp, key: str, mode: str) -> None:
    app = make_app(screen="sources" if mode == "trends" else "trends")
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press(key)
        await settle(pilot)
        assert app.current_mode == mode
        assert app.screen.id == mode


async def test_screens_keep_their_state(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("2", "t")
        await settle(pilot)
        assert app.screen.view_name == "table"
        await pilot.press("1", "2")
        await settle(pilot)
        assert app.screen.view_name == "table"


@pytest.mark.parametrize("screen", ["trends", "ranks", "outcomes", "sources"])
async def test_t_toggles_chart_and_table(make_app: MakeApp, screen: str) -> None:
    app = make_app(screen=screen)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.screen.view_name == "chart"
        await pilot.press("t")
        assert app.screen.query_one("#views", ContentSwitcher).current == "table-view"
        assert isinstance(app.focused, FigureTable)
        await pilot.press("t")
        assert app.screen.view_name == "chart"


async def test_table_has_the_exact_numbers(make_app: MakeApp) -> None:
    app = make_app(screen="ranks")
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("t")
        table = app.screen.query_one("#rank-table", FigureTable)
        rows = [[c.plain for c in table.get_row_at(i)] for i in range(table.row_count)]
        assert rows[0][:3] == ["police constable", "160", "87.0%"]
        assert rows[3][:3] == ["not stated", "4", "2.2%"]
        assert rows[4][:3] == ["sergeant or above*", "20", "10.9%"]


async def test_arrows_and_hjkl_move_and_o_sorts(make_app: MakeApp) -> None:
    app = make_app(screen="ranks")
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("t")
        table = app.focused
        assert isinstance(table, FigureTable)
        await pilot.press("j", "down", "l")
        assert tuple(table.cursor_coordinate) == (2, 1)
        await pilot.press("k", "h", "up")
        assert tuple(table.cursor_coordinate) == (0, 0)
        await pilot.press("l", "o")  # sort by officers, ascending
        counts = [table.get_row_at(i)[1].plain for i in range(table.row_count)]
        assert counts == ["4", "8", "12", "160", "20", "184"]  # the derived group and the total stay last
        await pilot.press("o")  # again: descending
        counts = [table.get_row_at(i)[1].plain for i in range(table.row_count)]
        assert counts == ["160", "12", "8", "4", "20", "184"]
        await pilot.press("O")
        assert table.get_row_at(0)[0].plain == "police constable"


async def test_outcomes_show_both_bases(make_app: MakeApp) -> None:
    app = make_app(screen="outcomes")
    async with app.run_test() as pilot:
        await settle(pilot)
        findings = app.screen.query_one("#finding-chart", HorizontalBarChart)
        sanctions = app.screen.query_one("#sanction-chart", HorizontalBarChart)
        assert findings.values == (57, 37, 7, 83)
        assert sanctions.values == (1, 1, 4, 7, 5, 3, 16)
        assert "184" in findings.chart_title and "37" in sanctions.chart_title
        await pilot.press("t")
        title = str(app.screen.query_one("#sanction-title", Static).render())
        assert "the 37 with a case to answer" in title


async def test_help_opens_lists_keys_and_closes(make_app: MakeApp) -> None:
    app = make_app(screen="ranks")
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("t", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        keys = {key for row in app.screen.rows for key in row[0].split()}
        descriptions = {row[1] for row in app.screen.rows}
        assert {"1", "2", "3", "4", "t", "s", "?", "q", "o", "h", "j", "k", "l", "up", "tab", "ctrl+p"} <= keys
        assert {"Trends", "Chart/table", "Sort", "Help", "Quit", "Source"} <= descriptions
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("question_mark")
        await pilot.press("question_mark")
        assert app.current_mode == "ranks" and len(app.screen_stack) == 1


async def test_s_opens_provenance_for_the_focused_row(make_app: MakeApp) -> None:
    app = make_app(screen="ranks")
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("t", "j", "s")
        assert isinstance(app.screen, ProvenanceScreen)
        assert app.screen.row is not None
        card = plain(app.screen.query_one("#figure-card", Static))
        assert "sergeant" in card and "12" in card
        text = plain(app.screen.query_one("#provenance-text", Static))
        assert "londonworld.com" in text and "FoI reference" in text and "Caveats" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, ProvenanceScreen)


async def test_s_without_a_focused_row_shows_the_dataset(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("s")
        assert isinstance(app.screen, ProvenanceScreen)
        assert app.screen.row is None
        await pilot.press("escape", "2")
        await settle(pilot)
        assert app.current_mode == "ranks" and len(app.screen_stack) == 1


@pytest.mark.parametrize(
    ("query", "mode"), [("Trends", "trends"), ("Ranks", "ranks"), ("Outcomes", "outcomes"), ("Sources", "sources")]
)
async def test_palette_finds_each_screen(make_app: MakeApp, query: str, mode: str) -> None:
    app = make_app(screen="sources" if mode == "trends" else "trends")
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        assert CommandPalette.is_open(app)
        await pilot.press(*query)
        await wait_until(pilot, lambda: palette_offers(app, query), what=f"the palette to offer {query!r}")
        await pilot.press("enter")
        await settle(pilot)
        assert app.current_mode == mode


@pytest.mark.parametrize(("query", "check"), [("Chart/table", "table"), ("Help", "help"), ("Source", "source")])
async def test_palette_runs_actions(make_app: MakeApp, query: str, check: str) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *query)
        await wait_until(pilot, lambda: palette_offers(app, query), what=f"the palette to offer {query!r}")
        await pilot.press("enter")
        await settle(pilot)
        if check == "table":
            assert app.screen.view_name == "table"
        elif check == "help":
            assert isinstance(app.screen, HelpScreen)
        else:
            assert isinstance(app.screen, ProvenanceScreen)


async def test_q_quits(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 0
    assert not app.is_running


async def test_too_small_message_and_recovery(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(60, 20)) as pilot:
        await settle(pilot)
        assert app.screen.has_class("-too-small")
        message = str(app.screen.query_one("#too-small", Static).render())
        assert "need 80x24, have 60x20" in message
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert not app.screen.has_class("-too-small")


async def test_sources_screen_shows_checks_and_claims(make_app: MakeApp) -> None:
    app = make_app(screen="sources")
    async with app.run_test() as pilot:
        await settle(pilot)
        text = plain(app.screen.query_one("#sources-text", Static))
        assert "Do the figures add up?" in text
        assert "does not hold" in text and "contradicted" in text
        await pilot.press("t")
        claims = app.screen.query_one("#claims-table", FigureTable)
        verdicts = {claims.get_row_at(i)[0].plain: claims.get_row_at(i)[2].plain for i in range(claims.row_count)}
        assert verdicts["C1"] == "contradicted"
        assert verdicts["C3"] == "contradicted"


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light", "ansi-dark"])
async def test_themes_render(make_app: MakeApp, theme: str) -> None:
    app = make_app(theme=theme)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.theme == theme
        assert "92" in app.export_screenshot()


@pytest.mark.parametrize("offset", [-0.05, 0.0, 0.01, 0.02, 0.03, 0.05, 0.1])
async def test_quitting_while_screens_are_prepared_is_clean(make_app: MakeApp, offset: float) -> None:
    """The other screens are built in the background after start-up; closing meanwhile must not fail."""
    from tui.app import PREPARE_DELAY

    app = make_app()
    async with app.run_test() as pilot:
        await pilot.pause(PREPARE_DELAY + offset)
    assert app.return_code in (None, 0)  # Textual sets 1 when a handler raised


async def test_help_lists_only_this_apps_keys_truthfully(make_app: MakeApp) -> None:
    """Issue 12 #13: help listed Textual's entries, two Quits, and "chart" on Sources which has none."""
    app = make_app(screen="trends")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t", "question_mark")
        assert isinstance(app.screen, HelpScreen)
        descriptions = [row[1] for row in app.screen.rows]
        for textual_own in ("Copy selected text", "Page Left", "Select", "Maximize", "Keys"):
            assert textual_own not in descriptions
        assert descriptions.count("Quit") == 1
        quit_keys = next(row[0] for row in app.screen.rows if row[1] == "Quit")
        assert quit_keys == "q"
        await pilot.press("escape", "4", "question_mark")
        await settle(pilot)
        rows = {row[1]: row[2] for row in app.screen.rows}
        assert "Report/table" in rows and "chart" not in rows["Report/table"]


async def test_palette_has_no_textual_duplicates_and_ascii_icon(make_app: MakeApp) -> None:
    """Issue 12 #13 and #7: two Quits, Keys and Maximize in the palette; "?? Search for commands~" in ASCII."""
    from textual.command import SearchIcon

    from tui.terminal import Terminal

    app = make_app(terminal=Terminal(colours="none", ascii_only=True))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        titles = {command.title for command in app.get_system_commands(app.screen)}
        assert titles.isdisjoint({"Quit", "Keys", "Maximize", "Minimize"})
        await pilot.press("ctrl+p")
        await settle(pilot)
        assert isinstance(app.screen, CommandPalette)
        assert app.screen.query_one(SearchIcon).icon == ">"
        assert "…" not in app.screen.query_one("CommandInput").placeholder
