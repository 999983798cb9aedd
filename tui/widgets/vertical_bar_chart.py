"""Vertical bars, one per period: the yearly trend."""

from __future__ import annotations

from tui.widgets.bar_chart import BarChart, every_from_last
from tui.widgets.bar_limit import Bars, last_periods

HEADROOM = 1.2
"""The y axis reaches this many times the tallest bar, leaving rows for its label."""


class VerticalBarChart(BarChart):
    """Upright bars with the count printed on the row right above each bar's top."""

    def limit(self, bars: Bars) -> Bars:
        """The latest periods that fit: a series over time keeps its order, earlier periods are in the table."""
        return last_periods(bars.labels, bars.values, bars.highlight, self.MAX_BARS)

    def draw(self, positions: list[int]) -> None:
        """Draw upright bars with their counts right above them.

        plotext maps y values linearly onto the plot's rows, so one row is ``ylim / (rows - 1)``:
        a label placed one row above the bar's value lands on the row above its top at any size,
        and bars of the same height in rows get their labels on the same row.
        """
        plt = self.plt
        top = (max(self._values) or 1) * HEADROOM
        row = top / max(1, self.plot_rows() - 1)
        colour, background = self.label_colours()
        # Label every bar when the labels fit side by side; else every k-th, so labels never run together
        # (the x labels perhaps fewer still: none may disturb another's place, see steady_ticks).
        count = len(positions)
        slot = max(self.plot_columns(), 1) / count
        widest = max(len(text) for i in range(count) for text in (self.bar_label(i), self.value_text(i))) + 1
        every = max(-int(-widest // slot), 1)  # the ceiling of widest / slot
        labelled = every_from_last(count, every)
        ticked = self.steady_ticks(positions, [self.bar_label(i) for i in range(count)], every)
        for index, (x, value) in enumerate(zip(positions, self._values, strict=True)):
            plt.bar([x], [value], color=self.bar_colour(index), marker=self.bar_marker(index), width=0.5)
            if index not in labelled:
                continue
            plt.text(
                self.value_text(index),
                x,
                value + row,
                alignment="center",
                style="bold",
                color=colour,
                background=background,
            )
        plt.xticks([float(positions[i]) for i in ticked], [self.bar_label(i) for i in ticked])
        plt.yticks([])
        plt.ylim(0, top)
        plt.xlim(*self.x_range(len(positions)))

    def extra_rows(self) -> int:
        """The x tick labels take a row, and the legend another when a bar is derived."""
        return 1 + super().extra_rows()
