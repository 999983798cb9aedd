"""A keyboard-first table of figures, sortable by any column."""

from __future__ import annotations

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
    | home, end (also ctrl+) | first row, last row |
    | o | sort by the column under the cursor (again: reverse) |
    | O | back to the source order |
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

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="cell", zebra_stripes=False)
        self.view: TableView | None = None
        self._sorted: tuple[int, bool] | None = None

    def show(self, view: TableView) -> None:
        """Fill the table from a view, keeping the cursor where it was."""
        cursor = self.cursor_coordinate
        self.view = view
        self.clear(columns=True)
        for name in view.columns:
            self.add_column(Text(name, justify="right" if name in view.numeric else "left"), key=name)
        for index, (row, derived) in enumerate(zip(view.rows, view.derived, strict=True)):
            cells = [
                Text(value, justify="right" if name in view.numeric else "left", style="italic" if derived else "")
                for name, value in zip(view.columns, row, strict=True)
            ]
            self.add_row(*cells, key=str(index))
        self._sorted = None
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
        if self.view is None:
            return
        column = self.cursor_coordinate.column
        reverse = self._sorted == (column, False)
        name = self.view.columns[column]
        self.sort(name, key=lambda cell: _sort_key(cell.plain), reverse=reverse)
        self._sorted = (column, reverse)
        for key, col in self.columns.items():
            suffix = (" (desc)" if reverse else " (asc)") if key.value == name else ""
            col.label = Text(f"{key.value}{suffix}", justify=col.label.justify)
            col.content_width = max(col.content_width, col.label.cell_len)
        # DataTable has no public way to relabel a column: drop its render caches (textual pinned).
        self._clear_caches()
        self._require_update_dimensions = True
        self.refresh()

    def action_source_order(self) -> None:
        """Put the rows back in the order the source gives them."""
        if self.view is not None:
            self.show(self.view)
