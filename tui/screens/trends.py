"""Trends: officers investigated per year."""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import cached_property

from textual import work
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
    """None when the first frame leaves it out (see :meth:`TrendsScreen.gather_at_hand`)."""


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

    def gather_at_hand(self) -> TrendsData:
        """The chart and its summary; the table behind them is made once the first key is answered.

        At 100,000 figure rows the table's 40,000 periods cost ~0.15 s to format and measure, on the UI
        thread before the first key was read. ``t`` or ``e`` before it is made makes it at once.
        """
        dimension = self.dimensions["period"]
        trend = self.service.trend(dimension)
        return TrendsData(trend, trend_summary(self.service, dimension), change_line(trend), None)

    _table_left_out = False
    """The table was left out of the first frame and is not in place yet."""

    _table_made: TableView | None = None
    """The table left out, once made (by the worker or the UI thread, whichever first)."""

    @cached_property
    def _table_lock(self) -> threading.Lock:
        return threading.Lock()

    def _made_table(self) -> TableView:
        """The table left out of the first frame, made (and measured) now if it is not yet; either thread."""
        with self._table_lock:
            if self._table_made is None:
                view = trend_table(self.service, self.dimensions["period"])
                natural_widths(view)  # measured here, not when shown
                self._table_made = view
            return self._table_made

    def _make_table(self) -> None:
        if self._table_left_out:
            self._loading(True)  # one background worker at a time: the app's next screen waits for this
            self._make_table_in_worker()

    @work(thread=True, group="trends-table")
    def _make_table_in_worker(self) -> None:
        view = self._made_table()
        self.app.call_from_thread(self._show_table, view)

    def _show_table(self, view: TableView) -> None:
        self._loading(False)
        if self._table_left_out and self.is_attached:
            self._table_left_out = False
            self.query_one(FigureTable).show(view)
            self.query_one("#trend-note", Static).update(view.note)

    def complete_views(self) -> None:
        """The table left out of the first frame, in place now."""
        if self._table_left_out:
            self._show_table(self._made_table())

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
        if data.table is None:
            self._table_left_out = True
            self.when_keys_are_answered(self._make_table)
        else:
            self._table_left_out = False
            self.query_one(FigureTable).show(data.table)
            self.query_one("#trend-note", Static).update(data.table.note)
