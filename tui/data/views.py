"""Tables of the data service's answers, as plain strings: one shape for screens and reports.

Screens render these in a DataTable, reports print them: the numbers and labels
are written in one place only.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from tui.data import formatting as fmt
from tui.data import quantity as qty
from tui.data.gc_pause import gc_paused
from tui.data.model import Breakdown, Trend

if TYPE_CHECKING:
    from tui.data.catalog import Related
    from tui.data.service import DataService


@dataclass(frozen=True)
class TableView:
    """A titled table of display strings, with a note on its base or caveats.

    ``numeric`` names the columns that hold numbers (right-aligned, sorted as numbers);
    ``derived`` flags rows this tool computed rather than the source gave.
    """

    key: str
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    numeric: frozenset[str]
    derived: tuple[bool, ...]
    note: str = ""


def trend_table(service: DataService, dimension: str = "year") -> TableView:
    """Officers per period with the change on the year before."""
    with gc_paused():  # a row per period: many small tuples, none in a cycle
        return _trend_table(service, dimension)


def _trend_table(service: DataService, dimension: str) -> TableView:
    trend = service.trend(dimension)
    exact = trend.total_qualifier == "exact"
    count, share, change = _remembered(fmt.count), _remembered(fmt.share), _remembered(fmt.change)
    rows = [
        (
            p.period,
            count(p.count, p.qualifier, trend.unit),
            share(None if p.count is None or not exact or not trend.total else p.count / trend.total),
            change(p.change, p.change_pct),
        )
        for p in trend.periods
    ]
    total_share = fmt.share(1.0 if exact and trend.total else None)
    rows.append(("total", fmt.count(trend.total, trend.total_qualifier), total_share, ""))
    return TableView(
        key=dimension,
        title=trend.title,
        columns=(dimension, short_unit(trend.unit), "share", "change on year before"),
        rows=tuple(rows),
        numeric=frozenset({"officers", "share"}),
        derived=tuple([False] * len(trend.periods) + [True]),
        note=(f"Shares of {trend.total}. " if exact else "No shares or changes: the counts are not exact. ")
        + trend_summary(service, dimension),
    )


def breakdown_table(service: DataService, dimension: str, *, notes: bool = True) -> TableView:
    """A dimension's counts and shares, derived lines last and marked, then the total of the base.

    ``notes=False``: no note column. The total row is the base the shares are of (as on Trends),
    marked derived like every line the tool adds.
    """
    sorted_forces = service.by_force() if service.role_of(dimension) == "force" else None
    return figures_table(sorted_forces or service.breakdown(dimension), notes=notes)


def figures_table(breakdown: Breakdown, *, notes: bool = True) -> TableView:
    """A breakdown as a table: counts with their qualifiers, shares where they mean something."""
    with gc_paused():  # a row per figure: many small tuples, none in a cycle
        return _figures_table(breakdown, notes=notes)


def _figures_table(breakdown: Breakdown, *, notes: bool) -> TableView:
    figures = breakdown.figures + breakdown.groups
    mixed = len({f.unit for f in figures}) > 1
    count, share, note = _remembered(fmt.count), _remembered(fmt.share), _remembered(_note)
    rows = [
        (
            f.category,
            count(f.count, f.qualifier, f.unit) + (f" {f.unit}" if mixed and f.count is not None else ""),
            share(f.share),
            note(f.qualifier, f.note),
        )[: 4 if notes else 3]
        for f in figures
    ]
    derived = [f.derived for f in figures]
    if breakdown.base is not None:
        rows.append(("total", fmt.count(breakdown.base, unit=breakdown.unit), fmt.share(1.0), "")[: 4 if notes else 3])
        derived.append(True)
    count_column = "count" if mixed or short_unit(breakdown.unit) == breakdown.dimension else short_unit(breakdown.unit)
    share_column = f"share of {breakdown.base}" if breakdown.base is not None else "share"
    return TableView(
        key=breakdown.dimension,
        title=breakdown.title,
        columns=(breakdown.dimension, count_column, share_column, "note")[: 4 if notes else 3],
        rows=tuple(rows),
        numeric=frozenset({count_column, share_column}),
        derived=tuple(derived),
        note=breakdown_note(breakdown),
    )


def breakdown_note(breakdown: Breakdown) -> str:
    """What a breakdown's shares are of (or why it has none): the note of its :func:`figures_table`."""
    if breakdown.base is not None:
        return f"Shares are of {breakdown.base_label}."
    return f"No shares: {breakdown.base_label.removeprefix('no shares: ').removeprefix('no base: ')}."


def crosstab_table(service: DataService, dimension: str) -> TableView:
    """A cross-tab as a two-way table: one row per category, one column per period, totals derived."""
    tab = service.crosstab(dimension)
    rows = [
        (name, *(cell.display() for cell in cells), total.display())
        for name, cells, total in zip(tab.rows, tab.cells, tab.row_totals, strict=True)
    ]
    rows.append(("listed types", *(t.display() for t in tab.column_totals), ""))
    columns = (tab.row_title, *tab.columns, "all years")
    note = f"Counts are {tab.unit}. Totals are worked out here, only where every cell is given."
    return TableView(
        key=dimension,
        title=tab.title,
        columns=columns,
        rows=tuple(rows),
        numeric=frozenset(columns[1:]),
        derived=tuple([False] * len(tab.rows) + [True]),
        note=f"{note} {tab.lacks}".strip(),
    )


