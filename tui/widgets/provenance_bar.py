"""One line on every screen saying where the figures come from, and the status line of the screen."""

from __future__ import annotations

from textual.widgets import Static

from tui.data.model import Provenance


class ProvenanceBar(Static):
    """``dataset-name · publisher · FoI ref · period`` (``s`` opens the full provenance, ``d`` another dataset).

    The dataset's name comes first, so it stays visible however narrow the terminal. The bar doubles
    as the screen's status line: a focused bar's value, share and source, or where an export went,
    replace it until focus moves (two lines at most, so nothing else is covered).
    """

    def __init__(self, provenance: Provenance) -> None:
        self.source_line = f"{provenance.name} · {provenance.one_line()}"
        super().__init__(self.source_line, id="provenance", markup=False)
        self.status = ""

    def show_status(self, text: str) -> None:
        """Show ``text`` in place of the source line."""
        self.status = text
        self.update(text)
        self.set_class(True, "-status")

    def restore(self) -> None:
        """Show the source line again."""
        if self.status:
            self.status = ""
            self.update(self.source_line)
            self.set_class(False, "-status")
