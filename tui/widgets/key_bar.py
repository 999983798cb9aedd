"""The bottom line: the keys in force, made from the bindings (a light stand-in for Textual's Footer)."""

from __future__ import annotations

from typing import Any
from weakref import WeakKeyDictionary

from rich.text import Text
from textual.app import App, ScreenStackError
from textual.screen import Screen
from textual.widgets import Static

from tui.data.safe_text import safe_text

_CAPTIONS: WeakKeyDictionary[App[Any], tuple[str, str]] = WeakKeyDictionary()
"""The demo caption of each app, if one is playing: (key label, caption)."""


def show_caption(app: App[Any], label: str, caption: str) -> None:
    """Show a demo caption in the key bar's place (never over the figures); empty ``caption`` clears it."""
    if caption:
        _CAPTIONS[app] = (safe_text(label), safe_text(caption))  # from a tour file: data, shown as plain text
    else:
        _CAPTIONS.pop(app, None)
    for bar in app.screen.query(KeyBar):
        bar.refresh_keys()


KEPT = frozenset({"Help", "Close", "Commands"})
"""Keys the bar never drops for want of room: help (``?``) and the command palette (``^p``) list every other key."""

GIVE_WAY_FIRST: tuple[str, ...] = ("Quit", "Copy")
"""Keys dropped first for want of room, in this order (``q`` to quit is the convention; copying is rarer
than the rest); then the last droppable ones go."""


def fit(items: list[tuple[str, str, bool]], width: int) -> list[tuple[str, str, bool]]:
    """``items`` (key, description, enabled) with keys left out until they fit ``width``.

    :data:`GIVE_WAY_FIRST` go first, then the last of the others; :data:`KEPT` never go.
    """
    kept = list(items)

    def length() -> int:
        return sum(len(key) + 1 + len(description) for key, description, _ in kept) + 2 * (len(kept) - 1)

    def rank(index: int) -> tuple[int, int]:
        description = kept[index][1]
        first = GIVE_WAY_FIRST.index(description) if description in GIVE_WAY_FIRST else len(GIVE_WAY_FIRST)
        return (-first, index)

    while width and kept and length() > width:
        droppable = [i for i, (_, description, _) in enumerate(kept) if description not in KEPT]
        if not droppable:
            break
        del kept[max(droppable, key=rank)]
    return kept


def _line(items: list[tuple[str, str, bool]]) -> Text:
    text = Text()
    for key, description, enabled in items:
        if text:
            text.append("  ")
        text.append(key, style="bold reverse" if enabled else "dim")
        text.append(f" {description}")
    return text


class KeyBar(Static):
    """One line of ``key description`` pairs for every shown binding of the focused chain.

    Textual's Footer rebuilds a widget per key on every focus or screen change, which
    costs tens of milliseconds and kilobytes per switch; this draws one line of text.
    """

    def __init__(self) -> None:
        super().__init__("", id="key-bar", markup=False)
        self._keys_shown: Text | None = None

    def on_resize(self) -> None:
        """Fit the keys to the new width (screens prepared in the background are fitted when shown)."""
        try:
            if self.screen.is_current:
                self.refresh_keys()
        except ScreenStackError:  # the app is closing: nothing to fit
            return

    def on_mount(self) -> None:
        """Redraw whenever the screen's bindings change (focus moves, screen resumes)."""
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)
        self.refresh_keys()

    def _bindings_changed(self, screen: Screen[object]) -> None:
        if self.is_attached and screen is self.screen:
            self.refresh_keys()

    def refresh_keys(self) -> None:
        """Rebuild the line from the active bindings, or show the demo caption playing."""
        caption = _CAPTIONS.get(self.app)
        self.set_class(caption is not None, "-caption")
        if caption is not None:
            label, sentence = caption
            self._keys_shown = None
            self.update(Text.assemble((f" {label} ", "bold reverse"), " ", sentence))
            return
        items: list[tuple[str, str, bool]] = []
        seen: set[str] = set()
        palette = ""
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if binding.action in {"command_palette", "app.command_palette"}:
                palette = self.app.get_key_display(binding)
            if not binding.show or not binding.description or binding.description in seen:
                continue
            seen.add(binding.description)
            items.append((self.app.get_key_display(binding), binding.description, active.enabled))
        if palette and all(key != palette for key, _, _ in items):
            items.append((palette, "Commands", True))
        line = _line(fit(items, self.size.width - 2 if self.size.width else 0))
        if line == self._keys_shown:  # the same keys (a screen shown again): nothing to redraw
            return
        self._keys_shown = line
        height = self.styles.height
        # One line high by the stylesheet: a new line of keys needs no layout of the screen (on every switch).
        self.update(line, layout=height is None or not height.is_cells)
