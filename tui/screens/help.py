"""Help: every key of the screen it was opened from, and what the terms mean."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.screen import Screen
from textual.widgets import Static

from tui.data.model import Definition
from tui.screens.panel import ReadingPanel
from tui.widgets.label_table import label_table


def key_rows(bindings: dict[str, ActiveBinding]) -> list[tuple[str, str, str]]:
    """(keys, description, tooltip) for every binding of ours with a description, keys of one action merged.

    The screen's own keys come first, then the focused widget's, then the app's. Textual's generic
    bindings (copy selected text, page left, select, maximize...) are left out: they are not this
    app's keys and some do nothing here.
    """
    merged: dict[tuple[str, str], list[str]] = {}
    tips: dict[tuple[str, str], str] = {}
    rank: dict[tuple[str, str], int] = {}
    for key, active in bindings.items():
        binding = active.binding
        if not binding.description:
            continue
        ident = (binding.action, binding.description)
        if _rank(active) == NOT_OURS and binding.action not in TEXTUAL_KEYS_KEPT:
            continue
        merged.setdefault(ident, []).append(binding.key_display or _key_name(key))
        tips.setdefault(ident, binding.tooltip or "")
        rank.setdefault(ident, _rank(active))
    order = sorted(merged, key=lambda ident: rank[ident])
    return [(" ".join(merged[ident]), ident[1], tips[ident]) for ident in order]


NOT_OURS = 3
"""The rank of a binding Textual declared, not this app."""

TEXTUAL_KEYS_KEPT = frozenset({"app.focus_next", "app.focus_previous", "focus_next", "focus_previous"})
"""Textual's own bindings that do something useful here (tab between tables and charts), kept in help."""


def _rank(active: ActiveBinding) -> int:
    node, binding = active.node, active.binding
    ours = any(
        isinstance(b, Binding)
        and (b.action, b.description) == (binding.action, binding.description)
        and binding.key in b.key.split(",")
        for cls in type(node).__mro__
        if cls.__module__.startswith("tui.")
        for b in cls.__dict__.get("BINDINGS", ())
    )
    if not ours:
        return NOT_OURS
    return 0 if isinstance(node, Screen) else 2 if isinstance(node, App) else 1


def _key_name(key: str) -> str:
    return {"question_mark": "?", "ctrl+p": "ctrl+p", "escape": "esc"}.get(key, key)


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
