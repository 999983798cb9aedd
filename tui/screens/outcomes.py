"""Outcomes: findings and sanctions, each with the base its shares are of."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from textual.app import ComposeResult
from textual.widgets import Static

from tui.data import formatting as fmt
from tui.data.model import Breakdown, Figure
from tui.data.views import TableView, breakdown_table
from tui.screens.base import FoiScreen
from tui.widgets import FigureTable, HorizontalBarChart


@dataclass(frozen=True)
class OutcomesData:
    """What the outcomes screen shows: one breakdown and table per outcome dimension."""

    breakdowns: tuple[Breakdown, ...]
    tables: tuple[TableView, ...]


class OutcomesScreen(FoiScreen[OutcomesData]):
    """Findings and sanctions as charts, or as two exact tables; derived lines quieter and marked *."""

    def compose_chart(self) -> ComposeResult:
        """One chart per outcome the dataset has (findings, sanctions); a sentence for any it lacks."""
        for role in self.dimensions:
            yield HorizontalBarChart(id=f"{role}-chart", classes="outcome-chart")
        yield from self._missing_note()
        yield Static("", id="outcomes-note", classes="table-note", markup=False)

    def compose_table(self) -> ComposeResult:
        """One titled table per outcome the dataset has, each with its base."""
        for role in self.dimensions:
            yield Static("", id=f"{role}-title", classes="section-title", markup=False)
            yield FigureTable(id=f"{role}-table")
        yield from self._missing_note()

    def _missing_note(self) -> ComposeResult:
        if self.missing_roles:
            yield Static(self.missing_text, classes="no-breakdown", markup=False)

    def gather(self) -> OutcomesData:
        """Ask the service for the findings and sanctions."""
        return OutcomesData(
            tuple(self.service.breakdown(d) for d in self.dimensions.values()),
            tuple(breakdown_table(self.service, d) for d in self.dimensions.values()),
        )

    def show(self, data: OutcomesData) -> None:
        """Fill the charts and the tables."""
        notes = []
        for role, breakdown, table in zip(self.dimensions, data.breakdowns, data.tables, strict=True):
            figures = [f for f in breakdown.figures if f.count is not None]
            notes += [f"{f.category} = {f.note}" for f in figures if f.derived]
            self.query_one(f"#{role}-chart", HorizontalBarChart).set_data(
                [f.category for f in figures],
                [f.count or 0 for f in figures],
                title=f"{breakdown.title} - of {breakdown.base_label}",
                annotations=partial(_bar_note, figures),
                derived=[f.derived for f in figures],
                base=breakdown.base,
                base_label=breakdown.base_label,
                source=self.service.provenance.one_line(),
            )
            self.query_one(f"#{role}-title", Static).update(f"{table.title} - shares of {breakdown.base_label}")
            self.query_one(f"#{role}-table", FigureTable).show(table)
        note = self.query_one("#outcomes-note", Static)
        note.update("* worked out here from the source's figures: " + "; ".join(notes) if notes else "")
        note.display = bool(notes)  # nothing worked out: no empty sentence


def _bar_note(figures: Sequence[Figure], index: int) -> str:
    """The text by a bar: its count and share."""
    figure = figures[index]
    return f"{fmt.count(figure.count)} ({fmt.share(figure.share)})"
