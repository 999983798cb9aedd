"""Read a dataset folder (a Frictionless Data Package) and validate it against its own schema.

A dataset is a folder with ``datapackage.json`` and the CSV files it lists. The
loader checks every row against the Table Schema in the package (types, required
fields, minimum, enum, unique, primary key) and either returns a complete
:class:`Dataset` or raises :class:`~tui.data.errors.DatasetError` naming the file,
row and column: never a partly loaded dataset.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from tui.data.errors import DatasetError

REQUIRED_RESOURCES = ("figures",)
REQUIRED_METADATA = ("name", "title", "force", "publisher", "period", "population", "unit", "sources")
Row = dict[str, Any]

if TYPE_CHECKING:
    import pandas as pd


@dataclass(frozen=True)
class Dataset:
    """A validated dataset: its metadata and its tables, read-only."""

    path: Path
    metadata: Mapping[str, Any]
    figures: pd.DataFrame
    claims: tuple[Row, ...]
    definitions: tuple[Row, ...]


def load_dataset(path: Path | str) -> Dataset:
    """Load and validate the dataset in ``path`` (a folder or its ``datapackage.json``).

    Raises:
        DatasetError: the dataset is missing or broken; the message names where.
    """
    descriptor = _descriptor_path(Path(path))
    metadata = _read_descriptor(descriptor)
    tables = {res["name"]: _read_resource(descriptor.parent, res) for res in metadata["resources"]}
    for name in REQUIRED_RESOURCES:
        if name not in tables:
            raise DatasetError(descriptor, f"no resource named '{name}' in 'resources'")
    import pandas as pd  # imported on first load, not with this module: start-up may not need it

    figures_path = descriptor.parent / _resource(metadata, "figures")["path"]
    _check_figures(figures_path, tables["figures"], metadata)
    figures = pd.DataFrame(tables["figures"], columns=_field_names(_resource(metadata, "figures")))
    figures["count"] = figures["count"].astype("Int64")
    figures["note"] = figures["note"].fillna("")
    return Dataset(
        path=descriptor.parent,
        metadata=MappingProxyType(metadata),
        figures=figures,
        claims=tuple(tables.get("claims", ())),
        definitions=tuple(tables.get("definitions", ())),
    )


def _descriptor_path(path: Path) -> Path:
    descriptor = path / "datapackage.json" if path.is_dir() else path
    if not descriptor.exists():
        raise DatasetError(descriptor, "no such file (give a dataset folder or its datapackage.json)")
    return descriptor


def _read_descriptor(descriptor: Path) -> dict[str, Any]:
    try:
        text = descriptor.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DatasetError(descriptor, f"cannot read the file ({exc.__class__.__name__})") from None
    try:
        metadata = json.loads(text)
    except json.JSONDecodeError as exc:
        raise DatasetError(descriptor, f"invalid JSON at character {exc.colno}: {exc.msg}", row=exc.lineno) from None
    if not isinstance(metadata, dict):
        raise DatasetError(descriptor, "the top level must be a JSON object")
    for key in (*REQUIRED_METADATA, "resources"):
        if key not in metadata:
            raise DatasetError(descriptor, f"missing metadata property '{key}'")
    resources = metadata["resources"]
    if not isinstance(resources, list) or not all(
        isinstance(r, dict) and {"name", "path", "schema"} <= r.keys() for r in resources
    ):
        raise DatasetError(descriptor, "'resources' must be a list of objects with name, path and schema")
    return metadata


def _resource(metadata: Mapping[str, Any], name: str) -> dict[str, Any]:
    return next(r for r in metadata["resources"] if r["name"] == name)


def _field_names(resource: Mapping[str, Any]) -> list[str]:
    return [f["name"] for f in resource["schema"]["fields"]]


def _read_resource(folder: Path, resource: Mapping[str, Any]) -> list[Row]:
    path = folder / resource["path"]
    fields = resource["schema"]["fields"]
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.reader(handle)
            header = next(reader, None)
            if header is None:
                raise DatasetError(path, "the file is empty (no header row)", row=1)
            for field in fields:
                if field["name"] not in header:
                    raise DatasetError(path, "missing column", row=1, column=field["name"])
            rows = [_parse_row(path, header, values, fields, reader.line_num) for values in reader]
    except FileNotFoundError:
        raise DatasetError(path, "no such file (listed in datapackage.json)") from None
    except UnicodeDecodeError:
        raise DatasetError(path, "not UTF-8 text") from None
    except csv.Error as exc:
        raise DatasetError(path, f"malformed CSV: {exc}") from None
    except OSError as exc:
        raise DatasetError(path, f"cannot read the file ({exc.__class__.__name__})") from None
    found = [row for row in rows if row is not None]
    if not found:
        raise DatasetError(path, "the table has no rows", row=2)
    _check_unique(path, found, resource["schema"])
    return found


def _parse_row(path: Path, header: list[str], values: list[str], fields: list[dict[str, Any]], line: int) -> Row | None:
    if not any(v.strip() for v in values):
        return None
    if len(values) > len(header):
        raise DatasetError(path, f"{len(values)} values but {len(header)} columns", row=line)
    raw = dict(zip(header, values, strict=False))
    return {f["name"]: _parse_value(path, line, f, raw.get(f["name"], "").strip()) for f in fields}


def _parse_value(path: Path, line: int, field: Mapping[str, Any], text: str) -> Any:
    name = field["name"]
    constraints = field.get("constraints", {})
    if text == "":
        if constraints.get("required"):
            raise DatasetError(path, "a value is required", row=line, column=name)
        return None
    kind = field.get("type", "string")
    value: Any = text
    if kind == "integer":
        try:
            value = int(text)
        except ValueError:
            raise DatasetError(path, f"'{text}' is not a whole number", row=line, column=name) from None
    elif kind == "number":
        try:
            value = float(text)
        except ValueError:
            raise DatasetError(path, f"'{text}' is not a number", row=line, column=name) from None
    if "minimum" in constraints and value < constraints["minimum"]:
        raise DatasetError(path, f"{value} is below the minimum of {constraints['minimum']}", row=line, column=name)
    if "enum" in constraints and value not in constraints["enum"]:
        allowed = ", ".join(str(v) for v in constraints["enum"])
        raise DatasetError(path, f"unknown value '{text}' (expected one of: {allowed})", row=line, column=name)
    return value


def _check_unique(path: Path, rows: list[Row], schema: Mapping[str, Any]) -> None:
    keys = schema.get("primaryKey") or []
    keys = [keys] if isinstance(keys, str) else keys
    unique = [f["name"] for f in schema["fields"] if f.get("constraints", {}).get("unique")]
    for columns in ([keys] if keys else []) + [[name] for name in unique]:
        seen: dict[tuple[Any, ...], int] = {}
        for number, row in enumerate(rows, start=2):
            key = tuple(row[c] for c in columns)
            if key in seen:
                what = " / ".join(str(k) for k in key)
                raise DatasetError(
                    path, f"duplicate '{what}' (first on row {seen[key]})", row=number, column=columns[-1]
                )
            seen[key] = number


def _check_figures(path: Path, rows: list[Row], metadata: Mapping[str, Any]) -> None:
    """Rules the Table Schema cannot say: counts and qualifiers agree, one total."""
    for number, row in enumerate(rows, start=2):
        if row["qualifier"] == "suppressed" and row["count"] is not None:
            raise DatasetError(path, "a suppressed count must be left blank", row=number, column="count")
        if row["qualifier"] != "suppressed" and row["count"] is None:
            raise DatasetError(
                path, "a count is required unless the qualifier is 'suppressed'", row=number, column="count"
            )
    totals = [r for r in rows if r["dimension"] == "total"]
    if len(totals) > 1:
        raise DatasetError(path, "more than one row with dimension 'total'", column="dimension")
    if not any(r["dimension"] != "total" for r in rows):
        raise DatasetError(path, "no breakdown rows (only a total)", column="dimension")
