"""Reading a spreadsheet as it arrives into a grid of text cells (no header assumed).

CSV in UTF-8 (with or without a byte-order mark), cp1252 or Latin-1, separated by commas,
semicolons, tabs or bars; XLSX through openpyxl, with merged cells filled from their top-left
cell; ODS through pandas and odfpy. Files above :data:`MAX_FILE_BYTES` are refused before a
byte is read. Every failure is an :class:`ImportFileError` naming the file.
"""

from __future__ import annotations

import csv
import io
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from tui.data.limits import MAX_CASE_ROWS, MAX_SPREADSHEET_BYTES
from tui.importer.cells import clean
from tui.importer.errors import ImportFileError

MAX_FILE_BYTES = MAX_SPREADSHEET_BYTES
"""Largest spreadsheet accepted (a million-case CSV is about 45 MB)."""

MAX_UNZIPPED_BYTES = 1024 * 1024 * 1024
"""Largest uncompressed content of an XLSX or ODS file (they are zip archives)."""

DELIMITERS = (",", ";", "\t", "|")
SAMPLE_BYTES = 64 * 1024
HEAD_ROWS = 60
_BAD_LINE = re.compile(r"Skipping line (\d+): (.*)")


@dataclass
class Grid:
    """A sheet's cells as text, rows as read (row 1 is the file's first row), nothing interpreted yet.

    ``cells`` has one column per sheet column (0, 1, ...) holding strings; ``rows`` gives each
    grid row's number in the file; ``bad_rows`` are rows the reader could not split into cells,
    with the reason.
    """

    path: Path
    kind: str
    cells: pd.DataFrame
    rows: pd.Series
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    sheets: tuple[str, ...] = ()
    bad_rows: list[tuple[int, str]] = field(default_factory=list)

    def head(self, count: int = HEAD_ROWS) -> list[list[str]]:
        """The first ``count`` rows as lists of text."""
        return [[clean(v) for v in row] for row in self.cells.head(count).itertuples(index=False)]

    def describe(self) -> str:
        """How the file was read, e.g. 'CSV, cp1252, ";"-separated' or 'XLSX, sheet "2021"'."""
        if self.kind == "csv":
            name = {"\t": "tab", ",": "comma", ";": "semicolon", "|": "bar"}[self.delimiter]
            return f"CSV, {self.encoding}, {name}-separated"
        sheet = f', sheet "{self.sheet}"' if self.sheet else ""
        more = f" (of {len(self.sheets)}: {', '.join(self.sheets)})" if len(self.sheets) > 1 else ""
        return f"{self.kind.upper()}{sheet}{more}"


def read_grid(path: Path, sheet: str | None = None) -> Grid:
    """Read ``path`` into a :class:`Grid`.

    Raises:
        ImportFileError: missing, too large, binary, empty, truncated or unreadable.
    """
    path = Path(path)
    check_file(path)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        grid = _read_xlsx(path, sheet)
    elif suffix == ".ods":
        grid = _read_ods(path, sheet)
    else:
        if sheet:
            raise ImportFileError(path, "--sheet is for XLSX and ODS workbooks; a CSV file has one table")
        grid = _read_csv(path)
    if len(grid.cells) > MAX_CASE_ROWS + HEAD_ROWS:
        raise ImportFileError(
            path, f"{len(grid.cells):,} rows: more than the {MAX_CASE_ROWS:,} rows a spreadsheet may have", row=1
        )
    if grid.cells.empty or not any(any(row) for row in grid.head(len(grid.cells) if len(grid.cells) < 1000 else 1000)):
        raise ImportFileError(path, "the file is empty (no cells with anything in them)", row=1)
    return grid


def check_file(path: Path) -> None:
    """Refuse a missing, special, empty or too large file before a byte is read.

    Raises:
        ImportFileError: naming the file and what is wrong.
    """
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ImportFileError(path, "no such file") from None
    except OSError as exc:
        raise ImportFileError(path, f"cannot read the file ({exc.__class__.__name__})") from None
    if not path.is_file():
        raise ImportFileError(path, "not a regular file")
    if info.st_size > MAX_FILE_BYTES:
        limit = MAX_FILE_BYTES // (1024 * 1024)
        raise ImportFileError(path, f"the file is {info.st_size / 2**20:,.0f} MiB; files above {limit} MiB are refused")
    if info.st_size == 0:
        raise ImportFileError(path, "the file is empty (0 bytes)", row=1)


