"""Help: every key of the screen it was opened from, and what the terms mean."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding
from textual.widgets import Static

from tui.data.model import Definition
from tui.screens.panel import ReadingPanel
from tui.widgets.key_rows import key_rows
from tui.widgets.label_table import label_table


class HelpScreen(ReadingPanel):
    """Keys generated from the bindings in force (never a hand-kept list), then definitions."""

    CLOSE_KEY = "question_mark"

    def __init__(self, title: str, bindings: dict[str, ActiveBinding], definitions: tuple[Definition, ...]) -> None:
        super().__init__()
        self.title_text = title
        self.rows = key_rows(bindings)
        self.definitions = definitions

    def compose_panel(self) -> ComposeResult:
        """Keys table, then the definitions."""
        yield Static(Text(f"Keys on {self.title_text}", style="bold underline"))
        table = Table(box=None, show_header=False, padding=(0, 1), expand=True)
        table.add_column("key", style="bold", no_wrap=True)
        table.add_column("action", no_wrap=True)
        table.add_column("what it does", ratio=1)
        for keys, description, tooltip in self.rows:
            table.add_row(keys, description, tooltip)
        yield Static(table, id="key-table")
        yield Static(Text("\nWhat the terms mean", style="bold underline"))
        definitions = label_table((d.term, d.meaning) for d in self.definitions)
        yield Static(definitions, id="definitions")
