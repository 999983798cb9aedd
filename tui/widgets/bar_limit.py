"""Fewer bars than figures: what a chart draws when a dimension has more categories than fit.

Pure functions (no Textual), so the rule is easy to test: the table beside a chart always
lists every figure; the chart shows what fits and says how many it left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Bars:
    """The bars a chart draws: labels, values, the text by each, the highlighted one, what was left out."""

    labels: tuple[str, ...]
    values: tuple[int, ...]
    annotations: tuple[str, ...]
    highlight: int | None
    left_out: int = 0
    caption: str = ""
    """What the chart's title adds when bars were left out."""


def top_and_other(
    labels: Sequence[str],
    values: Sequence[int],
    annotations: Sequence[str],
    highlight: int | None,
    limit: int,
) -> Bars:
    """The largest ``limit - 1`` bars in their order, then one bar adding up the rest.

    The highlighted bar is always kept. The last line reads ``+N more`` with their sum beside it, drawn
    without a bar (a bar for the sum would shrink every other bar to nothing).
    """
    if len(values) <= limit:
        return Bars(tuple(labels), tuple(values), tuple(annotations), highlight)
    keep_count = max(limit - 1, 1)
    ranked = sorted(range(len(values)), key=lambda i: (-values[i], i))
    keep = set(ranked[:keep_count])
    if highlight is not None and highlight not in keep:
        keep.remove(ranked[keep_count - 1])
        keep.add(highlight)
    kept = sorted(keep)
    rest = [i for i in range(len(values)) if i not in keep]
    other = sum(values[i] for i in rest)
    return Bars(
        labels=(*(labels[i] for i in kept), f"+{len(rest)} more"),
        values=(*(values[i] for i in kept), 0),  # no bar for the rest: its sum would dwarf every other
        annotations=(*(annotations[i] for i in kept), f"{other} in all (every one in the table)"),
        highlight=None if highlight is None else kept.index(highlight),
        left_out=len(rest),
        caption=f"largest {len(kept)} of {len(values)}",
    )


def last_periods(
    labels: Sequence[str],
    values: Sequence[int],
    annotations: Sequence[str],
    highlight: int | None,
    limit: int,
) -> Bars:
    """The last ``limit`` bars of a series over time (earlier ones are left to the table)."""
    if len(values) <= limit:
        return Bars(tuple(labels), tuple(values), tuple(annotations), highlight)
    start = len(values) - limit
    return Bars(
        labels=tuple(labels[start:]),
        values=tuple(values[start:]),
        annotations=tuple(annotations[start:]),
        highlight=None if highlight is None or highlight < start else highlight - start,
        left_out=start,
        caption=f"last {limit} of {len(values)}; all in the table",
    )
