"""One line on every screen saying where the figures come from."""

from __future__ import annotations

from textual.widgets import Static

from tui.data.model import Provenance


class ProvenanceBar(Static):
    """``dataset-name · publisher · FoI ref · period`` (``s`` opens the full provenance, ``d`` another dataset).

    The dataset's name comes first, so it stays visible however narrow the terminal.
    """

    def __init__(self, provenance: Provenance) -> None:
        super().__init__(f"{provenance.name} · {provenance.one_line()}", id="provenance", markup=False)
