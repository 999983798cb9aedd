"""Ranks: officers investigated by rank, with the derived 'sergeant or above'."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from textual.app import ComposeResult
from textual.widgets import Static

from tui.data import formatting as fmt
from tui.data.model import Breakdown, Figure
from tui.data.views import TableView, breakdown_note, breakdown_table
from tui.screens.base import FoiScreen
from tui.widgets import FigureTable, HorizontalBarChart
from tui.widgets.figure_table import natural_widths


@dataclass(frozen=True)
class RanksData:
    """What the ranks screen shows."""

    breakdown: Breakdown
    full: TableView | None
    """None when left out of the chart view (see :meth:`RanksScreen.gather_in_view`)."""
    note: str
    """What the shares are of (the table's note), shown under the chart too."""


class RanksScreen(FoiScreen[RanksData]):
    """A bar per rank (``not stated`` kept); ``t``: the table of counts, shares and notes."""

    def compose_chart(self) -> ComposeResult:
        """The bar chart and its note (the numbers are one ``t`` away, as on every screen)."""
        yield HorizontalBarChart(id="rank-chart")
        yield Static("", id="rank-chart-note", classes="table-note", markup=False)

    def compose_table(self) -> ComposeResult:
        """The full table with notes and its base."""
        yield FigureTable(id="rank-table")
        yield Static("", id="rank-note", classes="table-note", markup=False)

    def gather(self) -> RanksData:
        """Ask the service for the rank breakdown."""
        dimension = self.dimensions["rank"]
        table = breakdown_table(self.service, dimension)
        return RanksData(self.service.breakdown(dimension), table, table.note)

    LEAVES_OUT = True

    def gather_in_view(self) -> RanksData:
        """The breakdown for the chart; its table (out of view) is made once the chart is shown.

        At 100,000 figure rows (30,000 ranks) the table costs ~80 ms to format, measure and fill: the
        chart of a ``2`` pressed at start waited for it.
        """
        breakdown = self.service.breakdown(self.dimensions["rank"])
        return RanksData(breakdown, None, breakdown_note(breakdown))

    def make_left_out(self) -> TableView:
        """The table, measured (here, not when shown)."""
        view = breakdown_table(self.service, self.dimensions["rank"])
        natural_widths(view)
        return view

    def show_left_out(self, made: object) -> None:
        """The table in place."""
        if isinstance(made, TableView):
            self.query_one("#rank-table", FigureTable).show(made)

    def show(self, data: RanksData) -> None:
        """Fill the chart and the table."""
        figures = [f for f in data.breakdown.figures if f.count is not None]
        self.query_one(HorizontalBarChart).set_data(
            [f.category for f in figures],
            [f.count or 0 for f in figures],
            title=data.breakdown.title,
            annotations=partial(_bar_note, figures),
            derived=[f.derived for f in figures],
            base=data.breakdown.base,
            base_label=data.breakdown.base_label,
            source=self.service.provenance.one_line(),
        )
        if data.full is not None:
            self.query_one("#rank-table", FigureTable).show(data.full)
        derived = "; ".join(f"{f.category} = {f.note}" for f in data.breakdown.groups)
        note = f"{data.note} Rows marked * are worked out here: {derived}." if derived else data.note
        self.query_one("#rank-note", Static).update(note)
        self.query_one("#rank-chart-note", Static).update(note)


def _bar_note(figures: Sequence[Figure], index: int) -> str:
    """The text by a bar: its count and share."""
    figure = figures[index]
    return f"{fmt.count(figure.count)} ({fmt.share(figure.share)})"
