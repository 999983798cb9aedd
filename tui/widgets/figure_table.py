"""A keyboard-first table of figures, sortable by any column, totals and derived rows kept last."""

from __future__ import annotations

import re
import time
from dataclasses import fields, is_dataclass
from functools import partial
from typing import ClassVar

from rich.cells import cell_len
from rich.console import JustifyMethod
from rich.text import Text
from textual.binding import Binding
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import DataTable

from tui.data.views import TableView

DERIVED_MARK = "*"
"""Put after the first cell of a row this tool worked out (totals, remainders, groups): visible without italics."""

DERIVED_STYLE = "italic dim"
"""The quieter style of worked-out rows (the mark says the same for terminals without italics or dim)."""

SORT_ARROWS = {False: ("▲", "▼"), True: ("^", "v")}
"""Ascending and descending arrows, in Unicode and in ASCII."""

ARROW_ROOM = 2
"""Cells every header keeps free for `` ▲``, so sorting never changes a column's width."""

MIN_TEXT_WIDTH = 7
"""A text column is never narrowed below this (nor below its header) to fit the width."""

SCROLLBAR_ROOM = 2
"""Cells kept free for a vertical scrollbar when the table may be taller than the screen."""

_NUMBER = re.compile(r"^\s*(?:[≥>≈~+]\s*)?(-?\d+(?:\.\d+)?)")
"""A cell's number after any qualifier ('≥ 999', '> 1000', '≈ 75 %', '26.5%', '+46 (+287.5%)')."""

CHUNK_ROWS = 10
"""Rows a table gets at once, shown or not: the first screenful of a table not yet in view costs about a
millisecond, so a screen built in the background never holds a key back."""

FILL_BUDGET = 0.008
"""Seconds of adding rows per tick while the table is in view. Textual then measures the new rows when
idle (about twice as long) and draws one frame: a key pressed while a table fills waits at most about
25 ms, and a 1,000-row table is complete in three ticks. Fixed chunks of 10 rows took a hundred ticks,
each redrawing the table and moving its scrollbar: 0.45 s of a changing screen at 10,000 figure rows."""

WRAPPED_ROWS = 10
"""At most this many wrapped rows per tick: Textual renders each to find its height (about a millisecond)."""

CHUNK_PAUSE = 0.001
"""Seconds between ticks: enough for keys and screen updates to go first."""

HIDDEN_BUDGET = 0.002
"""Seconds of adding rows per tick to a table out of view, while the app is quiet (see :func:`app_is_quiet`).

Tables behind a chart or on a screen built in the background fill this way between keys, so ``t``
or a screen switch shows a complete table at once rather than one growing for a tenth of a second."""

HIDDEN_PAUSE = 0.02
"""Seconds between two ticks of filling out-of-view tables (one table at a time, app-wide)."""

_last_hidden_tick = [0.0]
"""When a table out of view last added rows (monotonic seconds; one such tick per pause, app-wide)."""

clock = time.perf_counter
"""The clock the fill budget is counted on (tests swap it for a counter)."""

MORE_KEY = "more"
"""Row key of the line saying how many rows are not shown."""

MORE = -1
"""Stands for the "more rows" line in the list of rows to add."""

FRAME_ROWS = 6
"""Screen rows never available to a table (nav bar, title, note, source line, key bar)."""


def app_is_quiet(app: object) -> bool:
    """True when the app says background work may run now (no key just pressed, no screen being built).

    An app says so with an ``is_quiet()`` method (the explorer's :class:`~tui.app.FoiApp`); any other is never quiet.
    """
    is_quiet = getattr(app, "is_quiet", None)
    return bool(is_quiet()) if callable(is_quiet) else False


def fit_widths(widths: list[int], floors: list[int], available: int) -> list[int]:
    """Narrow the widest shrinkable columns until they fit ``available`` cells (or cannot shrink more)."""
    fitted = list(widths)
    while sum(fitted) > available:
        shrinkable = [i for i, w in enumerate(fitted) if w > floors[i]]
        if not shrinkable:
            break
        widest = max(shrinkable, key=lambda i: fitted[i])
        fitted[widest] -= 1
    return fitted


