"""Render the list of datasets as text or JSON."""

from __future__ import annotations

import json

from tui.data.catalog import Catalog, DatasetEntry

CATALOG_FORMATS = ("text", "json")


def render_catalog(catalog: Catalog, fmt: str = "text") -> str:
    """Every dataset the app can open: name, title, force, period, unit and source."""
    if fmt == "json":
        entries = [entry_dict(e, catalog.default) for e in catalog.entries]
        return json.dumps(entries, indent=2, ensure_ascii=False) + "\n"
    blocks = [_text(e, catalog.default) for e in catalog.entries]
    return f"{len(blocks)} datasets (open one with --dataset NAME)\n\n" + "\n\n".join(blocks) + "\n"


def entry_dict(entry: DatasetEntry, default: str = "") -> dict[str, object]:
    """One dataset as a JSON object."""
    return {
        "name": entry.name,
        "title": entry.title,
        "force": entry.force,
        "scope": entry.scope,
        "period": entry.period,
        "start": entry.start.isoformat() if entry.start else None,
        "end": entry.end.isoformat() if entry.end else None,
        "unit": entry.unit,
        "publisher": entry.publisher,
        "source": entry.source,
        "bundled": entry.bundled,
        "default": entry.name == default,
        "forces": list(entry.forces),
    }


def _text(entry: DatasetEntry, default: str) -> str:
    marks = [m for m, on in (("default", entry.name == default), ("your folder", not entry.bundled)) if on]
    name = entry.name + (f" ({', '.join(marks)})" if marks else "")
    return "\n".join(
        [
            name,
            f"  {entry.title}",
            f"  force: {entry.force} · period: {entry.period} · unit: {entry.unit}",
            f"  source: {entry.publisher} {entry.source}",
        ]
    )
