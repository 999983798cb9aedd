"""Vertical bars, one per period: the yearly trend."""

from __future__ import annotations

from tui.widgets.bar_chart import BarChart
from tui.widgets.bar_limit import Bars, last_periods


class VerticalBarChart(BarChart):
    """Upright bars with the count printed above each; the highlighted bar in the accent colour."""

    def limit(self, bars: Bars) -> Bars:
        """The latest periods that fit: a series over time keeps its order, earlier periods are in the table."""
        return last_periods(bars.labels, bars.values, bars.highlight, self.MAX_BARS)

    def draw(self, positions: list[int]) -> None:
        """Draw upright bars with their counts above them."""
        plt = self.plt
        colour, accent = self.bar_colours()
        top = max(self._values) or 1
        for index, (x, value, note) in enumerate(zip(positions, self._values, self._annotations, strict=True)):
            plt.bar(
                [x],
                [value],
                color=accent if index == self._highlight else colour,
                marker=self.bar_marker(index),
                width=0.5,
            )
            plt.text(note, x, value + top * 0.1, alignment="center", style="bold", background="default")
        plt.xticks(list[float](positions), list(self._labels))
        plt.yticks([])
        plt.ylim(0, top * 1.2)
        plt.xlim(0.4, len(positions) + 0.6)
