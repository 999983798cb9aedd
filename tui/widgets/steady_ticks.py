"""X tick labels that land in the same cells at every start: which of them a chart may ask plotext to draw.

plotext (5.3) de-duplicates the ticks given to ``xticks`` through a ``set`` of (position, label)
pairs, so it writes the labels in an order that follows Python's string hashing, which changes at
every start. Each label is centred in the free cells around its tick (plotext's "dynamic"
alignment) and dropped when a cell beside it is taken. When labels are close enough to see each
other, which one moves or is dropped depends on that order: the same chart came out differently at
each start (at 100,000 figure rows, five-digit years twelve to a row), so the first screen kept
from one start was not the one the next start drew.

:func:`steady` says whether a set of labels is safe: no label lies in a cell another one looks at
when it is placed. Then each label is placed as on an empty row, whatever the order, and the row
is the same at every start. Pure functions (no plotext, no Textual); the geometry follows
plotext 5.3's ``correct_coord`` and ``add_horizontal_string(check_space=True)``, and
``tests/unit/test_steady_ticks.py`` checks it against plotext itself.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from math import floor


@dataclass(frozen=True)
class PlacedLabel:
    """Where plotext puts one tick label on an empty row, and which cells it looks at to do so."""

    start: int
    """The first cell of the label."""
    width: int
    looked_at: range
    """The cells around the tick that decide where the label goes (the centring window)."""
    fits: bool
    """False when plotext drops the label even on an empty row (it would leave the row)."""

    @property
    def cells(self) -> range:
        """The cells the label's text takes."""
        return range(self.start, self.start + self.width)

    @property
    def margin(self) -> range:
        """The cells that must be blank for plotext to draw the label: its own and one each side."""
        return range(self.start - 1, self.start + self.width + 1)


def place(column: int, width: int, row_length: int) -> PlacedLabel:
    """How plotext places a label of ``width`` cells for a tick at ``column`` on an empty row of ``row_length``."""
    first, end = max(column - width + 1, 0), min(column + width, row_length - 1)
    window = range(first, end)
    low, high = (window[0], window[-1]) if window else (column - width + 1, column + width)
    start = (low + high + 1 - width) // 2  # centred in the free cells of the window
    fits = start >= 0 and start + width <= row_length
    return PlacedLabel(start, width, window, fits)


def steady(columns: Sequence[int], widths: Sequence[int], row_length: int) -> bool:
    """True when labels of ``widths`` at tick ``columns`` come out the same in any order plotext writes them.

    Each label must fit on an empty row, and no label's text may lie where another looks (its window
    or its margin). Then, whatever the order, every label finds the cells it looks at as blank as on
    an empty row, so it goes where it would alone, and none is dropped.
    """
    labels = [place(column, width, row_length) for column, width in zip(columns, widths, strict=True)]
    if not all(label.fits for label in labels):
        return False
    for one in labels:
        seen = set(one.looked_at) | set(one.margin)
        for other in labels:
            if other is not one and not seen.isdisjoint(other.cells):
                return False
    return True


def tick_columns(positions: Sequence[float], low: float, high: float, canvas_columns: int, left: int) -> list[int]:
    """The row cells of ticks at ``positions`` on an x axis from ``low`` to ``high`` (as plotext maps them).

    ``left`` is the first cell of the plotting area, ``canvas_columns`` its width.
    """
    span = high - low
    return [left + floor(round(0.5 + (canvas_columns - 1) * (x - low) / span, 8)) for x in positions]
