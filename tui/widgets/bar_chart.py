"""The shared base of the bar charts: data in, ``replot()`` draws it through ``self.plt``."""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import RenderResult
from textual_plotext import PlotextPlot

from tui.widgets.chart_style import ChartStyle


class BarChart(PlotextPlot):
    """A bar chart that keeps its data and redraws it on demand.

    Subclasses decide the orientation in :meth:`draw`. Counts are printed next to
    each bar, and one bar may be highlighted (e.g. the peak year).
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._labels: tuple[str, ...] = ()
        self._values: tuple[int, ...] = ()
        self._highlight: int | None = None
        self._title = ""
        self._annotations: tuple[str, ...] = ()
        self.style_options = ChartStyle()
        self._drawn = 0
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
        annotations: Sequence[str] | None = None,
    ) -> None:
        """Give the chart its bars and redraw it.

        Args:
            labels: one label per bar, in order.
            values: one count per bar (suppressed counts are left out by the caller).
            highlight: the index of a bar to draw in the accent colour, if any.
            title: a title drawn above the plot.
            annotations: the text printed by each bar (default: its count).
        """
        self._labels = tuple(labels)
        self._values = tuple(values)
        self._highlight = highlight
        self._title = title
        self._annotations = tuple(annotations) if annotations is not None else tuple(str(v) for v in values)
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
            self._rendered = (key, super().render())
        return self._rendered[1]

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
