"""The keys in force as rows of (keys, description, tooltip): shared by the help screen and the command palette."""

from __future__ import annotations

from textual.app import App
from textual.binding import ActiveBinding, Binding
from textual.screen import Screen

NOT_OURS = 3
"""The rank of a binding Textual declared, not this app."""

TEXTUAL_KEYS_KEPT = frozenset({"app.focus_next", "app.focus_previous", "focus_next", "focus_previous"})
"""Textual's own bindings that do something useful here (tab between tables and charts), kept in help."""


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
