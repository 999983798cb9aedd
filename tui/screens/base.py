"""What every explorer screen shares: navigation, provenance line, chart/table toggle, size guard."""

from __future__ import annotations

from typing import ClassVar

from textual import events, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container
from textual.css.query import NoMatches
from textual.screen import Screen
from textual.widgets import ContentSwitcher, Static

from tui.data.service import DataService
from tui.screens.figure_keys import FigureKeys
from tui.widgets import BarChart, FigureTable, KeyBar, NavBar, ProvenanceBar

MIN_WIDTH = 80
MIN_HEIGHT = 24


class FoiScreen(FigureKeys, Screen[None]):
    """A data screen: a chart view and a table view of the same figures, ``t`` to switch.

    Subclasses set ``MODE`` and implement :meth:`compose_chart`, :meth:`compose_table`,
    :meth:`gather` (runs in a worker thread, asks the service) and :meth:`show` (fills the widgets).
    """

    MODE: ClassVar[str] = ""
    AUTO_FOCUS = None
    HAS_CHART: ClassVar[bool] = True

    BINDINGS = [
        Binding("t", "toggle_view", "Chart/table", tooltip="Switch between the chart and the exact numbers"),
        Binding("s", "provenance", "Source", tooltip="Where the figures (or the focused row) come from"),
        Binding("e", "export", "Export", tooltip="Save this table with its source as CSV, JSON or Markdown"),
        Binding("y", "copy_figure", "Copy", tooltip="Copy the focused figure with its source (OSC 52)"),
    ]

    def __init__(self, service: DataService) -> None:
        super().__init__(id=self.MODE)
        self.service = service

    def compose(self) -> ComposeResult:
        """The shared frame around the screen's own views."""
        yield NavBar(self.MODE, "foi-explorer")
        with Container(id="body"):
            with ContentSwitcher(initial="chart-view" if self.HAS_CHART else "table-view", id="views"):
                if self.HAS_CHART:
                    with Container(id="chart-view"):
                        yield from self.compose_chart()
                with Container(id="table-view"):
                    yield from self.compose_table()
        yield Static("", id="too-small")
        yield ProvenanceBar(self.service.provenance)
        yield KeyBar()

    def compose_chart(self) -> ComposeResult:
        """The widgets of the chart view."""
        yield from ()

    def compose_table(self) -> ComposeResult:
        """The widgets of the table view."""
        yield from ()

    def on_mount(self) -> None:
        """Style the charts for the terminal, and ask the service for the figures without blocking the UI."""
        style = getattr(self.app, "chart_style", None)
        terminal = getattr(self.app, "terminal", None)
        for chart in self.query(BarChart):
            if terminal is not None and terminal.ansi_theme:
                chart.theme = "clear"  # frame and ticks in the terminal's own colours, never black on black
            if style is not None:
                chart.set_style(style)
        self.load()

    @work(thread=True, exclusive=True, group="screen-load")
    def load(self) -> None:
        """Gather the screen's data off the UI thread, then show it on the UI thread."""
        data = self.gather()
        self.app.call_from_thread(self._show_and_focus, data)

    def _show_and_focus(self, data: object) -> None:
        try:
            self.show(data)
        except NoMatches:
            # Only when the app quits while the data is on its way: the widgets are already gone.
            if self.app._exit or self._closing or not self.is_attached or not self.app.is_running:
                return
            raise
        self.focus_view()
        if not self.is_current:
            self.call_after_refresh(self._prerender)

    def _prerender(self) -> None:
        """Lay out and render a screen built in the background, so its first showing is instant.

        Uses Textual internals (pinned version): there is no public way to warm a screen's caches.
        """
        if not self.is_current and self.app.size:
            self._refresh_layout(self.app.size)
            self._compositor.render_full_update()

    def gather(self) -> object:
        """Ask the service for what the screen shows (runs in a worker thread)."""
        return None

    def show(self, data: object) -> None:
        """Put the gathered data into the widgets (runs on the UI thread)."""

    @property
    def view_name(self) -> str:
        """``chart`` or ``table``: the view on show."""
        current = self.query_one("#views", ContentSwitcher).current or "table-view"
        return current.removesuffix("-view")

    def action_toggle_view(self) -> None:
        """Switch between the chart view and the table view."""
        if not self.HAS_CHART:
            return
        switcher = self.query_one("#views", ContentSwitcher)
        switcher.current = "table-view" if switcher.current == "chart-view" else "chart-view"
        self.focus_view()

    def focus_view(self) -> None:
        """Focus the first focusable widget of the view on show (a table, a scroll), or nothing."""
        switcher = self.query_one("#views", ContentSwitcher)
        view = switcher.get_child_by_id(switcher.current or "chart-view")
        focusable = [w for w in view.query("*") if w.can_focus]
        self.set_focus(focusable[0] if focusable else None)

    def action_provenance(self) -> None:
        """Open the full provenance, with the focused row's (or bar's) figure as a card first."""
        from tui.screens.provenance import ProvenanceScreen

        row = None
        derived = False
        focused = self.focused
        if isinstance(focused, FigureTable) and focused.view is not None:
            row = (focused.view.title, focused.focused_row())
            index = focused.focused_index()
            derived = index is not None and focused.view.derived[index]
        elif isinstance(focused, BarChart) and focused.focused_bar is not None:
            row = (focused.chart_title, focused.figure_cells(focused.focused_bar))
            derived = focused.is_derived(focused.focused_bar)
        provenance, definitions = self.service.provenance, self.service.definitions
        self.app.push_screen(ProvenanceScreen(provenance, row, definitions, derived))

    def on_resize(self, event: events.Resize) -> None:
        """Show the too-small message instead of a broken layout."""
        self._guard_size(event.size.width, event.size.height)

    def on_screen_resume(self) -> None:
        """Re-check the size when coming back to this screen."""
        self._guard_size(self.app.size.width, self.app.size.height)

    def _guard_size(self, width: int, height: int) -> None:
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        self.set_class(small, "-too-small")
        if small:
            self.query_one("#too-small", Static).update(
                f"Terminal too small: need {MIN_WIDTH}x{MIN_HEIGHT}, have {width}x{height}.\n"
                "Make the window larger, or press q to quit."
            )
