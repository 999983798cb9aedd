"""Tables of the data service's answers, as plain strings: one shape for screens and reports.

Screens render these in a DataTable, reports print them: the numbers and labels
are written in one place only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from tui.data import formatting as fmt

if TYPE_CHECKING:
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
    trend = service.trend(dimension)
    rows = [
        (
            p.period,
            fmt.count(p.count),
            fmt.share(None if p.count is None else p.count / trend.total),
            fmt.change(p.change, p.change_pct),
        )
        for p in trend.periods
    ]
    rows.append(("total", fmt.count(trend.total), fmt.share(1.0), ""))
    return TableView(
        key=dimension,
        title=trend.title,
        columns=(dimension, "officers", "share", "change on year before"),
        rows=tuple(rows),
        numeric=frozenset({"officers", "share"}),
        derived=tuple([False] * len(trend.periods) + [True]),
        note=f"Shares of {trend.total}. {trend_summary(service, dimension)}",
    )


def breakdown_table(service: DataService, dimension: str, *, notes: bool = True) -> TableView:
    """A dimension's counts and shares, derived lines last and marked, then the total of the base.

    ``notes=False``: no note column. The total row is the base the shares are of (as on Trends),
    marked derived like every line the tool adds.
    """
    breakdown = service.breakdown(dimension)
    figures = breakdown.figures + breakdown.groups
    rows = [
        (f.category, fmt.count(f.count, f.qualifier), fmt.share(f.share), _note(f.qualifier, f.note))[
            : 4 if notes else 3
        ]
        for f in figures
    ]
    derived = [f.derived for f in figures]
    if breakdown.base is not None:
        rows.append(("total", fmt.count(breakdown.base), fmt.share(1.0), "")[: 4 if notes else 3])
        derived.append(True)
    return TableView(
        key=dimension,
        title=breakdown.title,
        columns=(dimension, "officers", f"share of {breakdown.base}", "note")[: 4 if notes else 3],
        rows=tuple(rows),
        numeric=frozenset({"officers", f"share of {breakdown.base}"}),
        derived=tuple(derived),
        note=f"Shares are of {breakdown.base_label}.",
    )


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
        title="The article's claims, tested",
        columns=("id", "claim (paraphrased)", "verdict", "computed", "where"),
        rows=tuple((c.id, c.claim, c.status, c.computed, c.location) for c in claims),
        numeric=frozenset(),
        derived=tuple(False for _ in claims),
    )


def all_tables(service: DataService) -> tuple[TableView, ...]:
    """Every figures table of the dataset: the trend, then each breakdown after the first."""
    dims = service.dimensions
    return (trend_table(service, dims[0]), *(breakdown_table(service, d) for d in dims[1:]))


def trend_summary(service: DataService, dimension: str = "year") -> str:
    """One sentence on the trend, written from the figures (words, not arrows: ASCII turns arrows into ``>``)."""
    trend = service.trend(dimension)
    first = trend.periods[0]
    last = trend.periods[-1]
    text = (
        f"{trend.total} in all; peak {trend.peak_period} ({trend.peak_count}); "
        f"{trend.first_period} to {trend.last_period}: {fmt.count(first.count)} to {fmt.count(last.count)}"
    )
    return text + (f", {fmt.multiple(trend.multiple)}" if trend.multiple is not None else "")


def _note(qualifier: str, note: str) -> str:
    if qualifier == "derived":
        return f"derived: {note}" if note else "derived"
    return note
