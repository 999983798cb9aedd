"""The Textual application: modes for the screens, app-wide keys, and the factory that builds it."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from functools import partial
from pathlib import Path
from typing import Any, BinaryIO, ClassVar, TextIO

from textual import constants, events
from textual._compositor import CompositorUpdate
from textual.app import App, SystemCommand
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
from tui.widgets import SCREENS, ChartStyle

PREPARE_DELAY = 0.5
"""Seconds after start-up before the other screens are built in the background."""

SWITCH_DELAY = 0.01
"""Seconds screen updates are held during a screen switch, so it is drawn in one frame."""

EXIT_INTERRUPTED = 130
"""Exit status after ctrl+c, as a shell reports an interrupted command."""

SCREEN_CLASSES: dict[str, type[FoiScreen]] = {
    "trends": TrendsScreen,
    "ranks": RanksScreen,
    "outcomes": OutcomesScreen,
    "sources": SourcesScreen,
}

RESTRICTED_SYSTEM_COMMANDS = frozenset({"Theme", "Quit", "Keys", "Maximize", "Minimize"})
"""Textual's palette commands kept in restricted mode (none of them touches a file)."""

RESTRICTED_ACTIONS = frozenset({"screenshot", "suspend_process"})
"""Actions refused in restricted mode, whatever asks for them (key, palette, markup link)."""

RESTRICTED_REFUSAL = "Not available in restricted mode."


class FoiApp(App[None]):
    """foi-explorer: one data service, a mode per screen, every action on a key."""

    TITLE = "foi-explorer"
    AUTO_FOCUS = None
    # Every screen's .tcss (beside its module, rules nested under the screen class) is loaded once
    # here: a Screen.CSS_PATH would make Textual re-parse all CSS on the first switch to each screen.
    CSS_PATH = [
        "app.tcss",
        *(f"screens/{name}.tcss" for name in ("trends", "ranks", "outcomes", "sources", "help", "provenance")),
    ]
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
        restricted: bool = False,
    ) -> None:
        # The first screen is the default mode, so no blank frame is drawn before it.
        self.DEFAULT_MODE = screen  # type: ignore[misc]
        super().__init__()
        self.service = service
        self.restricted = restricted
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
            if theme not in self.available_themes:
                known = ", ".join(sorted(self.available_themes))
                raise ValueError(f"unknown theme '{theme}' (known: {known})")
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

    def on_mount(self) -> None:
        """Once the first screen is drawn, build the others so the first switch to each is instant."""
        self.set_timer(PREPARE_DELAY, self._prepare_screens)

    def _prepare_screens(self) -> None:
        for mode in SCREEN_CLASSES:
            if mode not in self._screen_stacks or not self._screen_stacks[mode]:
                # Textual has no public "mount this mode in the background"; _init_mode does just that.
                self._init_mode(mode)

    def delay_update(self, delay: float = SWITCH_DELAY) -> None:
        """Hold screen updates while a switch settles.

        Textual holds them for 50 ms on every mode switch to hide the transition; our screens
        are built in advance, so a shorter hold gives the same single frame, sooner.
        """
        super().delay_update(min(delay, SWITCH_DELAY))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide the key of the screen already on show from the footer; refuse what restricted mode forbids."""
        if self.restricted and action in RESTRICTED_ACTIONS:
            return False
        if action == "switch_mode" and parameters and parameters[0] == self.current_mode:
            return None
        return True

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own palette commands; in restricted mode only those that touch no file."""
        for command in super().get_system_commands(screen):
            if not self.restricted or command.title in RESTRICTED_SYSTEM_COMMANDS:
                yield command

    def action_suspend_process(self) -> None:
        """Suspend to the shell (ctrl+z), except in restricted mode: there is no shell to go to."""
        if self.restricted:
            self.notify(RESTRICTED_REFUSAL, title="Suspend")
            return
        super().action_suspend_process()

    def deliver_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str | None:
        """Save a screenshot, except in restricted mode (it would write a file)."""
        if self.restricted:
            self.notify(RESTRICTED_REFUSAL, title="Screenshot")
            return None
        return super().deliver_screenshot(filename, path, time_format)

    def save_screenshot(
        self, filename: str | None = None, path: str | None = None, time_format: str | None = None
    ) -> str:
        """Write a screenshot file; refused in restricted mode."""
        if self.restricted:
            raise PermissionError("screenshots are not written in restricted mode")
        return super().save_screenshot(filename, path, time_format)

    def deliver_binary(self, path_or_file: str | Path | BinaryIO, **options: Any) -> str | None:
        """Hand a file to the user (read from and saved to disk in a terminal); refused in restricted mode."""
        if self.restricted:
            self.notify(RESTRICTED_REFUSAL, title="Save")
            return None
        return super().deliver_binary(path_or_file, **options)

    def deliver_text(self, path_or_file: str | Path | TextIO, **options: Any) -> str | None:
        """Hand a text file to the user (read from and saved to disk in a terminal); refused in restricted mode."""
        if self.restricted:
            self.notify(RESTRICTED_REFUSAL, title="Save")
            return None
        return super().deliver_text(path_or_file, **options)

    def open_url(self, url: str, *, new_tab: bool = True) -> None:
        """Open a link in a browser, except in restricted mode (it would start a browser on the server)."""
        if self.restricted:
            self.notify(url, title="Links are not opened in restricted mode")
            return
        super().open_url(url, new_tab=new_tab)

    def action_help(self) -> None:
        """Open help for the screen on show (keys from its bindings, then definitions)."""
        screen = self.screen
        if isinstance(screen, HelpScreen):
            return
        labels = {mode: label for _, mode, label in SCREENS}
        title = f"the {labels[screen.id]} screen" if screen.id in labels else "this screen"
        self.push_screen(HelpScreen(title, screen.active_bindings, self.service.definitions))

    async def action_switch_mode(self, mode: str) -> None:
        """Switch screens; from a pop-up, close it first."""
        while len(self.screen_stack) > 1:
            self.pop_screen()
        await self.switch_mode(mode)


def build_app(
    service: DataService,
    *,
    screen: str = "trends",
    theme: str | None = None,
    terminal: Terminal | None = None,
    restricted: bool = False,
) -> FoiApp:
    """Build the app around a loaded data service (the one factory the CLI and tests use)."""
    return FoiApp(service, screen=screen, theme=theme, terminal=terminal, restricted=restricted)
