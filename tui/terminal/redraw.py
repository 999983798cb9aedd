"""Send the terminal only the cells that changed: a shadow of the screen, diffed on every update.

Textual repaints whole regions (a whole screen on every screen switch) and writes a full
colour sequence and a reset around every run of text. Over a slow SSH link that is most of the
traffic. :class:`ShadowScreen` keeps what the terminal shows, cell by cell, and turns each
Textual update into cursor moves and text for the changed cells only
(:mod:`tui.terminal.cell_writer` chooses the shortest sequences for them).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import Protocol, runtime_checkable

from rich.cells import cell_len
from rich.color import ColorSystem
from rich.console import Console
from rich.segment import Segment
from rich.style import Style

from tui.terminal.cell_writer import PLAIN, Cell, CellWriter, Look
from tui.terminal.textual_private import (
    ChopsUpdate,
    CompositorUpdate,
    LayoutUpdate,
    console_colour_system,
    style_attribute_codes,
)

GAP_BYTES = 4
"""Unchanged cells between two changes are rewritten rather than jumped over while they take no more
UTF-8 bytes than this (a step right costs 3-4 bytes, an absolute move 6-8)."""

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

    def __init__(self, *, erase: bool = False) -> None:
        self._rows: dict[int, list[tuple[str, str] | None]] = {}
        self._looks: dict[Style | None, Look] = {None: PLAIN}
        self._erase = erase
        self._painted_size: tuple[int, int] | None = None
        self._taken_over = False

    def invalidate(self) -> None:
        """Forget the screen (after a resize, a resume, anything that may have changed it)."""
        self._rows.clear()
        self._painted_size = None

    def seed(self, frame: Sequence[Sequence[tuple[str, str, str, str]]]) -> None:
        """The terminal shows ``frame`` (painted before Textual ran, as :meth:`frame` gives it back): the
        first update then sends only the cells that differ from it, and the screen does not flicker.

        Kept through the driver's take-over (:meth:`take_over`) and the size events of the start
        (:meth:`resized`) at the frame's size; any other size forgets it.
        """
        self._rows = {
            y: [(char, Look(attrs, fg, bg).key) for char, attrs, fg, bg in row] for y, row in enumerate(frame)
        }
        self._painted_size = (len(frame[0]) if frame else 0, len(frame))

    def take_over(self, size: tuple[int, int] | None) -> bool:
        """The driver takes the terminal, now ``size``: True if it still shows the seeded frame (the driver
        must then leave it as it is: no new alternate screen, which clears it); else the screen is forgotten.

        True once at most: a later take-over (after a suspend, the terminal back on its normal screen) starts
        from nothing.
        """
        if size is not None and size == self._painted_size and not self._taken_over:
            self._taken_over = True
            return True
        self.invalidate()
        return False

    def resized(self, size: tuple[int, int], *, starting: bool) -> None:
        """A size event: the screen is forgotten, unless the app is ``starting`` (its first frame not out:
        Textual sends two size events then) and ``size`` is the seeded frame's."""
        if not (starting and size == self._painted_size):
            self.invalidate()

    def frame(self, width: int, height: int) -> list[list[tuple[str, str, str, str]]] | None:
        """What the terminal shows, cell by cell (character, attributes, foreground, background), or None
        while any cell of a ``width`` x ``height`` screen is unknown. Links are left out (shown as plain text).
        """
        frame = []
        for y in range(height):
            row = self._rows.get(y)
            if row is None or len(row) < width:
                return None
            cells = []
            for cell in row[:width]:
                if cell is None:
                    return None
                char, key = cell
                attrs, fg, bg, _link = key.split("|", 3)
                cells.append((char, attrs, fg, bg))
            frame.append(cells)
        return frame

    def show(self, frame: Sequence[Sequence[tuple[str, str, str, str]]]) -> str:
        """The terminal sequence that turns the screen into ``frame`` (a kept screen, as :meth:`frame`
        gives it), sending only the cells that differ; the shadow then holds ``frame``."""
        writer = CellWriter(erase=self._erase, system=None)
        for y, frame_row in enumerate(frame):
            new: list[Cell] = [(char, None) for char, *_ in frame_row]
            self._write_changed(writer, 0, y, new, [Look(attrs, fg, bg) for _, attrs, fg, bg in frame_row])
        return writer.text()

    def update(self, update: CompositorUpdate) -> CompositorUpdate:
        """Wrap a Textual update so that rendering it sends only what changed."""
        if isinstance(update, LayoutUpdate | ChopsUpdate):
            return DiffUpdate(self, update)
        return update

    def render(self, ops: Iterable[PaintOp], console: Console) -> str:
        """The terminal sequence for the changed cells of ``ops``; the shadow is updated.

        The sequences are the shortest :class:`~tui.terminal.cell_writer.CellWriter` knows for the
        changed cells; the terminal's attributes are reset at the end.
        """
        system = console_colour_system(console) or ColorSystem.TRUECOLOR
        writer = CellWriter(erase=self._erase, system=system)
        for x, y, segments in ops:
            new = cells(segments)
            self._write_changed(writer, x, y, new, [self._look(style, system) for _, style in new])
        return writer.text()

    def _write_changed(self, writer: CellWriter, x: int, y: int, new: list[Cell], looks: list[Look]) -> None:
        """Write the cells of ``new`` (from column ``x`` of row ``y``) that differ from the shadow; note them."""
        seen = [(char, look.key) for (char, _), look in zip(new, looks, strict=True)]
        row = self._rows.setdefault(y, [])
        if len(row) < x + len(new):
            row.extend([None] * (x + len(new) - len(row)))
        changed = [i for i, cell in enumerate(seen) if row[x + i] != cell]
        if not changed:
            return
        for start, stop in _runs(changed, new):
            writer.write(x + start, y, new[start:stop], looks[start:stop], edge=len(row))
        row[x : x + len(new)] = seen

    def _look(self, style: Style | None, system: ColorSystem) -> Look:
        """What the terminal shows of a style (memoised)."""
        look = self._looks.get(style)
        if look is None:
            assert style is not None
            attrs = style_attribute_codes(style.without_color, system)
            fg = ";".join(style.color.downgrade(system).get_ansi_codes(True)) if style.color else ""
            bg = ";".join(style.bgcolor.downgrade(system).get_ansi_codes(False)) if style.bgcolor else ""
            fill = None
            if not attrs and not style.link:
                if style.color and not style.color.is_default:
                    fill = Look("", fg, ";".join(style.color.downgrade(system).get_ansi_codes(False)))
                else:
                    fill = Look("7", fg, bg)
            look = self._looks[style] = Look(attrs, fg, bg, style.link or "", fill)
        return look


