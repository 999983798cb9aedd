"""Fewer bars than figures: what a chart draws when a dimension has more categories than fit.

Pure functions (no Textual), so the rule is easy to test: the table beside a chart always
lists every figure; the chart shows what fits and says how many it left out.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from dataclasses import dataclass

REST = -1
"""The index of the line standing for the bars left out."""


@dataclass(frozen=True)
class Bars:
    """The bars a chart draws: where each comes from, its label and value, and what was left out."""

    indexes: tuple[int, ...]
    """The position of each bar in the figures given, or :data:`REST` for the line adding up the rest."""
    labels: tuple[str, ...]
    values: tuple[int, ...]
    highlight: int | None
    left_out: int = 0
    rest: int = 0
    """The sum of the values left out (shown on the :data:`REST` line, if there is one)."""
    caption: str = ""
    """What the chart's title adds when bars were left out."""


def all_bars(labels: Sequence[str], values: Sequence[int], highlight: int | None) -> Bars:
    """Every bar, as given."""
    return Bars(tuple(range(len(values))), tuple(labels), tuple(values), highlight)


def top_and_other(labels: Sequence[str], values: Sequence[int], highlight: int | None, limit: int) -> Bars:
    """The largest ``limit - 1`` bars in their order, then one line adding up the rest.

    The highlighted bar is always kept. The last line reads ``+N more`` with their sum beside it, drawn
    without a bar (a bar for the sum would shrink every other bar to nothing).
    """
    if len(values) <= limit:
        return all_bars(labels, values, highlight)
    keep_count = max(limit - 1, 1)
    # The largest first, ties in their order; only the few kept are ranked (thousands of figures: ~5x faster).
    ranked = heapq.nsmallest(keep_count, range(len(values)), key=lambda i: (-values[i], i))
    keep = set(ranked)
    if highlight is not None and highlight not in keep:
        keep.remove(ranked[keep_count - 1])
        keep.add(highlight)
    kept = sorted(keep)
    left_out = len(values) - len(kept)
    return Bars(
        indexes=(*kept, REST),
        labels=(*(labels[i] for i in kept), f"+{left_out} more"),
        values=(*(values[i] for i in kept), 0),  # no bar for the rest: its sum would dwarf every other
        highlight=None if highlight is None else kept.index(highlight),
        left_out=left_out,
        rest=sum(values) - sum(values[i] for i in kept),
        caption=f"largest {len(kept)} of {len(values)}",
    )


def last_periods(labels: Sequence[str], values: Sequence[int], highlight: int | None, limit: int) -> Bars:
    """The last ``limit`` bars of a series over time (earlier ones are left to the table)."""
    if len(values) <= limit:
        return all_bars(labels, values, highlight)
    start = len(values) - limit
    return Bars(
        indexes=tuple(range(start, len(values))),
        labels=tuple(labels[start:]),
        values=tuple(values[start:]),
        highlight=None if highlight is None or highlight < start else highlight - start,
        left_out=start,
        caption=f"last {limit} of {len(values)}; all in the table",
    )
