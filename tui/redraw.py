"""Send the terminal only the cells that changed: a shadow of the screen, diffed on every update.

Textual repaints whole regions (a whole screen on every screen switch) and writes a full
colour sequence and a reset around every run of text. Over a slow SSH link that is most of the
traffic. :class:`ShadowScreen` keeps what the terminal shows, cell by cell, and turns each
Textual update into cursor moves and text for the changed cells only, changing attributes
only where they change.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rich.cells import cell_len
from rich.color import ColorSystem
from rich.console import Console
from rich.control import Control
from rich.segment import Segment
from rich.style import Style
from textual._compositor import ChopsUpdate, CompositorUpdate, LayoutUpdate

Cell = tuple[str, Style | None]
"""A character (empty for the right half of a wide one) and its style."""

GAP = 6
"""Unchanged cells between two changes rewritten rather than jumped over (a jump costs ~7 bytes)."""

RESET = "\x1b[0m"
LINK = "\x00"

PaintOp = tuple[int, int, Iterable[Segment]]
"""x, y and the segments Textual paints there."""


def paint_ops(update: CompositorUpdate) -> Iterator[PaintOp]:
    """Where a Textual update paints what, as its own ``render_segments`` would (textual 8.2.8)."""
    if isinstance(update, LayoutUpdate):
        x = update.region.x
        for y, line in enumerate(update.strips, update.region.y):
            yield x, y, [segment for strip in line for segment in strip]
    elif isinstance(update, ChopsUpdate):
        for y, x1, x2 in update.spans:
            for end, (x, strip) in zip(update.chop_ends[y], update.chops[y].items(), strict=False):
                if strip is None or x > x2 or end <= x1:
                    continue
                if x2 > x >= x1 and end <= x2:
                    yield x, y, strip
                else:
                    yield x, y, strip.crop(0, min(end, x2) - x)


def cells(segments: Iterable[Segment]) -> list[Cell]:
    """One entry per terminal cell; a wide character takes two (the second empty)."""
    out: list[Cell] = []
    for text, style, control in segments:
        if control:
            continue
        for char in text:
            width = cell_len(char) if not char.isascii() else 1
            if width == 0 and out:
                previous, previous_style = out[-1]
                out[-1] = (previous + char, previous_style)
            elif width == 2:
                out.extend([(char, style), ("", style)])
            elif width == 1:
                out.append((char, style))
    return out


class ShadowScreen:
    """What the terminal shows, as far as this app wrote it; unknown cells are always written."""

    def __init__(self) -> None:
        self._rows: dict[int, list[tuple[str, str] | None]] = {}
        self._codes: dict[Style | None, str] = {None: ""}

    def invalidate(self) -> None:
        """Forget the screen (after a resize, a resume, anything that may have changed it)."""
        self._rows.clear()

    def update(self, update: CompositorUpdate) -> CompositorUpdate:
        """Wrap a Textual update so that rendering it sends only what changed."""
        if isinstance(update, LayoutUpdate | ChopsUpdate):
            return DiffUpdate(self, update)
        return update

    def render(self, ops: Iterable[PaintOp], console: Console) -> str:
        """The terminal sequence for the changed cells of ``ops``; the shadow is updated."""
        system = console._color_system or ColorSystem.TRUECOLOR
        out: list[str] = []
        for x, y, segments in ops:
            new = cells(segments)
            seen = [(char, self._key(style, system)) for char, style in new]
            row = self._rows.setdefault(y, [])
            if len(row) < x + len(new):
                row.extend([None] * (x + len(new) - len(row)))
            changed = [i for i, cell in enumerate(seen) if row[x + i] != cell]
            if not changed:
                continue
            for start, stop in self._runs(changed, new):
                out.append(Control.move_to(x + start, y).segment.text)
                out.append(self._sgr_text(new[start:stop], system))
            row[x : x + len(new)] = seen
        return "".join(out)

    def _key(self, style: Style | None, system: ColorSystem) -> str:
        """What the terminal shows of a style: its attribute codes (and link)."""
        codes = self._codes.get(style)
        if codes is None:
            assert style is not None
            codes = style._make_ansi_codes(system)
            if style.link:
                codes += LINK + style.link
            self._codes[style] = codes
        return codes

    @staticmethod
    def _runs(changed: list[int], new: list[Cell]) -> Iterator[tuple[int, int]]:
        """Runs [start, stop) covering the changed cells, merged over short gaps, wide chars whole."""
        start = stop = -1
        for index in changed:
            first = index - 1 if new[index][0] == "" and index > 0 else index
            last = index + 2 if index + 1 < len(new) and new[index + 1][0] == "" else index + 1
            if start < 0:
                start, stop = first, last
            elif first - stop <= GAP:
                stop = max(stop, last)
            else:
                yield start, stop
                start, stop = first, last
        if start >= 0:
            yield start, stop

    def _sgr_text(self, run: list[Cell], system: ColorSystem) -> str:
        """Text of a run with an attribute change only where the style changes; reset at the end."""
        out: list[str] = []
        current = ""
        for char, style in run:
            if style is not None and style.link:
                if current:
                    out.append(RESET)
                    current = ""
                out.append(style.render(char, color_system=system))
                continue
            codes = self._key(style, system)
            if codes != current:
                out.append(f"\x1b[0;{codes}m" if codes else RESET)
                current = codes
            out.append(char)
        if current:
            out.append(RESET)
        return "".join(out)


class DiffUpdate(CompositorUpdate):
    """A Textual update rendered through a :class:`ShadowScreen`."""

    def __init__(self, shadow: ShadowScreen, update: CompositorUpdate) -> None:
        self.shadow = shadow
        self.update = update

    def __rich_console__(self, console: Console, options: object) -> Iterator[Segment]:
        """As the wrapped update (used only when Textual renders it through Rich)."""
        yield from self.update.__rich_console__(console, options)  # type: ignore[attr-defined]

    def render_segments(self, console: Console) -> str:
        """Only the changed cells, as terminal sequences."""
        return self.shadow.render(paint_ops(self.update), console)
