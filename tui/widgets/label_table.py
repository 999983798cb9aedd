"""A borderless two-column table of bold labels and wrapped values, for reading panels."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text


def label_table(rows: Iterable[tuple[str, str]]) -> Table:
    """Bold labels on the left, values wrapping on the right (provenance, definitions).

    Both are plain text: a value such as ``[/]`` or ``[@click=app.quit]`` is shown, never read as markup.
    """
    table = Table(box=None, show_header=False, padding=(0, 1), expand=True)
    table.add_column("label", style="bold", no_wrap=True)
    table.add_column("value", ratio=1)
    for label, value in rows:
        table.add_row(Text(label), Text(value))  # plain text: markup in data is never interpreted
    return table
