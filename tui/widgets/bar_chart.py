"""The shared base of the bar charts: data in, ``replot()`` draws it through ``self.plt``.

Charts are explorable from the keyboard: left/right (or h/l, Home/End) focus one bar and the chart
posts :class:`BarChart.BarFocused` with a status line giving that bar's exact value, share and
source; ``%`` switches the printed values between counts and shares.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import RenderResult
from textual.binding import Binding
from textual.color import Color
from textual.message import Message
from textual.reactive import reactive
from textual_plotext import PlotextPlot

from tui.data import formatting as fmt
from tui.data.safe_text import safe_text
from tui.widgets.bar_limit import REST, Bars, all_bars, top_and_other
from tui.widgets.chart_style import DERIVED_LEGEND, DERIVED_LEGEND_SHORT, DERIVED_MARK, ChartStyle
from tui.widgets.steady_ticks import steady, tick_columns

STATUS_LABEL = 32
"""Longest bar label in a status line (the count and share come after it)."""


def short_label(label: str) -> str:
    """``label`` cut to :data:`STATUS_LABEL` characters, ending with an ellipsis when cut."""
    return label if len(label) <= STATUS_LABEL else label[: STATUS_LABEL - 1].rstrip() + "…"


def every_from_last(count: int, every: int) -> list[int]:
    """Bar indices ``count - 1``, ``count - 1 - every``, ... (the latest bar always among them), in order."""
    return [i for i in range(count) if (count - 1 - i) % every == 0]


PLOT_LEFT = 1
"""The first cell of an upright chart's plotting area (the y axis line takes the cell before it; no y labels)."""

TOO_NARROW = "(the chart cannot be drawn at this width: t for the table)"
"""Shown instead of a chart plotext fails to draw at the widget's size."""


