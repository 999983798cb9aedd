"""A focusable scroll for long reading (the Sources report): arrows, j/k, pages and ends from the keyboard."""

from __future__ import annotations

from textual.binding import Binding
from textual.containers import VerticalScroll


class ReadingScroll(VerticalScroll, can_focus=True):
    """A VerticalScroll that also answers to vi-style keys.

    | key | action |
    | --- | --- |
    | j, k (and arrows) | a line down, up |
    | space, b (and PgDn, PgUp) | a page down, up |
    | g, G (and Home, End) | top, bottom |
    """

    BINDINGS = [
        Binding("j,down", "scroll_down", "Scroll down", show=False),
        Binding("k,up", "scroll_up", "Scroll up", show=False),
        Binding("space,pagedown", "page_down", "Page down", show=False),
        Binding("b,pageup", "page_up", "Page up", show=False),
        Binding("g,home", "scroll_home", "Top", show=False),
        Binding("G,end", "scroll_end", "Bottom", show=False),
    ]
