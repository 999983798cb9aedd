"""Cases: the per-case rows of an imported spreadsheet, filtered as you type and grouped by a column."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from rich.text import Text
from textual import events, work
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, ProgressBar, Static
from textual.worker import get_current_worker

from tui.data import formatting as fmt
from tui.data.cases import CaseTable, Group
from tui.data.safe_text import safe_text
from tui.data.views import TableView
from tui.screens.base import FoiScreen
from tui.screens.figure_keys import TableToExport

PAGE_ROWS = 100
"""Rows listed at once (a table of more takes a Textual refresh of ~0.3 s); the next ones are
added when the cursor reaches the last row listed."""


@dataclass(frozen=True)
class CasesData:
    """What the cases screen shows: the table, the rows listed and how many the filter keeps."""

    table: CaseTable
    rows: list[tuple[str, ...]]
    kept: int


@dataclass(frozen=True)
class GroupsData:
    """A group-by: the column, its groups among the kept rows."""

    column: str
    groups: tuple[Group, ...]


class CasesScreen(FoiScreen[CasesData]):
    """The rows as a table; ``/`` filters any column as you type, ``g`` groups by the cursor's column."""

    HAS_CHART = False
    BINDINGS = [
        # A priority binding: run by the app before it forwards the next key, so keys typed right after "/"
        # (in the same burst) reach the filter box instead of the table.
        Binding(
            "slash",
            "filter",
            "Filter",
            key_display="/",
            tooltip="Keep the rows where any column contains text",
            priority=True,
        ),
        Binding("g", "group", "Group by", tooltip="Count the rows by the column under the cursor"),
        # Priority too (for the same reason): enter and escape in the filter box move the focus at once.
        Binding(
            "escape",
            "back",
            "Back",
            tooltip="From groups back to the rows; then clear the group filter",
            priority=True,
        ),
        Binding("enter", "keep_filter", "Keep filter", show=False, priority=True),
    ]

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.table: CaseTable | None = None
        self.where: dict[str, str] = {}
        self.grouped: GroupsData | None = None
        self._started = False
        self._bar: ProgressBar | None = None

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """No chart here, so no chart/table key."""
        if action == "toggle_view":
            return False
        return super().check_action(action, parameters)

    def compose_table(self) -> ComposeResult:
        """Progress while loading, the filter box, the rows, the groups and a status line."""
        yield ProgressBar(total=1.0, show_eta=False, id="cases-progress")
        yield Input(placeholder="/ filter: any column, as you type (enter keeps it, esc clears it)", id="cases-filter")
        yield DataTable(id="cases-rows", cursor_type="cell", zebra_stripes=True)
        yield DataTable(id="cases-groups", cursor_type="row")
        yield Static("Reading the cases...", id="cases-status", markup=False)

    def on_mount(self) -> None:
        """Wait until the screen is shown before reading the cases (they may be a million rows)."""
        if self.is_current:
            self._start()

    def on_screen_resume(self) -> None:
        """Read the cases the first time the screen is shown."""
        super().on_screen_resume()
        self._start()

    def _start(self) -> None:
        if not self._started and self.is_mounted:
            self._started = True
            self._bar = self.query_one("#cases-progress", ProgressBar)
            self.load()

    def gather(self) -> CasesData:
        """Read the cases (off the UI thread), reporting progress; the first rows to list."""
        worker = get_current_worker()
        bar = self._bar

        def progress(share: float) -> bool:
            if worker.is_cancelled:
                return False
            if bar is not None:
                self.app.call_from_thread(bar.update, progress=share)
            return True

        table = self.service.cases(progress)
        return CasesData(table, table.rows(0, PAGE_ROWS), len(table))

    def show(self, data: CasesData) -> None:
        """List the rows (called after loading and after each filter)."""
        first = self.table is None
        self.table = data.table
        typed = self.query_one("#cases-filter", Input).value
        if first and typed:
            self.refilter(typed)  # typed while the cases were read
        self.query_one("#cases-progress", ProgressBar).display = False
        rows = self.query_one("#cases-rows", DataTable)
        cursor = rows.cursor_coordinate
        if not rows.columns:
            for name in data.table.columns:
                rows.add_column(Text(safe_text(name)), key=name)
        rows.clear()
        rows.add_rows([[Text(safe_text(v)) for v in row] for row in data.rows])
        if rows.row_count:
            rows.cursor_coordinate = rows.validate_cursor_coordinate(cursor)
        self._show_groups(False, focus=self.grouped is not None)
        self._status(data.kept)

    def on_data_table_cell_highlighted(self, event: DataTable.CellHighlighted) -> None:
        """At the last row listed, list the next page of kept rows."""
        table = self.table
        rows = event.data_table
        if table is None or rows.id != "cases-rows" or event.coordinate.row < rows.row_count - 1:
            return
        if rows.row_count < len(table):
            rows.add_rows([[Text(safe_text(v)) for v in row] for row in table.rows(rows.row_count, PAGE_ROWS)])
            self._status(len(table))

    def focus_view(self) -> None:
        """Focus the rows (or the groups when they are on show)."""
        target = "#cases-groups" if self.grouped else "#cases-rows"
        self.set_focus(self.query_one(target, DataTable))

    def _status(self, kept: int) -> None:
        table = self.table
        if table is None:
            return
        parts = [f"{fmt.count(kept)} of {fmt.count(table.total)} cases"]
        if table.query:
            parts.append(f"containing '{table.query}'")
        parts += [f"{column} = {value}" for column, value in self.where.items()]
        listed = self.query_one("#cases-rows", DataTable).row_count
        if kept > listed:
            parts.append(f"{fmt.count(listed)} listed, more as you scroll down")
        parts.append("/ filter · g group by the cursor's column · esc back")
        self.query_one("#cases-status", Static).update(safe_text(" · ".join(parts)))

    # --- e: the table on show, every row of it --------------------------------------

    def nothing_to_export(self) -> str:
        """Before the cases are read there is nothing yet: say so, rather than "nothing to export"."""
        if self.table is None:
            return "The cases are still being read: e exports them once they are listed."
        return super().nothing_to_export()

    def table_to_export(self) -> TableToExport | None:
        """The groups on show, else every kept row (the filter and the group chosen applied), built in the worker."""
        table = self.table
        if table is None:
            return None
        kept = [f"containing '{table.query}'"] if table.query.strip() else []
        kept += [f"{column} = {value}" for column, value in self.where.items()]
        which = f"kept: {'; '.join(kept)}" if kept else "all of them"
        if self.grouped is not None:
            column = self.grouped.column
            view = TableView(
                key=f"cases-by-{column}",
                title=f"Cases by {column}",
                columns=(column, "cases", "share"),
                rows=tuple((g.value, fmt.count(g.count), fmt.share(g.share)) for g in self.grouped.groups),
                numeric=frozenset({"cases", "share"}),
                derived=(True,) * len(self.grouped.groups),
                note=f"Counted here from the {fmt.count(len(table))} of {fmt.count(table.total)} cases {which}.",
            )
            return TableToExport.of(view)
        selected = table.selected  # the rows kept now: a later filter makes a new array, never changes this one
        title = f"Cases ({fmt.count(len(selected))} of {fmt.count(table.total)})"
        note = f"The cases {which}."
        return TableToExport("cases", title, partial(table.view, selected, key="cases", title=title, note=note))

    # --- filter ---------------------------------------------------------------------

    def action_filter(self) -> None:
        """Put the cursor in the filter box (also while the cases are read: the filter applies when they are in)."""
        # At once, not after a refresh: the keys typed right after "/" must reach the box.
        box = self.query_one("#cases-filter", Input)
        if self.focused is box:  # "/" typed in the filter (e.g. "2019/20"): text, queued after the keys before it
            box.post_message(events.Key("slash", "/"))
            return
        self.set_focus(box)

    def on_input_changed(self, event: Input.Changed) -> None:
        """Filter as the text changes."""
        event.stop()
        self.refilter(event.value)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter keeps the filter and goes back to the rows."""
        event.stop()
        self.query_one("#cases-rows", DataTable).focus()

    @work(thread=True, exclusive=True, group="cases-filter")
    def refilter(self, text: str) -> None:
        """Apply the filter off the UI thread; list the rows it keeps."""
        table = self.table
        if table is None:
            return
        kept = table.filter(text, self.where)
        rows = table.rows(0, PAGE_ROWS)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show, CasesData(table, rows, kept))

    # --- group by -------------------------------------------------------------------

    def action_group(self) -> None:
        """Group the kept rows by the column under the cursor."""
        table = self.table
        if table is None:
            return
        rows = self.query_one("#cases-rows", DataTable)
        column = table.columns[min(rows.cursor_column, len(table.columns) - 1)]
        self.regroup(column)

    @work(thread=True, exclusive=True, group="cases-filter")
    def regroup(self, column: str) -> None:
        """Count the kept rows by ``column`` off the UI thread, then show the groups."""
        table = self.table
        if table is None:
            return
        groups = table.group_by(column)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_groups, GroupsData(column, groups))

    def show_groups(self, data: GroupsData) -> None:
        """List the groups: value, cases, share."""
        self.grouped = data
        view = self.query_one("#cases-groups", DataTable)
        view.clear(columns=True)
        view.add_column(Text(safe_text(data.column)), key="value")
        view.add_column(Text("cases", justify="right"), key="count")
        view.add_column(Text("share", justify="right"), key="share")
        for group in data.groups:
            view.add_row(
                Text(safe_text(group.value)),
                Text(fmt.count(group.count), justify="right"),
                Text(fmt.share(group.share), justify="right"),
            )
        self._show_groups(True)
        self.query_one("#cases-status", Static).update(
            safe_text(f"{len(data.groups)} values of {data.column} · enter: their rows · esc: back to the rows")
        )

    def _show_groups(self, on: bool, *, focus: bool = True) -> None:
        if not on:
            self.grouped = None
        self.query_one("#cases-groups", DataTable).display = on
        self.query_one("#cases-rows", DataTable).display = not on
        if focus:
            self.focus_view()

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a group: back to the rows, keeping only that group's."""
        if event.data_table.id != "cases-groups" or self.grouped is None:
            return
        event.stop()
        group = self.grouped.groups[event.cursor_row]
        self.where[self.grouped.column] = group.value
        self.refilter(self.table.query if self.table else "")

    def action_keep_filter(self) -> None:
        """Enter in the filter box: keep the filter, back to the rows (keys typed before it still reach the box)."""
        if self.focused is not self.query_one("#cases-filter", Input):
            raise SkipAction  # enter elsewhere: the focused widget's own (a group's rows, a table's cell)
        self.set_focus(self.query_one("#cases-rows", DataTable))

    def action_back(self) -> None:
        """From the groups back to the rows; from the rows, drop the group filters; then clear the text filter."""
        box = self.query_one("#cases-filter", Input)
        if self.focused is box:  # clear the box after the keys already sent to it; the next keys go to the rows
            self.set_focus(self.query_one("#cases-rows", DataTable))
            box.call_later(box.clear)
            return
        if self.grouped is not None:
            self._show_groups(False)
            self._status(len(self.table) if self.table else 0)
        elif self.where:
            self.where.clear()
            self.refilter(box.value)
        elif box.value:
            box.value = ""
            self.set_focus(self.query_one("#cases-rows", DataTable))
