"""Finding the header row and telling which of the shapes FoI tables come in a sheet is.

Shapes:
- ``per-case``: one row per officer, complaint or allegation (Year, Rank, Outcome, ...);
- ``aggregate``: (category, count) rows, perhaps with a year column (a long cross-tab);
- ``wide``: years as columns (a "Total" row or column checked, not imported as a category);
- ``cross-tab``: one category down, another across (ranks by outcome), counts in the cells.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from tui.importer.cells import is_countish, norm, read_count, read_period
from tui.importer.headers import recognise, score
from tui.importer.vocabulary import Vocabulary

TOTAL_WORDS = frozenset({"total", "totals", "grand total", "overall total", "sum", "all"})
MEASURE_WORDS = frozenset(
    {
        "no of officers", "number of officers", "officers", "no. of officers", "officers investigated",
        "total officers", "number of complaints", "complaints", "no of complaints", "cases", "number of cases",
        "no of cases", "allegations", "number of allegations", "investigations", "number of investigations",
        "count", "number",
    }
)  # fmt: skip
"""Row labels of a wide table that give the number per period (not a category)."""


def is_total(text: str) -> bool:
    """True for a 'Total' label (a row or column to check, not to import)."""
    return norm(text) in TOTAL_WORDS


@dataclass(frozen=True)
class Layout:
    """The header row (index in the grid) and what each column is."""

    shape: str
    header_index: int
    headers: tuple[str, ...]
    roles: tuple[str | None, ...]
    periods: tuple[str | None, ...]
    label_column: int | None = None
    count_column: int | None = None
    total_column: int | None = None


def find_header(head: list[list[str]], overrides: Mapping[str, str]) -> int:
    """The index of the header row among the first rows: the one naming most recognised columns.

    A row naming two or more years as columns counts those too (a wide table's header).
    Failing any, the first row with two or more cells filled.
    """
    best, best_score = -1, 0
    for index, row in enumerate(head):
        cells = [c for c in row if c]
        if len(cells) < 2:
            continue
        years = sum(1 for c in row[1:] if read_period(c)) if not read_period(row[0] or "x") else 0
        mapped = sum(1 for c in row if c and overrides and recognise(c, overrides) and norm(c) in _keys(overrides))
        points = score(row) + mapped + (years if years >= 2 else 0)
        if points > best_score:
            best, best_score = index, points
    if best >= 0:
        return best
    for index, row in enumerate(head):
        if sum(1 for c in row if c) >= 2:
            return index
    return next((i for i, row in enumerate(head) if any(row)), 0)


def _keys(overrides: Mapping[str, str]) -> set[str]:
    return {norm(k) for k in overrides}


def detect(head: list[list[str]], overrides: Mapping[str, str], vocabulary: Vocabulary) -> Layout:
    """Work out the layout of a sheet from its first rows."""
    index = find_header(head, overrides)
    width = max((len(r) for r in head), default=0)
    header = [(head[index][c] if c < len(head[index]) else "") for c in range(width)]
    body = [r for r in head[index + 1 :] if any(r)]
    roles = tuple(recognise(h, overrides) for h in header)
    periods = tuple(read_period(h) if h and roles[c] is None else None for c, h in enumerate(header))
    totals = [c for c, h in enumerate(header) if is_total(h) and norm(h) not in _keys(overrides)]
    total_column = totals[0] if totals else None
    period_columns = [c for c, p in enumerate(periods) if p]
    if len(period_columns) >= 2:
        label = next((c for c in range(width) if c not in period_columns and c != total_column and header[c] != "_"), 0)
        return Layout("wide", index, tuple(header), roles, periods, label_column=label, total_column=total_column)
    filled = [c for c in range(width) if header[c] or any(c < len(r) and r[c] for r in body)]
    countish = [c for c in filled if roles[c] not in ("period", "id", "ignore") and _count_column(body, c)]
    explicit = [c for c in filled if roles[c] == "count"]
    labels = [c for c in filled if c not in countish and c not in explicit and roles[c] not in ("id", "ignore")]
    labels.sort(key=lambda c: roles[c] == "period")  # a year column is a label only when nothing else is
    crossed = [c for c in countish if c != total_column and _vocab_role(header[c], vocabulary) is not None]
    if len(crossed) >= 2 and labels:
        return Layout(
            "cross-tab", index, tuple(header), roles, periods, label_column=labels[0], total_column=total_column
        )
    count_columns = explicit or countish
    count_column = count_columns[0] if count_columns else None
    if count_column is not None and labels and _labels_unique(body, labels):
        return Layout(
            "aggregate", index, tuple(header), roles, periods, label_column=labels[0], count_column=count_column
        )
    return Layout("per-case", index, tuple(header), roles, periods)


def _count_column(body: list[list[str]], column: int) -> bool:
    values = [r[column] for r in body if column < len(r) and r[column]]
    if not values:
        return False
    counts = [v for v in values if read_count(v).kind == "count"]
    return bool(counts) and sum(1 for v in values if is_countish(v)) >= 0.9 * len(values)


def _labels_unique(body: list[list[str]], labels: list[int]) -> bool:
    keys = [tuple(r[c] if c < len(r) else "" for c in labels) for r in body]
    keys = [k for k in keys if any(k)]
    return len(set(keys)) >= 0.9 * len(keys)


def _vocab_role(text: str, vocabulary: Vocabulary) -> str | None:
    for role in ("rank", "finding", "sanction"):
        if vocabulary.lookup(role, text) is not None:
            return role
    return None
