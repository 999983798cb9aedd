"""What a terminal cell (as the pyte emulator keeps it) shows a person, for comparing screens.

Two cells that show the same are equal here even when written differently: a blank shows only its
background (or, reversed, its foreground colour), and a full block (``█``) with no attribute shows
only its colour, the same as a blank on that colour.
"""

from __future__ import annotations

from typing import Any

FULL_BLOCK = "█"


def _colour(colour: str, which: str) -> str:
    """A colour as pyte names it; the default foreground and background are different colours."""
    return f"default {which}" if colour == "default" else colour


def shown(cell: Any) -> tuple[object, ...]:
    """What ``cell`` (a ``pyte.screens.Char``) shows."""
    if cell.underscore or cell.strikethrough:
        return (cell.data, cell.fg, cell.bg, cell.bold, cell.reverse, cell.italics, cell.underscore, cell.strikethrough)
    if cell.data == " ":
        return ("fill", _colour(cell.fg, "fg") if cell.reverse else _colour(cell.bg, "bg"))
    if cell.data == FULL_BLOCK and not (cell.bold or cell.italics):
        return ("fill", _colour(cell.bg, "bg") if cell.reverse else _colour(cell.fg, "fg"))
    return (cell.data, cell.fg, cell.bg, cell.bold, cell.reverse, cell.italics)
