"""A keyboard-first table of figures, sortable by any column."""

from __future__ import annotations

import re
from functools import partial
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from tui.data.views import TableView

_NUMBER = re.compile(r"^\s*(?:[≥>≈~+]\s*)?(-?\d+(?:\.\d+)?)")
"""A cell's number after any qualifier ('≥ 999', '> 1000', '≈ 75 %', '26.5%', '+46 (+287.5%)')."""

CHUNK_ROWS = 100
"""Rows added to a table at a time: a few milliseconds of work (adding and measuring), within a frame."""

CHUNK_PAUSE = 0.001
"""Seconds between chunks: enough for keys and screen updates to go first."""


def _sort_key(text: str) -> tuple[int, float | str]:
    """Numbers sort as numbers (suppressed and dashes last), words as words."""
    match = _NUMBER.match(text.replace(",", ""))
    return (0, float(match.group(1))) if match else (1, text.lower())


class FigureTable(DataTable[Text]):
    """A DataTable filled from a :class:`~tui.data.views.TableView`.

    | key | action |
    | --- | --- |
    | arrows, h j k l | move |
    | home, end (also ctrl+) | first row, last row |
    | o | sort by the column under the cursor (again: reverse) |
    | O | back to the source order |

    At most ``MAX_ROWS`` rows are shown (in the current order), then one line saying how many
    more there are and where to find them: a terminal table of 100,000 rows helps nobody and
    costs hundreds of megabytes. Rows go in ``CHUNK_ROWS`` at a time between other events.
    """

    BINDINGS = [
        Binding("h", "cursor_left", "Cursor left", show=False),
        Binding("j", "cursor_down", "Cursor down", show=False),
        Binding("k", "cursor_up", "Cursor up", show=False),
        Binding("l", "cursor_right", "Cursor right", show=False),
        Binding("home", "scroll_top", "First row", show=False),
        Binding("end", "scroll_bottom", "Last row", show=False),
        Binding("o", "sort_column", "Sort", tooltip="Sort by the column under the cursor; again to reverse"),
        Binding("O", "source_order", "Source order", show=False, tooltip="Put the rows back in source order"),
    ]

    MAX_ROWS: ClassVar[int] = 1000

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="cell", zebra_stripes=False)
        self.view: TableView | None = None
        self._sorted: tuple[int, bool] | None = None
        self._order: list[int] = []
        self._filling = 0
        self._next_row = 0
        self._cursor = self.cursor_coordinate

    def show(self, view: TableView) -> None:
        """Fill the table from a view, in source order, keeping the cursor where it was."""
        self.view = view
        self._sorted = None
        self._refill(list(range(len(view.rows))), {})

    @property
    def complete(self) -> bool:
        """True once every row to be shown is in the table."""
        return self._next_row >= min(len(self._order), self.MAX_ROWS)

    def _refill(self, order: list[int], labels: dict[str, str]) -> None:
        """Empty the table and fill it with the view's rows in ``order``; ``labels``: column headers to change."""
        view = self.view
        assert view is not None
        self._cursor = self.cursor_coordinate
        self._order = order
        self._filling += 1
        self.clear(columns=True)
        for name in view.columns:
            label = labels.get(name, name)
            self.add_column(Text(label, justify="right" if name in view.numeric else "left"), key=name)
        self._next_row = 0
        self._fill(self._filling)

    def _fill(self, generation: int) -> None:
        """Add the next chunk of rows and schedule the chunk after it."""
        view = self.view
        if view is None or generation != self._filling:
            return  # a newer fill replaced this one
        start = self._next_row
        shown = min(len(self._order), self.MAX_ROWS)
        stop = min(shown, start + CHUNK_ROWS)
        for index in self._order[start:stop]:
            derived = view.derived[index]
            cells = [
                Text(value, justify="right" if name in view.numeric else "left", style="italic" if derived else "")
                for name, value in zip(view.columns, view.rows[index], strict=True)
            ]
            self.add_row(*cells, key=str(index))
        self._next_row = stop
        if stop == shown and shown < len(self._order):
            more = f"+{len(self._order) - shown:,} more rows (foi-explorer report lists them all)"
            self.add_row(Text(more, style="italic dim"), *(Text("") for _ in view.columns[1:]), key="more")
        if start == 0 and self.row_count:
            self.cursor_coordinate = self.validate_cursor_coordinate(self._cursor)
        if not self.complete:
            # A timer, not call_later: the table measures the new rows when idle, between chunks.
            self.set_timer(CHUNK_PAUSE, partial(self._fill, generation), name="fill table")

    def focused_row(self) -> dict[str, str] | None:
        """The row under the cursor as column name to value, if any (None on the "more rows" line)."""
        if self.view is None or not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        if key is None or not key.isdigit():
            return None
        row = self.view.rows[int(key)]
        return dict(zip(self.view.columns, row, strict=True))

    def action_sort_column(self) -> None:
        """Sort every row of the view by the column under the cursor; pressing again reverses the order."""
        if self.view is None:
            return
        view = self.view
        column = self.cursor_coordinate.column
        reverse = self._sorted == (column, False)
        name = view.columns[column]
        order = sorted(range(len(view.rows)), key=lambda i: _sort_key(view.rows[i][column]), reverse=reverse)
        self._sorted = (column, reverse)
        self._refill(order, {name: f"{name}{' (desc)' if reverse else ' (asc)'}"})

    def action_source_order(self) -> None:
        """Put the rows back in the order the source gives them."""
        if self.view is not None:
            self.show(self.view)
