"""Render every table of a dataset, or its fact-check, as text, Markdown, JSON or CSV."""

from __future__ import annotations

import csv
import io
import json
import textwrap
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

from tui.data.formatting import provenance_lines
from tui.data.model import Provenance
from tui.data.views import TableView, all_tables, checks_table, claims_table

if TYPE_CHECKING:
    from tui.data.service import DataService


def render_report(service: DataService, fmt: str = "text", *, width: int | None = None) -> str:
    """Every figures table of the dataset, with provenance in every format.

    ``width``: wrap text output to this many columns (URLs are never broken); None: no wrapping.
    """
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
    return _document(service.provenance, tables, markdown=fmt == "markdown", width=width)


def render_checks(service: DataService, fmt: str = "text", *, width: int | None = None) -> str:
    """The reconciliation checks and the source's claims with their verdicts (``width`` as in :func:`render_report`)."""
    if fmt == "json":
        return _json(
            {
                "provenance": _provenance_dict(service.provenance),
                "checks": [asdict(c) for c in service.checks],
                "claims": [asdict(c) for c in service.claims],
            }
        )
    if fmt == "csv":
        return _checks_csv(service)
    tables = (checks_table(service), claims_table(service))
    return _document(service.provenance, tables, markdown=fmt == "markdown", heading="Fact-check", width=width)


def _provenance_dict(p: Provenance) -> dict[str, Any]:
    return asdict(p) | {"one_line": p.one_line()}


def _json(payload: dict[str, Any]) -> str:
    return json.dumps(payload, indent=2, ensure_ascii=False) + "\n"


PROVENANCE_COLUMNS = ("publisher", "foi_reference", "disclosed", "period", "source", "source_url")
"""Columns every CSV row carries, so a row copied out of the file still says where it comes from."""


def provenance_row(p: Provenance) -> list[str]:
    """The values of :data:`PROVENANCE_COLUMNS` for a dataset (several sources joined by `` | ``)."""
    return [
        p.publisher,
        p.foi_reference or p.foi_reference_note or "not stated",
        p.disclosure_date,
        p.period,
        " | ".join(f"{s.title} ({s.publisher}, {s.published})" for s in p.sources),
        " | ".join(s.url for s in p.sources),
    ]


def _long_csv(service: DataService) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["dimension", "category", "count", "qualifier", "share", "base", "note", *PROVENANCE_COLUMNS])
    where = provenance_row(service.provenance)
    for dimension in service.dimensions:
        b = service.breakdown(dimension)
        for f in b.figures + b.groups:
            share = "" if f.share is None else f"{f.share:.4f}"
            count = "" if f.count is None else f.count
            writer.writerow([dimension, f.category, count, f.qualifier, share, b.base, f.note, *where])
    return out.getvalue()


def _checks_csv(service: DataService) -> str:
    """Checks and claims as one table: kind, id, text, status, numbers, place, then provenance."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["kind", "id", "text", "status", "numbers", "where", *PROVENANCE_COLUMNS])
    where = provenance_row(service.provenance)
    for c in service.checks:
        writer.writerow(["check", c.id, c.title, c.status, c.detail, "", *where])
    for claim in service.claims:
        writer.writerow(["claim", claim.id, claim.claim, claim.status, claim.computed, claim.location, *where])
    return out.getvalue()


def _document(
    p: Provenance, tables: tuple[TableView, ...], *, markdown: bool, heading: str = "", width: int | None = None
) -> str:
    parts: list[str] = []
    title = f"{heading}: {p.title}" if heading else p.title
    wrap = None if markdown else width
    parts.append(f"# {title}" if markdown else _wrap(f"{title}\n{'=' * min(len(title), width or len(title))}", wrap))
    if markdown:
        parts.append("\n".join(f"- **{k}:** {v}" for k, v in provenance_lines(p)[1:]))
    else:
        parts.append("\n".join(_wrap(f"{k + ':':<15}{v}", wrap, indent=15) for k, v in provenance_lines(p)[1:]))
    if p.caveats:
        caveats = "\n".join(_wrap(f"- {c}", wrap, indent=2) for c in p.caveats)
        parts.append(f"**Caveats**\n\n{caveats}" if markdown else f"Caveats:\n{caveats}")
    for table in tables:
        parts.append(_markdown_table(table) if markdown else _text_table(table, width))
    return "\n\n".join(parts) + "\n"


def _wrap(text: str, width: int | None, *, indent: int = 0) -> str:
    """``text`` wrapped to ``width`` columns, continuation lines indented; words (and URLs) never broken."""
    if width is None:
        return text
    return "\n".join(
        textwrap.fill(
            line,
            width=max(20, width),
            subsequent_indent=" " * indent,
            break_long_words=False,
            break_on_hyphens=False,
        )
        for line in text.splitlines()
    )


def _markdown_table(t: TableView) -> str:
    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    align = ["---:" if c in t.numeric else "---" for c in t.columns]
    lines = [f"## {t.title}", "", "| " + " | ".join(t.columns) + " |", "| " + " | ".join(align) + " |"]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in t.rows]
    if t.note:
        lines += ["", t.note]
    return "\n".join(lines)


MIN_TEXT_COLUMN = 12
"""A wrapped text column is never made narrower than this."""


def _text_table(t: TableView, width: int | None = None) -> str:
    widths = [max([len(c), *(len(r[i]) for r in t.rows)]) for i, c in enumerate(t.columns)]
    if width is not None:
        _fit_widths(t, widths, width)

    def lines(values: tuple[str, ...]) -> list[str]:
        wrapped = [
            textwrap.wrap(v, w, break_long_words=False, break_on_hyphens=False) or [""]
            for v, w in zip(values, widths, strict=True)
        ]
        out = []
        for depth in range(max(len(cell) for cell in wrapped)):
            cells = [
                (cell[depth] if depth < len(cell) else "").rjust(w)
                if c in t.numeric
                else (cell[depth] if depth < len(cell) else "").ljust(w)
                for cell, w, c in zip(wrapped, widths, t.columns, strict=True)
            ]
            out.append("  ".join(cells).rstrip())
        return out

    out = [t.title, "-" * len(t.title), *lines(t.columns)]
    for row in t.rows:
        out += lines(row)
    if t.note:
        out.append(_wrap(t.note, width))
    return "\n".join(out)


def _fit_widths(t: TableView, widths: list[int], width: int) -> None:
    """Narrow the widest text columns (their cells then wrap) until the table fits ``width``, if it can."""
    gaps = 2 * (len(widths) - 1)
    while sum(widths) + gaps > width:
        text_columns = [i for i, c in enumerate(t.columns) if c not in t.numeric and widths[i] > MIN_TEXT_COLUMN]
        if not text_columns:
            return
        widest = max(text_columns, key=lambda i: widths[i])
        widths[widest] -= 1
