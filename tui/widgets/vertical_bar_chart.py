"""Vertical bars, one per period: the yearly trend."""

from __future__ import annotations

from textual import events

from tui.widgets.bar_chart import MORE_HINT, BarChart, Bars

SIDE_COLUMNS = 4
"""Columns of the widget that are not plot: the frame and its padding."""


class VerticalBarChart(BarChart):
    """Upright bars with the count printed above each; the highlighted bar in the accent colour.

    Each bar gets a slot as wide as its longest label or count plus a space, so labels
    never run into each other; when the periods do not all fit, the latest are drawn
    and the title says how many earlier ones the table holds.
    """

    def capacity(self) -> int | None:
        """How many bars fit across the widget's width (None before it has a size)."""
        width = self.size.width
        if width <= 0:
            return None
        slot = max((len(text) for text in (*self._labels, *self._annotations)), default=1) + 1
        return max((width - SIDE_COLUMNS) // slot, 1)

    def pick(self, count: int, room: int) -> list[int]:
        """The latest ``room`` periods."""
        return list(range(count - room, count))

    def on_resize(self, event: events.Resize) -> None:
        """Draw again if a different number of bars fits now."""
        if self._values and self.shown().hidden != getattr(self, "_hidden", 0):
            self.replot()

    def draw(self, bars: Bars) -> None:
        """Draw upright bars with their counts above them."""
        self._hidden = bars.hidden
        plt = self.plt
        colour, accent = self.bar_colours()
        positions = list(range(1, len(bars.values) + 1))
        top = max(bars.values) or 1
        for index, (x, value, note) in enumerate(zip(positions, bars.values, bars.annotations, strict=True)):
            plt.bar(
                [x],
                [value],
                color=accent if index == bars.highlight else colour,
                marker=self.bar_marker(index, bars.highlight),
                width=0.5,
            )
            plt.text(note, x, value + top * 0.1, alignment="center", style="bold", background="default")
        if bars.hidden:  # the hint first: plotext drops a title wider than the plot
            title = f"+ {bars.hidden} earlier — {MORE_HINT} · {self._title}"
            room = max(self.size.width - SIDE_COLUMNS, 10)
            plt.title(title if len(title) <= room else title[: room - 1] + "…")
        plt.xticks(positions, list(bars.labels))
        plt.yticks([])
        plt.ylim(0, top * 1.2)
        plt.xlim(0.4, len(positions) + 0.6)
