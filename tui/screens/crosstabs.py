"""Cross-tabs: a count by two dimensions (e.g. allegation type by year) as bars and a two-way table."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Static

from tui.data.model import CrossTab
from tui.data.views import TableView, crosstab_table
from tui.screens.base import FoiScreen
from tui.widgets import FigureTable
from tui.widgets.grouped_bar_chart import GroupedBarChart

NO_CROSSTAB = "This dataset gives no cross-tabulation (no count by two dimensions at once), so none is shown."


@dataclass(frozen=True)
class CrossTabsData:
    """What the cross-tabs screen shows: each cross-tab and its two-way table."""

    tabs: tuple[CrossTab, ...]
    tables: tuple[TableView, ...]


class CrossTabsScreen(FoiScreen[CrossTabsData]):
    """Grouped bars per column (``g``: stacked), and the two-way table (``t``)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("g", "toggle_stacked", "Grouped/stacked", tooltip="Draw the bars side by side or piled up"),
    ]

    def compose_chart(self) -> ComposeResult:
        """One chart per cross-tab, with a legend that does not rely on colour."""
        if not self.service.crosstabs:
            yield Static(NO_CROSSTAB, classes="no-breakdown", markup=False)
        for index, _ in enumerate(self.service.crosstabs):
            yield GroupedBarChart(id=f"crosstab-chart-{index}", classes="crosstab-chart")
            yield Static("", id=f"crosstab-legend-{index}", classes="table-note", markup=False)

    def compose_table(self) -> ComposeResult:
        """One two-way table per cross-tab."""
        if not self.service.crosstabs:
            yield Static(NO_CROSSTAB, classes="no-breakdown", markup=False)
        for index, _ in enumerate(self.service.crosstabs):
            yield Static("", id=f"crosstab-title-{index}", classes="section-title", markup=False)
            yield FigureTable(id=f"crosstab-table-{index}")
            yield Static("", id=f"crosstab-note-{index}", classes="table-note", markup=False)

    def gather(self) -> CrossTabsData:
        """Ask the service for every cross-tab."""
        names = self.service.crosstabs
        return CrossTabsData(
            tuple(self.service.crosstab(d) for d in names), tuple(crosstab_table(self.service, d) for d in names)
        )

    def show(self, data: CrossTabsData) -> None:
        """Fill the charts, legends and tables."""
        for index, (tab, table) in enumerate(zip(data.tabs, data.tables, strict=True)):
            chart = self.query_one(f"#crosstab-chart-{index}", GroupedBarChart)
            chart.set_groups(
                tab.columns,
                [(name, tuple(cell.value for cell in cells)) for name, cells in zip(tab.rows, tab.cells, strict=True)],
                stacked=chart.stacked,
                title=f"{tab.title} ({tab.unit})",
            )
            self.query_one(f"#crosstab-legend-{index}", Static).update(_legend(tab))
            self.query_one(f"#crosstab-title-{index}", Static).update(table.title)
            self.query_one(f"#crosstab-table-{index}", FigureTable).show(table)
            self.query_one(f"#crosstab-note-{index}", Static).update(table.note)

    def action_toggle_stacked(self) -> None:
        """Switch every chart between grouped and stacked bars."""
        for chart in self.query(GroupedBarChart):
            chart.toggle_stacked()


def _legend(tab: CrossTab) -> str:
    sides = ("left (or lower) bar", "right (or upper) bar")
    names = "; ".join(f"{sides[i % 2]}: {name}" for i, name in enumerate(tab.rows))
    return f"{names}. {tab.lacks}".strip()
