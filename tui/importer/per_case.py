"""Per-case tables (one row per officer, complaint or allegation): rows kept, counts derived.

Vectorised with pandas categoricals, so a million rows take well under a second: each
distinct value of a column is read once (vocabulary, several items, years), then counted
with the column's value counts.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from tui.importer.cells import clean, norm, read_count, read_period, split_items
from tui.importer.headers import DIMENSION_OF_ROLE
from tui.importer.reading import Grid
from tui.importer.result import Imported
from tui.importer.shapes import Layout, is_total
from tui.importer.vocabulary import Vocabulary

NOT_STATED = "not stated"
MAX_CASE_COLUMNS = 64
"""Most columns kept in cases.csv (the source row, the counted columns read, then the columns as given)."""
WITHHELD = "withheld"
NOTE_PREFIXES = ("note", "source", "*", "figures", "data ", "please", "n.b", "nb ")


def convert(grid: Grid, layout: Layout, vocabulary: Vocabulary) -> Imported:
    """Count every recognised column of a per-case table; keep the rows as ``cases``."""
    result = Imported("per-case")
    start = layout.header_index + 1
    body = grid.cells.iloc[start:].reset_index(drop=True)
    rows = grid.rows.iloc[start:].reset_index(drop=True)
    columns: list[int] = [int(c) for c in body.columns]
    for c in columns:
        if not isinstance(body[c].dtype, pd.CategoricalDtype):
            body[c] = body[c].astype(str).astype("category")
    keep = _account(body, rows, layout, result)
    header_row = int(grid.rows.iloc[layout.header_index])
    for number, reason in grid.bad_rows:
        if number > header_row:
            result.log.read += 1
            result.log.skip(number, reason)
    result.log.skipped.sort(key=lambda s: s.row)
    width = max((i + 1 for i, h in enumerate(layout.headers) if h), default=len(columns))
    cases = body.loc[keep.to_numpy(), columns[:width]].reset_index(drop=True)
    case_rows = rows[keep.to_numpy()].reset_index(drop=True)
    result.log.imported = len(cases)
    counted: list[tuple[int, str]] = []
    for c, role in enumerate(layout.roles):
        if c >= len(columns):
            break
        name = layout.headers[c]
        if role is not None and role in DIMENSION_OF_ROLE:
            counted.append((c, role))
        elif role is None and name:
            result.unrecognised.append(name)
        elif role == "count":
            result.notes.append(f"column '{name}' looks like a count, but the table has one row per case: not summed")
    if not counted:
        raise_no_columns(grid, layout)
    result.cases = _cases_frame(cases, case_rows, layout, counted, vocabulary, result)
    return result


def raise_no_columns(grid: Grid, layout: Layout) -> None:
    """No column could be counted: say which headers were seen and how to map them."""
    from tui.importer.errors import ImportFileError

    seen = ", ".join(f"'{h}'" for h in layout.headers if h) or "none"
    raise ImportFileError(
        grid.path,
        f"no column recognised (headers: {seen}); name one with --map HEADER=ROLE, e.g. --map 'Rank=rank'",
        row=int(grid.rows.iloc[layout.header_index]),
    )


def _account(body: pd.DataFrame, rows: pd.Series, layout: Layout, result: Imported) -> pd.Series:
    """Mark the rows to import; log every other row with its reason. Returns the keep mask."""
    result.log.read += len(body)
    if body.empty:
        return pd.Series([], dtype=bool)
    filled = np.column_stack([(body[c] != "").to_numpy() for c in body.columns])
    nonempty = filled.sum(axis=1)
    first = filled.argmax(axis=1)
    flags_total = np.column_stack([_category_flags(body[c], is_total) for c in body.columns])
    flags_note = np.column_stack([_category_flags(body[c], _is_note) for c in body.columns])
    picked = np.arange(len(body))
    total_line = flags_total[picked, first] & (nonempty > 0)
    note_line = flags_note[picked, first] & (nonempty == 1)
    header = list(layout.headers)
    repeated = np.ones(len(body), dtype=bool)
    for c in range(body.shape[1]):
        repeated &= (body[c] == (header[c] if c < len(header) else "")).to_numpy(dtype=bool)
    blank = nonempty == 0
    width = max((i + 1 for i, h in enumerate(header) if h), default=len(header))
    overflow = filled[:, width:].any(axis=1) if filled.shape[1] > width else np.zeros(len(body), dtype=bool)
    reasons = (
        (blank, "blank row"),
        (overflow, f"cannot be split into the table's columns (more cells than the header's {width})"),
        (repeated & ~blank, "the header row repeated"),
        (total_line & ~repeated, "a total line, not a case (totals are worked out from the cases)"),
        (note_line & ~total_line & ~repeated, "a note, not a case"),
    )
    keep = np.ones(len(body), dtype=bool)
    for mask, reason in reasons:
        mask = mask & keep
        for number in rows[mask].tolist():
            result.log.skip(int(number), reason)
        keep &= ~mask
    return pd.Series(keep)


def _category_flags(column: pd.Series, test: Callable[[str], bool]) -> np.ndarray:
    cats = column.cat.categories
    flags = np.array([bool(test(clean(v))) for v in cats] + [False])
    return flags[column.cat.codes.to_numpy()]


def _is_note(text: str) -> bool:
    key = norm(text)
    return len(key) > 40 or key.startswith(NOTE_PREFIXES)


def _cases_frame(
    cases: pd.DataFrame,
    case_rows: pd.Series,
    layout: Layout,
    counted: list[tuple[int, str]],
    vocabulary: Vocabulary,
    result: Imported,
) -> pd.DataFrame:
    """Tally each counted column into figures; return the cases with canonical and original columns."""
    out: dict[str, pd.Series] = {"row": case_rows.astype("int64")}
    total = len(cases)
    for c, role in counted:
        column = _compact(cases[c])
        frequencies = column.value_counts(sort=False)
        canonical_of: dict[str, str] = {}
        multi = False
        routed: set[str] = set()
        for original, frequency in sorted(frequencies.items(), key=lambda kv: _order(role, clean(kv[0]), vocabulary)):
            text = clean(original)
            items = _items(role, text, vocabulary)
            if len(items) > 1 or any(n > 1 for n, _, _, _ in items):
                multi = True
            labels = []
            for n, dimension, canonical, how in items:
                routed.add(dimension)
                period = canonical if dimension == "year" else ""
                result.tally(dimension).add(canonical, period, n * int(frequency))
                result.remember(dimension, text, canonical, how)
                labels.append(canonical if n == 1 else f"{n}× {canonical}")
            canonical_of[str(original)] = "; ".join(labels)
        home = DIMENSION_OF_ROLE[role]
        name = _unique(home, out)
        out[name] = _recode(column, canonical_of)
        for dimension in routed:
            info = result.dimension_info.setdefault(dimension, {"columns": [], "multi": False, "routed": False})
            info["columns"].append(layout.headers[c])
            info["multi"] = info["multi"] or multi
            info["routed"] = info["routed"] or len(routed) > 1
    counted_columns = {c for c, _ in counted}
    for c in range(cases.shape[1]):
        title = layout.headers[c] if c < len(layout.headers) and layout.headers[c] else f"column {c + 1}"
        if c in counted_columns:
            title = f"{title} (as given)"
        out[_unique(title, out)] = _compact(cases[c])
    if len(out) > MAX_CASE_COLUMNS:
        dropped = list(out)[MAX_CASE_COLUMNS:]
        out = dict(list(out.items())[:MAX_CASE_COLUMNS])
        result.notes.append(f"{len(dropped)} more columns not kept in cases.csv: " + ", ".join(dropped))
    result.stated_total = None
    result.notes.append(f"{total} cases counted; every figure is worked out from the rows kept in cases.csv")
    return pd.DataFrame(out)


def _items(role: str, text: str, vocabulary: Vocabulary) -> list[tuple[int, str, str, str]]:
    """(count, dimension, canonical, how) for each item of one distinct cell value."""
    home = DIMENSION_OF_ROLE[role]
    cell = read_count(text)
    if cell.kind == "not_given":
        return [(1, home, NOT_STATED, "missing")]
    if cell.kind == "suppressed" and not text[:1].isdigit():
        return [(1, home, WITHHELD, "suppressed")]
    if role == "period":
        period = read_period(text)
        return [(1, "year", period or text, "year" if period else "as given")]
    items = split_items(text) if role not in ("force", "platform", "allegation") else [(1, text)]
    out = []
    for n, label in items:
        target, canonical, how = vocabulary.route(role, label)
        out.append((n, DIMENSION_OF_ROLE[target], canonical, how))
    return out


def _order(role: str, text: str, vocabulary: Vocabulary) -> tuple[int, int, str]:
    """Sort key of a distinct value: vocabulary order (ranks by seniority), other values, then missing ones."""
    kind = read_count(text).kind
    if kind == "not_given":
        return (3, 0, "")
    if kind == "suppressed" and not text[:1].isdigit():
        return (2, 0, "")
    if role == "period":
        return (0, 0, read_period(text) or text)
    items = split_items(text)
    position = vocabulary.position(role, items[0][1]) if items else None
    return (0, position, "") if position is not None else (1, 0, text.lower())


def _compact(column: pd.Series) -> pd.Series:
    """The column without categories no row uses (in linear time, unlike pandas' sort-based way)."""
    codes = column.cat.codes.to_numpy()
    categories = column.cat.categories
    used = np.bincount(codes[codes >= 0], minlength=len(categories)) > 0
    if used.all():
        return column.reset_index(drop=True)
    lookup = np.full(len(categories) + 1, -1, dtype=np.int32)
    lookup[np.flatnonzero(used)] = np.arange(int(used.sum()), dtype=np.int32)
    return pd.Series(pd.Categorical.from_codes(lookup[codes], categories=categories[used]))


def _recode(column: pd.Series, mapping: dict[str, str]) -> pd.Series:
    """A categorical column with each category replaced by its canonical text (codes kept)."""
    new = sorted(set(mapping.values()))
    position = {value: i for i, value in enumerate(new)}
    lookup = np.array([position[mapping[str(c)]] for c in column.cat.categories] + [-1], dtype=np.int32)
    codes = lookup[column.cat.codes.to_numpy()]
    return pd.Series(pd.Categorical.from_codes(codes, categories=pd.Index(new)))


def _unique(name: str, taken: dict[str, pd.Series]) -> str:
    if name not in taken:
        return name
    number = 2
    while f"{name} ({number})" in taken:
        number += 1
    return f"{name} ({number})"
