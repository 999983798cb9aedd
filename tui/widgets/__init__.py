"""Reusable widgets: charts, tables and the bars every screen shares."""

from tui.widgets.bar_chart import BarChart
from tui.widgets.chart_style import ChartStyle
from tui.widgets.figure_table import FigureTable
from tui.widgets.grouped_bar_chart import GroupedBarChart
from tui.widgets.horizontal_bar_chart import HorizontalBarChart, LongBarChart
from tui.widgets.key_bar import KeyBar
from tui.widgets.nav_bar import NavBar
from tui.widgets.provenance_bar import ProvenanceBar
from tui.widgets.vertical_bar_chart import VerticalBarChart

__all__ = [
    "BarChart",
    "ChartStyle",
    "FigureTable",
    "GroupedBarChart",
    "HorizontalBarChart",
    "KeyBar",
    "LongBarChart",
    "NavBar",
    "ProvenanceBar",
    "VerticalBarChart",
]
