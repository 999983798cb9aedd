"""The Textual application: modes for the screens, app-wide keys, and the factory that builds it."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from functools import partial
from typing import ClassVar

from textual import constants, events
from textual._compositor import CompositorUpdate
from textual.app import App
from textual.binding import Binding, BindingType
from textual.driver import Driver
from textual.filter import LineFilter, Monochrome, NoColor
from textual.screen import Screen
from textual.widgets import Input

from tui.commands import BindingCommands
from tui.data.service import DataService
from tui.filters import AsciiFilter, NoColourFilter
from tui.redraw import ShadowScreen
from tui.screens import FoiScreen, HelpScreen, OutcomesScreen, RanksScreen, SourcesScreen, TrendsScreen
from tui.terminal import Terminal
from tui.widgets import ChartStyle

EXIT_INTERRUPTED = 130
"""Exit status after ctrl+c, as a shell reports an interrupted command."""

SCREEN_CLASSES: dict[str, type[FoiScreen]] = {
    "trends": TrendsScreen,
    "ranks": RanksScreen,
    "outcomes": OutcomesScreen,
    "sources": SourcesScreen,
}


class FoiApp(App[None]):
    """foi-explorer: one data service, a mode per screen, every action on a key."""

    TITLE = "foi-explorer"
    AUTO_FOCUS = None
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {BindingCommands}
    ENABLE_COMMAND_PALETTE = True
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "switch_mode('trends')", "Trends", show=False, tooltip="Officers investigated per year"),
        Binding("2", "switch_mode('ranks')", "Ranks", show=False, tooltip="Officers investigated by rank"),
        Binding("3", "switch_mode('outcomes')", "Outcomes", show=False, tooltip="Findings and sanctions"),
        Binding(
            "4", "switch_mode('sources')", "Sources", show=False, tooltip="Provenance, checks and the article's claims"
        ),
        Binding("question_mark", "help", "Help", key_display="?", tooltip="Every key of this screen, and definitions"),
        Binding(
            "ctrl+p",
            "command_palette",
            "Commands",
            show=False,
            priority=True,
            tooltip="Find any screen or action by name",
        ),
        Binding("q", "quit", "Quit", tooltip="Leave foi-explorer"),
        Binding(
            "ctrl+c",
            "interrupt",
            "Interrupt",
            show=False,
            priority=True,
            tooltip="Leave at once (exit status 130, as for an interrupted command)",
        ),
    ]

    def __init__(
        self,
        service: DataService,
        *,
        screen: str = "trends",
        theme: str | None = None,
        terminal: Terminal | None = None,
    ) -> None:
        # The first screen is the default mode, so no blank frame is drawn before it.
        self.DEFAULT_MODE = screen  # type: ignore[misc]
        super().__init__()
        self.service = service
        self.terminal = terminal or Terminal()
        self.chart_style = ChartStyle.for_terminal(ascii_only=self.terminal.ascii_only, mono=self.terminal.mono)
        # Textual's own NO_COLOR handling greys colours out (still colour codes): replace it.
        self.no_color = self.terminal.mono
        self._own_filters: list[LineFilter] = [NoColourFilter()] if self.terminal.mono else []
        if self.terminal.ascii_only:
            self._own_filters.append(AsciiFilter())
        self._shadow = ShadowScreen()
        for mode, screen_class in SCREEN_CLASSES.items():
            self.add_mode(mode, partial(screen_class, service))
        if theme:
            self.theme = theme
        elif self.terminal.ansi_theme:
            self.theme = "ansi-dark"
        if self.terminal.low_bandwidth:
            self.animation_level = "none"

    def get_driver_class(self) -> type[Driver]:
        """The resilient driver in a terminal (Textual's choice for a browser or Windows)."""
        if constants.DRIVER or sys.platform == "win32":
            return super().get_driver_class()
        from tui.driver import ResilientDriver

        return ResilientDriver

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters (less its grey NO_COLOR one), then no colour and ASCII as asked."""
        textual = [f for f in super().get_line_filters() if not isinstance(f, Monochrome | NoColor)]
        return [*textual, *self._own_filters] if self._own_filters else textual

    def _display(self, screen: Screen[object], renderable: object) -> None:
        # Textual 8.2.8 (pinned) hands every screen update to _display: send only changed cells.
        if getattr(self._driver, "tracks_screen", False) and isinstance(renderable, CompositorUpdate):
            renderable = self._shadow.update(renderable)
        super()._display(screen, renderable)  # type: ignore[arg-type]

    def on_resize(self, event: events.Resize) -> None:
        """The terminal may have changed under us: repaint everything."""
        self._shadow.invalidate()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """No blinking cursor (every blink is a redraw sent down the link)."""
        if isinstance(event.widget, Input):
            event.widget.cursor_blink = False

    def action_interrupt(self) -> None:
        """ctrl+c: leave at once, with the status of an interrupted command."""
        self.exit(return_code=EXIT_INTERRUPTED)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the key of the screen already on show from the footer."""
        if action == "switch_mode" and parameters and parameters[0] == self.current_mode:
            return None
        return True

    def action_help(self) -> None:
        """Open help for the screen on show (keys from its bindings, then definitions)."""
        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        title = screen.id or "this screen"
        self.push_screen(HelpScreen(title, screen.active_bindings, self.service.definitions))

    async def action_switch_mode(self, mode: str) -> None:
        """Switch screens; from a pop-up, close it first."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        await self.switch_mode(mode)


def build_app(
    service: DataService, *, screen: str = "trends", theme: str | None = None, terminal: Terminal | None = None
) -> FoiApp:
    """Build the app around a loaded data service (the one factory the CLI and tests use)."""
    return FoiApp(service, screen=screen, theme=theme, terminal=terminal)
