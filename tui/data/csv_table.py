"""Read one CSV resource strictly, as the Data Package spec describes it, tracking rows and columns.

The resource's ``encoding`` and ``dialect`` (delimiter, quote and escape characters,
header, comment character, null sequence, initial spaces) are honoured; every cell
is checked against its Table Schema field (type, required, minimum, maximum,
length, enum) and the limits in :mod:`tui.data.limits`. A problem is one
:class:`~tui.data.errors.DatasetError` naming this file, the row where the record
starts and the column; a quote that never closes is an error, never a field that
swallows the rest of the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from tui.data.errors import DatasetError
from tui.data.limits import MAX_COLUMNS, MAX_COUNT, MAX_DIGITS, MAX_LABEL, MAX_ROWS, MAX_TEXT
from tui.data.safe_text import safe_text

Row = dict[str, Any]

ENCODINGS = frozenset(
    {
        "utf-8",
        "utf-8-sig",
        "utf-16",
        "utf-16-le",
        "utf-16-be",
        "ascii",
        "latin-1",
        "iso8859-15",
        "cp1252",
        "cp1250",
        "mac-roman",
    }
)
"""Text encodings a resource may declare (by any name Python knows them by)."""

_INTEGER = re.compile(r"[+-]?[0-9]+")
_NUMBER = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]{1,3})?")
MAX_NUMBER = 1e15


CHUNK_ROWS = 4096
"""Records the bulk reader turns into columns at a time: the whole file is never held as row lists."""


@dataclass(frozen=True)
class Table:
    """The typed values of one CSV file, column by column, with the line of the file each row starts on.

    Held as columns (one tuple per schema field, equal values shared): a big table costs a pointer
    per cell, not a dict per row. :attr:`rows` gives the same values row by row.
    """

    path: Path
    columns: Mapping[str, tuple[Any, ...]]
    """Each schema field's values, in row order (fields in schema order)."""
    lines: tuple[int, ...]

    @cached_property
    def rows(self) -> tuple[Row, ...]:
        """The rows as dicts of field name to value (made when first asked for; meant for small tables)."""
        names = tuple(self.columns)
        return tuple(dict(zip(names, values, strict=True)) for values in zip(*self.columns.values(), strict=True))


def columns_of(names: Iterable[str], rows: Iterable[Row]) -> dict[str, tuple[Any, ...]]:
    """Rows of dicts as the columns of a :class:`Table` (one tuple per name)."""
    names = tuple(names)
    found = tuple(zip(*(tuple(row[name] for name in names) for row in rows), strict=True))
    return {name: found[number] if found else () for number, name in enumerate(names)}


def read_table(
    path: Path, data: bytes, resource: Mapping[str, Any], *, descriptor: Path, labels: Iterable[str] = ()
) -> Table:
    """Decode, parse and type-check the CSV ``data`` of ``resource`` read from ``path``.

    ``labels`` names fields held to the label length limit (:data:`MAX_LABEL`) rather than
    the text limit. Settings that cannot work (an unknown encoding, a bad dialect) are
    reported against ``descriptor``.
    """
    text = _decode(path, data, resource.get("encoding", "utf-8"), descriptor)
    try:  # valid data (the usual case) is checked column by column, each distinct value once
        fast = _read_in_bulk(path, text, resource, descriptor, labels)
    except DatasetError:
        fast = None
    if fast is not None:
        return fast
    return _read_cell_by_cell(path, text, resource, descriptor, labels)


def _settings(resource: Mapping[str, Any]) -> tuple[dict[str, Any], Any, Any, set[str]]:
    """A resource's dialect, schema, fields and the texts that stand for a missing value."""
    dialect = dict(resource.get("dialect") or {})
    schema = resource["schema"]
    missing_values = set(schema.get("missingValues", [""])) | {""}
    if "nullSequence" in dialect:
        missing_values.add(dialect["nullSequence"])
    return dialect, schema, schema["fields"], missing_values


