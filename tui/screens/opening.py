"""Opening: shown while a spreadsheet given with ``--data`` is imported in memory, off the UI thread.

The import runs in a daemon thread, not a Textual thread worker: Textual waits for its workers'
threads when the app closes, and a read of a million rows cannot stop half-way, so ``q`` would
leave the terminal and then hang until the read ended. A daemon thread ends with the process.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import ProgressBar, Static

from tui.data.errors import DatasetError
from tui.data.safe_text import safe_text
from tui.data.service import DataService

OPENING_MODE = "opening"
"""The app's mode while the data is opened."""


@dataclass(frozen=True)
class Opening:
    """Data to open once the app is on screen: its name, and how to load it.

    ``load`` runs in a background thread; it is given a callback taking a short text saying what it
    does next ("reading the file"), returns the data service, and raises :class:`DatasetError` (one
    line naming file, row and column) when the data cannot be opened.
    """

    name: str
    load: Callable[[Callable[[str], object]], DataService]


class OpeningScreen(Screen[None]):
    """The file's name, what the import is doing, a bar that pulses (no share is known), how to quit."""

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

    def compose(self) -> ComposeResult:
        """The file's name, a pulsing bar, the step under way and the keys."""
        with Vertical(id="opening-panel"):
            yield Static(f"Opening {safe_text(self.opening.name)}", id="opening-title", markup=False)
            yield ProgressBar(total=None, show_eta=False, show_percentage=False, id="opening-progress")
            yield Static("starting", id="opening-step", markup=False)
            yield Static("q quit  ctrl+c interrupt", id="opening-keys", markup=False)

    def on_mount(self) -> None:
        """Start the import once the screen exists (and only once)."""
        if not self._started:
            self._started = True
            threading.Thread(target=self._load, name="opening", daemon=True).start()

    def _load(self) -> None:
        """Runs in the background thread: load, then tell the app (messages are thread-safe)."""
        message: Message
        try:
            message = self.Opened(self.opening.load(self._step))
        except DatasetError as exc:
            message = self.Failed(str(exc))
        except Exception as exc:
            message = self.Crashed(exc)
        self.post_message(message)

    def _step(self, text: str) -> None:
        """Tell the screen what the import does next (from the background thread, never waiting)."""
        self.post_message(self.Step(text))

    def on_opening_screen_step(self, message: OpeningScreen.Step) -> None:
        """Show the step under way."""
        message.stop()
        for step in self.query("#opening-step").results(Static):
            step.update(f"{safe_text(message.text)}...")
