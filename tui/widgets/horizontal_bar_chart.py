"""Horizontal bars, one per category: ranks, findings and sanctions."""

from __future__ import annotations

from functools import partial

from tui.widgets.bar_chart import BarChart

FRAME_LINES = 3
"""Rows the chart needs besides its bars: the title and the top and bottom of the frame."""

MAX_LABEL = 28
"""Longest category label drawn beside a bar (a longer one ends with '…'; the table has it in full)."""


class HorizontalBarChart(BarChart):
    """One terminal row per bar, first category on top, each with its count after it.

    The widget sets its own height to bars + frame (+ legend) so each bar lands on exactly one
    row: plotext spreads bars unevenly over any other number of rows. In ASCII mode the y axis is
    left out, so labels read ``case to answer ####`` rather than ``case to answer+####``.
    """

    MAX_BARS = 8
    """Two charts of eight bars and their frames fit one screen at 80x24 (the outcomes screen)."""

    def fit(self, bars: int) -> None:
        """Size the widget to one row per bar plus the frame and legend."""
        self.styles.height = bars + FRAME_LINES + self.extra_rows()

    def draw(self, positions: list[int]) -> None:
        """Draw lying bars with their counts after them."""
        plt = self.plt
        ascii_only = self.style_options.ascii_only
        rows = list(reversed(positions))
        top = max(self._values) or 1
        colour, background = self.label_colours()
        for index, (y, value) in enumerate(zip(rows, self._values, strict=True)):
            plt.bar(
                [y],
                [value],
                orientation="horizontal",
                color=self.bar_colour(index),
                marker=self.bar_marker(index),
                width=0.1,
            )
            plt.text(
                f" {self.value_text(index)}",
                value,
                y,
                alignment="left",
                style="bold",
                color=colour,
                background=background,
            )
        shorten = partial(_short, ellipsis="..." if ascii_only else "…")
        labels = [self.bar_label(i, shorten) + (" " if ascii_only else "") for i in range(len(rows))]
        plt.yticks([float(y) for y in rows], labels)
        plt.xticks([])
        plt.xlim(0, top * 1.3)
        # One row per unit, from 1 to the number of bars: no bar straddles two rows (plotext rounds).
        plt.ylim(*((1, len(rows)) if len(rows) > 1 else (0.5, 1.5)))
        if ascii_only:
            plt.yaxes(False, False)
            plt.xaxes(False, False)


class LongBarChart(HorizontalBarChart):
    """Horizontal bars for a list that may be long (e.g. by force): every bar drawn, inside a scroll."""

    MAX_BARS = 60
    """Enough for every police force in the UK; the surrounding scroll shows what the screen cannot."""


def _short(label: str, ellipsis: str = "…") -> str:
    """A label cut to :data:`MAX_LABEL` characters, so long labels leave room for the bars."""
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - len(ellipsis)] + ellipsis
