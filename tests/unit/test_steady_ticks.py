"""X tick labels that land in the same cells whatever order plotext writes them in (issue 15: the same first screen)."""

from __future__ import annotations

import itertools
import re

import pytest
from textual_plotext.plot import Plot

from tui.widgets.steady_ticks import place, steady, tick_columns

ESCAPES = re.compile(r"\x1b\[[0-9;]*m")


def plotted(width: int, slots: int, ticks: list[float], labels: list[str]) -> list[str]:
    """The lines plotext draws for bars at 1..slots with these x ticks, as the upright charts call it (width <= 80)."""
    plot = Plot()
    plot.plotsize(width, 12)
    for x in range(1, slots + 1):
        plot.bar([x], [1 + x % 3], width=0.5)
    plot.xticks(ticks, labels)
    plot.yticks([])
    plot.ylim(0, 5)
    plot.xlim(0.4, slots + 0.6)
    plot.theme("clear")
    return ESCAPES.sub("", plot.build()).splitlines()


@pytest.mark.parametrize(("width", "slots"), [(80, 12), (80, 4), (41, 7), (80, 30), (20, 3)])
def test_tick_columns_are_where_plotext_marks_the_ticks(width: int, slots: int) -> None:
    lines = plotted(width, slots, [float(x) for x in range(1, slots + 1)], [""] * slots)
    axis = next(line for line in lines if line.startswith("└"))
    marks = [column for column, char in enumerate(axis) if char == "┬"]
    assert marks == tick_columns(range(1, slots + 1), 0.4, slots + 0.6, width - 2, 1)


@pytest.mark.parametrize("label", ["2019", "42013", "2019/20", "x", "a long period name"])
@pytest.mark.parametrize("slot", [1, 2, 5, 6, 12])
def test_a_label_alone_goes_where_place_says(label: str, slot: int) -> None:
    """One label: no order to vary, so plotext's own placement is the reference."""
    width, slots = 60, 12
    lines = plotted(width, slots, [float(slot)], [label])
    column = tick_columns([slot], 0.4, slots + 0.6, width - 2, 1)[0]
    placed = place(column, len(label), width)
    row = lines[-1]
    if placed.fits:
        assert row.index(label) == placed.start
    else:
        assert label not in row


def test_five_digit_years_twelve_to_80_columns_see_each_other() -> None:
    """The 100,000-row dataset's last twelve years: the labels that came out differently at each start."""
    columns = tick_columns(range(1, 13), 0.4, 12.6, 78, 1)
    assert not steady(columns, [5] * 12, 80)
    assert steady(columns[1::2], [5] * 6, 80)  # every other one: apart enough


def test_four_digit_years_twelve_to_80_columns_are_steady() -> None:
    columns = tick_columns(range(1, 13), 0.4, 12.6, 78, 1)
    assert steady(columns, [4] * 12, 80)


def test_steady_labels_land_as_placed_in_every_order() -> None:
    """What steady means, checked by writing the labels in many orders the way plotext does."""
    width, slots = 60, 8
    columns = tick_columns(range(1, slots + 1), 0.4, slots + 0.6, width - 2, 1)
    orders = list(itertools.islice(itertools.permutations(range(slots)), 0, None, 97))
    varied = []
    for size in range(1, 9):
        labels = [f"{n:0{size}d}" for n in range(slots)]
        rows = {write_in_order(columns, labels, width, order) for order in orders}
        if steady(columns, [size] * slots, width):
            assert rows == {write_in_order(columns, labels, width, range(slots))}, size
        else:
            varied.append(len(rows) > 1)
    assert any(varied), "no unsteady width came out differently: the check proves nothing"


def write_in_order(columns: list[int], labels: list[str], width: int, order: object) -> str:
    """A row of labels written one after another as plotext 5.3 writes x tick labels (centred in free cells)."""
    row = [" "] * width
    for index in order:  # type: ignore[attr-defined]
        label, column = labels[index], columns[index]
        size = len(label)
        first, end = max(column - size + 1, 0), min(column + size, width - 1)
        free = [i for i in range(first, end) if row[i] == " "]
        low, high = min(free, default=column - size + 1), max(free, default=column + size)
        start = (high + low + 1 - size) // 2
        margin = range(max(start - 1, 0), min(start + size + 1, width))
        if start >= 0 and start + size <= width and all(row[i] == " " for i in margin):
            row[start : start + size] = label
    return "".join(row)
