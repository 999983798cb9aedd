"""Vertical bars, one per period: the yearly trend."""

from __future__ import annotations

from textual import events

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
        # Label every bar when the labels fit side by side; else every k-th, so labels never run together.
        slot = max(self.size.width - SIDE_COLUMNS, 1) / len(positions)
        widest = max(len(text) for text in (*self._labels, *self._annotations)) + 1
        every = max(-int(-widest // slot), 1)  # the ceiling of widest / slot
        labelled = [i for i in range(len(positions)) if (len(positions) - 1 - i) % every == 0]
        for index, (x, value, note) in enumerate(zip(positions, self._values, self._annotations, strict=True)):
            plt.bar(
                [x],
                [value],
                color=accent if index == self._highlight else colour,
                marker=self.bar_marker(index),
                width=0.5,
            )
            if index in labelled:
                plt.text(note, x, value + top * 0.1, alignment="center", style="bold", background="default")
        plt.xticks([positions[i] for i in labelled], [self._labels[i] for i in labelled])
        plt.yticks([])
        plt.ylim(0, top * 1.2)
        plt.xlim(0.4, len(positions) + 0.6)

    def on_resize(self, event: events.Resize) -> None:
        """Draw again for the new width: how many labels fit side by side depends on it."""
        if self._values and event.size.width != getattr(self, "_drawn_width", None):
            self._drawn_width = event.size.width
            self.replot()


SIDE_COLUMNS = 4
"""Columns of the widget that are not plot: the frame and its padding."""