# --- CSV -----------------------------------------------------------------------------------------


def _read_csv(path: Path) -> Grid:
    with path.open("rb") as handle:
        sample = handle.read(SAMPLE_BYTES)
    if b"\x00" in sample:
        raise ImportFileError(path, "a binary file, not CSV text (it holds NUL bytes)", row=1)
    if sample.startswith(b"PK\x03\x04"):
        raise ImportFileError(
            path, "a zip archive (an XLSX or ODS workbook?), not CSV text: rename it to .xlsx or .ods"
        )
    encoding = _encoding(sample)
    text = sample.decode(encoding, errors="replace")
    if len(sample) == SAMPLE_BYTES:
        text = text.rsplit("\n", 1)[0]
    delimiter, width = _delimiter(text)
    for attempt in (encoding, "cp1252", "latin-1"):
        try:
            return _read_csv_as(path, attempt, delimiter, width)
        except UnicodeDecodeError:
            continue
    raise ImportFileError(path, "not text in UTF-8, cp1252 or Latin-1")  # pragma: no cover - latin-1 reads anything


def _encoding(sample: bytes) -> str:
    if sample.startswith(b"\xef\xbb\xbf"):
        return "utf-8-sig"
    if sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return "utf-16"
    try:
        sample.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(sample) - 4:  # not just a character cut by the end of the sample
            try:
                sample.decode("cp1252")
                return "cp1252"
            except UnicodeDecodeError:
                return "latin-1"
    return "utf-8"


def _delimiter(text: str) -> tuple[str, int]:
    """The separator giving the most columns consistently over the first lines, and the widest row."""
    lines = [line for line in text.splitlines()[:HEAD_ROWS] if line.strip()]
    best, best_width, best_score = ",", 1, -1
    for delimiter in DELIMITERS:
        try:
            widths = [len(row) for row in csv.reader(io.StringIO("\n".join(lines)), delimiter=delimiter)]
        except csv.Error:
            continue
        if not widths:
            continue
        common = max(set(widths), key=lambda w: (widths.count(w), w))
        score = common * widths.count(common) if common > 1 else 0
        if score > best_score:
            best, best_width, best_score = delimiter, max(widths), score
    return best, max(best_width, 1)


def _read_csv_as(path: Path, encoding: str, delimiter: str, width: int) -> Grid:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            options: dict[str, Any] = {
                "header": None,
                "names": range(width),
                "sep": delimiter,
                "encoding": encoding,
                "keep_default_na": False,
                "na_filter": False,
                "skip_blank_lines": False,
                "on_bad_lines": "warn",
                "engine": "c",
            }
            cells = pd.read_csv(path, dtype="category", **options)
            # pandas turns a column of numbers only into numeric categories: read those again as
            # text, so "007" stays "007" and "12.50" stays "12.50".
            numeric = [c for c in cells.columns if not _text_categories(cells[c])]
            if numeric:
                again = pd.read_csv(path, dtype=str, usecols=numeric, **options)
                for c in numeric:
                    cells[c] = again[c].astype("category")
        except UnicodeDecodeError:
            raise
        except pd.errors.EmptyDataError:
            raise ImportFileError(path, "the file is empty (no rows)", row=1) from None
        except (pd.errors.ParserError, ValueError, csv.Error) as exc:
            raise ImportFileError(path, f"not readable as CSV: {str(exc).strip().splitlines()[0]}") from None
        except OSError as exc:
            raise ImportFileError(path, f"cannot read the file ({exc.__class__.__name__})") from None
    bad: list[tuple[int, str]] = []
    for warning in caught:
        for line in str(warning.message).splitlines():
            if m := _BAD_LINE.search(line):
                bad.append((int(m.group(1)), f"cannot be split into the table's columns ({m.group(2)})"))
    rows = _row_numbers(len(cells), [b for b, _ in bad])
    return Grid(path, "csv", cells, rows, encoding=encoding, delimiter=delimiter, bad_rows=bad)


def _text_categories(column: pd.Series) -> bool:
    categories = column.cat.categories
    return len(categories) == 0 or categories.dtype == object or pd.api.types.is_string_dtype(categories.dtype)


def _row_numbers(count: int, skipped: list[int]) -> pd.Series:
    """File row numbers of the rows read, given the rows the reader dropped."""
    numbers = np.arange(1, count + len(skipped) + 1)
    if skipped:
        numbers = np.setdiff1d(numbers, np.array(skipped))
    return pd.Series(numbers[:count], dtype="int64")


