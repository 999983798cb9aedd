"""A URL as text that is never broken across lines, and is a terminal link (OSC 8)."""

from __future__ import annotations

from rich.style import Style
from rich.text import Text


def url_text(url: str) -> Text:
    """``url`` on one line: cut with an ellipsis where the space is narrower, never hard-wrapped mid-word.

    The whole address stays one key or click away: the text is an OSC 8 link in terminals that
    support them, and ``y`` copies it.
    """
    return Text(url, style=Style(link=url, underline=True), no_wrap=True, overflow="ellipsis", end="")
