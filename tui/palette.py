"""Command palette entries made from the key bindings in force: declared once, found everywhere."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

from tui.widgets.key_rows import key_rows


class BindingCommands(Provider):
    """Every described binding of the screen the palette was opened from, app keys included."""

    def _commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        bindings = self.screen.active_bindings
        seen: set[str] = set()
        for keys, description, tooltip in key_rows(bindings):
            if description in seen:
                continue
            seen.add(description)
            active = next(a for a in bindings.values() if a.binding.description == description)
            node: DOMNode = active.node
            help_text = f"{keys}: {tooltip}" if tooltip else keys  # the key first: never cut off the end
            yield description, help_text, partial(self.app.run_action, active.binding.action, node)

    async def discover(self) -> Hits:
        """All commands, shown when the palette opens."""
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands whose name or help matches the query."""
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = max(matcher.match(name), matcher.match(help_text) * 0.8)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


SYSTEM_COMMANDS_KEPT = frozenset({"Theme", "Screenshot"})
"""Textual's own palette commands the app keeps: the rest repeat our keys (Quit, Keys) or do nothing here."""
