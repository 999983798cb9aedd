"""A keyboard-first table of figures, sortable by any column."""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from tui.data.views import TableView


def _sort_key(text: str) -> tuple[int, float | str]:
    """Numbers sort as numbers (suppressed and dashes last), words as words."""
    digits = text.replace("%", "").replace("≥", "").replace("~", "").replace(",", "").split(" ")[0]
    try:
        return (0, float(digits))
    except ValueError:
        return (1, text.lower())


class FigureTable(DataTable[Text]):
    """A DataTable filled from a :class:`~tui.data.views.TableView`.

    | key | action |
    | --- | --- |
    | arrows, h j k l | move |
    | o | sort by the column under the cursor (again: reverse) |
    | O | back to the source order |
    """

    BINDINGS = [
        Binding("h", "cursor_left", "Cursor left", show=False),
        Binding("j", "cursor_down", "Cursor down", show=False),
        Binding("k", "cursor_up", "Cursor up", show=False),
        Binding("l", "cursor_right", "Cursor right", show=False),
        Binding("o", "sort_column", "Sort", tooltip="Sort by the column under the cursor; again to reverse"),
        Binding("O", "source_order", "Source order", show=False, tooltip="Put the rows back in source order"),
    ]

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="cell", zebra_stripes=False)
        self.view: TableView | None = None
        self._sorted: tuple[int, bool] | None = None

    def show(self, view: TableView) -> None:
        """Fill the table from a view in source order, keeping the cursor where it was."""
        self._sorted = None
        self._fill(view, range(len(view.rows)))

    def _fill(self, view: TableView, order: Iterable[int]) -> None:
        """Rebuild the table from ``view``, its rows in ``order``, the sorted column's label marked."""
        cursor = self.cursor_coordinate
        self.view = view
        self.clear(columns=True)
        for position, name in enumerate(view.columns):
            suffix = ""
            if self._sorted is not None and self._sorted[0] == position:
                suffix = " (desc)" if self._sorted[1] else " (asc)"
            self.add_column(Text(f"{name}{suffix}", justify="right" if name in view.numeric else "left"), key=name)
        for index in order:
            derived = view.derived[index]
            cells = [
                Text(value, justify="right" if name in view.numeric else "left", style="italic" if derived else "")
                for name, value in zip(view.columns, view.rows[index], strict=True)
            ]
            self.add_row(*cells, key=str(index))
        if self.row_count:
            self.cursor_coordinate = self.validate_cursor_coordinate(cursor)

    def focused_row(self) -> dict[str, str] | None:
        """The row under the cursor as column name to value, if any."""
        if self.view is None or not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        row = self.view.rows[int(key or 0)]
        return dict(zip(self.view.columns, row, strict=True))

    def action_sort_column(self) -> None:
        """Sort by the column under the cursor; pressing again reverses the order."""
        view = self.view
        if view is None:
            return
        column = self.cursor_coordinate.column
        reverse = self._sorted == (column, False)
        self._sorted = (column, reverse)
        order = sorted(range(len(view.rows)), key=lambda i: _sort_key(view.rows[i][column]), reverse=reverse)
        self._fill(view, order)

    def action_source_order(self) -> None:
        """Put the rows back in the order the source gives them."""
        if self.view is not None:
            self.show(self.view)
