"""Trends: officers investigated per year."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Static

from tui.data import formatting as fmt
from tui.data.model import Trend
from tui.data.views import TableView, trend_summary, trend_table
from tui.screens.base import FoiScreen
from tui.widgets import FigureTable, VerticalBarChart

SUMMARY_CHARS = 4000
"""The most characters of the change line put in the two-line summary, which shows its first line at
most (the table has every change): Textual wraps the whole text each time it draws it, tens of
milliseconds for thousands of years (a second at 40,000), for lines no terminal shows."""


@dataclass(frozen=True)
class TrendsData:
    """What the trends screen shows."""

    trend: Trend
    summary: str
    changes: str
    table: TableView


class TrendsScreen(FoiScreen[TrendsData]):
    """A bar per year with counts, the peak marked, and the change on each year before."""

    def compose_chart(self) -> ComposeResult:
        """Summary lines above the bar chart."""
        yield Static("", id="summary", markup=False)
        yield VerticalBarChart(id="trend-chart")

    def compose_table(self) -> ComposeResult:
        """The exact numbers with their change."""
        yield FigureTable(id="trend-table")
        yield Static("", id="trend-note", classes="table-note", markup=False)

    def gather(self) -> TrendsData:
        """Ask the service for the trend and its table."""
        dimension = self.dimensions["period"]
        trend = self.service.trend(dimension)
        changes = " · ".join(
            f"{p.period} {fmt.change(p.change, p.change_pct)}" for p in trend.periods if p.change is not None
        )
        return TrendsData(
            trend,
            trend_summary(self.service, dimension),
            f"Change: {changes}" if changes else "",  # none worked out (e.g. floors): no empty label
            trend_table(self.service, dimension),
        )

    def show(self, data: TrendsData) -> None:
        """Fill the chart, the summary and the table."""
        trend = data.trend
        known = [p for p in trend.periods if p.count is not None]
        peak = next(i for i, p in enumerate(known) if p.period == trend.peak_period)
        self.query_one("#summary", Static).update(f"{data.summary}\n{data.changes[:SUMMARY_CHARS]}".strip())
        self.query_one(VerticalBarChart).set_data(
            [p.period for p in known],
            [p.count or 0 for p in known],
            highlight=peak,
            title=f"{trend.title} (peak {trend.peak_period} highlighted)",
            base=trend.total,
            base_label=f"all {trend.total}",
            source=self.service.provenance.one_line(),
        )
        self.query_one(FigureTable).show(data.table)
        self.query_one("#trend-note", Static).update(data.table.note)
