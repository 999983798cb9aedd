"""Grouped or stacked upright bars: a cross-tab drawn as one group of bars per column (e.g. per year)."""

from __future__ import annotations

from collections.abc import Sequence

from tui.widgets.bar_chart import BarChart

GAP_MARK = "not given"
"""Printed at the foot of a group whose figures the source does not give (never drawn as zero)."""


class GroupedBarChart(BarChart):
    """One group per column of a cross-tab, one bar per row in it, or the rows stacked (``stacked``).

    A missing cell draws no bar and prints :data:`GAP_MARK` instead, so "not given" never looks like 0.
    The first series is drawn in the bar colour with the bar marker, the second in the accent colour
    with the accent marker, so the two stay apart without colour too.
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._groups: tuple[str, ...] = ()
        self._series: tuple[tuple[str, tuple[int | None, ...]], ...] = ()
        self.stacked = False

    def set_groups(
        self,
        groups: Sequence[str],
        series: Sequence[tuple[str, Sequence[int | None]]],
        *,
        stacked: bool = False,
        title: str = "",
    ) -> None:
        """Give the chart its groups (x labels) and series (one value per group, None when not given)."""
        self._groups = tuple(groups)
        self._series = tuple((name, tuple(values)) for name, values in series)
        self.stacked = stacked
        known = [v for _, values in self._series for v in values if v is not None]
        self.set_data([str(v) for v in known], known or [0], title=title)

    def toggle_stacked(self) -> None:
        """Switch between grouped and stacked bars."""
        self.stacked = not self.stacked
        self.replot()

    def draw(self, positions: list[int]) -> None:
        """Draw each group's bars side by side, or stacked, with the counts printed."""
        plt = self.plt
        colour, accent = self.bar_colours()
        style = self.style_options
        colours = [colour, accent]
        markers = [style.marker, style.accent_marker]
        count = max(len(self._series), 1)
        width = 0.8 / count
        totals = [sum(v or 0 for _, values in self._series for v in (values[g],)) for g in range(len(self._groups))]
        top = max(totals if self.stacked else [v or 0 for _, values in self._series for v in values]) or 1
        xs: list[float] = [float(x) for x in range(1, len(self._groups) + 1)]
        for g, x in enumerate(xs):
            if all(values[g] is None for _, values in self._series):
                plt.text(GAP_MARK, x, top * 0.05, alignment="center", background="default")
                continue
            if self.stacked:
                self._stack(g, x, colours, markers)
                continue
            for s, (_, values) in enumerate(self._series):
                value = values[g]
                if value is None:
                    continue
                at = x + (s - (count - 1) / 2) * width
                self._bar(at, value, colours[s % 2], markers[s % 2], width * 0.9)
                plt.text(str(value), at, value + top * 0.08, alignment="center", style="bold", background="default")
        ticked = self.steady_ticks(xs, self._groups)
        plt.xticks([xs[g] for g in ticked], [self._groups[g] for g in ticked])
        plt.yticks([])
        plt.ylim(0, top * 1.25)
        plt.xlim(*self.x_range(len(xs)))

    def _stack(self, group: int, x: float, colours: list[str], markers: list[str]) -> None:
        """One bar per group, its series piled up: drawn tallest first so each part stays visible."""
        parts = [(s, values[group]) for s, (_, values) in enumerate(self._series) if values[group] is not None]
        tops: list[tuple[int, int, int]] = []
        running = 0
        for s, value in parts:
            running += value or 0
            tops.append((s, running, value or 0))
        for s, height, _ in reversed(tops):
            self._bar(x, height, colours[s % 2], markers[s % 2], 0.5)
        for _, height, value in tops:
            self.plt.text(str(value), x, height - value / 2, alignment="center", style="bold", background="default")

    def _bar(self, x: float, height: float, colour: str, marker: str, width: float) -> None:
        self.plt.bar([x], [height], color=colour, marker=marker, width=width)
