"""Writing an imported dataset as a Data Package folder: all at once, never over anything.

The files are written into a temporary folder beside the target, loaded back and validated
like any dataset, then renamed into place; a target that exists already is refused.
"""

from __future__ import annotations

import csv
import json
import os
import shutil
import tempfile
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from tui.data.loader import Dataset, load_dataset
from tui.data.safe_text import safe_text
from tui.importer.errors import ImportFileError
from tui.importer.package import FIGURE_FIELDS, QUALIFIERS
from tui.importer.result import Imported


def write_package(dataset: Dataset, imported: Imported, out: Path) -> Path:
    """Write ``dataset`` (with its cases, vocabulary mapping and skipped rows) as the folder ``out``.

    Raises:
        ImportFileError: ``out`` exists already, or cannot be written.
    """
    out = Path(out)
    if out.exists() or out.is_symlink():
        raise ImportFileError(out, "exists already: choose another --out folder (nothing was overwritten)")
    parent = out.parent if str(out.parent) else Path(".")
    try:
        parent.mkdir(parents=True, exist_ok=True)
        temp = Path(tempfile.mkdtemp(prefix=f".{out.name}.", suffix=".partial", dir=parent))
    except OSError as exc:
        raise ImportFileError(out, f"cannot create the folder ({exc.strerror or exc.__class__.__name__})") from None
    try:
        _write_all(temp, dataset, imported)
        load_dataset(temp)  # the folder must load as any dataset does
        os.rename(temp, out)
    except OSError as exc:
        shutil.rmtree(temp, ignore_errors=True)
        if out.exists():
            raise ImportFileError(
                out, "exists already: choose another --out folder (nothing was overwritten)"
            ) from None
        raise ImportFileError(out, f"cannot write the folder ({exc.strerror or exc.__class__.__name__})") from None
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return out


def _write_all(folder: Path, dataset: Dataset, imported: Imported) -> None:
    metadata = dict(dataset.metadata)
    resources: list[dict[str, Any]] = [_figures_resource()]
    dataset.figures.to_csv(folder / "figures.csv", index=False, columns=list(FIGURE_FIELDS))
    mapping = list(
        {
            (dimension, safe_text(original)): (dimension, safe_text(original), canonical, how)
            for (dimension, original), (canonical, how) in sorted(imported.mapping.items())
        }.values()
    )
    fields = ("dimension", "original", "canonical", "how")
    _write_csv(folder / "vocabulary.csv", fields, mapping)
    resources.append(_resource("vocabulary", "vocabulary.csv", fields, "how each value of the file was read"))
    if dataset.definitions:
        rows = [(d["term"], d["meaning"]) for d in dataset.definitions]
        _write_csv(folder / "definitions.csv", ("term", "meaning"), rows)
        resources.append(_resource("definitions", "definitions.csv", ("term", "meaning"), "abbreviations read"))
    if imported.log.skipped:
        rows = [(s.row, s.reason) for s in imported.log.skipped]
        _write_csv(folder / "skipped.csv", ("row", "reason"), rows)
        resources.append(_resource("skipped", "skipped.csv", ("row", "reason"), "input rows not imported, and why"))
    if dataset.cases is not None:
        dataset.cases.to_csv(folder / "cases.csv", index=False)
        resources.append(
            _resource(
                "cases", "cases.csv", tuple(str(c) for c in dataset.cases.columns), "one row per case, as imported"
            )
        )
    metadata["resources"] = resources
    with (folder / "datapackage.json").open("w", encoding="utf-8") as handle:
        json.dump(metadata, handle, indent=2, ensure_ascii=False)
        handle.write("\n")


def _write_csv(path: Path, header: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """A CSV file whose every text cell has passed :func:`safe_text` (values read from a spreadsheet are untrusted)."""
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow([safe_text(h) for h in header])
        writer.writerows([safe_text(v) if isinstance(v, str) else v for v in row] for row in rows)


def _resource(name: str, path: str, fields: Sequence[str], description: str) -> dict[str, Any]:
    return {
        "name": name,
        "path": path,
        "description": description,
        "profile": "tabular-data-resource",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": {"fields": [_field(f) for f in fields]},
    }


def _field(name: str) -> Mapping[str, Any]:
    return {"name": name, "type": "integer" if name == "row" else "string"}


def _figures_resource() -> dict[str, Any]:
    resource = _resource("figures", "figures.csv", FIGURE_FIELDS, "the counts, one per row")
    fields = resource["schema"]["fields"]
    for field in fields:
        if field["name"] in ("dimension", "category", "period", "qualifier"):
            field["constraints"] = {"required": True}
    fields[3] = {"name": "count", "type": "integer", "constraints": {"minimum": 0}}
    fields[4]["constraints"]["enum"] = list(QUALIFIERS)
    resource["schema"]["primaryKey"] = ["dimension", "category", "period"]
    return resource
