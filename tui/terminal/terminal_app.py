"""The app's side facing the terminal: driver, line filters, changed-cells output, ctrl+c."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from textual import constants, events
from textual.driver import Driver
from textual.filter import LineFilter, Monochrome, NoColor
from textual.widgets import Input

from tui.terminal.environment import Terminal
from tui.terminal.output_filters import AsciiFilter, NoColourFilter
from tui.terminal.redraw import ShadowScreen
from tui.terminal.textual_private import CompositorUpdate, UpdateHookApp, app_driver

EXIT_INTERRUPTED = 130
"""Exit status after ctrl+c, as a shell reports an interrupted command."""


class TerminalApp(UpdateHookApp):
    """An App that writes only what the terminal can show, and only what changed.

    Args:
        terminal: what the terminal can do (colours, UTF-8, bandwidth); detected from the
            environment when not given.
    """

    def __init__(self, *, terminal: Terminal | None = None) -> None:
        super().__init__()
        self.terminal = terminal or Terminal()
        # Textual's own NO_COLOR handling greys colours out (still colour codes): replace it.
        self.no_color = self.terminal.mono
        self._own_filters: list[LineFilter] = [NoColourFilter()] if self.terminal.mono else []
        if self.terminal.ascii_only:
            self._own_filters.append(AsciiFilter())
        self.shadow = ShadowScreen()
        """What the terminal shows now, for changed-cells output (reset when the driver starts)."""
        if self.terminal.low_bandwidth:
            self.animation_level = "none"

    def get_driver_class(self) -> type[Driver]:
        """The resilient driver in a terminal (Textual's choice for a browser or Windows)."""
        if constants.DRIVER or sys.platform == "win32":
            return super().get_driver_class()
        from tui.terminal.driver import ResilientDriver

        return ResilientDriver

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters (less its grey NO_COLOR one), then no colour and ASCII as asked."""
        textual = [f for f in super().get_line_filters() if not isinstance(f, Monochrome | NoColor)]
        return [*textual, *self._own_filters] if self._own_filters else textual

    def transform_update(self, update: object) -> object:
        """On a driver that tracks the screen, send only the cells that changed."""
        if getattr(app_driver(self), "tracks_screen", False) and isinstance(update, CompositorUpdate):
            return self.shadow.update(update)
        return update

    def on_resize(self, event: events.Resize) -> None:
        """The terminal may have changed under us: repaint everything."""
        self.shadow.invalidate()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """No blinking cursor (every blink is a redraw sent down the link)."""
        if isinstance(event.widget, Input):
            event.widget.cursor_blink = False

    def action_interrupt(self) -> None:
        """ctrl+c: leave at once, with the status of an interrupted command."""
        self.exit(return_code=EXIT_INTERRUPTED)
