"""Compare (``c``): the dataset on show beside another, section by shared role, never added together."""

from __future__ import annotations

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
from tui.export.comparison import section_table, summary
from tui.screens.picker import DatasetPicker
from tui.widgets import FigureTable


def partner_for(catalog: Catalog, name: str) -> str:
    """The dataset to compare ``name`` with first: the closest related one, else the next in the list."""
    related = catalog.related(name)
    if related:
        return related[0].entry.name
    others = [n for n in catalog.names if n != name]
    return others[0] if others else name


class CompareScreen(Screen[None]):
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

    def compose(self) -> ComposeResult:
        """A title line and a scrolling column of sections."""
        yield Static("", id="compare-title", markup=False)
        yield VerticalScroll(Static("Comparing…", markup=False), id="compare-body", can_focus=True)
        yield Static("b other dataset · x swap · j/k scroll · esc close", id="compare-keys", markup=False)

    def on_mount(self) -> None:
        """Work out the comparison off the UI thread."""
        self.query_one("#compare-body").focus()
        self.load()

    @work(thread=True, exclusive=True, group="compare")
    def load(self) -> None:
        """Load both datasets and compare them (in a worker: it reads files and uses pandas)."""
        second = self.second or partner_for(self.catalog, self.first)
        try:
            comparison = self.catalog.compare(self.first, second)
        except (DatasetError, KeyError) as exc:
            self.app.call_from_thread(self._show_error, str(exc))  # type: ignore[arg-type]  # an async callback
            return
        self.app.call_from_thread(self.show, comparison)  # type: ignore[arg-type]  # an async callback

    async def show(self, comparison: Comparison) -> None:
        """Rebuild the body from a comparison."""
        self.second = comparison.right.name
        a, b = comparison.left, comparison.right
        self.query_one("#compare-title", Static).update(f"Compare A {a.name} with B {b.name}")
        body = self.query_one("#compare-body", VerticalScroll)
        await body.remove_children()
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
        for index, section in enumerate(comparison.sections):
            view = section_table(section)
            widgets.append(Static(view.title, classes="section-title", markup=False))
            table = FigureTable(id=f"compare-{index}", classes="compare-table")
            widgets.append(table)
            widgets.append(Static(view.note, classes="table-note", markup=False))
        widgets.append(Static(summary(comparison), id="compare-summary", markup=False))
        await body.mount_all(widgets)
        for index, section in enumerate(comparison.sections):
            self.query_one(f"#compare-{index}", FigureTable).show(section_table(section))
        self.comparison = comparison

    async def _show_error(self, message: str) -> None:
        body = self.query_one("#compare-body", VerticalScroll)
        await body.remove_children()
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
        self.query_one("#compare-body", VerticalScroll).scroll_relative(y=lines, animate=False)
