"""Read a dataset folder (a Frictionless Data Package) and validate it against its own schema.

A dataset is a folder with ``datapackage.json`` and the CSV files it lists; it comes
from a stranger, so it is checked in layers before anything else sees it:

1. files: regular files inside the package, no links, no devices or FIFOs, bounded
   in size (:mod:`tui.data.package_files`, :mod:`tui.data.limits`);
2. ``datapackage.json``: bounded nesting, no NaN (:mod:`tui.data.package_json`), then
   the JSON Schema of a dataset (:mod:`tui.data.package_schema`), then the names its
   parts use for each other (:mod:`tui.data.package_checks`);
3. each CSV, read strictly with its ``encoding`` and ``dialect`` and every cell checked
   against the Table Schema (:mod:`tui.data.csv_table`);
4. the figures' own rules (counts and qualifiers agree, one total, bases that exist).

Every string is passed through :func:`~tui.data.safe_text.safe_text` on the way in.
The result is a complete :class:`Dataset`, or a :class:`~tui.data.errors.DatasetError`
naming the file, row and column: never a partly loaded dataset.
"""

from __future__ import annotations

import hashlib
import threading
import weakref
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import TYPE_CHECKING, Any

from tui.data.csv_table import Table, read_table
from tui.data.errors import DatasetError
from tui.data.gc_pause import gc_paused
from tui.data.limits import MAX_CASES_BYTES, MAX_DESCRIPTOR_BYTES, MAX_TABLE_BYTES
from tui.data.package_checks import check_dimensions, check_resources, safe_tree
from tui.data.package_files import LAZY_RESOURCES, check_file, read_bytes, resource_file
from tui.data.package_json import parse_json
from tui.data.package_schema import check_package
from tui.data.quantity import BLANK_QUALIFIERS

REQUIRED_RESOURCES = ("figures",)
LABEL_FIELDS = ("dimension", "category", "period")
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
    claim_lines: tuple[int, ...] = ()
    cases: pd.DataFrame | None = None
    """Per-case rows already in memory (an imported spreadsheet); None when read on demand or absent."""


def load_dataset(path: Path | str) -> Dataset:
    """Load and validate the dataset in ``path`` (a folder or its ``datapackage.json``).

    Every string of the result has passed :func:`~tui.data.safe_text.safe_text`. While a dataset
    loaded from the same folder with the same bytes is still in use, that one is returned instead
    of a second copy (the app and its catalog both ask for the folder the app opened).

    Raises:
        DatasetError: the dataset is missing or broken; the message names where.
    """
    with gc_paused():
        return _load(Path(path))


_in_use: weakref.WeakValueDictionary[tuple[Path, str], Dataset] = weakref.WeakValueDictionary()
"""Datasets loaded and still referenced somewhere, by descriptor and a hash of every byte read."""
_in_use_lock = threading.Lock()


def _load(path: Path) -> Dataset:
    descriptor = _descriptor_path(path)
    raw = read_bytes(descriptor, MAX_DESCRIPTOR_BYTES)
    metadata = _read_descriptor(descriptor, raw)
    files = {
        res["name"]: (res, _resource_bytes(descriptor, res))
        for res in metadata["resources"]
        if not _check_lazy_resource(descriptor, res)
    }
    digest = hashlib.sha256(raw)
    for name, (_, (_, data)) in files.items():
        digest.update(f"\0{name}\0{len(data)}\0".encode())
        digest.update(data)
    key = (descriptor, digest.hexdigest())
    with _in_use_lock:
        known = _in_use.get(key)
    if known is not None:
        return known
    tables = {}
    for name in list(files):
        res, (file, data) = files.pop(name)  # each file's bytes let go once read
        labels = LABEL_FIELDS if name == "figures" else ()
        tables[name] = read_table(file, data, res, descriptor=descriptor, labels=labels)
        del data
    for name in REQUIRED_RESOURCES:
        if name not in tables:
            raise DatasetError(descriptor, f"no resource named '{name}' in 'resources'")
    import pandas as pd  # imported on first load, not with this module: start-up may not need it

    figure_table = tables["figures"]
    _check_figures(figure_table)
    check_dimensions(descriptor, metadata, figure_table)
    figures = pd.DataFrame(
        {
            name: pd.array(values, dtype="Int64") if name == "count" else values
            for name, values in figure_table.columns.items()
        }
    )
    if "note" not in figures:
        figures["note"] = ""
    figures["note"] = figures["note"].fillna("")
    dataset = Dataset(
        path=descriptor.parent,
        metadata=MappingProxyType(metadata),
        figures=figures,
        claims=tables["claims"].rows if "claims" in tables else (),
        definitions=tables["definitions"].rows if "definitions" in tables else (),
        claim_lines=tables["claims"].lines if "claims" in tables else (),
    )
    with _in_use_lock:
        _in_use[key] = dataset
    return dataset


def _descriptor_path(path: Path) -> Path:
    descriptor = path / "datapackage.json" if path.is_dir() else path
    if not descriptor.exists() and not descriptor.is_symlink():
        raise DatasetError(descriptor, "no such file (give a dataset folder or its datapackage.json)")
    return descriptor


def _read_descriptor(descriptor: Path, data: bytes) -> dict[str, Any]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise DatasetError(descriptor, f"not UTF-8 text (byte {exc.start + 1} cannot be decoded)", row=line) from None
    metadata = parse_json(descriptor, text)
    check_package(descriptor, metadata)
    check_resources(descriptor, metadata["resources"])
    return {key: value if key == "resources" else safe_tree(value) for key, value in metadata.items()}



def _resource_bytes(descriptor: Path, resource: Mapping[str, Any]) -> tuple[Path, bytes]:
    """A resource's file and its bytes (checked: inside the package, a regular file, bounded)."""
    path = resource_file(descriptor.parent, resource["path"], descriptor=descriptor)
    return path, read_bytes(path, MAX_TABLE_BYTES)


def _check_lazy_resource(descriptor: Path, resource: Mapping[str, Any]) -> bool:
    """True for a resource read later (cases, skipped rows): its path and size are checked now, nothing is read.

    Raises:
        DatasetError: the path is unsafe, or the file is missing, not a regular file or too large.
    """
    if resource["name"] not in LAZY_RESOURCES:
        return False
    path = resource_file(descriptor.parent, resource["path"], descriptor=descriptor)
    check_file(path, MAX_CASES_BYTES)
    return True


def _check_figures(table: Table) -> None:
    """Rules the Table Schema cannot say: counts and qualifiers agree, one total."""
    path = table.path
    dimensions = table.columns["dimension"]
    for line, count, qualifier in zip(table.lines, table.columns["count"], table.columns["qualifier"], strict=True):
        blank = qualifier in BLANK_QUALIFIERS
        if blank and count is not None:
            raise DatasetError(path, f"a {qualifier} count must be left blank", row=line, column="count")
        if not blank and count is None:
            raise DatasetError(
                path,
                "a count is required unless the qualifier is 'suppressed' or 'not_given'",
                row=line,
                column="count",
            )
    totals = [line for line, dimension in zip(table.lines, dimensions, strict=True) if dimension == "total"]
    if len(totals) > 1:
        raise DatasetError(path, "more than one row with dimension 'total'", row=totals[1], column="dimension")
    if all(dimension == "total" for dimension in dimensions):
        raise DatasetError(path, "no breakdown rows (only a total)", column="dimension")