class BarChart(PlotextPlot):
    """A bar chart that keeps its data and redraws it on demand.

    Subclasses decide the orientation in :meth:`draw`. Counts (or shares) are printed next to
    each bar; one bar may be highlighted (e.g. the peak year); bars this tool worked out
    (``derived``) are drawn in a quieter style, marked ``*`` and explained in a legend line.
    At most ``MAX_BARS`` bars are drawn (see :meth:`limit`); the title then says how many were
    left out, and the last line (``+N more``) adds them up.
    """

    MAX_BARS: ClassVar[int] = 12
    """The most bars drawn: more would not fit at 80x24, and plotext's cost grows with each."""

    can_focus = True

    BINDINGS = [
        Binding("left,h", "focus_bar(-1)", "Previous bar", show=False),
        Binding("right,l", "focus_bar(1)", "Next bar", show=False),
        Binding("home", "focus_end(0)", "First bar", show=False),
        Binding("end", "focus_end(1)", "Last bar", show=False),
        Binding(
            "percent_sign",
            "toggle_shares",
            "Shares",
            key_display="%",
            tooltip="Print shares instead of counts (again: counts)",
        ),
    ]

    show_shares: reactive[bool] = reactive(False, init=False)
    """Print each bar's share of the base rather than its count."""

    focused_bar: reactive[int | None] = reactive(None, init=False)
    """The bar picked with left/right, drawn in the focus style while the chart has focus."""

    class BarFocused(Message):
        """A bar got the keyboard focus; ``status`` says its value, share and source in one line."""

        def __init__(self, chart: BarChart, index: int, status: str) -> None:
            super().__init__()
            self.chart = chart
            self.index = index
            self.status = status

        @property
        def control(self) -> BarChart:
            """The chart the bar belongs to."""
            return self.chart

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._labels: tuple[str, ...] = ()
        self._values: tuple[int, ...] = ()
        self._derived: tuple[bool, ...] = ()
        self._rest = False
        """True when the last bar stands for the figures left out (its value is their sum, drawn without a bar)."""
        self._rest_total = 0
        self._highlight: int | None = None
        self._title = ""
        self._annotations: tuple[str, ...] = ()
        self._base: int | None = None
        self._base_label = ""
        self._unit = "officers"
        self._source = ""
        self.style_options = ChartStyle()
        self._drawn = 0
        self.left_out = 0
        """How many figures the chart leaves out (they are all in the table)."""
        self._rendered: tuple[object, RenderResult] | None = None
        self._plotted_size: tuple[int, int] | None = None

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
        derived: Sequence[bool] | None = None,
        base: int | None = None,
        base_label: str = "",
        unit: str = "officers",
        source: str = "",
    ) -> None:
        """Give the chart its bars and redraw it.

        Args:
            labels: one label per bar, in order.
            values: one count per bar (suppressed counts are left out by the caller).
            highlight: the index of a bar to draw in the accent colour, if any.
            title: a title drawn above the plot.
            annotations: the text printed by each bar in counts mode (default: its count); or a function
                giving the text of the bar at an index, called only for the bars drawn (thousands may be left out).
            derived: which bars this tool worked out rather than the source gave.
            base: what shares are of (default: the sum of the source's bars).
            base_label: how the status line names the base, e.g. ``all 184 officers``.
            unit: what is counted, for the status line.
            source: the short source line, for the status line.
        """
        all_derived = tuple(derived) if derived is not None else tuple(False for _ in values)
        bars = self.limit(all_bars(labels, values, highlight))
        if annotations is None:
            text: Callable[[int], str] = lambda index: str(values[index])  # noqa: E731
        else:
            text = annotations if callable(annotations) else annotations.__getitem__
        self._labels = tuple(map(safe_text, bars.labels))  # drawn through plotext's ANSI output: no escapes
        self._values = bars.values
        self._derived = tuple(False if index == REST else all_derived[index] for index in bars.indexes)
        self._rest = REST in bars.indexes
        self._rest_total = bars.rest
        self._highlight = bars.highlight
        self._annotations = tuple(
            f"{bars.rest} in all (every one in the table)" if index == REST else safe_text(text(index))
            for index in bars.indexes
        )
        self._title = safe_text(f"{title} ({bars.caption})" if bars.caption else title)
        self.left_out = bars.left_out
        source_total = sum(v for v, d in zip(values, all_derived, strict=True) if not d)
        self._base = base if base is not None else source_total
        self._base_label = base_label or f"{self._base}"
        self._unit = unit
        self._source = safe_text(source)
        if self.focused_bar is not None and self.focused_bar >= len(self._values):
            self.focused_bar = None
        self.fit(len(self._values))
        self.replot()

    def set_style(self, style: ChartStyle) -> None:
        """Switch colours or markers (e.g. for ASCII or no-colour terminals) and redraw."""
        self.style_options = style
        self.replot()

    # -- what is printed ---------------------------------------------------------------------

    def is_rest(self, index: int) -> bool:
        """True when bar ``index`` is the ``+N more`` line standing for the figures left out."""
        return self._rest and index == len(self._values) - 1

    def count(self, index: int) -> int:
        """The count of bar ``index`` (for the ``+N more`` line: the sum of what it stands for)."""
        return self._rest_total if self.is_rest(index) else self._values[index]

    def share(self, index: int) -> float | None:
        """The share of the base of bar ``index``, or None without a base."""
        return self.count(index) / self._base if self._base else None

    def value_text(self, index: int) -> str:
        """What is printed by bar ``index``: its annotation, or its share in shares mode."""
        return fmt.share(self.share(index)) if self.show_shares else self._annotations[index]

    def bar_label(self, index: int, shorten: Callable[[str], str] | None = None) -> str:
        """The bar's label (cut by ``shorten``, if given), with ``*`` when this tool worked it out."""
        label = self._labels[index] if shorten is None else shorten(self._labels[index])
        return f"{label}{DERIVED_MARK}" if self._derived[index] and not label.endswith(DERIVED_MARK) else label

    @property
    def has_derived(self) -> bool:
        """True when a bar was worked out here (the chart then draws a legend line)."""
        return any(self._derived)

    def figure_text(self, index: int, shorten: Callable[[str], str] | None = None) -> str:
        """Bar ``index`` in words: label (cut by ``shorten``, if given), exact count and share of the base."""
        parts = [f"{self.bar_label(index, shorten)}: {self.count(index)} {self._unit}"]
        share = self.share(index)
        if share is not None:
            parts.append(f"{fmt.share(share)} of {self._base_label}")
        if self._derived[index]:
            parts.append("worked out here")
        return " · ".join(parts)

    def is_derived(self, index: int) -> bool:
        """True when bar ``index`` was worked out here."""
        return self._derived[index]

    def figure_cells(self, index: int) -> dict[str, str]:
        """Bar ``index`` as labelled cells, like a table row: category, count, share of the base."""
        cells = {"category": self._labels[index], self._unit: str(self.count(index))}
        share = self.share(index)
        if share is not None:
            cells["share"] = f"{fmt.share(share)} of {self._base_label}"
        return cells

    def status_text(self, index: int) -> str:
        """One line on bar ``index``: label, exact count, share of the base and source.

        A long label is cut (``y`` and ``s`` give it whole) so the count always shows in the two rows
        a status line has.
        """
        return " · ".join(part for part in (self.figure_text(index, short_label), self._source) if part)

    # -- keys ------------------------------------------------------------------------------

    def action_focus_bar(self, step: int) -> None:
        """Move the bar focus ``step`` bars on (the first press picks the first or last bar)."""
        if not self._values:
            return
        if self.focused_bar is None:
            self.focused_bar = 0 if step > 0 else len(self._values) - 1
        else:
            self.focused_bar = max(0, min(len(self._values) - 1, self.focused_bar + step))

    def action_focus_end(self, last: int) -> None:
        """Focus the first (``0``) or last (``1``) bar."""
        if self._values:
            self.focused_bar = len(self._values) - 1 if last else 0

    def action_toggle_shares(self) -> None:
        """Switch the printed values between counts and shares."""
        self.show_shares = not self.show_shares

    def watch_focused_bar(self, index: int | None) -> None:
        """Redraw with the new focus and say which bar it is."""
        self.replot()
        if index is not None and index < len(self._values):
            self.post_message(self.BarFocused(self, index, self.status_text(index)))

    def watch_show_shares(self) -> None:
        """Redraw with counts or shares."""
        self.replot()

    def on_focus(self) -> None:
        """Show the focused bar (if any) while the chart has focus."""
        self.replot()

    def on_blur(self) -> None:
        """Draw every bar in its own style again."""
        self.replot()

    # -- drawing ---------------------------------------------------------------------------

    def replot(self) -> None:
        """Draw the current data again on the next render."""
        self._drawn += 1
        self.refresh()

    def _draw_plot(self) -> None:
        """Clear the plot and draw the current data for the widget's current size."""
        plt = self.plt
        plt.clear_figure()
        if self._values:
            plt.title(self._title)
            self.draw(list(range(1, len(self._values) + 1)))
            if self.has_derived:
                plt.xlabel(self.legend_text())

    def render(self) -> RenderResult:
        """The plot, built again only when its data, style, size or theme changed.

        Building a plot takes plotext tens of milliseconds; Textual asks for a render on every
        screen switch, when nothing about the chart has changed. Label positions depend on the
        size, so a new size draws the plot again.
        """
        key = (self._drawn, self.size, self.app.theme)
        if self._rendered is None or self._rendered[0] != key:
            try:
                self._draw_plot()
                drawn: RenderResult = super().render()
            except (ValueError, IndexError, ZeroDivisionError):
                # plotext fails at a few narrow widths (e.g. filling bars 2, 21, 22 or 27 columns wide,
                # plotext 5.3): say so rather than end the app; the table has the same figures.
                drawn = Text(TOO_NARROW, no_wrap=True, overflow="ellipsis")
            self._rendered = (key, drawn)
        return self._rendered[1]

    @staticmethod
    def x_range(slots: int) -> tuple[float, float]:
        """The x axis's ends for ``slots`` bars or groups at 1, 2, ...: a little beyond the first and last."""
        return 0.4, slots + 0.6

    def steady_ticks(self, positions: Sequence[float], labels: Sequence[str], every: int = 1) -> list[int]:
        """Which x labels an upright chart draws: every ``every``-th from the last, or fewer, so none meet.

        plotext writes tick labels in an order that changes at every start; labels close enough to
        see each other then moved or vanished differently at each start (:mod:`~tui.widgets.steady_ticks`).
        Fewer labels are drawn until none sees another, so the chart is the same at every start.
        The x axis spans :meth:`x_range`.
        """
        count = len(positions)
        low, high = self.x_range(count)
        columns = tick_columns(positions, low, high, self.plot_columns(), PLOT_LEFT)
        every = max(every, 1)
        while True:
            ticked = every_from_last(count, every)
            widths = [len(labels[i]) for i in ticked]
            if every >= count or steady([columns[i] for i in ticked], widths, self.size.width):
                return ticked
            every += 1

    def legend_text(self) -> str:
        """The legend line, shortened when the plot is too narrow for the full sentence."""
        room = self.plot_columns() - max((len(self.bar_label(i)) for i in range(len(self._labels))), default=0)
        return DERIVED_LEGEND if len(DERIVED_LEGEND) <= room else DERIVED_LEGEND_SHORT

    def label_colours(self) -> tuple[str | tuple[int, int, int], str | tuple[int, int, int]]:
        """Text and background colour of value labels: the plot's own text and canvas colours.

        Passed explicitly: plotext otherwise paints a label's background in the canvas colour
        of the moment it is drawn, before the theme is applied (the dark box of issue 12).
        """
        if self.theme == "clear":
            return "default", "default"
        variables = self.app.theme_variables
        foreground = Color.parse(variables.get("foreground", "white")).rgb
        return foreground, Color.parse(variables.get("surface", "black")).rgb

    def plot_rows(self) -> int:
        """Rows of the plotting area: the widget's height less title, frame, ticks and legend."""
        return max(1, self.size.height - 3 - self.extra_rows())

    def plot_columns(self) -> int:
        """Columns of the plotting area (the frame's two sides left out)."""
        return max(1, self.size.width - 2)

    def extra_rows(self) -> int:
        """Rows besides title and frame: one for the legend line when a bar is derived."""
        return 1 if self.has_derived else 0

    def limit(self, bars: Bars) -> Bars:
        """The bars to draw, at most ``MAX_BARS``: by default the largest, then one for the rest."""
        return top_and_other(bars.labels, bars.values, bars.highlight, self.MAX_BARS)

    def fit(self, bars: int) -> None:
        """Adapt the widget to the number of bars (by default its size is left to CSS)."""

    def draw(self, positions: list[int]) -> None:
        """Draw the bars at the given positions; implemented by each chart kind."""
        raise NotImplementedError

    def bar_colour(self, index: int) -> str:
        """The colour of the bar at ``index``: focus, then highlight, then derived, then plain."""
        style = self.style_options
        if self.has_focus and index == self.focused_bar:
            return style.focus
        if index == self._highlight:
            return style.accent
        if self._derived and self._derived[index]:
            return style.derived
        return style.bar

    def bar_marker(self, index: int) -> str:
        """The marker of the bar at ``index``: focused, highlighted and derived bars may have their own."""
        style = self.style_options
        if self.has_focus and index == self.focused_bar:
            return style.focus_marker
        if index == self._highlight:
            return style.accent_marker
        if self._derived and self._derived[index]:
            return style.derived_marker
        return style.marker

    def bar_colours(self) -> tuple[str, str]:
        """The colours of ordinary and highlighted bars."""
        return self.style_options.bar, self.style_options.accent
