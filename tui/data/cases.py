"""Per-case rows (one per officer, complaint or allegation): read, filtered and grouped. UI-free.

Columns are pandas categoricals, so a filter looks at each column's distinct values once and
then selects rows by their codes: a million rows filter or group in tens of milliseconds.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
from pandas.api.types import is_numeric_dtype, union_categoricals

from tui.data.errors import DatasetError
from tui.data.limits import MAX_CASE_ROWS, MAX_CASES_BYTES, MAX_COLUMNS, MAX_LABEL
from tui.data.package_files import open_file
from tui.data.safe_text import safe_text
from tui.data.views import TableView


@dataclass(frozen=True)
class Group:
    """One value of a grouped column: how many rows have it, and their share of the rows grouped."""

    value: str
    count: int
    share: float


CHUNK_ROWS = 100_000
"""Rows read at a time from ``cases.csv`` (progress is reported after each chunk)."""


MAX_HEADER_BYTES = 64 * 1024
"""Longest header line of ``cases.csv`` read to find its columns."""


class Cancelled(Exception):
    """Reading the cases was given up (the screen or the app went away)."""


def read_cases(path: Path, progress: Callable[[float], bool] | None = None) -> pd.DataFrame:
    """Read a package's ``cases.csv`` with every column as a categorical (the ``row`` column as integers).

    ``progress`` is called with the share of the file read so far after each chunk; when it
    returns False the read stops with :class:`Cancelled`.

    Raises:
        DatasetError: the file cannot be read.
        Cancelled: ``progress`` asked to stop.
    """
    handle = open_file(path, MAX_CASES_BYTES)  # refused by its size before a byte is read
    try:
        with handle:
            size = max(os.fstat(handle.fileno()).st_size, 1)
            first = handle.readline(MAX_HEADER_BYTES).decode("utf-8-sig", errors="replace")
            header = next(csv.reader(io.StringIO(first)), [])
            if len(header) > MAX_COLUMNS:
                raise DatasetError(path, f"{len(header)} columns: more than {MAX_COLUMNS}", row=1)
            handle.seek(0)
            chunks = []
            read = 0
            reader = pd.read_csv(
                handle,
                dtype=_column_types(header),  # text as written ("007" stays "007"), the source row as a number
                keep_default_na=False,
                na_filter=False,
                encoding="utf-8",
                chunksize=CHUNK_ROWS,
            )
            for chunk in reader:
                read += len(chunk)
                if read > MAX_CASE_ROWS:
                    raise DatasetError(path, f"more than {MAX_CASE_ROWS:,} cases", row=MAX_CASE_ROWS + 2)
                chunks.append(chunk.astype({c: "category" for c in chunk.columns if c != "row"}))
                if progress is not None and not progress(min(handle.tell() / size, 1.0)):
                    raise Cancelled(path)
    except (OSError, ValueError, pd.errors.ParserError) as exc:
        raise DatasetError(path, f"cannot read the cases ({exc.__class__.__name__})") from None
    frame = _concat(chunks) if len(chunks) != 1 else chunks[0]
    return frame


def _column_types(header: list[str]) -> dict[str, str]:
    """Every column as text except ``row`` (the source row number)."""
    return {name: ("Int64" if name == "row" else "str") for name in header}


def _concat(chunks: list[pd.DataFrame]) -> pd.DataFrame:
    """Chunks of categoricals joined into one frame, each column still a categorical."""
    if not chunks:
        return pd.DataFrame()
    columns = {}
    for name in chunks[0].columns:
        parts = [c[name] for c in chunks]
        if isinstance(parts[0].dtype, pd.CategoricalDtype):
            columns[name] = pd.Series(union_categoricals(parts, ignore_order=True))
        else:
            columns[name] = pd.concat(parts, ignore_index=True)
    return pd.DataFrame(columns)


def safe_frame(cases: pd.DataFrame) -> pd.DataFrame:
    """``cases`` with every column name and text value passed through :func:`safe_text`.

    Values are categoricals: each distinct value is made safe once, whatever the number of rows.
    """
    columns = {}
    for name in cases.columns:
        series = cases[name]
        if isinstance(series.dtype, pd.CategoricalDtype) and not is_numeric_dtype(series.cat.categories):
            safe = [safe_text(str(v), limit=MAX_LABEL) for v in series.cat.categories]
            if safe != list(series.cat.categories):
                codes = series.cat.codes.to_numpy()
                series = pd.Series(pd.Categorical(np.asarray(safe, dtype=object)[codes]), name=name)
        elif not is_numeric_dtype(series):
            series = series.map(lambda v: v if not isinstance(v, str) else safe_text(v, limit=MAX_LABEL))
        columns[safe_text(str(name), limit=MAX_LABEL)] = series.reset_index(drop=True)
    return pd.DataFrame(columns)


class CaseTable:
    """The cases of a dataset, with the current filter: rows shown, filtered as you type, grouped by a column."""

    def __init__(self, cases: pd.DataFrame) -> None:
        self.frame = safe_frame(cases)
        self.columns: tuple[str, ...] = tuple(str(c) for c in self.frame.columns)
        self.selected = np.arange(len(cases))
        self.query = ""

    def __len__(self) -> int:
        return len(self.selected)

    @property
    def total(self) -> int:
        """Every case, filtered or not."""
        return len(self.frame)

    def filter(self, text: str, where: dict[str, str] | None = None) -> int:
        """Keep the rows where any column contains ``text`` (any case) and every ``where`` column equals its value.

        Returns the number of rows kept.
        """
        self.query = text
        mask = np.ones(len(self.frame), dtype=bool)
        needle = text.strip().lower()
        if needle:
            mask = np.zeros(len(self.frame), dtype=bool)
            for column in self.frame.columns:
                series = self.frame[column]
                if isinstance(series.dtype, pd.CategoricalDtype):
                    mask |= self._matches(series, lambda value: needle in value.lower())
                elif needle.isdigit():  # a number column (the source row): matched exactly
                    mask |= (series == int(needle)).to_numpy(dtype=bool, na_value=False)
        for column, value in (where or {}).items():
            mask &= self._matches(self.frame[column], value.__eq__)
        self.selected = np.flatnonzero(mask)
        return len(self.selected)

    def group_by(self, column: str) -> tuple[Group, ...]:
        """The values of ``column`` among the rows kept, most frequent first, with counts and shares."""
        series = self.frame[column]
        if not isinstance(series.dtype, pd.CategoricalDtype):
            series = series.astype(str).astype("category")
        codes = series.cat.codes.to_numpy()[self.selected]
        counts = np.bincount(codes[codes >= 0], minlength=len(series.cat.categories))
        kept = len(self.selected) or 1
        order = np.argsort(-counts, kind="stable")
        return tuple(
            Group(str(series.cat.categories[i]), int(counts[i]), counts[i] / kept) for i in order if counts[i] > 0
        )

    def rows(self, start: int, count: int) -> list[tuple[str, ...]]:
        """Up to ``count`` kept rows from position ``start``, as text."""
        picked = self.frame.iloc[self.selected[start : start + count]]
        return [tuple("" if pd.isna(v) else str(v) for v in row) for row in picked.itertuples(index=False)]

    def view(self, selected: np.ndarray, *, key: str, title: str, note: str = "") -> TableView:
        """The rows at ``selected`` (a snapshot of :attr:`selected`), every one, as a table view to export.

        Text as :meth:`rows` gives it; built column by column from the categoricals' codes, so two
        million rows take seconds, not minutes. Slow for many rows: call it from a worker.
        """
        cells: list[list[str]] = []
        for name in self.frame.columns:
            series = self.frame[name]
            if isinstance(series.dtype, pd.CategoricalDtype):
                text = np.asarray([str(v) for v in series.cat.categories] + [""], dtype=object)
                cells.append(text[series.cat.codes.to_numpy()[selected]].tolist())  # code -1 (missing): ""
            else:
                cells.append(["" if pd.isna(v) else str(v) for v in series.to_numpy(dtype=object)[selected]])
        rows = tuple(zip(*cells, strict=True)) if cells else ()
        numeric = frozenset(str(name) for name in self.frame.columns if is_numeric_dtype(self.frame[name]))
        return TableView(key, title, self.columns, rows, numeric, (False,) * len(rows), note)

    @staticmethod
    def _matches(series: pd.Series, test: Callable[[str], bool]) -> np.ndarray:
        if not isinstance(series.dtype, pd.CategoricalDtype):
            series = series.astype(str).astype("category")
        hits = np.array([bool(test(str(v))) for v in series.cat.categories] + [False])
        return hits[series.cat.codes.to_numpy()]