WIDTHS_KEPT = 16
"""Tables whose natural widths are remembered (the views on show and those being prepared)."""

_widths: dict[int, tuple[TableView, tuple[int, ...]]] = {}
"""Natural widths by view identity (the view itself kept, so its identity stays its own)."""


def natural_widths(view: TableView) -> list[int]:
    """Each column's width unwrapped, over every row (so a sort never changes it), with room for a sort arrow.

    Remembered per view: a screen's worker measures its tables (:func:`measure_in_advance`) so that
    showing them on the UI thread does not (tens of milliseconds at tens of thousands of rows).
    """
    known = _widths.get(id(view))
    if known is not None and known[0] is view:
        return list(known[1])
    widths = _measure(view)
    _widths[id(view)] = (view, tuple(widths))
    for oldest in list(_widths)[:-WIDTHS_KEPT]:  # a copy of the keys: workers and the UI thread both add
        _widths.pop(oldest, None)
    return widths


def measure_in_advance(data: object) -> None:
    """Measure every table view among the fields of a screen's ``data``, or in a tuple field (off the UI thread)."""
    if is_dataclass(data):
        for field in fields(data):
            value = getattr(data, field.name)
            for view in value if isinstance(value, tuple | list) else (value,):
                if isinstance(view, TableView):
                    natural_widths(view)


def _measure(view: TableView) -> list[int]:
    widths = [len(name) + ARROW_ROOM for name in view.columns]
    for position, column in enumerate(zip(*view.rows, strict=True)):
        measure = len if "".join(column).isascii() else cell_len  # len is exact for ASCII, and much faster
        widths[position] = max(widths[position], max(map(measure, column)))
    marked = [row[0] for row, derived in zip(view.rows, view.derived, strict=True) if derived]
    if marked and widths:
        widths[0] = max(widths[0], *(cell_len(first) + len(DERIVED_MARK) for first in marked))
    return widths


def sort_key(text: str) -> tuple[int, float | str]:
    """Numbers sort as numbers (suppressed and dashes last), words as words."""
    match = _NUMBER.match(text.replace(",", ""))
    return (0, float(match.group(1))) if match else (1, text.lower())


def sorted_order(view: TableView, column: int | None, *, reverse: bool = False) -> list[int]:
    """Row indices of ``view`` sorted by ``column`` (None: source order); derived rows stay last, in source order."""
    plain = [i for i, derived in enumerate(view.derived) if not derived]
    pinned = [i for i, derived in enumerate(view.derived) if derived]
    if column is not None:
        plain.sort(key=lambda i: sort_key(view.rows[i][column]), reverse=reverse)
    return plain + pinned


