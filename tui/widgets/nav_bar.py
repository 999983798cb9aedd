"""The top line: the app's screens with their keys, the current one highlighted."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.widgets import Static

from tui.screen_registry import SCREENS, ScreenSpec


def nav_text(title: str, specs: Sequence[ScreenSpec], current: str, width: int) -> Text:
    """The bar's text for ``width`` cells: the widest of these that fits, else the narrowest.

    1. `` title   1 Trends   2 Ranks ...`` (the title, each label padded);
    2. the same without the title (every screen still named);
    3. labels packed with one space between them.
    """
    layouts = (
        _layout(title, specs, current, pad=" "),
        _layout("", specs, current, pad=" "),
        _layout("", specs, current, pad=""),
    )
    return next((text for text in layouts if text.cell_len <= width), layouts[-1])


def _layout(title: str, specs: Sequence[ScreenSpec], current: str, *, pad: str) -> Text:
    text = Text(f" {title} " if title else "", style="bold")
    for spec in specs:
        text.append(" ")
        text.append(f"{pad}{spec.key} {spec.label}{pad}", style="reverse bold" if spec.mode == current else "")
    return text


class NavBar(Static):
    """Shows ``1 Trends  2 Ranks ...`` with the current screen in reverse video, fitted to its width."""

    def __init__(self, current: str, title: str, modes: tuple[str, ...] | None = None) -> None:
        super().__init__(id="nav")
        self._current = current
        self._title = title
        self._specs = tuple(spec for spec in SCREENS if modes is None or spec.mode in modes)
        self._width = -1

    def on_mount(self) -> None:
        """Draw the bar for the width it has."""
        self._fit(self.size.width or self.app.size.width)

    def on_resize(self, event: events.Resize) -> None:
        """Redraw only when the width changes what fits."""
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        if width == self._width:
            return
        self._width = width
        self.update(nav_text(self._title, self._specs, self._current, width))
