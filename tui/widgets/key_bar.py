"""The bottom line: the keys in force, made from the bindings (a light stand-in for Textual's Footer)."""

from __future__ import annotations

from weakref import WeakKeyDictionary

from rich.text import Text
from textual.app import App
from textual.screen import Screen
from textual.widgets import Static

_CAPTIONS: WeakKeyDictionary[App[object], tuple[str, str]] = WeakKeyDictionary()
"""The demo caption of each app, if one is playing: (key label, caption)."""


def show_caption(app: App[object], label: str, caption: str) -> None:
    """Show a demo caption in the key bar's place (never over the figures); empty ``caption`` clears it."""
    if caption:
        _CAPTIONS[app] = (label, caption)
    else:
        _CAPTIONS.pop(app, None)
    for bar in app.screen.query(KeyBar):
        bar.refresh_keys()


class KeyBar(Static):
    """One line of ``key description`` pairs for every shown binding of the focused chain.

    Textual's Footer rebuilds a widget per key on every focus or screen change, which
    costs tens of milliseconds and kilobytes per switch; this draws one line of text.
    """

    def __init__(self) -> None:
        super().__init__("", id="key-bar", markup=False)

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
            self.update(Text.assemble((f" {label} ", "bold reverse"), " ", sentence))
            return
        text = Text()
        seen: set[str] = set()
        palette = ""
        for active in self.screen.active_bindings.values():
            binding = active.binding
            if binding.action in {"command_palette", "app.command_palette"}:
                palette = self.app.get_key_display(binding)
            if not binding.show or not binding.description or binding.description in seen:
                continue
            seen.add(binding.description)
            if text:
                text.append("  ")
            text.append(self.app.get_key_display(binding), style="bold reverse" if active.enabled else "dim")
            text.append(f" {binding.description}")
        if palette and palette not in text.plain:
            text.append("  ")
            text.append(palette, style="bold reverse")
            text.append(" Commands")
        self.update(text)
