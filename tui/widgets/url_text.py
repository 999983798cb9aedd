"""A URL as text that is never broken across lines, and is a terminal link (OSC 8) when it is a web address."""

from __future__ import annotations

import re

from rich.style import Style
from rich.text import Text

from tui.data.safe_text import safe_text

WEB_ADDRESS = re.compile(r"https?://[A-Za-z0-9\-._~:/?#\[\]@!$&()*+,;=%]+")
"""What may become a link: an http(s) address of URL characters only (no spaces, quotes or controls)."""


def is_web_address(url: str) -> bool:
    """True when ``url`` is a plain http(s) address, safe to hand to a terminal as a link target."""
    return WEB_ADDRESS.fullmatch(url) is not None


def url_text(url: str) -> Text:
    """``url`` on one line: cut with an ellipsis where the space is narrower, never hard-wrapped mid-word.

    The whole address stays one key or click away: a web address is an OSC 8 link in terminals
    that support them (anything else, e.g. ``javascript:`` or ``file:``, is shown as plain text),
    and ``y`` copies it.
    """
    shown = safe_text(url)
    style = Style(link=shown, underline=True) if is_web_address(shown) else Style()
    return Text(shown, style=style, no_wrap=True, overflow="ellipsis", end="")
