"""The full provenance of the figures, or of one focused figure, in a pop-up."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.data.model import Provenance
from tui.export.report import provenance_lines
from tui.widgets import KeyBar


class ProvenanceScreen(ModalScreen[None]):
    """Source title and URL, FoI reference, dates, population, unit, licence and caveats."""

    BINDINGS = [
        Binding("escape", "dismiss", "Close"),
        Binding("s", "dismiss", "Close", show=False),
        Binding("q", "dismiss", "Close", show=False),
        Binding("j,down", "scroll(1)", "Scroll", show=False),
        Binding("k,up", "scroll(-1)", "Scroll", show=False),
    ]

    def __init__(self, provenance: Provenance, row: tuple[str, dict[str, str] | None] | None = None) -> None:
        super().__init__()
        self.provenance = provenance
        self.row = row

    def compose(self) -> ComposeResult:
        """A scrollable panel of label: value lines."""
        with VerticalScroll(id="panel"):
            yield Static(self._text(), id="provenance-text")
        yield KeyBar()

    def _text(self) -> Text:
        text = Text()
        if self.row is not None and self.row[1] is not None:
            title, cells = self.row
            text.append("Focused figure\n", style="bold underline")
            text.append(f"{title}: ", style="bold")
            text.append("  ".join(f"{k} {v}" for k, v in cells.items() if v) + "\n")
            text.append("Italic rows and 'derived' notes are worked out from the source's figures.\n\n")
        text.append(f"{self.provenance.title}\n", style="bold underline")
        for label, value in provenance_lines(self.provenance)[1:]:
            text.append(f"{label}: ", style="bold")
            text.append(f"{value}\n")
        text.append("\nCaveats\n", style="bold")
        for caveat in self.provenance.caveats:
            text.append(f"- {caveat}\n")
        return text

    def action_scroll(self, lines: int) -> None:
        """Scroll the panel by ``lines``."""
        self.query_one("#panel", VerticalScroll).scroll_relative(y=lines, animate=False)

    async def action_dismiss(self, result: None = None) -> None:
        """Close the pop-up."""
        self.dismiss(result)
