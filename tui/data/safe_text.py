"""The one function that makes untrusted text (from a dataset or a tour file) harmless to show.

Every string that comes from data passes :func:`safe_text` before it reaches a model
object, an error message, a report or a screen. It never interprets anything: it only
makes invisible or dangerous characters visible or removes them, so that a dataset
cannot send a terminal command (ESC, OSC 52 clipboard writes, BEL), reorder what is
shown (bidi overrides), hide text (zero-width characters) or bury a line under
combining marks. Rich/Textual markup is not this function's concern: data is always
rendered as plain ``Text``, never parsed as markup (see ``tui/widgets``).

UI-free: this module imports nothing but the standard library.
"""

from __future__ import annotations

import unicodedata

MAX_TEXT = 4000
"""Longest text kept, in characters; longer text is cut and ends with an ellipsis."""

MAX_COMBINING = 3
"""Combining marks kept on one base character (more only stack up into unreadable blots)."""

ELLIPSIS = "…"
REPLACEMENT = "\ufffd"

# C0 controls and DEL shown as their Unicode "control pictures" (ESC becomes ␛, BEL ␇);
# tab, line feed and carriage return become a space: data text is shown on single lines.
_C0 = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}
_C0 |= {ord("\t"): " ", ord("\n"): " ", ord("\r"): " "}
# C1 controls (CSI, OSC, ST, ... as single code points) have no picture: shown as the replacement character.
_C1 = dict.fromkeys(range(0x80, 0xA0), REPLACEMENT)
_TABLE = _C0 | _C1
# Line and paragraph separators are whitespace that breaks lines: a space instead.
_TABLE |= {0x2028: " ", 0x2029: " ", 0x85: " "}


def safe_text(s: str, *, limit: int = MAX_TEXT) -> str:
    """Return ``s`` with nothing a terminal or a reader could be fooled by.

    - C0 controls and DEL are shown as control pictures (``␛`` for ESC), tab and
      line breaks become spaces, C1 controls and lone surrogates become ``�``;
    - format characters (bidi embeddings, overrides and isolates, zero-width
      spaces and joiners, BOMs, invisible tags) are removed;
    - no more than :data:`MAX_COMBINING` combining marks are kept on one character;
    - text longer than ``limit`` characters is cut, ending with ``…``.

    Plain text passes unchanged. The result never contains a byte below 0x20,
    0x7F or a code point from 0x80 to 0x9F.
    """
    if not isinstance(s, str):
        s = str(s)
    elif len(s) <= limit and s.isascii() and s.isprintable() and type(s) is str:
        return s  # printable ASCII (0x20-0x7E): nothing to change
    text = s.translate(_TABLE)
    if not text.isascii():
        text = _neutralise_unicode(text)
    if len(text) > limit:
        text = text[: max(limit - 1, 0)] + ELLIPSIS
    return s if type(s) is str and text == s else text  # unchanged: the same object, not a second copy


def _neutralise_unicode(text: str) -> str:
    out: list[str] = []
    combining = 0
    for char in text:
        category = unicodedata.category(char)
        if category == "Cf":
            continue
        if category == "Cs":
            out.append(REPLACEMENT)
            combining = 0
            continue
        if category in ("Mn", "Me"):
            combining += 1
            if combining > MAX_COMBINING:
                continue
        else:
            combining = 0
        out.append(char)
    return "".join(out)
