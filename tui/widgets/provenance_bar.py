"""One line on every screen saying where the figures come from."""

from __future__ import annotations

from textual.widgets import Static

from tui.data.model import Provenance


class ProvenanceBar(Static):
    """``Source: publisher · FoI ref · period`` (``s`` opens the full provenance)."""

    def __init__(self, provenance: Provenance) -> None:
        super().__init__(f"Source: {provenance.one_line()}", id="provenance", markup=False)
