"""Terminal sequences for runs of cells, as short as they can be while the screen looks the same.

:class:`CellWriter` follows the terminal's cursor and attributes while it writes, so that it can
choose, every time, the cheapest of the sequences that leave the screen as intended:

- attributes: only what differs is sent, switching single attributes off (``22``, ``24``, ``27``...)
  rather than resetting everything and setting the colours again;
- cursor: no move at all when the cursor is already there, a step right (``CUF``) or a carriage
  return and line feeds where they are shorter than an absolute move (``CUP``);
- blanks: a blank shows only its background, so a run of them is written in whatever colours are
  on if the background matches, and erased (``ECH``) in one sequence when it is long;
- full blocks: a full block (``█``, three bytes in UTF-8) shows only its foreground colour, the
  same as a blank on that colour as background, so a long run of them is sent as such a blank run
  (one erase instead of three bytes a cell).

The cursor is trusted only after cells whose width is certain (one column each, no combining
marks: a terminal may disagree with Rich on the width of a wide or combined character; no link,
whose sequence a terminal that does not know it may show), and not after a write that may have
reached the right edge (some terminals wrap there at once).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache

from rich.color import ColorSystem
from rich.style import Style

Cell = tuple[str, Style | None]
"""A character (empty for the right half of a wide one) and its style."""

RESET = "\x1b[0m"
FULL_BLOCK = "█"

ERASE_MIN = 9
"""Blanks in a row worth erasing with ECH and a cursor step (about 10 bytes) instead of writing them."""

OFF_CODES = {"1": "22", "2": "22", "3": "23", "4": "24", "21": "24", "5": "25", "6": "25", "7": "27", "9": "29"}
"""The SGR code switching each attribute off (ECMA-48); an attribute not listed is switched off by a reset."""

ERASABLE_ATTRIBUTES = {"1", "2", "3"}
"""Attributes that do not show on a blank (bold, dim, italic): a blank in them shows only its background."""


@dataclass(frozen=True)
class Look:
    """A style as terminal attribute codes: attributes, foreground, background, and any link.

    ``fill``: a look in which a blank shows the same as a full block (``█``) in this one: the
    foreground colour as background, or reverse video for the default foreground. Only for looks
    with no attribute (a bold foreground may show brighter than the same colour as background).
    """

    attrs: str
    fg: str
    bg: str
    link: str = ""
    fill: Look | None = None

    @cached_property
    def key(self) -> str:
        """Equal for styles that look the same."""
        return f"{self.attrs}|{self.fg}|{self.bg}|{self.link}"

    @property
    def erasable(self) -> bool:
        """No attribute that shows on a blank (underline, reverse...): a blank in it shows only the background."""
        return not self.link and set(self.attrs.split(";")) <= {"", *ERASABLE_ATTRIBUTES}

    @property
    def plain(self) -> bool:
        """No attribute and no colour."""
        return not (self.attrs or self.fg or self.bg)


PLAIN = Look("", "", "")


def _codes(attrs: str) -> set[str]:
    return set(attrs.split(";")) - {""}


@lru_cache(maxsize=4096)
def transition(current: Look, target: Look) -> str:
    """The shortest SGR sequence from one look to another (empty if they look the same)."""
    if (current.attrs, current.fg, current.bg) == (target.attrs, target.fg, target.bg) or (
        current.plain and target.plain
    ):
        return ""
    if target.plain:
        return RESET
    reset = ";".join(code for code in ("" if current.plain else "0", target.attrs, target.fg, target.bg) if code)
    have, want = _codes(current.attrs), _codes(target.attrs)
    removed = have - want
    if not removed <= OFF_CODES.keys():
        return f"\x1b[{reset}m"
    off = sorted({OFF_CODES[code] for code in removed}, key=int)
    # An off code may switch off more than the attribute removed (22: bold and dim): set again what stays.
    on = sorted((want - have) | {code for code in want & have if OFF_CODES.get(code) in off}, key=int)
    codes = [*off, *on]
    if current.fg != target.fg:
        codes.append(target.fg or "39")
    if current.bg != target.bg:
        codes.append(target.bg or "49")
    if not codes:  # the same attributes, listed in another order
        return ""
    step = ";".join(codes)
    return f"\x1b[{step if len(step) <= len(reset) else reset}m"


def cursor_to(x: int, y: int) -> str:
    """CUP to column ``x``, row ``y`` (0-based), with the default parameters left out."""
    if x == 0:
        return "\x1b[H" if y == 0 else f"\x1b[{y + 1}H"
    return f"\x1b[{y + 1};{x + 1}H"


def cursor_right(count: int) -> str:
    """CUF: ``count`` columns right (stops at the right margin)."""
    return "\x1b[C" if count == 1 else f"\x1b[{count}C"


def blank_cost(count: int, erase: bool) -> int:
    """Bytes to put ``count`` blanks on screen and step over them."""
    if erase and count >= ERASE_MIN:
        return len(f"\x1b[{count}X") + len(cursor_right(count))
    return count


class CellWriter:
    """Writes runs of cells as terminal sequences, following the cursor and attributes it leaves.

    Args:
        erase: the terminal erases (ECH) in the current background colour.
        system: the colour system links are rendered in (their own sequence, from Rich).
    """

    def __init__(self, *, erase: bool, system: ColorSystem | None) -> None:
        self.erase = erase
        self.system = system
        self.look = PLAIN
        """The attributes the terminal has on."""
        self.cursor: tuple[int, int] | None = None
        """Where the terminal's cursor is, when known for certain."""
        self._out: list[str] = []

    def text(self) -> str:
        """Everything written, attributes reset at the end."""
        self._set(PLAIN)
        return "".join(self._out)

    def move(self, x: int, y: int) -> None:
        """Put the cursor at column ``x``, row ``y`` (0-based) by the shortest way known to work."""
        options = [cursor_to(x, y)]
        if self.cursor is not None:
            cx, cy = self.cursor
            if (cx, cy) == (x, y):
                return
            if cy == y and x > cx:
                options.append(cursor_right(x - cx))
            if y >= cy:
                options.append("\r" + "\n" * (y - cy) + (cursor_right(x) if x else ""))
        self._out.append(min(options, key=len))
        self.cursor = (x, y)

    def write(self, x: int, y: int, cells: Sequence[Cell], looks: Sequence[Look], edge: int) -> None:
        """Write ``cells`` (with their ``looks``) from column ``x`` of row ``y``.

        ``edge``: the row's known width; a write reaching it may leave the cursor wrapped.
        """
        self.move(x, y)
        certain = True
        end = x + len(cells)
        index, stop = 0, len(cells)
        while index < stop:
            char, style = cells[index]
            look = looks[index]
            if look.link and style is not None:  # the link's own sequence, which ends in a reset
                self._set(PLAIN)
                self._out.append(style.render(char, color_system=self.system))
                certain = False  # a terminal that does not know links may show some of the sequence
            elif char == " " and look.erasable:
                count = self._same_background(cells, looks, index, stop)
                if self._blanks(count, look, last=index + count == stop):
                    end = x + index  # erased up to the end of the write, not stepped over
                index += count
                continue
            elif char == FULL_BLOCK and look.fill is not None:
                count = self._same_cells(cells, looks, index, stop)
                if not self._fill_pays(look, look.fill, count):
                    self._set(look)
                    self._out.append(char * count)
                elif look.fill.erasable:
                    if self._blanks(count, look.fill, last=index + count == stop):
                        end = x + index
                else:  # reverse video: written, not erased (an erase takes only the background)
                    self._set(look.fill)
                    self._out.append(" " * count)
                index += count
                continue
            else:
                self._set(look)
                self._out.append(char)
                certain = certain and len(char) <= 1 and not (index + 1 < stop and cells[index + 1][0] == "")
            index += 1
        self.cursor = (end, y) if certain and x + stop < edge else None

    def _set(self, look: Look) -> None:
        self._out.append(transition(self.look, look))
        self.look = look

    def _blank_look(self, look: Look) -> Look | None:
        """The cheapest look to switch to for a blank to show as one in ``look`` does (None: no change)."""
        if self.look.erasable and self.look.bg == look.bg:
            return None
        kept = Look(";".join(sorted(_codes(self.look.attrs) & ERASABLE_ATTRIBUTES, key=int)), self.look.fg, look.bg)
        return min((look, kept), key=lambda option: len(transition(self.look, option)))

    def _blanks(self, count: int, look: Look, *, last: bool) -> bool:
        """``count`` blanks showing as ones in ``look``; ``last``: nothing follows in this write.

        True if they were erased without stepping over them (the cursor stays at their start).
        """
        target = self._blank_look(look)
        if target is not None:
            self._set(target)
        if self.erase and count >= ERASE_MIN:
            self._out.append(f"\x1b[{count}X")
            if last:
                return True
            self._out.append(cursor_right(count))
            return False
        self._out.append(" " * count)
        return False

    def _fill_pays(self, look: Look, fill: Look, count: int) -> bool:
        """Whether ``count`` full blocks in ``look`` cost fewer bytes as blanks in ``fill`` than as blocks."""
        if fill.erasable:
            filled = self._blank_look(fill) or self.look
            filling = len(transition(self.look, filled)) + blank_cost(count, self.erase)
        else:
            filled = fill
            filling = len(transition(self.look, filled)) + count
        back = len(transition(filled, look))  # about what the cells after them cost more
        as_blocks = len(transition(self.look, look)) + len(FULL_BLOCK.encode()) * count
        return filling + back < as_blocks

    @staticmethod
    def _same_background(cells: Sequence[Cell], looks: Sequence[Look], start: int, stop: int) -> int:
        """How many blanks from ``start`` show only the same background."""
        bg = looks[start].bg
        end = start
        while end < stop and cells[end][0] == " " and looks[end].erasable and looks[end].bg == bg:
            end += 1
        return end - start

    @staticmethod
    def _same_cells(cells: Sequence[Cell], looks: Sequence[Look], start: int, stop: int) -> int:
        """How many cells from ``start`` are the same character in the same look."""
        end = start
        while end < stop and cells[end][0] == cells[start][0] and looks[end] == looks[start]:
            end += 1
        return end - start
