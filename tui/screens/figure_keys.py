"""What every explorer screen does with its figures: ``e`` export, ``y`` copy, a status line for a focused bar.

A mixin for :class:`~tui.screens.base.FoiScreen`: the keys are declared there, the work is here.
Nothing here decides a figure: tables and charts say what they show; ``tui.export`` writes it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from textual.screen import Screen
from textual.widgets import DataTable
from textual.worker import Worker, WorkerState

from tui.data.model import Provenance
from tui.data.safe_text import safe_text
from tui.data.views import TableView
from tui.widgets import BarChart, FigureTable, ProvenanceBar

FORMAT_KEYS = (("c", "CSV"), ("j", "JSON"), ("m", "Markdown"))
"""The keys of the export question, and the format each picks."""

_FORMAT_OF_KEY = {"c": "csv", "j": "json", "m": "markdown"}


@dataclass(frozen=True)
class TableToExport:
    """A table ``e`` writes: its name and title now, its rows built in the export worker (they may be millions)."""

    key: str
    title: str
    build: Callable[[], TableView]

    @classmethod
    def of(cls, view: TableView) -> TableToExport:
        """A table already built."""
        return cls(view.key, view.title, lambda: view)


def write_table(
    table: TableToExport, provenance: Provenance, fmt: str, *, restricted: bool, overwrite: bool = False
) -> Path:
    """Build ``table``, render it in ``fmt`` and save it (in a worker); never overwrites unless told.

    A file already there is refused before the rows are built, as :func:`~tui.export.table_file.save` would.
    """
    from tui.export.table_file import ExportExists, file_name, render_table, save
    from tui.export.target import ExportRefused, export_path

    name = file_name(table, fmt)
    path = export_path(name, restricted=restricted)
    if path.exists() and restricted:
        raise ExportRefused(f"{name!r} already exists in the export folder")
    if path.exists() and not overwrite:
        raise ExportExists(path)
    content = render_table(table.build(), provenance, fmt)
    return save(name, content, restricted=restricted, overwrite=overwrite)


class FigureKeys:
    """``e``, ``y`` and the bar status line, for a Screen with a ``service`` and a ``#status`` Static."""

    # -- what is focused -------------------------------------------------------------------

    def current_table(self) -> TableView | None:
        """The table ``e`` exports: the focused table's, the focused chart's, else the screen's first."""
        screen = self._screen
        focused = screen.focused
        if isinstance(focused, FigureTable) and focused.view is not None:
            return focused.view
        if isinstance(focused, BarChart) and focused.id and focused.id.endswith("-chart"):
            twin = focused.id.removesuffix("-chart") + "-table"
            for table in screen.query(FigureTable):
                if table.id == twin and table.view is not None:
                    return table.view
        return next((t.view for t in screen.query(FigureTable) if t.view is not None), None)

    def focused_figure_text(self) -> str:
        """The focused figure in words: a table row, or a chart's focused bar; else the dataset's title."""
        from tui.export.clipboard import row_text

        focused = self._screen.focused
        if isinstance(focused, FigureTable) and focused.view is not None:
            row = focused.focused_row()
            if row:
                return f"{focused.view.title}: {row_text(row)}"
        if isinstance(focused, BarChart) and focused.focused_bar is not None:
            return focused.figure_text(focused.focused_bar)
        if isinstance(focused, DataTable) and focused.row_count and focused.columns:  # e.g. the Cases rows
            labels = [str(column.label) for column in focused.columns.values()]
            cells = [str(cell) for cell in focused.get_row_at(focused.cursor_row)]
            return row_text(dict(zip(labels, cells, strict=False)))
        return self._provenance.title

    # -- y ---------------------------------------------------------------------------------

    def action_copy_figure(self) -> None:
        """Copy the focused figure with its source as one line (OSC 52: works over SSH), and say so."""
        from tui.export.clipboard import figure_line

        line = figure_line(self.focused_figure_text(), self._provenance)
        self._screen.app.copy_to_clipboard(line)
        self.say(f"Copied to the clipboard (if your terminal allows OSC 52): {line}")

    # -- e ---------------------------------------------------------------------------------

    def table_to_export(self) -> TableToExport | None:
        """What ``e`` writes: :meth:`current_table` (a screen whose rows are many builds them in the worker)."""
        view = self.current_table()
        return None if view is None else TableToExport.of(view)

    def nothing_to_export(self) -> str:
        """What ``e`` says when :meth:`table_to_export` has nothing (a screen still loading says so)."""
        return "Nothing to export on this screen."

    def action_export(self) -> None:
        """Ask for a format, then write the current table with its provenance; say where, or why not."""
        from tui.export.table_file import file_name
        from tui.export.target import ExportRefused, export_path
        from tui.screens.choice import ChoiceScreen

        table = self.table_to_export()
        if table is None:
            self.say(self.nothing_to_export())
            return
        restricted = bool(getattr(self._screen.app, "restricted", False))
        try:
            export_path(file_name(table, "csv"), restricted=restricted)
        except ExportRefused as refused:
            self.say(f"Export refused: {refused}")
            return
        question = f"Export “{safe_text(table.title)}” with its source as:"
        self._screen.app.push_screen(ChoiceScreen(question, FORMAT_KEYS), partial(self._export_as, table))

    def _export_as(self, table: TableToExport, key: str | None, *, overwrite: bool = False) -> None:
        from tui.export.table_file import file_name

        if key is None:
            self.say("Export cancelled.")
            return
        restricted = bool(getattr(self._screen.app, "restricted", False))
        fmt_name = _FORMAT_OF_KEY[key]
        work = partial(write_table, table, self._provenance, fmt_name, restricted=restricted, overwrite=overwrite)
        self.say(f"Writing {file_name(table, fmt_name)}…")
        worker = self._screen.run_worker(work, thread=True, group="export", exit_on_error=False)
        worker.name = f"export:{key}"
        self._pending_export = (table, key)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Say where the export went, ask before overwriting, or say why it failed."""
        worker = event.worker
        if not worker.name.startswith("export:"):
            return
        from tui.export.table_file import ExportExists
        from tui.export.target import ExportRefused
        from tui.screens.choice import ChoiceScreen

        if event.state == WorkerState.SUCCESS and isinstance(worker.result, Path):
            self.say(f"Exported to {worker.result}")
        elif event.state == WorkerState.ERROR:
            error = worker.error
            table, key = self._pending_export
            if isinstance(error, ExportExists):
                question = f"{safe_text(str(error.path))} exists. Replace it?"
                self._screen.app.push_screen(
                    ChoiceScreen(question, (("y", "replace"),)),
                    lambda answer: self._export_as(table, key, overwrite=True) if answer else self.say("Not replaced."),
                )
            elif isinstance(error, ExportRefused):
                self.say(f"Export refused: {error}")
            elif isinstance(error, OSError):
                self.say(f"Export failed: {error.strerror or error}")
            else:
                self.say(f"Export failed: {error.__class__.__name__}")

    # -- the status line -------------------------------------------------------------------

    def on_bar_chart_bar_focused(self, message: BarChart.BarFocused) -> None:
        """Show the focused bar's exact value, share and source."""
        self.say(message.status)

    def say(self, text: str) -> None:
        """Put ``text`` in the screen's status line (the provenance line), or a notification if it has none.

        The text often carries data (a bar's label, a table's title, a path): it passes
        :func:`~tui.data.safe_text.safe_text` and is shown as plain text, never as markup.
        """
        text = safe_text(text)
        found = self._screen.query(ProvenanceBar)
        if found:
            found.first().show_status(text)
        else:
            self._screen.notify(text, markup=False)

    def on_descendant_focus(self) -> None:
        """Focus moved: the status line shows the source again."""
        for bar in self._screen.query(ProvenanceBar):
            bar.restore()

    # -- plumbing --------------------------------------------------------------------------

    _pending_export: tuple[TableToExport, str]

    @property
    def _screen(self) -> Screen[None]:
        assert isinstance(self, Screen)
        return self

    @property
    def _provenance(self) -> Provenance:
        return self.service.provenance  # type: ignore[attr-defined]


__all__ = ["FORMAT_KEYS", "FigureKeys", "TableToExport", "write_table"]
