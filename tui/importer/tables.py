"""Tables of counts as forces send them: (category, count) lists, wide tables by year, cross-tabs.

Each input row after the header is imported or skipped with its reason. "Total" rows and
columns are checked against the cells, never imported as a category; suppressed cells
("<5", "*") stay suppressed and missing ones ("-", "n/a") stay not given: neither is zero.
"""

from __future__ import annotations

from collections import defaultdict

from tui.importer.cells import Cell, norm, read_count, read_period, split_items
from tui.importer.headers import DIMENSION_OF_ROLE, recognise
from tui.importer.reading import Grid
from tui.importer.result import Imported
from tui.importer.shapes import MEASURE_WORDS, Layout, is_total
from tui.importer.vocabulary import Vocabulary

VOCAB_ROLES = ("rank", "finding", "sanction")
OTHER = "category"


def _rows(grid: Grid, layout: Layout) -> list[tuple[int, list[str]]]:
    """(file row number, cells) of every row after the header."""
    head = grid.head(len(grid.cells))
    numbers = grid.rows.tolist()
    width = len(layout.headers)
    return [
        (int(numbers[i]), (row + [""] * width)[:width] if len(row) < width else row)
        for i, row in enumerate(head)
        if i > layout.header_index
    ]


def _route(role: str | None, label: str, vocabulary: Vocabulary) -> tuple[str, str, str]:
    """(dimension, canonical, how) for a row or column label, from its column's role or the vocabularies."""
    if role is not None and role in DIMENSION_OF_ROLE and role != "period":
        target, routed, how = vocabulary.route(role, label)
        return DIMENSION_OF_ROLE[target], routed, how
    if role == "period" or (role is None and read_period(label)):
        return "year", read_period(label) or label, "year"
    for candidate in VOCAB_ROLES:
        canonical = vocabulary.lookup(candidate, label)
        if canonical is not None:
            return candidate, canonical, "vocabulary"
    return OTHER, norm(label), "as given"


def _blank_or_note(cells: list[str]) -> str | None:
    filled = [c for c in cells if c]
    if not filled:
        return "blank row"
    if len(filled) == 1 and (len(filled[0]) > 40 or norm(filled[0]).startswith(("note", "source", "*", "figures"))):
        return "a note, not a figure"
    return None


def _add_cell(result: Imported, dimension: str, category: str, period: str, cell: Cell, note: str = "") -> None:
    tally = result.tally(dimension)
    if cell.kind == "count" and cell.count is not None:
        tally.add(category, period, cell.count, note)
    elif cell.kind == "suppressed":
        tally.add_suppressed(category, period, note)
    else:
        tally.add_not_given(category, period, note)


def _check_sum(label: str, stated: Cell, parts: list[Cell]) -> str:
    """One line saying whether a stated total equals its parts."""
    if stated.kind != "count":
        return f"{label}: no total given"
    if any(p.kind in ("suppressed", "not_given") for p in parts):
        known = sum(p.count or 0 for p in parts)
        what = "suppressed cells" if any(p.kind == "suppressed" for p in parts) else "cells not given"
        return f"{label}: stated {stated.count}, the cells add up to {known} plus {what}: cannot be checked"
    total = sum(p.count or 0 for p in parts)
    verdict = "holds" if total == stated.count else "does not hold"
    return f"{label}: stated {stated.count}, the cells add up to {total}: {verdict}"


