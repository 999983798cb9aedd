"""The shared shape of the pop-ups: a scrollable reading panel closed by esc, q or its own key."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.await_complete import AwaitComplete
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen

from tui.screens.steady import DropStaleResize
from tui.widgets import KeyBar


class ReadingPanel(DropStaleResize, ModalScreen[None]):
    """A modal with a scrollable ``#panel``; subclasses yield its contents from :meth:`compose_panel`.

    ``CLOSE_KEY`` is the key that opened it, so pressing it again closes it.
    """

    CLOSE_KEY: ClassVar[str] = ""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("q", "dismiss", "Close", show=False),
        Binding("j,down", "scroll(1)", "Scroll", show=False),
        Binding("k,up", "scroll(-1)", "Scroll", show=False),
    ]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # Before Textual's own __init_subclass__, which merges BINDINGS.
        if cls.CLOSE_KEY:
            cls.BINDINGS = [*ReadingPanel.BINDINGS, Binding(cls.CLOSE_KEY, "dismiss", "Close", show=False)]
        super().__init_subclass__(**kwargs)

    def compose(self) -> ComposeResult:
        """The panel and the key bar."""
        with VerticalScroll(id="panel"):
            yield from self.compose_panel()
        yield KeyBar()

    def compose_panel(self) -> ComposeResult:
        """The panel's contents."""
        yield from ()

    def action_scroll(self, lines: int) -> None:
        """Scroll the panel by ``lines`` (keys that arrive before it is built, or after it closed, do nothing)."""
        for panel in self.query("#panel").results(VerticalScroll):
            panel.scroll_relative(y=lines, animate=False)

    async def action_dismiss(self, result: None = None) -> None:
        """Close the pop-up."""
        self.dismiss(result)

    def dismiss(self, result: None = None) -> AwaitComplete:
        """Close the pop-up once: a second close key queued behind the first must not pop the screen below."""
        if self.app.screen is not self:
            return AwaitComplete.nothing()
        return super().dismiss(result)
