"""The top line: the app's screens with their keys, the current one highlighted."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from tui.screen_registry import SCREENS


class NavBar(Static):
    """Shows ``1 Trends  2 Ranks ...`` with the current screen in reverse video."""

    def __init__(self, current: str, title: str) -> None:
        super().__init__(id="nav")
        self._current = current
        self._title = title

    def on_mount(self) -> None:
        """Draw the bar once: it never changes for a given screen."""
        text = Text(f" {self._title} ", style="bold")
        for spec in SCREENS:
            style = "reverse bold" if spec.mode == self._current else ""
            text.append(" ")
            text.append(f" {spec.key} {spec.label} ", style=style)
        self.update(text)
