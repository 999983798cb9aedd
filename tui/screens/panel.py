"""The shared shape of the pop-ups: a scrollable reading panel closed by esc, q or its own key.

It reads like a pager: j/k and arrows scroll a line, PgUp/PgDn and space/b a page, Home/End
(and g/G) jump to the top and bottom; the key bar lists them.
"""

from __future__ import annotations

from typing import Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.screens.dismiss_once import DismissOnce
from tui.screens.min_size import MIN_HEIGHT, MIN_WIDTH, too_small_message
from tui.screens.steady import DropStaleResize
from tui.widgets import KeyBar


class ReadingPanel(DismissOnce, DropStaleResize, ModalScreen[None]):
    """A modal with a scrollable ``#panel``; subclasses yield its contents from :meth:`compose_panel`.

    ``CLOSE_KEY`` is the key that opened it, so pressing it again closes it.
    """

    CLOSE_KEY: ClassVar[str] = ""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss", "Close"),
        Binding("q", "dismiss", "Close", show=False),
        Binding("j,down", "scroll(1)", "Line", key_display="j/k", tooltip="Scroll a line down (k: up)"),
        Binding("k,up", "scroll(-1)", "Line up", show=False),
        Binding("pagedown,space", "page(1)", "Page", key_display="PgDn/PgUp", tooltip="A page down (also space)"),
        Binding("pageup,b", "page(-1)", "Page up", show=False, tooltip="A page up (also b)"),
        Binding("home,g", "edge(0)", "Top/end", key_display="Home/End", tooltip="The top (End: the bottom)"),
        Binding("end,G", "edge(1)", "Bottom", show=False),
        # The app's ctrl+p (a priority key) opens the palette here too; this names it in the key bar.
        Binding("ctrl+p", "app.command_palette", "Commands", show=False),
    ]

    def __init_subclass__(cls, **kwargs: Any) -> None:
        # Before Textual's own __init_subclass__, which merges BINDINGS.
        if cls.CLOSE_KEY:
            own = list(cls.__dict__.get("BINDINGS", ()))
            cls.BINDINGS = [*ReadingPanel.BINDINGS, *own, Binding(cls.CLOSE_KEY, "dismiss", "Close", show=False)]
        super().__init_subclass__(**kwargs)

    def compose(self) -> ComposeResult:
        """The panel and the key bar."""
        with VerticalScroll(id="panel"):
            yield from self.compose_panel()
        yield Static("", id="panel-too-small", markup=False)
        yield KeyBar()

    def compose_panel(self) -> ComposeResult:
        """The panel's contents."""
        yield from ()

    def action_scroll(self, lines: int) -> None:
        """Scroll the panel by ``lines`` (keys that arrive before it is built, or after it closed, do nothing)."""
        for panel in self.query("#panel").results(VerticalScroll):
            panel.scroll_relative(y=lines, animate=False)

    def action_page(self, pages: int) -> None:
        """Scroll the panel by whole pages (one line of the last page kept for context)."""
        for panel in self.query("#panel").results(VerticalScroll):
            step = max(1, panel.scrollable_content_region.height - 1)
            panel.scroll_relative(y=pages * step, animate=False)

    def action_edge(self, end: int) -> None:
        """Jump to the top (``0``) or the bottom (``1``) of the panel."""
        for panel in self.query("#panel").results(VerticalScroll):
            if end:
                panel.scroll_end(animate=False)
            else:
                panel.scroll_home(animate=False)

    def on_mount(self) -> None:
        """Check the size as the pop-up opens."""
        self._guard_size(self.app.size.width, self.app.size.height)

    def on_resize(self, event: events.Resize) -> None:
        """Say the terminal is too small rather than squeeze the panel (judged on the terminal's size)."""
        self._guard_size(self.app.size.width, self.app.size.height)

    def _guard_size(self, width: int, height: int) -> None:
        small = width < MIN_WIDTH or height < MIN_HEIGHT
        self.set_class(small, "-too-small")
        for message in self.query("#panel-too-small").results(Static) if small else ():  # none before compose
            message.update(too_small_message(width, height, "or press esc to close this pop-up"))

    async def action_dismiss(self, result: None = None) -> None:
        """Close the pop-up."""
        self.dismiss(result)
