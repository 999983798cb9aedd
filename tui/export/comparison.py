"""Render a comparison of two datasets as text, Markdown or JSON."""

from __future__ import annotations

import json
from dataclasses import asdict
from typing import Any

from tui.data.compare import CompareRow, CompareSection, Comparison, Side
from tui.data.formatting import share as fmt_share
from tui.data.views import TableView
from tui.export.report import _markdown_table, _text_table

COMPARE_FORMATS = ("text", "markdown", "json")


def render_comparison(comparison: Comparison, fmt: str = "text") -> str:
    """The comparison in one of :data:`COMPARE_FORMATS`."""
    if fmt == "json":
        return json.dumps(_json(comparison), indent=2, ensure_ascii=False, default=str) + "\n"
    markdown = fmt == "markdown"
    a, b = comparison.left, comparison.right
    title = f"Compare {a.name} (A) with {b.name} (B)"
    lines = [
        ("A", f"{a.title} ({a.publisher}; {a.period}; {a.unit}) {a.source}"),
        ("B", f"{b.title} ({b.publisher}; {b.period}; {b.unit}) {b.source}"),
        ("Period", comparison.period),
        ("Unit", comparison.unit),
        ("Rule", "figures are never added across datasets"),
    ]
    parts = [f"# {title}" if markdown else f"{title}\n{'=' * len(title)}"]
    parts.append("\n".join(f"- **{k}:** {v}" if markdown else f"{k + ':':<8}{v}" for k, v in lines))
    for section in comparison.sections:
        table = section_table(section)
        parts.append(_markdown_table(table) if markdown else _text_table(table))
    parts.append(summary(comparison, markdown=markdown))
    return "\n\n".join(parts) + "\n"


def section_table(section: CompareSection) -> TableView:
    """One shared role as a table: category, A, B, status, and how the categories were matched."""
    heading = "A" if section.same_unit else "A (share)"
    heading_b = "B" if section.same_unit else "B (share)"
    rows = tuple(
        (row.label, _value(row.left, section.same_unit), _value(row.right, section.same_unit), _status(row), _how(row))
        for row in section.rows
    )
    dims = section.left_dimension, section.right_dimension
    where = section.role if dims == (section.role, section.role) else f"{section.role}: {dims[0]} ↔ {dims[1]}"
    return TableView(
        key=section.role,
        title=f"{section.title} [{where}]",
        columns=("category", heading, heading_b, "status", "matched as"),
        rows=rows,
        numeric=frozenset({heading, heading_b}),
        derived=tuple(False for _ in rows),
        note=section.unit_note
        + ("" if section.same_unit else ". Shares are of the figures each dataset lists in this breakdown."),
    )


def summary(comparison: Comparison, *, markdown: bool = False) -> str:
    """What disagrees, what only one dataset has, and the category mappings used."""
    lines: list[str] = []
    disagreements = comparison.disagreements
    if disagreements:
        lines.append(f"Disagreements ({len(disagreements)}):")
        lines += [f"- {r.label}: A {_plain(r.left)} against B {_plain(r.right)}" for r in disagreements]
    else:
        lines.append("Disagreements: none where the two can be compared.")
    if comparison.only_left:
        lines.append(f"Only in A: {', '.join(comparison.only_left)}")
    if comparison.only_right:
        lines.append(f"Only in B: {', '.join(comparison.only_right)}")
    if comparison.equivalences_used:
        lines.append("Category mappings used:")
        lines += [f"- {e.left} ↔ {e.right} ({e.match}): {e.note}" for e in comparison.equivalences_used]
    text = "\n".join(lines)
    return f"## Summary\n\n{text}" if markdown else text


def _value(side: Side | None, same_unit: bool) -> str:
    if side is None:
        return "—"
    if same_unit:
        return side.value.display()
    if side.dimension == "total":
        return side.value.describe()
    return fmt_share(side.share) if side.share is not None else f"– ({side.value.unit})"


def _plain(side: Side | None) -> str:
    return "—" if side is None else side.value.describe()


def _status(row: CompareRow) -> str:
    return "DISAGREE" if row.status == "disagree" else row.status


def _how(row: CompareRow) -> str:
    """How B's category was matched to A's: '' for the same name, else '↔ dismissal (same)'."""
    if row.left is None or row.right is None or row.mapping == "same name":
        return ""
    return f"↔ {row.right.category} ({row.mapping.rpartition('(')[2].rstrip(')')})"


def _json(comparison: Comparison) -> dict[str, Any]:
    payload = asdict(comparison)
    for key in ("left", "right"):
        payload[key]["path"] = str(payload[key]["path"])
    payload["disagreements"] = [asdict(r) for r in comparison.disagreements]
    payload["rule"] = "figures are never added across datasets"
    return payload
