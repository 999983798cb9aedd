"""A one-line question answered by one key (export format, overwrite or not)."""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.screens.dismiss_once import DismissOnce


class ChoiceScreen(DismissOnce, ModalScreen[str | None]):
    """Ask ``question``; each choice is ``(key, label)``; dismisses with the key pressed, or None on esc."""

    def __init__(self, question: str, choices: tuple[tuple[str, str], ...]) -> None:
        super().__init__()
        self.question = question
        self.choices = choices

    BINDINGS = [Binding("escape,q", "choose('')", "Cancel")]

    def on_key(self, event: events.Key) -> None:
        """A choice's key answers the question."""
        if any(event.key == key for key, _ in self.choices):
            event.stop()
            self.dismiss(event.key)

    def compose(self) -> ComposeResult:
        """The question and its keys."""
        keys = Text()
        for key, label in self.choices:
            keys.append(f" {key} ", style="bold reverse")
            keys.append(f" {label}   ")
        keys.append(" esc ", style="bold reverse")
        keys.append(" cancel")
        with Vertical(id="choice"):
            yield Static(Text(self.question, style="bold"), id="choice-question")
            yield Static(keys, id="choice-keys")

    def action_choose(self, key: str) -> None:
        """Answer with ``key`` (empty: cancelled)."""
        self.dismiss(key or None)