class FigureTable(DataTable[Text]):
    """A DataTable filled from a :class:`~tui.data.views.TableView`.

    Rows the tool worked out (totals, remainders) are drawn quieter, marked with ``*``,
    and stay below the source's rows whatever the sort.

    | key | action |
    | --- | --- |
    | arrows, h j k l | move |
    | home, end (also ctrl+) | first row, last row |
    | o | sort by the column under the cursor (again: reverse) |
    | O | back to the source order |

    Columns are fitted to the table's width: long text columns (claims, checks) wrap inside
    their cells rather than push columns off-screen.

    At most ``MAX_ROWS`` of the source's rows are shown (in the current order), then one line saying
    how many more there are and where to find them, then the worked-out rows (always shown): a
    terminal table of 100,000 rows helps nobody and costs hundreds of megabytes. A table gets its
    first ``CHUNK_ROWS`` at once; the rest go in ticks of ``FILL_BUDGET`` between other events while
    the table is in view. A table on a screen built in the background, or behind a chart, fills in
    small ticks (``HIDDEN_BUDGET``) only while the app is quiet, so it never slows the screen the user
    is on, and is complete by the time it is shown.
    """

    BINDINGS = [
        Binding("h,left", "cursor_left", "Cursor left", show=False),
        Binding("j,down", "cursor_down", "Cursor down", show=False),
        Binding("k,up", "cursor_up", "Cursor up", show=False),
        Binding("l,right", "cursor_right", "Cursor right", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("home", "first_row", "First row", show=False),
        Binding("end", "last_row", "Last row", show=False),
        Binding("o", "sort_column", "Sort", tooltip="Sort by the column under the cursor; again to reverse"),
        Binding("O", "source_order", "Source order", show=False, tooltip="Put the rows back in source order"),
    ]

    MAX_ROWS: ClassVar[int] = 1000

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes, cursor_type="cell", zebra_stripes=False)
        self.view: TableView | None = None
        self.sort_state: tuple[int, bool] | None = None
        self._to_add: list[int] = []
        """Row indices to add, in order, with :data:`MORE` where the "more rows" line goes (only the rows shown:
        an index per source row, kept, was 3.4 MiB for the tables of 100,000 figure rows)."""
        self._hidden = 0
        self.fitted_width = 0
        self._natural: list[int] = []
        self._filling = 0
        self._scheduled: int | None = None
        """The fill generation whose next tick is waiting on a timer, if any (one tick at a time)."""
        self._timer: Timer | None = None
        self._next_row = 0
        self._narrowed: tuple[tuple[int, int], ...] = ()
        """(column, fitted width) of each column narrower than its widest cell: rows may wrap there."""
        self._cursor = self.cursor_coordinate

    def on_mount(self) -> None:
        """Make the scrollbars now (Textual makes them when first needed): a table shown for the first time
        with more rows or columns than fit then needs no extra pass to style and lay them out (about 15 ms)."""
        _ = self.vertical_scrollbar, self.horizontal_scrollbar, self.scrollbar_corner

    def show(self, view: TableView) -> None:
        """Fill the table from a view in source order, keeping the cursor where it was."""
        self.view = view
        self.sort_state = None
        self._natural = natural_widths(view)
        self._rebuild()

    @property
    def ascii_only(self) -> bool:
        """True when the app draws ASCII characters only."""
        terminal = getattr(self.app, "terminal", None)
        return bool(getattr(terminal, "ascii_only", False))

    @property
    def complete(self) -> bool:
        """True once every row to be shown is in the table."""
        return self._next_row >= len(self._to_add)

    def _rebuild(self) -> None:
        """Clear the table, fit its columns and fill it from the view in the current order (public DataTable API only).

        Widths are fitted from the rows shown (at most ``MAX_ROWS``) before any is added, so a
        sort never changes them; rows then go in chunks (:meth:`_fill`).
        """
        view = self.view
        if view is None:
            return
        self._cursor = self.cursor_coordinate
        column = None if self.sort_state is None else self.sort_state[0]
        reverse = bool(self.sort_state and self.sort_state[1])
        order = sorted_order(view, column, reverse=reverse)
        plain = [i for i in order if not view.derived[i]]
        pinned = [i for i in order if view.derived[i]]
        self._hidden = max(0, len(plain) - self.MAX_ROWS)
        self._to_add = plain[: self.MAX_ROWS] + ([MORE] if self._hidden else []) + pinned
        shown = len(self._to_add)
        natural = self._natural
        floors = [
            natural[i] if name in view.numeric else min(natural[i], max(MIN_TEXT_WIDTH, len(name) + ARROW_ROOM))
            for i, name in enumerate(view.columns)
        ]
        self.fitted_width = self.available_width()
        room = self.fitted_width - 2 * self.cell_padding * len(view.columns)
        widths = fit_widths(natural, floors, room)
        if widths != natural or shown + 1 > self.app.size.height - FRAME_ROWS:
            widths = fit_widths(natural, floors, room - SCROLLBAR_ROOM)  # it may scroll: leave the bar room
        pairs = enumerate(zip(widths, natural, strict=True))
        self._narrowed = tuple((i, width) for i, (width, wide) in pairs if width < wide)
        self._filling += 1
        self.clear(columns=True)
        up, down = SORT_ARROWS[self.ascii_only]
        for index, name in enumerate(view.columns):
            justify: JustifyMethod = "right" if name in view.numeric else "left"
            arrow = (down if reverse else up) if index == column else ""
            label = f"{name} {arrow}" if arrow else name
            self.add_column(
                Text(label, justify=justify, no_wrap=True, overflow="ellipsis"), width=widths[index], key=name
            )
        self._next_row = 0
        self._fill(self._filling)

    def _fill(self, generation: int) -> None:
        """Add the next rows and schedule the tick after it.

        First ``CHUNK_ROWS`` rows, in view or not; then in view, rows until ``FILL_BUDGET`` has passed (at
        most ``WRAPPED_ROWS`` rows that wrap, :meth:`row_wraps`), at least one; out of view,
        ``HIDDEN_BUDGET`` while the app is quiet, up to the next row that wraps.
        """
        if self._scheduled == generation:
            self._scheduled = None
        view = self.view
        if view is None or generation != self._filling:
            return  # a newer fill replaced this one
        start = self._next_row
        end = len(self._to_add)
        hidden = bool(start) and not self.in_view()
        if hidden and (self.row_wraps(self._to_add[start]) or not self._hidden_turn()):
            # Hidden: the rest waits for a quiet moment, or until the table is shown (resume_filling). Wrapped
            # rows wait to be shown: Textual renders each to find its height (seconds of background work).
            return
        if not start:
            limit, deadline = min(end, CHUNK_ROWS), float("inf")
        else:
            limit, deadline = end, clock() + (HIDDEN_BUDGET if hidden else FILL_BUDGET)
        add_row, columns, row_wraps = self.add_row, len(view.columns), self.row_wraps
        stop, wrapped = start, 0
        while stop < limit:
            index = self._to_add[stop]
            wraps = row_wraps(index)
            if wraps and hidden:
                break
            if index == MORE:
                add_row(*self._more_cells(columns), key=MORE_KEY, height=None)
            else:
                add_row(*self._cells(view, index), key=str(index), height=None if wraps else 1)
            stop += 1
            wrapped += wraps
            if clock() >= deadline or (start and wrapped >= WRAPPED_ROWS):
                break
        self._next_row = stop
        if start == 0 and self.row_count:
            self.cursor_coordinate = self.validate_cursor_coordinate(self._cursor)
        self._schedule(HIDDEN_PAUSE if hidden else CHUNK_PAUSE)

    def row_wraps(self, index: int) -> bool:
        """True when row ``index`` (or the :data:`MORE` line) is taller than one line at the fitted widths.

        Only such rows are added with an automatic height: Textual renders each of them to measure it
        (about a millisecond), so a long table with one long note no longer fills ten rows per tick.
        """
        if index == MORE:
            return True
        if not self._narrowed or self.view is None:
            return False
        row, derived = self.view.rows[index], self.view.derived[index]
        for position, width in self._narrowed:
            text = row[position]
            length = len(text) if text.isascii() else cell_len(text)
            if length + (len(DERIVED_MARK) if derived and position == 0 else 0) > width or "\n" in text:
                return True
        return False

    def in_view(self) -> bool:
        """True while the table is on the screen the user sees (not hidden behind a chart or another screen)."""
        return self.screen.is_current and self.is_on_screen

    def resume_filling(self) -> None:
        """Go on adding rows once the table may be in view again (its screen or its view was shown)."""
        if self._timer is not None and self._scheduled == self._filling:
            self._timer.stop()  # a slow tick of a hidden table: go on at once instead
            self._scheduled = None
        self._schedule()

    def _hidden_turn(self) -> bool:
        """Whether this table, out of view, may add rows now: the app is quiet and no other hidden table just did.

        If not, it looks again after a pause (tables of the screen on show first); under an app that
        does not say when it is quiet, it waits until shown.
        """
        if not callable(getattr(self.app, "is_quiet", None)):
            return False  # an app that never says it is quiet: the table waits to be shown
        now = time.monotonic()
        if app_is_quiet(self.app) and now - _last_hidden_tick[0] >= HIDDEN_PAUSE:
            _last_hidden_tick[0] = now
            return True
        self._schedule(HIDDEN_PAUSE * (1 if self.screen.is_current else 2))
        return False

    def _schedule(self, pause: float = CHUNK_PAUSE) -> None:
        """Add the next rows on a timer, unless the table is complete or a tick is already waiting.

        A timer, not call_later: the table measures the new rows when idle, between ticks.
        """
        if not self.complete and self._scheduled != self._filling:
            self._scheduled = self._filling
            self._timer = self.set_timer(pause, partial(self._fill, self._filling), name="fill table")

    def on_show(self) -> None:
        """Shown (e.g. the table view chosen): add the rows still to come."""
        self.resume_filling()

    def _more_cells(self, columns: int) -> list[Text]:
        """The "more rows" line: how many in the first column, where to find them in the last."""
        more, where = f"+{self._hidden:,} more rows", "all in foi-explorer report"
        texts = [more, *([""] * (columns - 2)), where] if columns > 1 else [f"{more}, {where}"]
        return [Text(text, style="italic dim") for text in texts]

    def available_width(self) -> int:
        """The cells the table may use: its own width once laid out, else :meth:`expected_width`."""
        return self.size.width or self.expected_width()

    def expected_width(self) -> int:
        """The width the table will have once shown, from the app's width and its containers' styles.

        A table behind a chart (or on a screen built in the background) is not laid out yet; fitted
        to the wrong width, it would be fitted again and its wrapped rows measured again when shown
        (120 ms for the Sources tables). Counts each container's padding, border and margin, and the
        vertical scrollbar of a container that always keeps room for one (``scrollbar-gutter: stable``,
        or ``overflow-y: scroll``). A wrong guess costs only that second fitting.
        """
        width = self.app.size.width - self.styles.margin.width
        node = self.parent
        while isinstance(node, Widget) and not isinstance(node, Screen):
            styles = node.styles
            width -= styles.gutter.width + styles.margin.width
            if styles.overflow_y == "scroll" or (styles.overflow_y == "auto" and styles.scrollbar_gutter == "stable"):
                width -= styles.scrollbar_size_vertical
            node = node.parent
        return max(width, 1)

    def on_resize(self) -> None:
        """Fit the columns again when the width changed."""
        if self.view is not None and self.available_width() != self.fitted_width:
            self._rebuild()

    @staticmethod
    def _cells(view: TableView, index: int) -> list[Text]:
        derived = view.derived[index]
        cells = []
        for position, (name, value) in enumerate(zip(view.columns, view.rows[index], strict=True)):
            text = f"{value}{DERIVED_MARK}" if derived and position == 0 else value
            justify: JustifyMethod = "right" if name in view.numeric else "left"
            cells.append(Text(text, justify=justify, style=DERIVED_STYLE if derived else ""))
        return cells

    def focused_row(self) -> dict[str, str] | None:
        """The row under the cursor as column name to value, if any (None on the "more rows" line)."""
        index = self.focused_index()
        if self.view is None or index is None:
            return None
        return dict(zip(self.view.columns, self.view.rows[index], strict=True))

    def focused_index(self) -> int | None:
        """The index in the view (source order) of the row under the cursor, if any (None on the "more rows" line)."""
        if self.view is None or not self.row_count:
            return None
        key = self.coordinate_to_cell_key(self.cursor_coordinate).row_key.value
        return int(key) if key is not None and key.isdigit() else None

    def action_sort_column(self) -> None:
        """Sort every row of the view by the column under the cursor; pressing again reverses the order."""
        if self.view is None:
            return
        column = self.cursor_coordinate.column
        reverse = self.sort_state == (column, False)
        self.sort_state = (column, reverse)
        self._rebuild()

    def action_source_order(self) -> None:
        """Put the rows back in the order the source gives them."""
        if self.view is not None:
            self.sort_state = None
            self._rebuild()

    def action_first_row(self) -> None:
        """Move the cursor to the first row."""
        if self.row_count:
            self.move_cursor(row=0)

    def action_last_row(self) -> None:
        """Move the cursor to the last row."""
        if self.row_count:
            self.move_cursor(row=self.row_count - 1)
