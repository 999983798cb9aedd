"""The command palette, made safe against keys that arrive faster than it closes, and tiny windows.

Textual's palette (8.2.8) can be dismissed twice: an Enter that picks a command closes it, and a
second Enter already queued behind it closes "it" again, popping the screen below (with one
screen left: ScreenStackError). And page up/down in a list with no room to show it (a window
3 lines high) indexes an empty line map (KeyError). This subclass closes once and ignores what
comes after (no search is started once it closes: the search would look for a list that
has gone, NoMatches), and pages only a list that has room.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.command import CommandList, SearchIcon
from textual.message import Message
from textual.widgets import Button, Input, OptionList

from tui.screens.steady import DropStaleResize
from tui.terminal.textual_private import SearchGuardPalette

LIST_ACTIONS = frozenset({"command_list", "cursor_down", "page"})
"""The palette's actions that act on its list of commands."""


class SerialCommandPalette(DropStaleResize, SearchGuardPalette):
    """A :class:`CommandPalette` that is dismissed at most once and pages only a visible list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown", "page('page_down')", "Next page", show=False),
        Binding("pageup", "page('page_up')", "Previous page", show=False),
    ]

    def __init__(self, *args: Any, ascii_only: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.closing = False
        """Dismissed already: nothing more is selected or run."""
        self.ascii_only = ascii_only
        """Draw the search icon as ``>`` (the magnifying-glass emoji shows as ``??`` without Unicode)."""

    def on_mount(self) -> None:
        """Swap the search icon for ``>`` in ASCII mode."""
        if self.ascii_only:
            for icon in self.query(SearchIcon):
                icon.icon = ">"

    def dismiss(self, result: Any = None) -> AwaitComplete:
        """Close the palette, once; later calls do nothing."""
        if self.closing or self.app.screen is not self:
            return AwaitComplete.nothing()
        self._close()
        return super().dismiss(result)

    def _close(self) -> None:
        """From now on nothing is searched, selected or run (a search still queued would find no list)."""
        self.closing = True
        self.workers.cancel_node(self)

    def on_screen_suspend(self) -> None:
        """Another screen replaced it (a screen key pops it): it is closing."""
        self._close()

    def on_unmount(self) -> None:
        """Removed: stop any search still under way."""
        self._close()

    @on(Input.Changed)
    def _no_search_once_closing(self, event: Input.Changed) -> None:
        """Typing queued behind a close starts no search."""
        if self.closing:
            event.stop()
            event.prevent_default()

    @on(Input.Submitted)
    @on(Button.Pressed)
    @on(OptionList.OptionSelected)
    def _ignore_once_closing(self, event: Message) -> None:
        """After the palette is dismissed, queued Enters and clicks select nothing more."""
        if self.closing:
            event.stop()
            event.prevent_default()

    def may_search(self) -> bool:
        """No search once the palette is closing or has lost its list (or before it has one)."""
        return not self.closing and bool(self.query(CommandList))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """List keys (up, down, page, first, last) only while the list exists: keys typed in the same write
        as ctrl+p arrive before it is built, or after it has gone."""
        if action in LIST_ACTIONS and (self.closing or not self.query(CommandList)):
            return False
        return super().check_action(action, parameters)

    def action_page(self, action: str) -> None:
        """Page up or down the list of commands, if it has room on screen to page through."""
        command_list = self.query_one(CommandList)
        if command_list.scrollable_content_region.height <= 0 or command_list.option_count == 0:
            return
        getattr(command_list, f"action_{action}")()

