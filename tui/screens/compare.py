"""Compare (``c``): the dataset on show beside another, section by shared role, never added together."""

from __future__ import annotations

import asyncio
from typing import ClassVar

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from tui.data.catalog import Catalog
from tui.data.compare import Comparison
from tui.data.errors import DatasetError
from tui.data.views import TableView
from tui.export.comparison import section_table, summary
from tui.screens.dismiss_once import DismissOnce
from tui.screens.picker import DatasetPicker
from tui.terminal.textual_private import screen_is_closing
from tui.widgets import FigureTable


def partner_for(catalog: Catalog, name: str) -> str:
    """The dataset to compare ``name`` with first: the closest related one, else the next in the list."""
    related = catalog.related(name)
    if related:
        return related[0].entry.name
    others = [n for n in catalog.names if n != name]
    return others[0] if others else name


class CompareScreen(DismissOnce, Screen[None]):
    """Two datasets side by side: values with their qualifiers, disagreements marked, refusals explained."""

    CSS_PATH = "compare.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,c", "close", "Close", tooltip="Back to the dataset on show"),
        Binding("b", "choose_other", "Other dataset", tooltip="Choose the dataset to compare with"),
        Binding("x", "swap", "Swap A and B", tooltip="Put B first"),
        Binding("j", "scroll(1)", "Down", show=False),
        Binding("k", "scroll(-1)", "Up", show=False),
    ]

    def __init__(self, catalog: Catalog, first: str, second: str | None = None) -> None:
        super().__init__()
        self.catalog = catalog
        self.first = first
        self.second = second
        self.comparison: Comparison | None = None
        self.generation = 0
        """Bumped at each comparison asked for: a late or overtaken answer is dropped, never half-shown."""
        self._showing = asyncio.Lock()
        """Held while the body is rebuilt: two answers never rebuild it at once."""

    def compose(self) -> ComposeResult:
        """A title line and a scrolling column of sections."""
        yield Static("", id="compare-title", markup=False)
        yield VerticalScroll(Static("Comparing…", markup=False), id="compare-body", can_focus=True)
        yield Static("b other dataset · x swap · j/k scroll · esc close", id="compare-keys", markup=False)

    def on_mount(self) -> None:
        """Work out the comparison off the UI thread (nothing if the screen was closed before it was mounted)."""
        if screen_is_closing(self):
            return
        for body in self.query("#compare-body"):
            body.focus()
        self.load()

    def load(self) -> None:
        """Work out the comparison of ``first`` and ``second`` in a worker; only the newest is shown."""
        self.generation += 1
        self._compare(self.first, self.second, self.generation)

    @work(thread=True, exclusive=True, group="compare")
    def _compare(self, first: str, second: str | None, generation: int) -> None:
        """Load both datasets and compare them (in a worker: it reads files and uses pandas)."""
        second = second or partner_for(self.catalog, first)
        try:
            comparison = self.catalog.compare(first, second)
        except (DatasetError, KeyError) as exc:
            self.app.call_from_thread(self._show_error, str(exc), generation)  # type: ignore[arg-type]
            return
        self.app.call_from_thread(self.show, comparison, generation)  # type: ignore[arg-type]  # an async callback

    def _current(self, generation: int) -> bool:
        """True while ``generation`` is the newest comparison asked for and the screen is still up."""
        return generation == self.generation and self.is_attached and not screen_is_closing(self)

    async def show(self, comparison: Comparison, generation: int | None = None) -> None:
        """Rebuild the body from a comparison (dropped if a newer one was asked for, or the screen closed)."""
        generation = self.generation if generation is None else generation
        async with self._showing:
            if self._current(generation):
                await self._rebuild(comparison, generation)

    async def _rebuild(self, comparison: Comparison, generation: int) -> None:
        self.second = comparison.right.name
        a, b = comparison.left, comparison.right
        self.query_one("#compare-title", Static).update(f"Compare A {a.name} with B {b.name}")
        body = self.query_one("#compare-body", VerticalScroll)
        await body.remove_children()
        if not self._current(generation):
            return
        widgets: list[Static | FigureTable] = [
            Static(
                Text.assemble(
                    ("A ", "bold"),
                    f"{a.publisher} · {a.period} · {a.unit}\n",
                    ("B ", "bold"),
                    f"{b.publisher} · {b.period} · {b.unit}\n",
                    ("Period: ", "bold"),
                    comparison.period,
                    "\n",
                    ("Unit: ", "bold"),
                    comparison.unit,
                    "\n",
                    ("Never added across datasets.", "dim"),
                ),
                classes="compare-head",
            )
        ]
        tables: list[tuple[FigureTable, TableView]] = []
        for index, section in enumerate(comparison.sections):
            view = section_table(section)
            widgets.append(Static(view.title, classes="section-title", markup=False))
            table = FigureTable(id=f"compare-{index}", classes="compare-table")
            tables.append((table, view))
            widgets.append(table)
            widgets.append(Static(view.note, classes="table-note", markup=False))
        widgets.append(Static(summary(comparison), id="compare-summary", markup=False))
        await body.mount_all(widgets)
        if not self._current(generation):
            return
        for table, view in tables:
            table.show(view)
        self.comparison = comparison

    async def _show_error(self, message: str, generation: int) -> None:
        async with self._showing:
            if not self._current(generation):
                return
            body = self.query_one("#compare-body", VerticalScroll)
            await body.remove_children()
            if self._current(generation):
                await body.mount(Static(f"Cannot compare: {message}", markup=False))

    def action_close(self) -> None:
        """Back to where the user was."""
        self.dismiss(None)

    def action_swap(self) -> None:
        """Put B first."""
        if self.second is not None:
            self.first, self.second = self.second, self.first
            self.load()

    def action_choose_other(self) -> None:
        """Pick the dataset to compare with."""

        def chosen(name: str | None) -> None:
            if name:
                self.second = name
                self.load()

        entries = tuple(e for e in self.catalog.entries if e.name != self.first)
        self.app.push_screen(DatasetPicker(entries, self.second or "", title=f"Compare {self.first} with"), chosen)

    def action_scroll(self, lines: int) -> None:
        """Scroll the body."""
        for body in self.query("#compare-body").results(VerticalScroll):  # none once the screen is closing
            body.scroll_relative(y=lines, animate=False)
