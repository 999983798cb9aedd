"""How charts draw their bars: colours and markers, chosen for the terminal."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ChartStyle:
    """Bar colours and the marker characters plotext fills bars with.

    The defaults are plain ANSI colours (readable on dark and light themes and
    at 16 colours); ``ascii`` swaps block glyphs for ``#``; ``mono`` drops colour
    and draws the highlighted bar with a different marker instead.
    """

    bar: str = "cyan"
    accent: str = "magenta"
    marker: str = "sd"
    accent_marker: str = "sd"

    @classmethod
    def for_terminal(cls, *, ascii_only: bool = False, mono: bool = False) -> ChartStyle:
        """The style for a terminal's abilities."""
        bar, accent = ("default", "default") if mono else ("cyan", "magenta")
        marker = "#" if ascii_only else "sd"
        accent_marker = ("@" if ascii_only else "▒") if mono else marker
        return cls(bar=bar, accent=accent, marker=marker, accent_marker=accent_marker)
