"""Opening: shown while a spreadsheet given with ``--data`` is imported in memory, off the UI thread.

The import runs in the daemon thread of :class:`tui.data.opening.Opening`, started once this screen
is drawn; the screen listens to its news and turns each into a message.
"""

from __future__ import annotations

from time import monotonic

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from tui.data import opening as news
from tui.data.opening import Opening
from tui.data.safe_text import safe_text
from tui.data.service import DataService

__all__ = ["OPENING_MODE", "Opening", "OpeningScreen"]

OPENING_MODE = "opening"
"""The app's mode while the data is opened."""

ELAPSED_EVERY = 0.5
"""Seconds between updates of the time the import has taken so far."""


class OpeningScreen(Screen[None]):
    """The file's name, what the import is doing and for how long (no share of it is known), how to quit.

    No animated bar: its 15 redraws a second took the GIL from the import, which it slowed by ~5 %.
    """

    AUTO_FOCUS = None

    class Step(Message, bubble=False):
        """What the import does next."""

        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    class Opened(Message):
        """The data is loaded: the app's screens can be built."""

        def __init__(self, service: DataService) -> None:
            super().__init__()
            self.service = service

    class Failed(Message):
        """The data cannot be opened: one line naming file, row and column."""

        def __init__(self, reason: str) -> None:
            super().__init__()
            self.reason = reason

    class Crashed(Message):
        """Loading stopped on an unexpected error (a bug): raised again on the UI thread."""

        def __init__(self, error: Exception) -> None:
            super().__init__()
            self.error = error

    def __init__(self, opening: Opening) -> None:
        super().__init__(id=OPENING_MODE)
        self.opening = opening
        self._started = False
        self._step = "starting"
        self._since = monotonic()

    def compose(self) -> ComposeResult:
        """The file's name, the step under way with the seconds it has taken so far, and the keys."""
        with Vertical(id="opening-panel"):
            yield Static(f"Opening {safe_text(self.opening.name)}", id="opening-title", markup=False)
            yield Static("starting...", id="opening-step", markup=False)
            yield Static("q quit  ctrl+c interrupt", id="opening-keys", markup=False)

    def on_mount(self) -> None:
        """Listen to the import, and start it once the screen is drawn."""
        if not self._started:
            self._started = True
            self.opening.listen(self._hear)
            self.call_after_refresh(self.opening.start)  # the screen drawn first, then the import
            self.set_interval(ELAPSED_EVERY, self._show_step)

    def _hear(self, told: news.News) -> None:
        """Turn the import's news into a message (called from the loading thread; messages are thread-safe)."""
        message: Message
        if isinstance(told, news.Step):
            message = self.Step(told.text)
        elif isinstance(told, news.Opened):
            message = self.Opened(told.service)
        elif isinstance(told, news.Refused):
            message = self.Failed(told.reason)
        else:
            message = self.Crashed(told.error)
        self.post_message(message)

    def on_opening_screen_step(self, message: OpeningScreen.Step) -> None:
        """Show the step under way."""
        message.stop()
        self._step = message.text
        self._show_step()

    def _show_step(self) -> None:
        elapsed = monotonic() - self._since
        for step in self.query("#opening-step").results(Static):
            step.update(f"{safe_text(self._step)}... {elapsed:.1f} s")