# --- workbooks -----------------------------------------------------------------------------------


def _check_zip(path: Path, kind: str) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            total = sum(info.file_size for info in archive.infolist())
            broken = archive.testzip()
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise ImportFileError(path, f"not a readable {kind} workbook (truncated or not a zip archive: {exc})") from None
    if broken is not None:
        raise ImportFileError(path, f"not a readable {kind} workbook (its part '{broken}' is damaged)")
    if total > MAX_UNZIPPED_BYTES:
        raise ImportFileError(path, f"the {kind} workbook unpacks to {total / 2**20:,.0f} MiB, above the limit")


def _pick_sheet(path: Path, names: list[str], wanted: str | None) -> str:
    if wanted is None:
        return names[0]
    for name in names:
        if name == wanted or name.strip().lower() == wanted.strip().lower():
            return name
    raise ImportFileError(path, f"no sheet named '{wanted}' (sheets: {', '.join(names)})")


def _read_xlsx(path: Path, sheet: str | None) -> Grid:
    _check_zip(path, "XLSX")
    import openpyxl  # type: ignore[import-untyped]

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = openpyxl.load_workbook(path, data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken files
        raise ImportFileError(path, f"not a readable XLSX workbook ({exc.__class__.__name__})") from None
    names = book.sheetnames
    name = _pick_sheet(path, names, sheet)
    sheet_obj = book[name]
    values = [list(row) for row in sheet_obj.iter_rows(values_only=True)]
    for merged in list(sheet_obj.merged_cells.ranges):
        top = values[merged.min_row - 1][merged.min_col - 1] if merged.min_row - 1 < len(values) else None
        for r in range(merged.min_row - 1, min(merged.max_row, len(values))):
            for c in range(merged.min_col - 1, min(merged.max_col, len(values[r]))):
                values[r][c] = top
    cells = pd.DataFrame([[clean(v) for v in row] for row in values])
    cells.columns = pd.RangeIndex(cells.shape[1])
    return Grid(path, "xlsx", cells, _row_numbers(len(cells), []), sheet=name, sheets=tuple(names))


def _read_ods(path: Path, sheet: str | None) -> Grid:
    _check_zip(path, "ODS")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            book = pd.ExcelFile(path, engine="odf")
            names = [str(n) for n in book.sheet_names]
            name = _pick_sheet(path, names, sheet)
            frame = book.parse(name, header=None, dtype=object)
    except ImportFileError:
        raise
    except Exception as exc:  # odfpy raises many types for broken files
        raise ImportFileError(path, f"not a readable ODS workbook ({exc.__class__.__name__})") from None
    cells = frame.map(clean)
    cells.columns = pd.RangeIndex(cells.shape[1])
    _fill_ods_merges(path, name, cells)
    return Grid(path, "ods", cells, _row_numbers(len(cells), []), sheet=name, sheets=tuple(names))


def _fill_ods_merges(path: Path, sheet: str, cells: pd.DataFrame) -> None:
    """Copy each merged ODS cell's value into the cells it covers (pandas leaves them blank)."""
    from odf.namespaces import TABLENS  # type: ignore[import-untyped]
    from odf.opendocument import load  # type: ignore[import-untyped]
    from odf.table import Table, TableRow  # type: ignore[import-untyped]

    document = load(str(path))
    table = next((t for t in document.spreadsheet.getElementsByType(Table) if t.getAttribute("name") == sheet), None)
    if table is None:
        return
    row_index = 0
    for row in table.getElementsByType(TableRow):
        col_index = 0
        for cell in row.childNodes:
            if not hasattr(cell, "qname"):
                continue
            repeat = int(cell.attributes.get((TABLENS, "number-columns-repeated"), 1))
            rows_spanned = int(cell.attributes.get((TABLENS, "number-rows-spanned"), 1))
            cols_spanned = int(cell.attributes.get((TABLENS, "number-columns-spanned"), 1))
            if (rows_spanned > 1 or cols_spanned > 1) and row_index < len(cells) and col_index < cells.shape[1]:
                value: Any = cells.iat[row_index, col_index]
                for r in range(row_index, min(row_index + rows_spanned, len(cells))):
                    for c in range(col_index, min(col_index + cols_spanned, cells.shape[1])):
                        cells.iat[r, c] = value
            col_index += repeat
        row_index += int(row.attributes.get((TABLENS, "number-rows-repeated"), 1))
        if row_index > len(cells):
            break
