"""An import as a dataset: the Data Package metadata and figures table, in memory.

The same :class:`~tui.data.loader.Dataset` is written to a folder by :mod:`tui.importer.writer`
or opened directly (``foi-explorer --data FILE.csv``). Provenance not given is "not stated".
"""

from __future__ import annotations

import re
from types import MappingProxyType
from typing import Any

import pandas as pd

from tui.data.cases import safe_frame
from tui.data.loader import Dataset
from tui.data.package_checks import safe_tree
from tui.data.safe_text import safe_text
from tui.importer.cells import period_sort_key
from tui.importer.options import NOT_STATED, ImportOptions
from tui.importer.reading import Grid
from tui.importer.result import Imported, Tally

QUALIFIERS = ("exact", "at_least", "approx", "suppressed", "not_given")
DIMENSION_ORDER = ("year", "rank", "finding", "sanction", "allegation", "platform", "force", "category")
TITLES = {
    "year": ("years", "By year"),
    "rank": ("ranks", "By rank"),
    "finding": ("findings", "Findings"),
    "sanction": ("sanctions", "Sanctions"),
    "allegation": ("allegation types", "By allegation"),
    "platform": ("platforms", "By platform"),
    "force": ("forces", "By force"),
    "category": ("categories", "By category"),
}
ROLE_OF_DIMENSION = {"year": "period"}
REMAINDERS = {"finding": "no finding recorded", "sanction": "no sanction recorded"}
FIGURE_FIELDS = ("dimension", "category", "period", "count", "qualifier", "note")
MAX_LABEL = 200
"""Longest category, period or provenance label written (as the dataset loader allows)."""
MAX_CATEGORIES = 1000
"""Most categories a dimension keeps per period (a free-text column would otherwise give one per case)."""
MAX_CHECKS = 30
"""Most Total checks listed among the caveats (the import summary lists them all)."""
OTHER_VALUES = "other values"


def build_dataset(grid: Grid, imported: Imported, options: ImportOptions) -> Dataset:
    """The dataset an import makes (metadata, figures and definitions), ready to serve or write."""
    period = _period(imported, options)
    figures = _figures(imported, period["label"], options)
    metadata = _metadata(grid, imported, options, period, figures)
    definitions = tuple(
        {"term": safe_text(original), "meaning": safe_text(f"read as '{canonical}' ({dimension}), from the vocabulary")}
        for (dimension, original), (canonical, how) in sorted(imported.mapping.items())
        if how in ("vocabulary", "--map") and original.lower() != canonical
    )
    return Dataset(
        path=grid.path.parent,
        metadata=MappingProxyType(metadata),
        figures=figures,
        claims=(),
        definitions=definitions,
        cases=None if imported.cases is None else safe_frame(imported.cases),
    )


