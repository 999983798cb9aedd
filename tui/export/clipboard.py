"""What ``y`` copies: one line for a figure with its source, and the OSC 52 sequence that carries it.

UI-free. The app hands the line to Textual's ``copy_to_clipboard`` (which sends OSC 52, so it
works over SSH in terminals that allow it); :func:`osc52` builds the same sequence for tests and
for callers outside Textual.
"""

from __future__ import annotations

import base64

from tui.data.model import Provenance
from tui.data.safe_text import safe_text

OSC52_LIMIT = 74_994
"""Bytes of base64 some terminals accept in one OSC 52 sequence (xterm's default); longer text is refused."""


def figure_line(what: str, provenance: Provenance) -> str:
    """``what`` (e.g. ``2020: 62 officers, 33.7% of 184``) with its source, as one line of plain text.

    The line passes :func:`~tui.data.safe_text.safe_text`: nothing from the data can put a control
    sequence on the clipboard (it is pasted into terminals) or into the status line that echoes it.
    """
    urls = " ".join(s.url for s in provenance.sources)
    parts = [what.strip(), f"Source: {provenance.publisher}", provenance.foi_label, provenance.period]
    line = "; ".join(p for p in parts if p)
    line = f"{line} {urls}".strip()
    return " ".join(safe_text(line).split())  # one line, whatever the data held


def row_text(row: dict[str, str]) -> str:
    """A table row as ``column value, column value`` (empty cells left out)."""
    return ", ".join(f"{column} {value}" for column, value in row.items() if value)


def osc52(text: str) -> str:
    """The OSC 52 escape sequence putting ``text`` on the system clipboard; ValueError when too long."""
    encoded = base64.b64encode(text.encode("utf-8")).decode("ascii")
    if len(encoded) > OSC52_LIMIT:
        raise ValueError(f"too long to copy through the terminal ({len(text)} characters)")
    return f"\x1b]52;c;{encoded}\x07"
