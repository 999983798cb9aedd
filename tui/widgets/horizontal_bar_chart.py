"""Horizontal bars, one per category: ranks, findings and sanctions."""

from __future__ import annotations

from tui.widgets.bar_chart import MORE_HINT, BarChart, Bars

FRAME_LINES = 3
"""Rows the chart needs besides its bars: the title and the top and bottom of the frame."""

MAX_BARS = 15
"""Most bars drawn; with more categories the largest are drawn and a last line says how many more there are."""

MAX_LABEL = 28
"""Longest category label drawn beside a bar (longer ones end with '…'; the table has them in full)."""


class HorizontalBarChart(BarChart):
    """One terminal row per bar, first category on top, each with its count after it.

    The widget sets its own height to bars + frame so each bar lands on exactly one
    row: plotext spreads bars unevenly over any other number of rows. With more than
    :data:`MAX_BARS` categories it draws the largest and ends with a '+ N more' line.
    """

    def capacity(self) -> int:
        """At most :data:`MAX_BARS` rows, one of them kept for the '+ N more' line."""
        return MAX_BARS - 1 if len(self._values) > MAX_BARS else MAX_BARS

    def fit(self, bars: int) -> None:
        """Size the widget to one row per bar (and the '+ N more' line) plus the frame."""
        self.styles.height = min(bars, MAX_BARS) + FRAME_LINES

    def draw(self, bars: Bars) -> None:
        """Draw lying bars with their counts after them."""
        plt = self.plt
        colour, accent = self.bar_colours()
        lines = len(bars.values) + (1 if bars.hidden else 0)
        rows = list(range(lines, 0, -1))
        top = max(bars.values) or 1
        for index, (y, value, note) in enumerate(zip(rows, bars.values, bars.annotations, strict=False)):
            plt.bar(
                [y],
                [value],
                orientation="horizontal",
                color=accent if index == bars.highlight else colour,
                marker=self.bar_marker(index, bars.highlight),
                width=0.1,
            )
            plt.text(f" {note}", value, y, alignment="left", style="bold", background="default")
        labels = [_short(label) for label in bars.labels]
        if bars.hidden:
            plt.text(f"+ {bars.hidden} more — {MORE_HINT}", 0, 1, alignment="left", background="default")
            labels.append("")
        plt.yticks(rows, labels)
        plt.xticks([])
        plt.xlim(0, top * 1.3)
        # One row per unit: from 1 to the number of lines, so no bar straddles two rows (plotext rounds).
        plt.ylim(*((1, lines) if lines > 1 else (0.5, 1.5)))


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"
