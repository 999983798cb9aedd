"""How charts draw their bars: colours and markers, chosen for the terminal."""

from __future__ import annotations

from dataclasses import dataclass

DERIVED_MARK = "*"
"""The character after a worked-out figure's label, in charts and tables alike (italics alone may not show)."""

DERIVED_LEGEND = "* worked out here, not published by the source"
"""The legend line under a chart that has a worked-out bar."""

DERIVED_LEGEND_SHORT = "* worked out here"
"""The legend line under a narrow chart."""


@dataclass(frozen=True)
class ChartStyle:
    """Bar colours and the marker characters plotext fills bars with.

    Source bars are cyan, the highlighted bar (e.g. the peak) magenta; bars this tool worked out
    are a quieter grey with a lighter fill, never the accent. The bar focused with left/right is
    yellow. ``ascii`` swaps block glyphs for ASCII ones; ``mono`` drops colour and tells the
    bars apart by their fill alone.
    """

    bar: str = "cyan"
    accent: str = "magenta"
    derived: str = "gray"
    focus: str = "orange+"
    marker: str = "sd"
    accent_marker: str = "sd"
    derived_marker: str = "░"
    focus_marker: str = "sd"
    ascii_only: bool = False

    @classmethod
    def for_terminal(cls, *, ascii_only: bool = False, mono: bool = False) -> ChartStyle:
        """The style for a terminal's abilities."""
        colours = dict.fromkeys(("bar", "accent", "derived", "focus"), "default") if mono else {}
        marker = "#" if ascii_only else "sd"
        derived_marker = ":" if ascii_only else "░"
        if mono:
            accent_marker = "@" if ascii_only else "▒"
            focus_marker = "=" if ascii_only else "▓"
        else:
            accent_marker = focus_marker = marker
        return cls(
            **colours,
            marker=marker,
            accent_marker=accent_marker,
            derived_marker=derived_marker,
            focus_marker=focus_marker,
            ascii_only=ascii_only,
        )
