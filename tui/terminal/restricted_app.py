"""What the app refuses in restricted mode (a shared SSH or browser service): files, shell, suspend."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO, TextIO

from textual.app import SystemCommand
from textual.screen import Screen

from tui.data.safe_text import safe_text
from tui.terminal import Terminal
from tui.terminal.terminal_app import TerminalApp

RESTRICTED_SYSTEM_COMMANDS = frozenset({"Theme", "Quit", "Keys", "Maximize", "Minimize"})
"""Textual's palette commands kept in restricted mode (none of them touches a file)."""

RESTRICTED_ACTIONS = frozenset({"screenshot", "suspend_process"})
"""Actions refused in restricted mode, whatever asks for them (key, palette, markup link)."""

RESTRICTED_REFUSAL = "Not available in restricted mode."


class RestrictedApp(TerminalApp):
    """A TerminalApp that, when ``restricted``, writes no file, opens no browser and never suspends.

    Args:
        terminal: see :class:`~tui.terminal.terminal_app.TerminalApp`.
        restricted: refuse everything that reaches beyond the app.
    """

    def __init__(self, *, terminal: Terminal | None = None, restricted: bool = False) -> None:
        super().__init__(terminal=terminal)
        self.restricted = restricted
        self.writes_files = not restricted

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Refuse the actions restricted mode forbids, however they are asked for."""
        return not (self.restricted and action in RESTRICTED_ACTIONS)

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
            self.notify(safe_text(url), title="Links are not opened in restricted mode", markup=False)
            return
        super().open_url(url, new_tab=new_tab)
