"""Pure formatting shared by tables, charts, reports, screens and summaries: numbers, provenance lines."""

from __future__ import annotations

from tui.data import quantity
from tui.data.model import Provenance


def count(value: int | None, qualifier: str = "exact", unit: str = "") -> str:
    """A count as shown everywhere ('≥ 999', '≈ 75 %'): a blank count is named, never shown as zero."""
    return quantity.display(value, qualifier, unit)


def share(value: float | None) -> str:
    """A share as a percentage with one decimal, or a dash when unknown."""
    return "–" if value is None else f"{value * 100:.1f}%"


def change(value: int | None, pct: float | None) -> str:
    """A signed change with its percentage, e.g. '+46 (+287.5%)'."""
    if value is None:
        return "–"
    text = f"{value:+d}"
    return text if pct is None else f"{text} ({pct:+.1f}%)"


def multiple(value: float | None) -> str:
    """A ratio as a multiple, e.g. '6.6×'."""
    return "–" if value is None else f"{value:.1f}×"


def provenance_lines(p: Provenance) -> list[tuple[str, str]]:
    """The provenance as (label, value) pairs, in reading order."""
    lines = [
        ("Dataset", p.title),
        ("Force", p.force),
        ("Publisher", p.publisher),
        ("FoI reference", p.foi_reference or p.foi_reference_note or "not stated"),
        ("Published", p.published),
        ("Disclosed", p.disclosure_date),
        ("Period", p.period),
        ("Population", p.population),
        ("Unit", p.unit),
        ("Licence", p.licence),
    ]
    lines += [("Source", f"{s.title} ({s.publisher}, {s.published}) {s.url}") for s in p.sources]
    return lines
