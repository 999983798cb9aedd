"""Forces: a dataset's figures by police force, largest first (long lists scroll)."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.data import formatting as fmt
from tui.data.model import Breakdown
from tui.data.views import TableView, figures_table
from tui.screens.base import FoiScreen
from tui.widgets import FigureTable, HorizontalBarChart


@dataclass(frozen=True)
class ForcesData:
    """What the forces screen shows."""

    breakdown: Breakdown
    table: TableView


class ForcesScreen(FoiScreen[ForcesData]):
    """A bar per force, sorted, over a note on what the counts are; ``t`` for the exact table."""

    def compose_chart(self) -> ComposeResult:
        """The sorted bar chart, in a scroll for long lists."""
        with VerticalScroll(id="force-scroll", can_focus=True):
            yield HorizontalBarChart(id="force-chart")
        yield Static("", id="force-chart-note", classes="table-note", markup=False)

    def compose_table(self) -> ComposeResult:
        """The table of forces with counts, shares and notes."""
        yield FigureTable(id="force-table")
        yield Static("", id="force-note", classes="table-note", markup=False)

    def gather(self) -> ForcesData:
        """Ask the service for the by-force figures, sorted."""
        breakdown = self.service.by_force()
        if breakdown is None:  # the screen is only built with data when the dataset has a force role
            raise LookupError("no by-force figures")
        return ForcesData(breakdown, figures_table(breakdown))

    def show(self, data: ForcesData) -> None:
        """Fill the chart, the table and the notes."""
        figures = [f for f in data.breakdown.figures if f.count is not None]
        derived = next((i for i, f in enumerate(figures) if f.derived), None)
        self.query_one("#force-chart", HorizontalBarChart).set_data(
            [f"{f.category}*" if f.derived else f.category for f in figures],
            [f.count or 0 for f in figures],
            highlight=derived,
            title=f"{data.breakdown.title} - {data.breakdown.unit}",
            annotations=[f.display + (f" ({fmt.share(f.share)})" if f.share is not None else "") for f in figures],
        )
        worked = "; ".join(f"{f.category} = {f.note}" for f in figures if f.derived)
        groups = "; ".join(f"{g.category} = {g.note} = {g.display}" for g in data.breakdown.groups)
        note = " ".join(
            part
            for part in (
                data.table.note,
                f"* worked out here: {worked}." if worked else "",
                f"Groups: {groups}." if groups else "",
            )
            if part
        )
        self.query_one("#force-chart-note", Static).update(note)
        self.query_one("#force-table", FigureTable).show(data.table)
        self.query_one("#force-note", Static).update(note)