def total_table(service: DataService) -> TableView:
    """The dataset's total on its own, with its qualifier (for datasets with no breakdown by period)."""
    total = service.total_quantity
    stated = service.stated_total is not None
    return TableView(
        key="total",
        title="Total",
        columns=("total", short_unit(total.unit), "note"),
        rows=((service.provenance.unit, total.display(), "" if stated else "derived: the source states no total"),),
        numeric=frozenset({short_unit(total.unit)}),
        derived=(not stated,),
        note=f"{total.describe()} ({qty.words(total.qualifier)}).",
    )


SHOWN_ELSEWHERE = ("period", "rank", "finding", "sanction")
"""Roles the first screens show (the first dimension of each)."""


def more_dimensions(service: DataService) -> tuple[str, ...]:
    """Breakdowns no first screen shows: not the first of a shown role, not by force, not a cross-tab."""
    shown = {service.dimension_for(role) for role in SHOWN_ELSEWHERE}
    return tuple(
        d for d in service.dimensions if d not in shown and service.role_of(d) != "force" and not service.is_crosstab(d)
    )


def related_table(related: tuple[Related, ...]) -> TableView:
    """Other datasets on the same force over an overlapping period: how each differs in period and unit."""
    columns = ("dataset", "period", "unit", "units compared", "periods compared", "how it relates", "publisher")
    rows = tuple(
        (r.entry.name, r.entry.period, r.entry.unit, r.unit, r.period, r.relation, r.entry.publisher) for r in related
    )
    return TableView(
        key="related",
        title="Other datasets on this force and period",
        columns=columns,
        rows=rows,
        numeric=frozenset(),
        derived=tuple(False for _ in rows),
        note="Never added together: press c to compare the dataset on show with one of them.",
    )


def dataset_summary(service: DataService) -> str:
    """One or two sentences: the dataset's total and period, what it breaks down by, and what it lacks."""
    p = service.provenance
    total = service.total_quantity
    has = [service.label(d) for d in service.dimensions]
    text = f"{p.name}: {total.describe()}, {p.period}."
    if has:
        text += f" Broken down by {', '.join(has)}."
    if service.lacks:
        text += f" Not given: {', '.join(item.removeprefix('no ') for item in service.lacks)}."
    return text


def short_unit(unit: str) -> str:
    """The first word of a unit, for a column heading ('officers investigated' → 'officers').

    'count' when there is no such word: no unit, or one that opens with a bracket ('(unit not stated)').
    """
    word = unit.split(" ")[0] if unit else ""
    return word if word[:1].isalnum() else "count"


def checks_table(service: DataService) -> TableView:
    """The reconciliation checks with their status and the numbers behind them."""
    checks = service.checks
    return TableView(
        key="checks",
        title="Do the figures add up?",
        columns=("check", "status", "numbers"),
        rows=tuple((c.title, c.status, c.detail) for c in checks),
        numeric=frozenset(),
        derived=tuple(False for _ in checks),
    )


def claims_table(service: DataService) -> TableView:
    """The source's claims, paraphrased, with verdict, computed figure and place."""
    claims = service.claims
    return TableView(
        key="claims",
        title="The source's claims, tested",
        columns=("id", "claim (paraphrased)", "verdict", "computed", "where"),
        rows=tuple((c.id, c.claim, c.status, c.computed, c.location) for c in claims),
        numeric=frozenset(),
        derived=tuple(False for _ in claims),
    )


def all_tables(service: DataService) -> tuple[TableView, ...]:
    """Every figures table of the dataset: the trend (or the total alone), then each breakdown or cross-tab."""
    periods = service.dimensions_for("period")
    tables = [trend_table(service, d) for d in periods] or [total_table(service)]
    for dimension in service.dimensions:
        if dimension in periods:
            continue
        if service.is_crosstab(dimension):
            tables.append(crosstab_table(service, dimension))
        else:
            tables.append(breakdown_table(service, dimension))
    return tuple(tables)


def trend_summary(service: DataService, dimension: str = "year") -> str:
    """One sentence on the trend, written from the figures (words, not arrows: ASCII turns arrows into ``>``)."""
    trend = service.trend(dimension)
    first = trend.periods[0]
    last = trend.periods[-1]
    text = (
        f"{fmt.count(trend.total, trend.total_qualifier)} in all; peak {trend.peak_period} "
        f"({fmt.count(trend.peak_count, _qualifier_of(trend, trend.peak_period))}); "
        f"{trend.first_period} to {trend.last_period}: "
        f"{fmt.count(first.count, first.qualifier)} to {fmt.count(last.count, last.qualifier)}"
    )
    return text + (f", {fmt.multiple(trend.multiple)}" if trend.multiple is not None else "")


def _remembered(function: Callable[..., str]) -> Callable[..., str]:
    """``function`` with each distinct call worked out once: a long table repeats a few values many times.

    Calls with a float zero are always worked out (0.0 and -0.0 are equal keys but print differently).
    """
    known: dict[tuple[Any, ...], str] = {}

    def remembered(*args: Any) -> str:
        text = known.get(args)
        if text is None:
            text = function(*args)
            if not any(type(a) is float and a == 0 for a in args):
                known[args] = text
        return text

    return remembered


def _note(qualifier: str, note: str) -> str:
    if qualifier == "derived":
        return f"derived: {note}" if note else "derived"
    return note


def _qualifier_of(trend: Trend, period: str) -> str:
    return next((p.qualifier for p in trend.periods if p.period == period), "exact")
