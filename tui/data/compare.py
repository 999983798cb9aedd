"""Two datasets side by side: where they agree, where they differ, and where they cannot be compared.

Dimensions are matched by their role (sanction with sanction, rank with rank), and
categories by name or through the equivalences file (``data/equivalences.csv``: e.g.
sacked ↔ dismissal), always with the mapping shown. Figures are never added across
datasets. Counts are judged only when both are exact, of the same unit and for the
same period; otherwise the comparison says why not, and where units differ it shows
each value's share within its own dataset instead.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from tui.data.errors import DatasetError
from tui.data.locate import datasets_root
from tui.data.quantity import Quantity

if TYPE_CHECKING:
    from tui.data.catalog import DatasetEntry
    from tui.data.service import DataService

EQUIVALENCES_FILE = "equivalences.csv"

Status = Literal["agree", "disagree", "different periods", "different units", "cannot tell", "only in A", "only in B"]
Match = Literal["same name", "same", "close"]


@dataclass(frozen=True)
class Equivalence:
    """Two category names that mean the same thing (``same``) or nearly (``close``)."""

    left: str
    right: str
    match: str
    note: str


@dataclass(frozen=True)
class Side:
    """One dataset's figure in a comparison row."""

    dimension: str
    category: str
    value: Quantity
    share: float | None
    """The figure's share of the dimension's listed figures (only when they are exact counts of one unit)."""


@dataclass(frozen=True)
class CompareRow:
    """One thing both datasets (or only one) give a figure for."""

    label: str
    mapping: str
    """'same name', or how the two categories were matched, e.g. 'sacked ↔ dismissal (same)'."""
    left: Side | None
    right: Side | None
    status: Status
    note: str = ""


@dataclass(frozen=True)
class CompareSection:
    """The figures of one shared role (e.g. sanctions) from both datasets."""

    role: str
    title: str
    left_dimension: str
    right_dimension: str
    same_unit: bool
    unit_note: str
    rows: tuple[CompareRow, ...]


@dataclass(frozen=True)
class Comparison:
    """Everything ``compare A B`` says, as plain data."""

    left: DatasetEntry
    right: DatasetEntry
    period: str
    same_period: bool
    unit: str
    same_unit: bool
    sections: tuple[CompareSection, ...]
    only_left: tuple[str, ...]
    only_right: tuple[str, ...]
    equivalences_used: tuple[Equivalence, ...]

    @property
    def disagreements(self) -> tuple[CompareRow, ...]:
        """Rows where both sources give exact counts of the same thing, unit and period, and they differ."""
        return tuple(r for s in self.sections for r in s.rows if r.status == "disagree")


def load_equivalences(path: Path | None = None) -> tuple[Equivalence, ...]:
    """The category equivalences shipped with the datasets.

    Raises:
        DatasetError: the file is broken (naming the row and column).
    """
    path = path or datasets_root() / EQUIVALENCES_FILE
    if not path.is_file():
        return ()
    found: list[Equivalence] = []
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            for column in ("left", "right", "match"):
                if not (row.get(column) or "").strip():
                    raise DatasetError(path, "a value is required", row=number, column=column)
            if row["match"] not in ("same", "close"):
                raise DatasetError(path, f"unknown match '{row['match']}' (same or close)", row=number, column="match")
            found.append(Equivalence(row["left"].strip(), row["right"].strip(), row["match"], row.get("note") or ""))
    return tuple(found)


def period_relation(a: DatasetEntry, b: DatasetEntry) -> str:
    """A sentence on how two datasets' periods relate."""
    if a.start is None or a.end is None or b.start is None or b.end is None:
        return f"periods cannot be matched: {a.period} against {b.period}"
    if (a.start, a.end) == (b.start, b.end):
        return f"same period ({a.period})"
    if a.overlaps(b):
        start, end = max(a.start, b.start), min(a.end, b.end)
        return (
            f"periods overlap from {start:%b %Y} to {end:%b %Y} but differ: "
            f"{a.name} covers {a.period}, {b.name} covers {b.period}"
        )
    return f"periods do not overlap: {a.name} covers {a.period}, {b.name} covers {b.period}"


def unit_relation(a: str, b: str) -> str:
    """A sentence on whether two units can be compared as counts."""
    if a == b:
        return f"same unit ({a})"
    return f"different units ({a} against {b}): counts cannot be compared, only each value's share in its own dataset"


