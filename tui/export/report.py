"""Render every table of a dataset, or its fact-check, as text, Markdown, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from typing import Any

from tui.data.formatting import provenance_lines
from tui.data.model import Provenance
from tui.data.service import DataService
from tui.data.views import TableView, all_tables, checks_table, claims_table


def render_report(service: DataService, fmt: str = "text") -> str:
    """Every figures table of the dataset, with provenance in text and Markdown."""
    tables = all_tables(service)
    if fmt == "json":
        return _json(
            {
                "provenance": _provenance_dict(service.provenance),
                "total": service.total,
                "breakdowns": {d: asdict(service.breakdown(d)) for d in service.dimensions},
                "trend": asdict(service.trend(service.dimensions[0])),
            }
        )
    if fmt == "csv":
        return _long_csv(service)
    return _document(service.provenance, tables, markdown=fmt == "markdown")


def render_checks(service: DataService, fmt: str = "text") -> str:
    """The reconciliation checks and the source's claims with their verdicts."""
    if fmt == "json":
        return _json(
            {
                "provenance": _provenance_dict(service.provenance),
                "checks": [asdict(c) for c in service.checks],
                "claims": [asdict(c) for c in service.claims],
            }
        )
    tables = (checks_table(service), claims_table(service))
    return _document(service.provenance, tables, markdown=fmt == "markdown", heading="Fact-check")


def _provenance_dict(p: Provenance) -> dict[str, Any]:
    return asdict(p) | {"one_line": p.one_line()}


def _json(payload: dict[str, Any]) -> str:
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


def _long_csv(service: DataService) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["dimension", "category", "count", "qualifier", "share", "base", "note"])
    for dimension in service.dimensions:
        b = service.breakdown(dimension)
        for f in b.figures + b.groups:
            share = "" if f.share is None else f"{f.share:.4f}"
            writer.writerow(
                [dimension, f.category, "" if f.count is None else f.count, f.qualifier, share, b.base, f.note]
            )
    return out.getvalue()


def _document(p: Provenance, tables: tuple[TableView, ...], *, markdown: bool, heading: str = "") -> str:
    parts: list[str] = []
    title = f"{heading}: {p.title}" if heading else p.title
    parts.append(f"# {title}" if markdown else f"{title}\n{'=' * len(title)}")
    parts.append("\n".join(f"- **{k}:** {v}" if markdown else f"{k + ':':<15}{v}" for k, v in provenance_lines(p)[1:]))
    if p.caveats:
        caveats = "\n".join(f"- {c}" for c in p.caveats)
        parts.append(f"**Caveats**\n\n{caveats}" if markdown else f"Caveats:\n{caveats}")
    for table in tables:
        parts.append(_markdown_table(table) if markdown else _text_table(table))
    return "\n\n".join(parts) + "\n"


def _markdown_table(t: TableView) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    align = ["---:" if c in t.numeric else "---" for c in t.columns]
    lines = [f"## {t.title}", "", "| " + " | ".join(t.columns) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in t.rows]
    if t.note:
        lines += ["", t.note]
    return "\n".join(lines)


def _text_table(t: TableView) -> str:
    widths = [max([len(c), *(len(r[i]) for r in t.rows)]) for i, c in enumerate(t.columns)]

    def line(values: tuple[str, ...]) -> str:
        cells = [
            v.rjust(w) if c in t.numeric else v.ljust(w) for v, w, c in zip(values, widths, t.columns, strict=True)
        ]
        return "  ".join(cells).rstrip()

    out = [t.title, "-" * len(t.title), line(t.columns)]
    out += [line(r) for r in t.rows]
    if t.note:
        out.append(t.note)
    return "\n".join(out)
