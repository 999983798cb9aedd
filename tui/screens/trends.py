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
from tui.widgets.figure_table import natural_widths

SUMMARY_CHARS = 4000
"""The most characters of the change line put in the two-line summary, which shows its first line at
most (the table has every change): Textual wraps the whole text each time it draws it, tens of
milliseconds for thousands of years (a second at 40,000), for lines no terminal shows."""


def change_line(trend: Trend, chars: int = SUMMARY_CHARS) -> str:
    """"Change: " and each period's change on the one before, as far as the summary shows (``chars``).

    Its first ``chars`` characters are those of the line with every change; the periods past them are
    not formatted (40,000 at 100,000 figure rows: tens of milliseconds before the first screen).
    Empty when no change is worked out (e.g. floors): no empty label.
    """
    parts: list[str] = []
    length = 0
    for p in trend.periods:
        if p.change is None:
            continue
        if length > chars:
            break
        parts.append(f"{p.period} {fmt.change(p.change, p.change_pct)}")
        length += len(parts[-1]) + len(" · ")
    return f"Change: {' · '.join(parts)}" if parts else ""


@dataclass(frozen=True)
class TrendsData:
    """What the trends screen shows."""

    trend: Trend
    summary: str
    changes: str
    table: TableView | None
    """None when left out of the chart view (see :meth:`TrendsScreen.gather_in_view`)."""


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
        return TrendsData(
            trend, trend_summary(self.service, dimension), change_line(trend), trend_table(self.service, dimension)
        )

    LEAVES_OUT = True

    def gather_in_view(self) -> TrendsData:
        """The chart and its summary; the table behind them is made once they are shown (see :attr:`LEAVES_OUT`).

        At 100,000 figure rows the table's 40,000 periods cost ~0.15 s to format and measure: on the UI
        thread before the first key was read, from the cache. ``t`` or ``e`` before it is made makes it at once.
        """
        dimension = self.dimensions["period"]
        trend = self.service.trend(dimension)
        return TrendsData(trend, trend_summary(self.service, dimension), change_line(trend), None)

    def make_left_out(self) -> TableView:
        """The table, measured (here, not when shown)."""
        view = trend_table(self.service, self.dimensions["period"])
        natural_widths(view)
        return view

    def show_left_out(self, made: object) -> None:
        """The table and its note in place."""
        if isinstance(made, TableView):
            self._show_table(made)

    def _show_table(self, view: TableView) -> None:
        self.query_one(FigureTable).show(view)
        self.query_one("#trend-note", Static).update(view.note)

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
        if data.table is not None:
            self._show_table(data.table)
