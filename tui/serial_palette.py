"""The command palette, made safe against keys that arrive faster than it closes, and tiny windows.

Textual's palette (8.2.8) can be dismissed twice: an Enter that picks a command closes it, and a
second Enter already queued behind it closes "it" again, popping the screen below (with one
screen left: ScreenStackError). And page up/down in a list with no room to show it (a window
3 lines high) indexes an empty line map (KeyError). This subclass closes once and ignores what
comes after, and pages only a list that has room.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import on
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.command import CommandList, CommandPalette
from textual.message import Message
from textual.widgets import Button, Input, OptionList


class SerialCommandPalette(CommandPalette):
    """A :class:`CommandPalette` that is dismissed at most once and pages only a visible list."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("pagedown", "page('page_down')", "Next page", show=False),
        Binding("pageup", "page('page_up')", "Previous page", show=False),
    ]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.closing = False
        """Dismissed already: nothing more is selected or run."""

    def dismiss(self, result: Any = None) -> AwaitComplete:
        """Close the palette, once; later calls do nothing."""
        if self.closing or self.app.screen is not self:
            return AwaitComplete.nothing()
        self.closing = True
        return super().dismiss(result)

    @on(Input.Submitted)
    @on(Button.Pressed)
    @on(OptionList.OptionSelected)
    def _ignore_once_closing(self, event: Message) -> None:
        """After the palette is dismissed, queued Enters and clicks select nothing more."""
        if self.closing:
            event.stop()
            event.prevent_default()

    def action_page(self, action: str) -> None:
        """Page up or down the list of commands, if it has room on screen to page through."""
        command_list = self.query_one(CommandList)
        if command_list.scrollable_content_region.height <= 0 or command_list.option_count == 0:
            return
        getattr(command_list, f"action_{action}")()