def convert_aggregate(grid: Grid, layout: Layout, vocabulary: Vocabulary) -> Imported:
    """(category, count) rows, with an optional year column: one figure per row."""
    result = Imported("aggregate")
    assert layout.label_column is not None and layout.count_column is not None
    label_col, count_col = layout.label_column, layout.count_column
    period_col = next((c for c, r in enumerate(layout.roles) if r == "period" and c != label_col), None)
    if period_col is None and layout.roles[label_col] != "period":
        period_col = next(
            (c for c, p in enumerate(layout.headers) if c not in (label_col, count_col) and read_period(p or "x")), None
        )
    if period_col is not None:
        result.shape = "aggregate by year"
    role = layout.roles[label_col]
    count_header = layout.headers[count_col] or "count"
    for c, header in enumerate(layout.headers):
        if header and c not in (label_col, count_col, period_col) and layout.roles[c] not in ("id", "ignore"):
            result.unrecognised.append(header)
    stated_total: Cell | None = None
    parts: list[Cell] = []
    by_period: dict[str, list[Cell]] = defaultdict(list)
    for number, cells in _rows(grid, layout):
        result.log.read += 1
        if reason := _blank_or_note(cells):
            result.log.skip(number, reason)
            continue
        label, raw = cells[label_col], cells[count_col]
        cell = read_count(raw)
        if cell.kind == "text":
            result.log.skip(number, f"'{raw}' in column '{count_header}' is not a count")
            continue
        if is_total(label):
            stated_total = cell
            result.log.skip(number, "the Total row: checked against the rows above, not imported as a category")
            continue
        if not label:
            result.log.skip(number, f"no label in column '{layout.headers[label_col] or 'first'}'")
            continue
        period = ""
        if period_col is not None:
            period = read_period(cells[period_col]) or cells[period_col]
            if not period:
                result.log.skip(number, f"no year in column '{layout.headers[period_col]}'")
                continue
        dimension, canonical, how = _route(role, label, vocabulary)
        if dimension == "year":
            period = canonical
        result.remember(dimension, label, canonical, how)
        _add_cell(result, dimension, canonical, period, cell, "" if norm(label) == canonical else f"given as '{label}'")
        parts.append(cell)
        if period_col is not None:
            by_period[period].append(cell)
        result.log.imported += 1
    if stated_total is not None:
        result.checks.append(_check_sum("Total row", stated_total, parts))
        if stated_total.kind == "count":
            result.stated_total = stated_total.count
    if by_period:
        _derive_years(result, by_period, "rows")
    return result


def convert_wide(grid: Grid, layout: Layout, vocabulary: Vocabulary) -> Imported:
    """Years as columns: a figure per (row, year); measure and Total rows give the yearly numbers."""
    result = Imported("wide")
    label_col = layout.label_column or 0
    columns = [(c, p) for c, p in enumerate(layout.periods) if p and c != label_col]
    role = layout.roles[label_col]
    for c, header in enumerate(layout.headers):
        if header and c != label_col and c != layout.total_column and not layout.periods[c]:
            result.unrecognised.append(header)
    measure: dict[str, Cell] = {}
    stated: dict[str, Cell] = {}
    by_period: dict[str, list[Cell]] = defaultdict(list)
    row_totals: list[str] = []
    for number, cells in _rows(grid, layout):
        result.log.read += 1
        if reason := _blank_or_note(cells):
            result.log.skip(number, reason)
            continue
        label = cells[label_col]
        values = {p: cells[c] for c, p in columns}
        if is_total(label):
            stated = {p: read_count(v) for p, v in values.items()}
            if layout.total_column is not None and (grand := read_count(cells[layout.total_column])).kind == "count":
                result.stated_total = grand.count
            result.log.skip(number, "the Total row: checked against the rows above, not imported as a category")
            continue
        if norm(label) in MEASURE_WORDS:
            measure = {p: read_count(v) for p, v in values.items()}
            result.log.imported += 1
            continue
        if not label:
            result.log.skip(number, "no label in the first column")
            continue
        row_role = recognise(label) if recognise(label) in DIMENSION_OF_ROLE else role
        row_cells: list[Cell] = []
        for period, raw in values.items():
            cell = read_count(raw)
            if cell.kind == "text":
                for n, item in split_items(raw):
                    dimension, canonical, how = _route(row_role or "outcome", item, vocabulary)
                    result.remember(dimension, item, canonical, how)
                    result.tally(dimension).add(canonical, period, n, "" if n == 1 else f"{n}x in one cell")
                    by_period[period].append(Cell("count", n))
                    row_cells.append(Cell("count", n))
                continue
            dimension, canonical, how = _route(row_role, label, vocabulary)
            result.remember(dimension, label, canonical, how)
            _add_cell(result, dimension, canonical, period, cell)
            by_period[period].append(cell)
            row_cells.append(cell)
        if layout.total_column is not None and cells[layout.total_column]:
            row_totals.append(
                _check_sum(f"Total column, row {number} ({label})", read_count(cells[layout.total_column]), row_cells)
            )
        result.log.imported += 1
    periods = [p for _, p in columns]
    if measure:
        for p in periods:
            _add_cell(result, "year", p, p, measure.get(p, Cell("not_given")), "the number per year the table gives")
        for p in periods:
            if stated and p in stated:
                result.checks.append(_check_sum(f"Total row, {p}", stated[p], by_period.get(p, [])))
    elif stated:
        for p in periods:
            _add_cell(result, "year", p, p, stated.get(p, Cell("not_given")), "the table's Total row")
            result.checks.append(_check_sum(f"Total row, {p}", stated[p], by_period.get(p, [])))
    elif by_period:
        _derive_years(result, by_period, "cells")
    result.checks.extend(row_totals)
    return result


