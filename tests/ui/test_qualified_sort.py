"""Sorting a table by a column of qualified figures ('≥ 999', '> 1000', 'not given') sorts by their numbers."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.coordinate import Coordinate

from tui.data.views import TableView
from tui.widgets import FigureTable

VIEW = TableView(
    key="q",
    title="qualified",
    columns=("what", "count"),
    rows=(("a", "≥ 999"), ("b", "not given"), ("c", "> 1000"), ("d", "≈ 75 %"), ("e", "26")),
    numeric=frozenset({"count"}),
    derived=(False,) * 5,
)


class TableApp(App[None]):
    def compose(self) -> ComposeResult:
        yield FigureTable()


async def test_sorting_reads_the_number_after_the_qualifier() -> None:
    app = TableApp()
    async with app.run_test() as pilot:
        table = app.query_one(FigureTable)
        table.show(VIEW)
        table.cursor_coordinate = Coordinate(0, 1)
        table.action_sort_column()
        await pilot.pause()
        order = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert order == ["e", "d", "a", "c", "b"]
