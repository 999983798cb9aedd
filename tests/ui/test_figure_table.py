"""Sorting figure tables: totals and derived rows stay last, widths never change, Home/End reach the ends."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from functools import partial

import pytest
from textual.app import App, ComposeResult

from tests.ui.conftest import settle, wait_until
from tui.app import FoiApp
from tui.data.views import TableView
from tui.screens import ProvenanceScreen
from tui.widgets import FigureTable, HorizontalBarChart

MakeApp = Callable[..., FoiApp]


def first_cells(table: FigureTable) -> list[str]:
    return [table.get_row_at(i)[0].plain for i in range(table.row_count)]


def visible_text(table: FigureTable) -> str:
    """What the table shows on screen, line by line."""
    return "\n".join("".join(seg.text for seg in table.render_line(y)) for y in range(table.size.height))


def widths(table: FigureTable) -> list[int]:
    return [column.get_render_width(table) for column in table.columns.values()]


async def test_trends_total_stays_below_sorted_years(make_app: MakeApp) -> None:
    """Issue 12 #4: ``1 t l l l o`` put "total" between 2020 and 2018."""
    app = make_app(screen="trends")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t", "l", "l", "l", "o")
        table = app.focused
        assert isinstance(table, FigureTable)
        assert first_cells(table)[-1] == "total*"
        await pilot.press("h", "h", "o", "o")
        assert first_cells(table)[-1] == "total*"


async def test_ranks_derived_group_stays_below_sorted_ranks(make_app: MakeApp) -> None:
    """Issue 12 #4: ``2 t l o o`` put "sergeant or above" between two ranks."""
    app = make_app(screen="ranks")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t", "l", "o")
        table = app.focused
        assert isinstance(table, FigureTable)
        assert first_cells(table)[-2:] == ["sergeant or above*", "total*"]
        await pilot.press("o")
        assert first_cells(table)[-2:] == ["sergeant or above*", "total*"]
        assert [table.get_row_at(i)[1].plain for i in range(4)] == ["160", "12", "8", "4"]


async def test_outcomes_remainder_is_never_on_top(make_app: MakeApp) -> None:
    """Issue 12 #4: sorting Outcomes put "not explained" on top."""
    app = make_app(screen="outcomes")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        table = app.focused
        assert isinstance(table, FigureTable)
        await pilot.press("l", "o", "o")
        assert first_cells(table)[-1].endswith("*")
        assert not first_cells(table)[0].endswith("*")


async def test_sorting_keeps_widths_and_shows_an_arrow(make_app: MakeApp) -> None:
    """Issue 12 #5: "officers (asc)" widened the table past 80 columns and stayed wide."""
    app = make_app(screen="ranks")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        table = app.focused
        assert isinstance(table, FigureTable)
        before = widths(table)
        await pilot.press("l", "o")
        await settle(pilot)
        labels = [column.label.plain for column in table.columns.values()]
        assert labels[1] == "officers ▲"
        await pilot.press("o", "l", "o")
        await settle(pilot)
        labels = [column.label.plain for column in table.columns.values()]
        assert labels[1] == "officers" and labels[2].endswith("▲")
        assert widths(table) == before
        assert table.virtual_size.width <= table.size.width
        assert not table.show_horizontal_scrollbar


async def test_home_and_end_reach_the_first_and_last_rows(make_app: MakeApp) -> None:
    app = make_app(screen="trends")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t", "end")
        table = app.focused
        assert isinstance(table, FigureTable)
        assert table.cursor_coordinate.row == table.row_count - 1
        await pilot.press("home")
        assert table.cursor_coordinate.row == 0


async def test_sources_tables_fit_80_columns_with_every_column_readable(make_app: MakeApp) -> None:
    """Issue 12 #3: the claims table hid the verdict off-screen and cut the checks column ("(serg")."""
    app = make_app(screen="sources")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        for table_id in ("#checks-table", "#claims-table"):
            table = app.screen.query_one(table_id, FigureTable)
            assert table.virtual_size.width <= table.size.width, table_id
        checks = visible_text(app.screen.query_one("#checks-table", FigureTable))
        assert "(sergeant +" in checks and "inspector and above)" in checks
        claims_text = visible_text(app.screen.query_one("#claims-table", FigureTable))
        assert "verdict" in claims_text and "contradicted" in claims_text
        claims = app.screen.query_one("#claims-table", FigureTable)
        claims.focus()
        await pilot.press("l", "l", "l", "l")
        assert claims.scroll_x == 0