def convert_crosstab(grid: Grid, layout: Layout, vocabulary: Vocabulary) -> Imported:
    """One category down and another across (e.g. rank by outcome): each margin becomes a dimension.

    The margins are the table's own Total row and column when it has them (checked against
    the cells), else the sums of the cells, marked as worked out on import.
    """
    result = Imported("cross-tab")
    label_col = layout.label_column or 0
    role = layout.roles[label_col]
    columns = [
        (c, h)
        for c, h in enumerate(layout.headers)
        if c not in (label_col, layout.total_column) and h and layout.roles[c] not in ("id", "ignore")
    ]
    across = {c: _route(None, h, vocabulary) for c, h in columns}
    col_cells: dict[int, list[Cell]] = defaultdict(list)
    stated_row: dict[int, Cell] = {}
    for number, cells in _rows(grid, layout):
        result.log.read += 1
        if reason := _blank_or_note(cells):
            result.log.skip(number, reason)
            continue
        label = cells[label_col]
        if is_total(label):
            stated_row = {c: read_count(cells[c]) for c, _ in columns}
            if layout.total_column is not None and (grand := read_count(cells[layout.total_column])).kind == "count":
                result.stated_total = grand.count
            result.log.skip(number, "the Total row: checked against the rows above, not imported as a category")
            continue
        row_cells = [read_count(cells[c]) for c, _ in columns]
        bad = next(
            ((c, cells[c]) for (c, _), cell in zip(columns, row_cells, strict=True) if cell.kind == "text"), None
        )
        if bad:
            result.log.skip(number, f"'{bad[1]}' in column '{layout.headers[bad[0]]}' is not a count")
            continue
        dimension, canonical, how = _route(role, label, vocabulary)
        result.remember(dimension, label, canonical, how)
        if layout.total_column is not None:
            total_cell = read_count(cells[layout.total_column])
            result.checks.append(_check_sum(f"Total column, {label}", total_cell, row_cells))
            _add_cell(result, dimension, canonical, "", total_cell, "the table's Total column")
        else:
            _add_sum(result, dimension, canonical, "", row_cells, "sum of the row, worked out on import")
        for (c, _), cell in zip(columns, row_cells, strict=True):
            col_cells[c].append(cell)
        result.log.imported += 1
    for c, header in columns:
        dimension, canonical, how = across[c]
        result.remember(dimension, header, canonical, how)
        if stated_row:
            result.checks.append(_check_sum(f"Total row, {header}", stated_row[c], col_cells[c]))
            _add_cell(result, dimension, canonical, "", stated_row[c], "the table's Total row")
        else:
            _add_sum(result, dimension, canonical, "", col_cells[c], "sum of the column, worked out on import")
    return result


def _add_sum(result: Imported, dimension: str, category: str, period: str, cells: list[Cell], note: str) -> None:
    known = sum(c.count or 0 for c in cells if c.kind == "count")
    tally = result.tally(dimension)
    if any(c.kind == "suppressed" for c in cells):
        tally.add_suppressed(category, period, f"{note}; includes suppressed cells, at least {known}")
    elif not any(c.kind == "count" for c in cells):
        tally.add_not_given(category, period, note)
    else:
        tally.add(category, period, known, note)


def _derive_years(result: Imported, by_period: dict[str, list[Cell]], what: str) -> None:
    """Yearly numbers as sums of the year's cells, when the table states none (marked as worked out)."""
    if "year" in result.tallies:
        return
    for period in sorted(by_period, key=lambda p: p):
        _add_sum(result, "year", period, period, by_period[period], f"sum of the year's {what}, worked out on import")
    result.notes.append(f"the table gives no number per year: the yearly figures are sums of its {what}")
