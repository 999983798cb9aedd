"""The shared base of the bar charts: data in, ``replot()`` draws it through ``self.plt``."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import RenderResult
from textual_plotext import PlotextPlot

from tui.widgets.bar_limit import REST, Bars, all_bars, top_and_other
from tui.widgets.chart_style import ChartStyle

TOO_NARROW = "(the chart cannot be drawn at this width: t for the table)"
"""Shown instead of a chart plotext fails to draw at the widget's size."""


class BarChart(PlotextPlot):
    """A bar chart that keeps its data and redraws it on demand.

    Subclasses decide the orientation in :meth:`draw`. Counts are printed next to
    each bar, and one bar may be highlighted (e.g. the peak year). At most ``MAX_BARS`` bars
    are drawn (see :meth:`limit`); the title then says how many were left out.
    """

    MAX_BARS: ClassVar[int] = 12
    """The most bars drawn: more would not fit at 80x24, and plotext's cost grows with each."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._labels: tuple[str, ...] = ()
        self._values: tuple[int, ...] = ()
        self._highlight: int | None = None
        self._title = ""
        self._annotations: tuple[str, ...] = ()
        self.style_options = ChartStyle()
        self._drawn = 0
        self.left_out = 0
        """How many figures the chart leaves out (they are all in the table)."""
        self._rendered: tuple[object, RenderResult] | None = None

    @property
    def labels(self) -> tuple[str, ...]:
        """The bar labels on show, in order."""
        return self._labels

    @property
    def values(self) -> tuple[int, ...]:
        """The bar values on show, in order."""
        return self._values

    @property
    def highlight(self) -> int | None:
        """The index of the highlighted bar, if any."""
        return self._highlight

    @property
    def chart_title(self) -> str:
        """The title drawn above the bars."""
        return self._title

    def set_data(
        self,
        labels: Sequence[str],
        values: Sequence[int],
        *,
        highlight: int | None = None,
        title: str = "",
        annotations: Sequence[str] | Callable[[int], str] | None = None,
    ) -> None:
        """Give the chart its bars and redraw it.

        Args:
            labels: one label per bar, in order.
            values: one count per bar (suppressed counts are left out by the caller).
            highlight: the index of a bar to draw in the accent colour, if any.
            title: a title drawn above the plot.
            annotations: the text printed by each bar (default: its count); or a function giving the
                text of the bar at an index, called only for the bars drawn (thousands may be left out).
        """
        bars = self.limit(all_bars(labels, values, highlight))
        if annotations is None:
            text: Callable[[int], str] = lambda index: str(values[index])  # noqa: E731
        else:
            text = annotations if callable(annotations) else annotations.__getitem__
        self._labels = bars.labels
        self._values = bars.values
        self._highlight = bars.highlight
        self._annotations = tuple(
            f"{bars.rest} in all (every one in the table)" if index == REST else text(index) for index in bars.indexes
        )
        self._title = f"{title} ({bars.caption})" if bars.caption else title
        self.left_out = bars.left_out
        self.fit(len(self._values))
        self.replot()

    def set_style(self, style: ChartStyle) -> None:
        """Switch colours or markers (e.g. for ASCII or no-colour terminals) and redraw."""
        self.style_options = style
        self.replot()

    def replot(self) -> None:
        """Clear the plot and draw the current data again."""
        plt = self.plt
        plt.clear_figure()
        if self._values:
            plt.title(self._title)
            self.draw(list(range(1, len(self._values) + 1)))
        self._drawn += 1
        self.refresh()

    def render(self) -> RenderResult:
        """The plot, built again only when its data, style, size or theme changed.

        Building a plot takes plotext tens of milliseconds; Textual asks for a render on every
        screen switch, when nothing about the chart has changed.
        """
        key = (self._drawn, self.size, self.app.theme)
        if self._rendered is None or self._rendered[0] != key:
            try:
                drawn: RenderResult = super().render()
            except (ValueError, IndexError, ZeroDivisionError):
                # plotext fails at a few narrow widths (e.g. filling bars 2, 21, 22 or 27 columns wide,
                # plotext 5.3): say so rather than end the app; the table has the same figures.
                drawn = Text(TOO_NARROW, no_wrap=True, overflow="ellipsis")
            self._rendered = (key, drawn)
        return self._rendered[1]

    def limit(self, bars: Bars) -> Bars:
        """The bars to draw, at most ``MAX_BARS``: by default the largest, then one for the rest."""
        return top_and_other(bars.labels, bars.values, bars.highlight, self.MAX_BARS)

    def fit(self, bars: int) -> None:
        """Adapt the widget to the number of bars (by default its size is left to CSS)."""

    def draw(self, positions: list[int]) -> None:
        """Draw the bars at the given positions; implemented by each chart kind."""
        raise NotImplementedError

    def bar_colours(self) -> tuple[str, str]:
        """The colours of ordinary and highlighted bars."""
        return self.style_options.bar, self.style_options.accent

    def bar_marker(self, index: int) -> str:
        """The marker of the bar at ``index``: the highlighted bar may have its own."""
        style = self.style_options
        return style.accent_marker if index == self._highlight else style.marker