def slug(text: str) -> str:
    """A dataset name from a file name: lower case, letters, digits and dashes."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "imported"


def _period(imported: Imported, options: ImportOptions) -> dict[str, str]:
    periods = imported.periods
    if options.period:
        label = options.period
    elif periods:
        label = periods[0] if len(periods) == 1 else f"{periods[0]}-{periods[-1]}"
    else:
        label = NOT_STATED
    start = f"{periods[0][:4]}" if periods else NOT_STATED
    end = f"{periods[-1][:4]}" if periods else NOT_STATED
    return {"start": start, "end": end, "label": safe_text(label, limit=MAX_LABEL)}


def _dimensions(imported: Imported) -> list[str]:
    present = [d for d in DIMENSION_ORDER if d in imported.tallies]
    return present + sorted(d for d in imported.tallies if d not in present)


def _figures(imported: Imported, overall: str, options: ImportOptions) -> pd.DataFrame:
    rows: list[tuple[Any, ...]] = []
    total = imported.stated_total
    if imported.cases is not None:
        total = len(imported.cases)
    if total is not None:
        what = "rows imported (one per case)" if imported.cases is not None else "the table's Total row"
        rows.append(
            ("total", options.unit or "cases" if imported.cases is not None else "total", overall, total, "exact", what)
        )
    for dimension in _dimensions(imported):
        tally = _bounded(imported.tallies[dimension])
        keys = tally.order
        if dimension == "year":
            keys = sorted(keys, key=lambda k: period_sort_key(k[0]))
        seen: set[tuple[str, str]] = set()
        for category, period in keys:
            label = _label(safe_text(category, limit=MAX_LABEL), safe_text(period or overall, limit=MAX_LABEL), seen)
            rows.append(
                (dimension, label, safe_text(period or overall, limit=MAX_LABEL), *_value(tally, (category, period)))
            )
    figures = pd.DataFrame(rows, columns=list(FIGURE_FIELDS))
    figures["count"] = figures["count"].astype("Int64")
    figures["note"] = figures["note"].fillna("").map(safe_text)
    return figures


def _label(category: str, period: str, seen: set[tuple[str, str]]) -> str:
    """A category label unique within its dimension and period (long labels cut short may collide)."""
    label, number = category, 2
    while (label, period) in seen:
        label = f"{category[: MAX_LABEL - 6]} ({number})"
        number += 1
    seen.add((label, period))
    return label


def _bounded(tally: Tally) -> Tally:
    """At most :data:`MAX_CATEGORIES` categories a period: the least frequent are summed as 'other values'."""
    periods: dict[str, list[tuple[str, str]]] = {}
    for key in tally.order:
        periods.setdefault(key[1], []).append(key)
    if all(len(keys) <= MAX_CATEGORIES for keys in periods.values()):
        return tally
    bounded = Tally()
    for period, keys in periods.items():
        ranked = sorted(keys, key=lambda k: -tally.counts.get(k, 0))
        kept, rest = set(ranked[: MAX_CATEGORIES - 1]), ranked[MAX_CATEGORIES - 1 :]
        for key in keys:
            if key in kept:
                _copy(tally, bounded, key, key)
        for key in rest:
            _copy(tally, bounded, key, (OTHER_VALUES, period))
        bounded.notes[(OTHER_VALUES, period)] = [f"{len(rest)} less frequent values, each listed in cases.csv"]
    return bounded


def _copy(source: Tally, target: Tally, key: tuple[str, str], into: tuple[str, str]) -> None:
    if key in source.counts:
        target.add(*into, source.counts[key])
    for _ in range(source.suppressed.get(key, 0)):
        target.add_suppressed(*into)
    if key in source.not_given:
        target.add_not_given(*into)
    if key == into:
        target.notes[into] = list(source.notes.get(key, []))


def _value(tally: Tally, key: tuple[str, str]) -> tuple[int | None, str, str]:
    notes = list(dict.fromkeys(tally.notes.get(key, [])))
    known = tally.counts.get(key)
    suppressed = tally.suppressed.get(key, 0)
    if suppressed and known is not None:
        notes.append(f"at least: {suppressed} suppressed cell(s) not counted")
        return known, "at_least", "; ".join(notes)
    if suppressed:
        return None, "suppressed", "; ".join(notes)
    if known is None:
        return None, "not_given", "; ".join(notes or ["not given in the source"])
    return known, "exact", "; ".join(notes)


def _dimension_info(imported: Imported, dimension: str, periods: list[str]) -> dict[str, Any]:
    label, title = TITLES.get(dimension, (dimension, dimension.capitalize()))
    found = imported.dimension_info.get(dimension, {})
    info: dict[str, Any] = {
        "label": label,
        "title": title,
        "role": ROLE_OF_DIMENSION.get(dimension, dimension),
        "base": "total",
    }
    partial = imported.cases is None or found.get("multi") or found.get("routed")
    if dimension == "year":
        partial = imported.cases is None and imported.stated_total is None
    info["coverage"] = "partial" if partial else "complete"
    if imported.cases is not None and found.get("routed") and dimension in REMAINDERS:
        info["remainder"] = REMAINDERS[dimension]
    if found.get("columns"):
        info["columns"] = list(found["columns"])
    tally_periods = {p for _, p in imported.tallies[dimension].order if p}
    if dimension != "year" and len(tally_periods) > 1:
        values = sorted(tally_periods, key=period_sort_key)
        info["crosstab"] = {"by": "period", "title": "year", "values": values}
    return info


def _metadata(
    grid: Grid, imported: Imported, options: ImportOptions, period: dict[str, str], figures: pd.DataFrame
) -> dict[str, Any]:
    name = slug(options.title or grid.path.stem)
    periods = imported.periods
    summary = imported.log.summary()
    checks = imported.checks[:MAX_CHECKS]
    if len(imported.checks) > MAX_CHECKS:
        checks.append(f"... and {len(imported.checks) - MAX_CHECKS} more Total checks, listed by the import summary")
    caveats = [
        f"Imported from {grid.path.name} ({grid.describe()}, {imported.shape} table): {summary}.",
        *checks,
        *imported.notes,
    ]
    if imported.log.skipped:
        shown = "; ".join(f"row {s.row}: {s.reason}" for s in imported.log.skipped[:5])
        more = (
            f" (and {len(imported.log.skipped) - 5} more, listed in skipped.csv)"
            if len(imported.log.skipped) > 5
            else ""
        )
        caveats.append(f"Skipped {shown}{more}.")
    if imported.unrecognised:
        caveats.append("Columns not recognised and not counted: " + ", ".join(f"'{h}'" for h in imported.unrecognised))
    multi = [d for d, info in imported.dimension_info.items() if info.get("multi")]
    if multi:
        caveats.append(
            f"Some cells hold several items ({', '.join(multi)}): each item is counted,"
            " so these can add up to more than the cases."
        )
    caveats.append("Provenance not given on import (publisher, FoI reference, dates) is recorded as 'not stated'.")
    dimensions = {"total": {"label": "total", "title": "Total", "role": "total"}}
    for dimension in _dimensions(imported):
        dimensions[dimension] = _dimension_info(imported, dimension, periods)
    metadata = {
        "name": name,
        "title": safe_text(options.title or f"Imported from {grid.path.name}", limit=MAX_LABEL),
        "description": safe_text(
            f"Figures imported from the spreadsheet {grid.path.name} ({imported.shape} table). {summary}."
        ),
        "version": "1.0.0",
        "force": safe_text(options.force or NOT_STATED, limit=MAX_LABEL),
        "publisher": safe_text(options.publisher or NOT_STATED, limit=MAX_LABEL),
        "foi_reference": safe_text(options.foi_ref, limit=MAX_LABEL) if options.foi_ref else None,
        "foi_reference_note": "" if options.foi_ref else "FoI ref not stated: none was given on import",
        "published": NOT_STATED,
        "disclosure_date": NOT_STATED,
        "period": period,
        "population": NOT_STATED,
        "unit": safe_text(
            options.unit or ("cases (unit not stated)" if imported.cases is not None else "(unit not stated)"),
            limit=MAX_LABEL,
        ),
        "licenses": [{"name": "not-stated", "title": "Licence not stated"}],
        "sources": [
            {
                "title": safe_text(grid.path.name),
                "path": safe_text(options.url or NOT_STATED),
                "publisher": safe_text(options.publisher or NOT_STATED, limit=MAX_LABEL),
                "published": NOT_STATED,
            }
        ],
        "caveats": [safe_text(c) for c in caveats],
        "import": {
            "file": grid.path.name,
            "read_as": grid.describe(),
            "shape": imported.shape,
            "summary": summary,
            "rows_read": imported.log.read,
            "rows_imported": imported.log.imported,
            "rows_skipped": len(imported.log.skipped),
            "unrecognised_columns": [safe_text(h, limit=MAX_LABEL) for h in imported.unrecognised],
        },
        "dimensions": dimensions,
        "resources": [],
    }
    return safe_tree(metadata)  # file, sheet and column names are the spreadsheet's: untrusted like its cells
