"""Help: every key of the screen it was opened from, and what the terms mean."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.data.model import Definition
from tui.widgets import KeyBar
from tui.widgets.label_table import label_table


def key_rows(bindings: dict[str, ActiveBinding]) -> list[tuple[str, str, str]]:
    """(keys, description, tooltip) for every binding with a description, keys of one action merged."""
    merged: dict[tuple[str, str], list[str]] = {}
    tips: dict[tuple[str, str], str] = {}
    for key, active in bindings.items():
        binding = active.binding
        if not binding.description:
            continue
        ident = (binding.action, binding.description)
        merged.setdefault(ident, []).append(binding.key_display or _key_name(key))
        tips.setdefault(ident, binding.tooltip or "")
    return [(" ".join(keys), desc, tips[(action, desc)]) for (action, desc), keys in merged.items()]


def _key_name(key: str) -> str:
    return {"question_mark": "?", "ctrl+p": "ctrl+p", "escape": "esc"}.get(key, key)


class HelpScreen(ModalScreen[None]):
    """Keys generated from the bindings in force (never a hand-kept list), then definitions."""

    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("question_mark", "dismiss", "Close", show=False),
        Binding("q", "dismiss", "Close", show=False),
        Binding("j,down", "scroll(1)", "Scroll", show=False),
        Binding("k,up", "scroll(-1)", "Scroll", show=False),
    ]

    def __init__(self, title: str, bindings: dict[str, ActiveBinding], definitions: tuple[Definition, ...]) -> None:
        super().__init__()
        self.title_text = title
        self.rows = key_rows(bindings)
        self.definitions = definitions

    def compose(self) -> ComposeResult:
        """Keys table, then the definitions."""
        with VerticalScroll(id="panel"):
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
        yield KeyBar()

    def action_scroll(self, lines: int) -> None:
        """Scroll the panel by ``lines``."""
        self.query_one("#panel", VerticalScroll).scroll_relative(y=lines, animate=False)

    async def action_dismiss(self, result: None = None) -> None:
        """Close help."""
        self.dismiss(result)