def _read_cell_by_cell(
    path: Path, text: str, resource: Mapping[str, Any], descriptor: Path, labels: Iterable[str]
) -> Table:
    """The exact reader: row by row, cell by cell, raising at the first thing wrong."""
    dialect, schema, fields, missing_values = _settings(resource)
    reader = _reader(text, dialect, descriptor)
    label_fields = set(labels)
    records = _records(path, reader, dialect.get("commentChar"))
    if dialect.get("header", True):
        first = next(records, None)
        if first is None:
            raise DatasetError(path, "the file is empty (no header row)", row=1)
        header_line, header = first
        header = [h.strip() for h in header]
    else:
        header_line, header = 0, [f["name"] for f in fields]
    columns = _columns(path, header, fields, header_line, case_sensitive=dialect.get("caseSensitiveHeader", False))
    rows: list[Row] = []
    lines: list[int] = []
    for line, values in records:
        if not any(v.strip() for v in values):
            continue
        if len(rows) >= MAX_ROWS:
            raise DatasetError(path, f"more than {MAX_ROWS:,} rows", row=line)
        if len(values) > len(header):
            raise DatasetError(path, f"{len(values)} values but {len(header)} columns", row=line)
        row = {}
        for field in fields:
            index = columns[field["name"]]
            raw = values[index].strip() if index < len(values) else ""
            row[field["name"]] = parse_cell(path, line, field, raw, missing_values, _limit(field, label_fields))
        rows.append(row)
        lines.append(line)
    if not rows:
        raise DatasetError(path, "the table has no rows", row=header_line + 1)
    table = Table(path, columns_of((f["name"] for f in fields), rows), tuple(lines))
    check_unique(table, schema)
    return table


def _read_in_bulk(
    path: Path, text: str, resource: Mapping[str, Any], descriptor: Path, labels: Iterable[str]
) -> Table | None:
    """The same table as :func:`_read_cell_by_cell`, checked column by column, each distinct value once.

    Every cell still goes through :func:`parse_cell` (a value's result depends only on its text),
    so each string still passes ``safe_text``. Returns None, or raises, when anything is off:
    the caller then reads cell by cell, which names the first bad row and column exactly.
    Records are typed :data:`CHUNK_ROWS` at a time: the raw text of the whole file is never held.
    """
    dialect, schema, fields, missing_values = _settings(resource)
    reader = _reader(text, dialect, descriptor)
    comment = dialect.get("commentChar")
    if dialect.get("header", True):
        first = next(_records(path, reader, comment), None)
        if first is None:
            return None
        header_line, header = first[0], [h.strip() for h in first[1]]
    else:
        header_line, header = 0, [f["name"] for f in fields]
    columns = _columns(path, header, fields, header_line, case_sensitive=dialect.get("caseSensitiveHeader", False))
    width = len(header)
    label_fields = set(labels)
    typers = [(columns[f["name"]], _ColumnTyper(path, f, missing_values, _limit(f, label_fields))) for f in fields]
    typed: list[list[Any]] = [[] for _ in fields]
    lines: list[int] = []
    chunk: list[list[str]] = []

    def flush() -> None:
        raw = list(zip(*chunk, strict=True))
        for (index, typer), column in zip(typers, typed, strict=True):
            column.extend(typer.type(raw[index]))
        chunk.clear()

    previous = reader.line_num  # records as :func:`_records` gives them, without a generator per record
    try:
        for values in reader:
            line, previous = previous + 1, reader.line_num
            if not ((values and values[0].strip()) or "".join(values).strip()):
                continue  # a blank row
            if comment and values[0].startswith(comment):
                continue
            if len(values) != width:
                if len(values) > width:
                    return None
                values = values + [""] * (width - len(values))
            if len(lines) >= MAX_ROWS:
                return None
            lines.append(line)
            chunk.append(values)
            if len(chunk) >= CHUNK_ROWS:
                flush()
    except csv.Error:
        return None  # malformed: the exact reader says where
    if not lines:
        return None
    if chunk:
        flush()
    table = Table(path, {f["name"]: tuple(column) for f, column in zip(fields, typed, strict=True)}, tuple(lines))
    check_unique(table, schema)
    return table


def _limit(field: Mapping[str, Any], labels: set[str]) -> int:
    """The length limit of a field's text: :data:`MAX_LABEL` for a label, else :data:`MAX_TEXT`."""
    return MAX_LABEL if field["name"] in labels else MAX_TEXT


