"""Outcomes: findings and sanctions, each with the base its shares are of."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.widgets import Static

from tui.data import formatting as fmt
from tui.data.model import Breakdown
from tui.data.views import TableView, breakdown_table
from tui.screens.base import FoiScreen
from tui.widgets import FigureTable, HorizontalBarChart


@dataclass(frozen=True)
class OutcomesData:
    """What the outcomes screen shows: one breakdown and table per outcome dimension."""

    breakdowns: tuple[Breakdown, ...]
    tables: tuple[TableView, ...]


class OutcomesScreen(FoiScreen):
    """Findings and sanctions as charts, or as two exact tables; derived lines quieter and marked *."""

    MODE = "outcomes"
    DIMENSIONS = ("finding", "sanction")

    def compose_chart(self) -> ComposeResult:
        """One chart per outcome dimension."""
        for dimension in self.DIMENSIONS:
            yield HorizontalBarChart(id=f"{dimension}-chart", classes="outcome-chart")
        yield Static("", id="outcomes-note", classes="table-note", markup=False)

    def compose_table(self) -> ComposeResult:
        """One titled table per outcome dimension, each with its base."""
        for dimension in self.DIMENSIONS:
            yield Static("", id=f"{dimension}-title", classes="section-title", markup=False)
            yield FigureTable(id=f"{dimension}-table")

    def gather(self) -> OutcomesData:
        """Ask the service for the findings and sanctions."""
        return OutcomesData(
            tuple(self.service.breakdown(d) for d in self.DIMENSIONS),
            tuple(breakdown_table(self.service, d) for d in self.DIMENSIONS),
        )

    def show(self, data: object) -> None:
        """Fill both charts and both tables."""
        assert isinstance(data, OutcomesData)
        notes = []
        for dimension, breakdown, table in zip(self.DIMENSIONS, data.breakdowns, data.tables, strict=True):
            figures = [f for f in breakdown.figures if f.count is not None]
            notes += [f"{f.category} = {f.note}" for f in figures if f.derived]
            self.query_one(f"#{dimension}-chart", HorizontalBarChart).set_data(
                [f.category for f in figures],
                [f.count or 0 for f in figures],
                title=f"{breakdown.title} - of {breakdown.base_label}",
                annotations=[f"{fmt.count(f.count)} ({fmt.share(f.share)})" for f in figures],
                derived=[f.derived for f in figures],
                base=breakdown.base,
                base_label=breakdown.base_label,
                source=self.service.provenance.one_line(),
            )
            self.query_one(f"#{dimension}-title", Static).update(f"{table.title} - shares of {breakdown.base_label}")
            self.query_one(f"#{dimension}-table", FigureTable).show(table)
        self.query_one("#outcomes-note", Static).update(
            "* worked out here from the source's figures: " + "; ".join(notes)
        )
