"""Line filters applied to everything the app draws: ASCII only, and no colour.

A line filter sees every rendered line of every widget (Textual's own included: borders,
scrollbars, the footer, the command palette), so these are the safety net behind the app's
own ASCII and monochrome choices.
"""

from __future__ import annotations

from functools import lru_cache

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.color import Color
from textual.filter import LineFilter

BRAILLE_BLANK = 0x2800
BRAILLE_LAST = 0x28FF

_LINES = {
    "|": "│┃┆┇┊┋╎╏║╵╷╹╻╽╿▏▕",
    "+": "┌┍┎┏┐┑┒┓└┕┖┗┘┙┚┛├┝┞┟┠┡┢┣┤┥┦┧┨┩┪┫┬┭┮┯┰┱┲┳┴┵┶┷┸┹┺┻┼┽┾┿╀╁╂╃╄╅╆╇╈╉╊╋╒╓╔╕╖╗╘╙╚╛╜╝╞╟╠╡╢╣╤╥╦╧╨╩╪╫╬╭╮╯╰",
    "/": "╱",
    "\\": "╲",
    "X": "╳",
    "#": "█▉▊▋▌▍▎▐▛▜▝▞▟▙▚▘▗▖▀▄▂▃▅▆▇■◼⬛",
    ":": "░▒▓",
    " ": "\u00a0\u2002\u2003\u2009\u200a\u202f",
    "-": "─━┄┅┈┉╌╍═╴╶╸╺╼╾▔▁‐‑‒–—―−",
}
_SINGLE = {
    "·": "|",
    "•": "*",
    "●": "o",
    "○": "o",
    "◆": "*",
    "…": "~",
    "→": ">",
    "⇄": "/",
    "←": "<",
    "↑": "^",
    "↓": "v",
    "▲": "^",
    "▼": "v",
    "▶": ">",
    "◀": "<",
    "►": ">",
    "◄": "<",
    "×": "x",
    "≥": ">",
    "≤": "<",
    "≈": "~",
    "±": "+",
    "‘": "'",
    "’": "'",
    "“": '"',
    "”": '"',
    "£": "L",
    "€": "E",
    "°": "o",
    "✓": "v",
    "✔": "v",
    "✗": "x",
    "✘": "x",
}


class _AsciiTable(dict[int, str]):
    """``str.translate`` table: known glyphs to an ASCII look-alike, anything else to ``?``.

    Every replacement keeps the cell width: one ``?`` per cell of a wide character,
    nothing for a zero-width one.
    """

    def __missing__(self, code: int) -> str:
        if code < 0x80:
            replacement = chr(code)
        elif code == BRAILLE_BLANK:
            replacement = " "
        elif BRAILLE_BLANK < code <= BRAILLE_LAST:
            replacement = "#"
        else:
            replacement = "?" * cell_len(chr(code))
        self[code] = replacement
        return replacement


ASCII_TABLE = _AsciiTable(
    {ord(glyph): ascii for ascii, glyphs in _LINES.items() for glyph in glyphs}
    | {ord(glyph): ascii for glyph, ascii in _SINGLE.items()}
)
"""Glyph code point to ASCII, grown on demand (see :class:`_AsciiTable`)."""


def to_ascii(text: str) -> str:
    """Text with every character above U+007F replaced, keeping the cell width."""
    return text if text.isascii() else text.translate(ASCII_TABLE)


class AsciiFilter(LineFilter):
    """Replace box-drawing, block, braille and other non-ASCII glyphs with ASCII."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        """The segments with their text made ASCII."""
        return [
            segment if segment.text.isascii() else Segment(to_ascii(segment.text), segment.style, segment.control)
            for segment in segments
        ]


@lru_cache(1024)
def colourless(style: Style) -> Style:
    """The style without foreground or background colour (bold, reverse, underline... kept)."""
    return style.without_color


class NoColourFilter(LineFilter):
    """Drop every colour, so no colour escape sequence is ever written (``NO_COLOR``)."""

    def apply(self, segments: list[Segment], background: Color) -> list[Segment]:
        """The segments without colours."""
        return [
            Segment(text, None if style is None else colourless(style), control) for text, style, control in segments
        ]