def compare(
    left: DataService,
    right: DataService,
    left_entry: DatasetEntry,
    right_entry: DatasetEntry,
    equivalences: tuple[Equivalence, ...] | None = None,
) -> Comparison:
    """Compare two datasets on every role they share."""
    pairs = load_equivalences() if equivalences is None else equivalences
    same_period = (left_entry.start, left_entry.end) == (right_entry.start, right_entry.end) and None not in (
        left_entry.start,
        left_entry.end,
    )
    left_roles = _roles(left)
    right_roles = _roles(right)
    used: list[Equivalence] = []
    sections = []
    for role, left_dim in left_roles.items():
        right_dim = right_roles.get(role)
        if right_dim is None:
            continue
        sections.append(_section(role, left, left_dim, right, right_dim, same_period, pairs, used))
    return Comparison(
        left=left_entry,
        right=right_entry,
        period=period_relation(left_entry, right_entry),
        same_period=same_period,
        unit=unit_relation(left_entry.unit, right_entry.unit),
        same_unit=left_entry.unit == right_entry.unit,
        sections=tuple(sections),
        only_left=tuple(f"{r} ({d})" for r, d in left_roles.items() if r not in right_roles),
        only_right=tuple(f"{r} ({d})" for r, d in right_roles.items() if r not in left_roles),
        equivalences_used=tuple(dict.fromkeys(used)),
    )


def _roles(service: DataService) -> dict[str, str]:
    """Role → dimension (the first of each role), the stated total first."""
    roles: dict[str, str] = {"total": "total"} if service.stated_total is not None else {}
    for dimension in service.dimensions:
        roles.setdefault(service.role_of(dimension), dimension)
    return roles


def _section(
    role: str,
    left: DataService,
    left_dim: str,
    right: DataService,
    right_dim: str,
    same_period: bool,
    pairs: tuple[Equivalence, ...],
    used: list[Equivalence],
) -> CompareSection:
    left_sides = _sides(left, left_dim)
    right_sides = _sides(right, right_dim)
    left_units = {s.value.unit for s in left_sides}
    right_units = {s.value.unit for s in right_sides}
    same_unit = left_units == right_units and len(left_units) == 1
    unit_note = unit_relation(" and ".join(sorted(left_units)), " and ".join(sorted(right_units)))
    rows: list[CompareRow] = []
    unmatched = list(right_sides)
    for side in left_sides:
        match, how, pair = _match(side, unmatched, pairs, total=role == "total")
        if match is None:
            rows.append(CompareRow(side.category, "", side, None, "only in A"))
            continue
        unmatched.remove(match)
        if pair is not None:
            used.append(pair)
        status, note = _judge(side, match, same_period, how)
        mapping = "same name" if how == "same name" else f"{side.category} ↔ {match.category} ({how})"
        rows.append(CompareRow(side.category, mapping, side, match, status, note))
    rows += [CompareRow(side.category, "", None, side, "only in B") for side in unmatched]
    title = left.dimension_info(left_dim).get("title", role) if left_dim != "total" else "Total"
    return CompareSection(role, str(title), left_dim, right_dim, same_unit, unit_note, tuple(rows))


def _sides(service: DataService, dimension: str) -> list[Side]:
    if dimension == "total":
        total = service.total_quantity
        return [Side("total", "total", total, None)]
    if service.is_crosstab(dimension):
        tab = service.crosstab(dimension)
        return [
            Side(dimension, f"{name} ({column})", cell, None)
            for name, cells in zip(tab.rows, tab.cells, strict=True)
            for column, cell in zip(tab.columns, cells, strict=True)
            if cell.known
        ]
    figures = service.breakdown(dimension).source_figures
    quantities = [f.quantity for f in figures]
    units = {q.unit for q in quantities}
    exact = all(q.is_exact_count for q in quantities) and len(units) == 1
    listed = sum(q.value or 0 for q in quantities) if exact else 0
    return [
        Side(dimension, f.category, q, q.value / listed if exact and listed and q.value is not None else None)
        for f, q in zip(figures, quantities, strict=True)
    ]


def _match(
    side: Side, candidates: list[Side], pairs: tuple[Equivalence, ...], *, total: bool
) -> tuple[Side | None, str, Equivalence | None]:
    if total and candidates:
        return candidates[0], "same name" if candidates[0].category == side.category else "the totals", None
    name = side.category.casefold()
    for other in candidates:
        if other.category.casefold() == name:
            return other, "same name", None
    for how in ("same", "close"):
        for pair in pairs:
            if pair.match != how:
                continue
            names = {pair.left.casefold(), pair.right.casefold()}
            if name not in names:
                continue
            for other in candidates:
                if other.category.casefold() in names and other.category.casefold() != name:
                    return other, how, pair
    return None, "", None


def _judge(a: Side, b: Side, same_period: bool, how: str) -> tuple[Status, str]:
    if a.value.unit != b.value.unit:
        return "different units", f"{a.value.unit} against {b.value.unit}"
    if not same_period:
        return "different periods", "the periods differ, so different counts are expected"
    if not (a.value.is_exact_count and b.value.is_exact_count):
        return "cannot tell", "one figure is not an exact count"
    if how == "close":
        return "cannot tell", "the categories are close but not the same"
    if a.value.value == b.value.value:
        return "agree", ""
    return "disagree", f"{a.value.display()} against {b.value.display()}"