async def test_rows_beyond_the_limit_leave_the_worked_out_rows_shown(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A long table shows ``MAX_ROWS`` source rows, one "more rows" line, then the totals (never cut off)."""
    monkeypatch.setattr(FigureTable, "MAX_ROWS", 2)
    app = make_app(screen="ranks")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t", "l", "o")
        table = app.focused
        assert isinstance(table, FigureTable)
        await wait_until(pilot, lambda: table.complete, what="the table filled")
        cells = first_cells(table)
        assert cells[:2] == ["not stated", "inspector and above"]
        assert cells[2] == "+2 more rows" and cells[3:] == ["sergeant or above*", "total*"]
        await pilot.press("down", "down")
        assert table.focused_row() is None and table.focused_index() is None  # the "more rows" line is no figure
        await pilot.press("s")
        await wait_until(pilot, lambda: isinstance(app.screen, ProvenanceScreen), what="the source pop-up")
        assert app.screen.row is not None and app.screen.row[1] is None  # no card, the provenance only


async def test_a_table_out_of_view_fills_only_while_the_app_is_quiet(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: a table behind a chart, or on a screen built in the background, holds its first chunk
    while keys come, and fills between them, so ``t`` shows it complete at once (filling it once shown
    redrew it for a tenth of a second at 10,000 figure rows); in view, a table fills at once."""
    from tui.widgets import figure_table

    monkeypatch.setattr(figure_table, "CHUNK_ROWS", 2)
    quiet = [False]
    monkeypatch.setattr(FoiApp, "is_quiet", lambda self: quiet[0])
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        trends = app.screen.query_one(FigureTable)
        assert trends.row_count == 2 and not trends.complete  # behind the chart
        await pilot.press("2")
        await wait_until(pilot, lambda: app.screen.id == "ranks", what="the ranks screen")
        await settle(pilot)
        ranks = app.screen.query_one(FigureTable)
        assert ranks.row_count == 2 and not ranks.complete  # built in the background, then behind its chart
        await pilot.press("t")
        await wait_until(pilot, lambda: ranks.complete, what="the ranks table filled once shown")
        assert not trends.complete  # the trends screen is not on show, and keys keep coming
        quiet[0] = True
        await wait_until(pilot, lambda: trends.complete, what="the trends table filled out of view, between keys")
        assert app.screen.id == "ranks"


async def test_a_screen_built_in_the_background_holds_its_figures_back_after_a_key(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 15: showing a background screen's figures (tens of ms at 10,000 figure rows) held up the
    switch the user had just asked for. Just after a key it waits; switched to, it shows them at once."""
    from tui.screens import base

    monkeypatch.setattr(base, "BACKGROUND_HOLD", 3600.0)  # after a key, background screens wait all test long
    shown: list[str] = []
    show = base.FoiScreen._show_and_focus

    def noting(screen: base.FoiScreen[object], data: object) -> None:
        show(screen, data)
        if screen.is_attached and not getattr(screen, "_held", None):
            shown.append(screen.spec.mode)

    monkeypatch.setattr(base.FoiScreen, "_show_and_focus", noting)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("j")  # any key
        await wait_until(pilot, lambda: "ranks" in app.prepared_modes, what="the ranks screen built in the background")
        await settle(pilot)
        assert "ranks" not in shown
        await pilot.press("2")
        await wait_until(pilot, lambda: "ranks" in shown, what="the ranks figures shown once switched to")
        chart = app.screen.query_one(HorizontalBarChart)
        await wait_until(pilot, lambda: bool(chart.values), what="the ranks chart drawn")


class OneTable(App[None]):
    """A bare app holding one figure table (in view from the start)."""

    def compose(self) -> ComposeResult:
        yield FigureTable()


def long_view(rows: int) -> TableView:
    """A made-up table of ``rows`` plain rows (no figures: only the filling is under test)."""
    return TableView(
        key="long",
        title="long",
        columns=("name", "value"),
        rows=tuple((f"row {i}", str(i)) for i in range(rows)),
        numeric=frozenset({"value"}),
        derived=(False,) * rows,
    )


async def fill_ticks(monkeypatch: pytest.MonkeyPatch, seconds_per_row: float, rows: int) -> list[int]:
    """Fill an in-view table on a fake clock advancing ``seconds_per_row`` per row; the rows each tick added."""
    from tui.widgets import figure_table

    monkeypatch.setattr(figure_table, "clock", partial(next, itertools.count(0.0, seconds_per_row)))
    added: list[int] = []
    fill = FigureTable._fill

    def counted(table: FigureTable, generation: int) -> None:
        before = table.row_count
        fill(table, generation)
        if table.row_count > before:
            added.append(table.row_count - before)

    monkeypatch.setattr(FigureTable, "_fill", counted)
    app = OneTable()
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one(FigureTable)
        table.show(long_view(rows))
        await wait_until(pilot, lambda: table.complete, what="the table filled")
        assert table.row_count == rows
    return added


async def test_a_table_in_view_fills_in_ticks_of_a_time_budget(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 15: fixed chunks of 10 rows took 100 ticks for 1,000 rows (0.4 s of a changing screen).

    Rows are added until ``FILL_BUDGET`` has passed: cheap rows go in a few ticks, and a tick of
    costly rows stops after the row that used the budget up (a key never waits behind more).
    """
    from tui.widgets import figure_table

    rows_per_budget = 50
    added = await fill_ticks(monkeypatch, figure_table.FILL_BUDGET / rows_per_budget, FigureTable.MAX_ROWS)
    assert added[0] == figure_table.CHUNK_ROWS  # the first screenful, in view or not
    assert all(rows_per_budget - 1 <= n <= rows_per_budget + 1 for n in added[1:-1]), added
    assert len(added) <= 2 + FigureTable.MAX_ROWS // (rows_per_budget - 1)

    costly = 5
    added = await fill_ticks(monkeypatch, figure_table.FILL_BUDGET * 2, figure_table.CHUNK_ROWS + costly)
    assert added == [figure_table.CHUNK_ROWS] + [1] * costly


async def test_tables_are_measured_in_the_screens_workers_not_on_the_ui_thread(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Measuring every row of a big table took tens of ms on the UI thread at 100,000 figure rows."""
    import threading

    from tui.widgets import figure_table

    measured_on: list[str] = []
    measure = figure_table._measure

    def noting(view: TableView) -> list[int]:
        measured_on.append(threading.current_thread().name)
        return measure(view)

    monkeypatch.setattr(figure_table, "_measure", noting)
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        for key in "234":
            await pilot.press(key)
            await wait_until(pilot, lambda: bool(app.screen.query(FigureTable)), what="a screen with tables")
            await settle(pilot)
    assert measured_on, "no table was measured"
    assert threading.main_thread().name not in measured_on


@pytest.mark.parametrize(("dataset", "mode"), [("met-2018-2021", "sources"), ("uk-pa-2014", "more")])
async def test_tables_behind_a_chart_are_fitted_to_the_width_they_are_shown_at(dataset: str, mode: str) -> None:
    """Fitted again once shown, the Sources tables' wrapped rows were measured twice: ``t`` took 120 ms."""
    from tui.app import build_app
    from tui.data import DataService
    from tui.data.catalog import Catalog

    app = build_app(DataService.from_path(Catalog().get(dataset).path), screen=mode)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        tables = list(app.screen.query(FigureTable))
        assert tables and all(not table.size.width for table in tables)  # behind the chart: not laid out
        fitted = {table.id: table.fitted_width for table in tables}
        await pilot.press("t")
        await settle(pilot)
        assert {table.id: table.size.width for table in tables} == fitted


async def test_only_rows_that_wrap_are_measured_so_one_long_note_does_not_slow_the_table() -> None:
    """Issue 15: one wrapped note made every row of a 1,000-row ranks table auto-height: ``t`` took 0.6 s."""
    rows = 300
    note = "a note far too long for the note column at eighty columns, so it wraps onto lines below"
    view = TableView(
        key="notes",
        title="notes",
        columns=("name", "value", "note"),
        rows=tuple((f"row {i}", str(i), note if i == 3 else "") for i in range(rows)),
        numeric=frozenset({"value"}),
        derived=(False,) * rows,
    )
    app = OneTable()
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one(FigureTable)
        table.show(view)
        await wait_until(pilot, lambda: table.complete, what="the table filled")
        assert [table.row_wraps(i) for i in range(5)] == [False, False, False, True, False]
        heights = {row.key.value: (row.height, row.auto_height) for row in table.ordered_rows}
        assert heights["3"][0] > 1 and heights["3"][1]
        assert all(height == (1, False) for key, height in heights.items() if key != "3")


async def test_a_long_table_keeps_an_index_only_for_the_rows_it_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 15: an index per source row, kept after filling, was megabytes for 100,000 figure rows."""
    monkeypatch.setattr(FigureTable, "MAX_ROWS", 5)
    rows = tuple((f"row {i}", str(i)) for i in range(50))
    view = TableView("k", "t", ("name", "count"), rows, frozenset({"count"}), (False,) * 50)

    class TableApp(App[None]):
        def compose(self) -> ComposeResult:
            yield FigureTable()

    app = TableApp()
    async with app.run_test(size=(80, 24)) as pilot:
        table = app.query_one(FigureTable)
        table.show(view)
        await wait_until(pilot, lambda: table.complete, what="the table filled")
        table.action_sort_column()
        await wait_until(pilot, lambda: table.complete, what="the sorted table filled")
        kept = [name for name, value in vars(table).items() if isinstance(value, list | tuple) and len(value) > 6]
        assert kept == []