ERASING_TERMINALS = ("xterm", "tmux", "rxvt", "alacritty", "kitty", "foot", "wezterm", "vte", "linux", "st-")
"""Terminal types known to erase (ECH) in the current background colour. GNU screen (``screen*``)
does not by default, so it gets plain blanks."""


def can_erase(term: str) -> bool:
    """Whether a terminal of this ``TERM`` erases characters in the current background colour."""
    return term.strip().lower().startswith(ERASING_TERMINALS)


def _runs(changed: list[int], new: list[Cell]) -> Iterator[tuple[int, int]]:
    """Runs [start, stop) covering the changed cells, merged over short gaps, wide chars whole."""
    start = stop = -1
    for index in changed:
        first = index - 1 if new[index][0] == "" and index > 0 else index
        last = index + 2 if index + 1 < len(new) and new[index + 1][0] == "" else index + 1
        if start < 0:
            start, stop = first, last
        elif sum(len(char.encode()) for char, _ in new[stop:first]) <= GAP_BYTES:
            stop = max(stop, last)
        else:
            yield start, stop
            start, stop = first, last
    if start >= 0:
        yield start, stop


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


@runtime_checkable
class TracksScreen(Protocol):
    """An app that keeps a :class:`ShadowScreen` of what the terminal shows (``TerminalApp`` does)."""

    shadow: ShadowScreen
