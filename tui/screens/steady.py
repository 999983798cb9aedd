"""Screens that ignore resize events carrying a size the terminal no longer has.

Textual (8.2.8) lays a screen out at the size its Resize event carries, and a layout that changes
the screen's size posts the screen another Resize. With a pop-up on top, a stale event from an
earlier terminal size and the current one can chase each other for ever (seen by the monkey:
two sizes, thousands of layouts a second, nothing drawn). A full-screen screen's size is the
terminal's: an event that says otherwise is stale, and is dropped before Textual acts on it.
"""

from __future__ import annotations

from textual import events


class DropStaleResize:
    """Mixin for screens, placed before Textual's Screen class: stale Resize events go no further."""

    def on_resize(self, event: events.Resize) -> None:
        """Stop Textual's own resize handling for an event whose size is not the terminal's."""
        if event.size != self.app.size:  # type: ignore[attr-defined]
            event.prevent_default()
