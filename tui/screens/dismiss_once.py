"""Pop-ups that close once, however many closing keys arrive in one read.

Two closing keys handled before the first close has taken effect would each pop a screen: the
second one pops the screen below the pop-up (or raises ScreenStackError when it is the last one).
A pop-up that is no longer on top has already been closed, so closing it again does nothing.
"""

from __future__ import annotations

from typing import Any

from textual.await_complete import AwaitComplete
from textual.screen import Screen


class DismissOnce:
    """Mixin for pop-ups, placed before Textual's Screen class: only the pop-up on top can be dismissed."""

    def dismiss(self, result: Any = None) -> AwaitComplete:
        """Close the pop-up with ``result``, unless it is already closed (not on top)."""
        assert isinstance(self, Screen)
        if self.app.screen is not self:
            return AwaitComplete.nothing()
        return super().dismiss(result)  # type: ignore[misc]