@dataclass(frozen=True)
class _ColumnTyper:
    """Types the raw text of one field, a batch at a time, each distinct value of a batch once."""

    path: Path
    field: Mapping[str, Any]
    missing: set[str]
    limit: int

    def type(self, raw: Iterable[str]) -> list[Any]:
        """The typed values of ``raw`` (raises, as :func:`parse_cell` does, at a value it refuses)."""
        cells = [v.strip() for v in raw]
        distinct = dict.fromkeys(cells)
        parsed = _strings(self.field, distinct, self.missing, self.limit)
        if parsed is None:
            parsed = {v: parse_cell(self.path, 0, self.field, v, self.missing, self.limit) for v in distinct}
        return list(map(parsed.__getitem__, cells))


def _strings(field: Mapping[str, Any], distinct: Iterable[str], missing: set[str], limit: int) -> dict[str, Any] | None:
    """The values of a plain text field (no enum, no length constraints) that :func:`parse_cell` would give.

    None when the field is not plain text or when any value would be refused (parse_cell then says why).
    """
    constraints = field.get("constraints", {})
    if field.get("type", "string") not in ("string", None) or set(constraints) - {"required", "unique"}:
        return None
    required = bool(constraints.get("required"))
    parsed: dict[str, Any] = {}
    for raw in distinct:
        if raw in missing:
            if required:
                return None
            parsed[raw] = None
        elif len(raw) > limit:
            return None
        else:
            parsed[raw] = safe_text(raw)
    if required and not all(value.strip() for value in parsed.values()):
        return None
    if any(len(value) > limit for value in parsed.values() if value is not None):
        return None
    return parsed


def parse_cell(path: Path, line: int, field: Mapping[str, Any], text: str, missing: set[str], limit: int) -> Any:
    """One cell typed by its field, or None when missing; raises a DatasetError naming row and column."""
    name = field["name"]
    constraints = field.get("constraints", {})
    if text in missing:
        if constraints.get("required"):
            raise DatasetError(path, "a value is required", row=line, column=name)
        return None
    kind = field.get("type", "string")
    value: Any
    if kind == "integer":
        value = _integer(path, line, name, text)
    elif kind == "number":
        value = _number(path, line, name, text)
    else:
        if len(text) > limit:
            raise DatasetError(path, f"{len(text):,} characters (the limit is {limit:,})", row=line, column=name)
        value = safe_text(text)
        if not value.strip() and constraints.get("required"):
            raise DatasetError(
                path, "a value is required (this one has only invisible characters)", row=line, column=name
            )
        length = len(value)
        if length < constraints.get("minLength", 0) or length > constraints.get("maxLength", limit):
            raise DatasetError(
                path, f"{length} characters: outside the length the schema allows", row=line, column=name
            )
    if "minimum" in constraints and kind != "string" and value < constraints["minimum"]:
        raise DatasetError(path, f"{value} is below the minimum of {constraints['minimum']}", row=line, column=name)
    if "maximum" in constraints and kind != "string" and value > constraints["maximum"]:
        raise DatasetError(path, f"{value} is above the maximum of {constraints['maximum']}", row=line, column=name)
    if "enum" in constraints and value not in constraints["enum"]:
        allowed = ", ".join(str(v) for v in constraints["enum"])
        shown = text if len(text) <= 40 else text[:39] + "…"
        raise DatasetError(path, f"unknown value '{shown}' (expected one of: {allowed})", row=line, column=name)
    return value


def parse_number(text: str) -> float | None:
    """A finite decimal number written with ASCII digits (``1.5``, ``-2``, ``1e3``), else None.

    ``nan``, ``inf``, ``1_6`` and digits of other scripts (``١٦``) are not numbers here.
    """
    text = text.strip()
    if len(text) > MAX_DIGITS or not _NUMBER.fullmatch(text):
        return None
    value = float(text)
    return value if math.isfinite(value) and abs(value) <= MAX_NUMBER else None


def check_unique(table: Table, schema: Mapping[str, Any]) -> None:
    """Refuse a second row with the same primary key, or the same value in a ``unique`` field."""
    keys = schema.get("primaryKey") or []
    keys = [keys] if isinstance(keys, str) else list(keys)
    unique = [f["name"] for f in schema["fields"] if f.get("constraints", {}).get("unique")]
    for columns in ([keys] if keys else []) + [[name] for name in unique]:
        values = list(zip(*(table.columns[c] for c in columns), strict=True))
        if len(set(values)) == len(values):
            continue
        seen: dict[tuple[Any, ...], int] = {}
        for line, key in zip(table.lines, values, strict=True):
            if key in seen:
                what = " / ".join(str(k) for k in key)
                if len(what) > 80:
                    what = what[:79] + "…"
                raise DatasetError(
                    table.path, f"duplicate '{what}' (first on row {seen[key]})", row=line, column=columns[-1]
                )
            seen[key] = line


