"""The full provenance of the figures, or of one focused figure, in a pop-up."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from tui.data.formatting import provenance_lines
from tui.data.model import Definition, Provenance
from tui.data.safe_text import safe_text
from tui.export.clipboard import figure_line, row_text
from tui.screens.panel import ReadingPanel
from tui.widgets.label_table import label_table
from tui.widgets.url_text import url_text

DERIVED_TERM = "derived (*)"
"""The glossary entry that says what a worked-out figure is."""


def definition_for(term: str, definitions: tuple[Definition, ...]) -> str:
    """The meaning of ``term`` (a category such as ``sergeant``; a trailing ``*`` ignored), or ``""``."""
    wanted = term.rstrip("*").strip().lower()
    return next((d.meaning for d in definitions if d.term.lower() == wanted), "")


class ProvenanceScreen(ReadingPanel):
    """A card for the focused figure (labelled fields and the term's meaning), then the full provenance.

    Source URLs are shown whole on their own line (or cut with an ellipsis when the panel is narrower)
    and are terminal links; ``y`` copies the figure (or the dataset) with its source.
    """

    CLOSE_KEY = "s"

    BINDINGS = [Binding("y", "copy", "Copy", tooltip="Copy the figure (or the source) with its URL to the clipboard")]

    def __init__(
        self,
        provenance: Provenance,
        row: tuple[str, dict[str, str] | None] | None = None,
        definitions: tuple[Definition, ...] = (),
        derived: bool = False,
    ) -> None:
        super().__init__()
        self.provenance = provenance
        self.row = row
        self.definitions = definitions
        self.derived = derived

    def compose_panel(self) -> ComposeResult:
        """The focused figure's card (if any), the provenance fields, the source links and the caveats."""
        if self.row is not None:
            title, cells = self.row
            if cells is not None:
                yield Static(self._card(title, cells), id="figure-card")
        p = self.provenance
        fields = [(label, value) for label, value in provenance_lines(p)[1:] if label != "Source"]
        parts: list[RenderableType] = [Text(p.title, style="bold underline"), label_table(fields)]
        for source in p.sources:
            cited = f"{source.title} ({source.publisher}, {source.published})"
            parts.append(Text.assemble(("Source: ", "bold"), cited))
            parts.append(url_text(source.url))
        parts.append(Text("\nCaveats", style="bold"))
        parts += [Text(f"- {caveat}") for caveat in p.caveats]
        yield Static(Group(*parts), id="provenance-text")

    def _card(self, title: str, cells: dict[str, str]) -> Group:
        """The focused figure as labelled lines, with what its term means."""
        rows = [("From", title)]
        rows += [(column, value) for column, value in cells.items() if value and column != "note"]
        note = cells.get("note", "")
        if note:
            rows.append(("How", note.removeprefix("derived: ")) if note.startswith("derived") else ("Note", note))
        category = next(iter(cells.values()), "")
        meaning = definition_for(category, self.definitions)
        if meaning:
            rows.append(("Meaning", meaning))
        if self.derived or note.startswith("derived"):
            meaning = definition_for(DERIVED_TERM, self.definitions) or "Worked out here, not published by the source."
            rows.append(("Worked out *", meaning))
        safe = [(safe_text(label), safe_text(value)) for label, value in rows]
        return Group(Text("Focused figure", style="bold underline"), label_table(safe), Text(""))

    def copy_text(self) -> str:
        """The line ``y`` copies: the focused figure, or the dataset's title, with its source."""
        if self.row is not None and self.row[1] is not None:
            return figure_line(row_text(self.row[1]), self.provenance)
        return figure_line(self.provenance.title, self.provenance)

    def action_copy(self) -> None:
        """Copy the figure (or the dataset) with its source through the terminal (OSC 52), and say so."""
        text = self.copy_text()
        self.app.copy_to_clipboard(text)
        self.notify(f"Copied: {text[:60]}…" if len(text) > 60 else f"Copied: {text}", timeout=4, markup=False)
