"""More: the figures the first screens do not show: by force (sorted), cross-tabs, and every other breakdown."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.widgets import Static

from tui.data import formatting as fmt
from tui.data.model import Breakdown, CrossTab
from tui.data.views import TableView, crosstab_table, dataset_summary, figures_table, more_dimensions
from tui.screens.base import FoiScreen
from tui.widgets import FigureTable, GroupedBarChart, HorizontalBarChart, LongBarChart

NO_FORCE = "This dataset has no breakdown by force."
NO_CROSSTAB = "This dataset gives no cross-tabulation (no count by two dimensions at once)."
NOTHING_MORE = "Every other breakdown it gives is on the screens before this one."


@dataclass(frozen=True)
class MoreData:
    """What the screen shows: the by-force figures, the cross-tabs and the other breakdowns, with tables."""

    summary: str
    forces: Breakdown | None
    force_table: TableView | None
    tabs: tuple[CrossTab, ...]
    tab_tables: tuple[TableView, ...]
    others: tuple[Breakdown, ...]
    other_tables: tuple[TableView, ...]


class MoreScreen(FoiScreen[MoreData]):
    """Charts (scroll for long lists; ``g`` grouped/stacked cross-tabs), or the exact tables (``t``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("g", "toggle_stacked", "Grouped/stacked", tooltip="Draw cross-tab bars side by side or piled up"),
    ]

    def compose_chart(self) -> ComposeResult:
        """A scrolling column: summary, the force chart, each cross-tab chart, each other breakdown."""
        with VerticalScroll(id="more-charts", can_focus=True):
            yield Static("", id="more-summary", classes="table-note", markup=False)
            if self.service.dimension_for("force"):
                yield LongBarChart(id="force-chart")
                yield Static("", id="force-chart-note", classes="table-note", markup=False)
            for index, _ in enumerate(self.service.crosstabs):
                yield GroupedBarChart(id=f"crosstab-chart-{index}", classes="crosstab-chart")
                yield Static("", id=f"crosstab-legend-{index}", classes="table-note", markup=False)
            for index, _ in enumerate(more_dimensions(self.service)):
                yield HorizontalBarChart(id=f"other-chart-{index}", classes="other-chart")
                yield Static("", id=f"other-chart-note-{index}", classes="table-note", markup=False)
            yield from self._lacks()

    def compose_table(self) -> ComposeResult:
        """The same figures as tables."""
        with VerticalScroll(id="more-tables", can_focus=False):
            if self.service.dimension_for("force"):
                yield FigureTable(id="force-table")
                yield Static("", id="force-note", classes="table-note", markup=False)
            for index, _ in enumerate(self.service.crosstabs):
                yield Static("", id=f"crosstab-title-{index}", classes="section-title", markup=False)
                yield FigureTable(id=f"crosstab-table-{index}")
                yield Static("", id=f"crosstab-note-{index}", classes="table-note", markup=False)
            for index, _ in enumerate(more_dimensions(self.service)):
                yield FigureTable(id=f"other-table-{index}")
                yield Static("", id=f"other-note-{index}", classes="table-note", markup=False)
            yield from self._lacks()

    def _lacks(self) -> ComposeResult:
        missing = [
            text
            for text, absent in (
                (NO_FORCE, not self.service.dimension_for("force")),
                (NO_CROSSTAB, not self.service.crosstabs),
                (NOTHING_MORE, not more_dimensions(self.service)),
            )
            if absent
        ]
        if missing:
            yield Static(" ".join(missing), classes="no-breakdown", markup=False)

    def gather(self) -> MoreData:
        """Ask the service for every figure the other screens leave out."""
        service = self.service
        forces = service.by_force()
        others = tuple(service.breakdown(d) for d in more_dimensions(service))
        return MoreData(
            dataset_summary(service),
            forces,
            figures_table(forces) if forces else None,
            tuple(service.crosstab(d) for d in service.crosstabs),
            tuple(crosstab_table(service, d) for d in service.crosstabs),
            others,
            tuple(figures_table(b) for b in others),
        )

    def show(self, data: MoreData) -> None:
        """Fill every chart, legend and table."""
        self.query_one("#more-summary", Static).update(data.summary)
        if data.forces is not None and data.force_table is not None:
            self._bars("#force-chart", data.forces)
            self.query_one("#force-chart-note", Static).update(_note(data.forces, data.force_table))
            self.query_one("#force-table", FigureTable).show(data.force_table)
            self.query_one("#force-note", Static).update(_note(data.forces, data.force_table))
        for index, (tab, table) in enumerate(zip(data.tabs, data.tab_tables, strict=True)):
            chart = self.query_one(f"#crosstab-chart-{index}", GroupedBarChart)
            chart.set_groups(
                tab.columns,
                [(name, tuple(c.value for c in cells)) for name, cells in zip(tab.rows, tab.cells, strict=True)],
                stacked=chart.stacked,
                title=f"{tab.title} ({tab.unit})",
            )
            self.query_one(f"#crosstab-legend-{index}", Static).update(_legend(tab))
            self.query_one(f"#crosstab-title-{index}", Static).update(table.title)
            self.query_one(f"#crosstab-table-{index}", FigureTable).show(table)
            self.query_one(f"#crosstab-note-{index}", Static).update(table.note)
        for index, (breakdown, table) in enumerate(zip(data.others, data.other_tables, strict=True)):
            self._bars(f"#other-chart-{index}", breakdown)
            self.query_one(f"#other-chart-note-{index}", Static).update(_note(breakdown, table))
            self.query_one(f"#other-table-{index}", FigureTable).show(table)
            self.query_one(f"#other-note-{index}", Static).update(_note(breakdown, table))

    def _bars(self, selector: str, breakdown: Breakdown) -> None:
        figures = [f for f in breakdown.figures + breakdown.groups if f.count is not None]
        chart = self.query_one(selector, HorizontalBarChart)
        chart.display = bool(figures)  # nothing to draw: the note says what is not given
        if not figures:
            return
        derived = next((i for i, f in enumerate(figures) if f.derived), None)
        chart.set_data(
            [f"{f.category}*" if f.derived else f.category for f in figures],
            [f.count or 0 for f in figures],
            highlight=derived,
            title=_chart_title(breakdown.title, breakdown.unit),
            annotations=[f.display + (f" ({fmt.share(f.share)})" if f.share is not None else "") for f in figures],
        )

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Offer grouped/stacked only when there is a cross-tab to draw."""
        return action != "toggle_stacked" or bool(self.service.crosstabs)

    def action_toggle_stacked(self) -> None:
        """Switch every cross-tab chart between grouped and stacked bars."""
        for chart in self.query(GroupedBarChart):
            chart.toggle_stacked()


CHART_TITLE = 46
"""Longest chart title: plotext drops a title wider than the plot (beside 28 columns of labels at 80)."""


def _chart_title(title: str, unit: str) -> str:
    """The title with its unit when that fits, else the title alone, cut with '…' if need be (tables have it all)."""
    full = f"{title} ({unit})"
    if len(full) <= CHART_TITLE:
        return full
    return title if len(title) <= CHART_TITLE else title[: CHART_TITLE - 1] + "…"


def _note(breakdown: Breakdown, table: TableView) -> str:
    blank = [f"{f.category}: {f.display}" for f in breakdown.figures if f.count is None]
    worked = [f"{f.category} = {f.note}" for f in breakdown.figures + breakdown.groups if f.derived]
    parts = [table.note]
    parts += [f"Not drawn: {'; '.join(blank)}."] if blank else []
    parts += [f"* worked out here: {'; '.join(worked)}."] if worked else []
    return " ".join(parts)


def _legend(tab: CrossTab) -> str:
    sides = ("left (lower when stacked)", "right (upper when stacked)")
    names = "; ".join(f"{sides[i % 2]}: {name}" for i, name in enumerate(tab.rows))
    return f"Bars: {names}. {tab.lacks}".strip()
