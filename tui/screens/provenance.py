"""The full provenance of the figures, or of one focused figure, in a pop-up."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.widgets import Static

from tui.data.formatting import provenance_lines
from tui.data.model import Provenance
from tui.screens.panel import ReadingPanel


class ProvenanceScreen(ReadingPanel):
    """Source title and URL, FoI reference, dates, population, unit, licence and caveats."""

    CLOSE_KEY = "s"

    def __init__(self, provenance: Provenance, row: tuple[str, dict[str, str] | None] | None = None) -> None:
        super().__init__()
        self.provenance = provenance
        self.row = row

    def compose_panel(self) -> ComposeResult:
        """Label: value lines."""
        yield Static(self._text(), id="provenance-text")

    def _text(self) -> Text:
        text = Text()
        title, cells = self.row if self.row is not None else ("", None)
        if cells is not None:
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