def _decode(path: Path, data: bytes, encoding: str, descriptor: Path) -> str:
    try:
        name = codecs.lookup(encoding).name
    except (LookupError, ValueError):
        name = ""
    if name not in {codecs.lookup(e).name for e in ENCODINGS}:
        raise DatasetError(descriptor, f"resource encoding '{encoding}' is not supported (use utf-8)")
    if name == "utf-8":
        name = "utf-8-sig"
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        label = "UTF-8" if name == "utf-8-sig" else encoding
        raise DatasetError(path, f"not {label} text (byte {exc.start + 1} cannot be decoded)", row=line) from None


def _reader(text: str, dialect: Mapping[str, Any], descriptor: Path) -> Any:
    escape = dialect.get("escapeChar")
    options = {
        "delimiter": dialect.get("delimiter", ","),
        "quotechar": dialect.get("quoteChar", '"'),
        "doublequote": dialect.get("doubleQuote", escape is None),
        "escapechar": escape,
        "skipinitialspace": dialect.get("skipInitialSpace", False),
        "strict": True,
    }
    if len({options["delimiter"], options["quotechar"], escape} - {None}) < (3 if escape else 2) or any(
        c in ("\r", "\n") for c in (options["delimiter"], options["quotechar"], escape)
    ):
        raise DatasetError(descriptor, "resource dialect: delimiter, quote and escape characters must differ")
    try:
        return csv.reader(io.StringIO(text, newline=""), **options)
    except (TypeError, ValueError, csv.Error) as exc:
        raise DatasetError(descriptor, f"resource dialect cannot be used: {exc}") from None


def _records(path: Path, reader: Any, comment: str | None) -> Iterator[tuple[int, list[str]]]:
    previous = 0
    while True:
        start = previous + 1
        try:
            values = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            if "end of data" in str(exc):
                message = "a quoted value starts here and its closing quote is missing"
            elif "field larger" in str(exc):
                message = f"a value longer than {csv.field_size_limit():,} characters (or a quote that never closes)"
            else:
                message = f"malformed CSV: {exc}"
            raise DatasetError(path, message, row=start) from None
        previous = reader.line_num
        if comment and values and values[0].startswith(comment):
            continue
        yield start, values


def _columns(
    path: Path, header: list[str], fields: list[Mapping[str, Any]], line: int, *, case_sensitive: bool
) -> dict[str, int]:
    if len(header) > MAX_COLUMNS:
        raise DatasetError(path, f"{len(header)} columns (the limit is {MAX_COLUMNS})", row=line or 1)
    fold = (lambda s: s) if case_sensitive else str.casefold
    index: dict[str, int] = {}
    for number, name in enumerate(header):
        if name and fold(name) in index:
            raise DatasetError(path, "this column appears twice in the header", row=line or 1, column=safe_text(name))
        index.setdefault(fold(name), number)
    columns = {}
    for field in fields:
        if fold(field["name"]) not in index:
            raise DatasetError(path, "missing column", row=line or 1, column=field["name"])
        columns[field["name"]] = index[fold(field["name"])]
    return columns


def _integer(path: Path, line: int, name: str, text: str) -> int:
    if not _INTEGER.fullmatch(text):
        shown = text if len(text) <= 40 else text[:39] + "…"
        raise DatasetError(path, f"'{shown}' is not a whole number (digits 0-9 only)", row=line, column=name)
    if len(text) > MAX_DIGITS or abs(value := int(text)) > MAX_COUNT:
        shown = text if len(text) <= 40 else text[:39] + "…"
        raise DatasetError(path, f"{shown} is out of range (the limit is {MAX_COUNT:,})", row=line, column=name)
    return value


def _number(path: Path, line: int, name: str, text: str) -> float:
    value = parse_number(text)
    if value is None:
        shown = text if len(text) <= 40 else text[:39] + "…"
        raise DatasetError(path, f"'{shown}' is not a finite decimal number", row=line, column=name)
    return value
