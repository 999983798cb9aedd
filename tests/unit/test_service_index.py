"""The service answers from an index: asking more questions never means scanning the figures again.

No timings here: the test counts how often the figures' DataFrame is read, which must not grow
with the number of questions or claims (it grew once per question when each one scanned).
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from tui.data import DataService
from tui.data.claims import ClaimEvaluator

EXTRA_YEARS = 2000
"""Periods added to the default dataset: far more questions than a fixed number of scans."""


@pytest.fixture
def big(edit_csv: Callable[[str, Callable[[str], str]], Path]) -> DataService:
    """The default dataset with :data:`EXTRA_YEARS` more years (so many more categories to ask about)."""
    rows = "".join(f"year,{year},{year},{year % 7},exact,\n" for year in range(3000, 3000 + EXTRA_YEARS))
    return DataService.from_path(edit_csv("figures.csv", lambda text: text.rstrip("\n") + "\n" + rows))


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[Any]]:
    """Every column or filter taken from any DataFrame while the test runs."""
    seen: list[Any] = []
    original = pd.DataFrame.__getitem__

    def counted(frame: pd.DataFrame, key: Any) -> Any:
        seen.append(key)
        return original(frame, key)

    monkeypatch.setattr(pd.DataFrame, "__getitem__", counted)
    yield seen


def test_every_lookup_of_a_dimension_costs_at_most_one_scan(big: DataService, reads: list[Any]) -> None:
    categories = big.categories("year")
    assert len(categories) > EXTRA_YEARS
    for category in categories:
        big.count("year", category)
        big.count("year", category, category)
        big.categories("year")
        big.has_suppressed("year")
        big.sum("year")
    assert len(reads) <= 10, f"{len(reads)} DataFrame reads for {len(categories)} categories"


def test_claims_do_not_scan_per_claim(big: DataService, reads: list[Any]) -> None:
    claims = (
        [
            {"id": f"C{n}", "claim": "", "kind": "approx", "left": "year:max", "expected": "100", "tolerance": 0.1}
            for n in range(EXTRA_YEARS)
        ]
        + [
            {"id": f"P{n}", "claim": "", "kind": "peak_period", "left": "year", "expected": "2020"}
            for n in range(EXTRA_YEARS)
        ]
        + [
            {"id": f"S{n}", "claim": "", "kind": "equals", "left": "year:*", "expected": "184"}
            for n in range(EXTRA_YEARS)
        ]
    )
    evaluator = ClaimEvaluator(big)
    evaluator.validate(claims, Path("claims.csv"))
    results = evaluator.evaluate_all(claims)
    assert len(results) == len(claims)
    assert len(reads) <= 10, f"{len(reads)} DataFrame reads for {len(claims)} claims"


def test_the_index_gives_the_answers_of_the_rows(big: DataService) -> None:
    figures = big.dataset.figures
    years = figures[figures["dimension"] == "year"]
    assert big.categories("year") == tuple(years["category"])
    assert big.sum("year") == int(years["count"].sum())
    assert big.has_suppressed("year") is False
    assert big.count("year", "3005") == 3005 % 7
    assert big.count("year", "3005", "3005") == 3005 % 7
    with pytest.raises(KeyError):
        big.count("year", "9999")


def test_equal_figures_are_held_once(big: DataService) -> None:
    """Thousands of periods with a handful of distinct counts: one Quantity per distinct figure, not per row."""
    quantities = [big.quantity("year", category) for category in big.categories("year")]
    assert len(quantities) > EXTRA_YEARS
    assert len({id(q) for q in quantities}) == len(set(quantities)) <= 7 + 4


def _with_years(edit: Callable[[str, Callable[[str], str]], Path], rows: list[tuple[int, int | None]]) -> DataService:
    text = "".join(
        f"year,{year},{year},,suppressed,\n" if count is None else f"year,{year},{year},{count},exact,\n"
        for year, count in rows
    )
    return DataService.from_path(edit("figures.csv", lambda t: t.rstrip("\n") + "\n" + text))


def test_a_long_trend_gives_each_change_from_its_own_two_counts(
    edit_csv: Callable[[str, Callable[[str], str]], Path],
) -> None:
    """Zeros among hundreds of periods: a rise from 0 is infinite, 0 to 0 has no percentage."""
    rows: list[tuple[int, int | None]] = [(3000 + n, n % 5) for n in range(300)]
    periods = _with_years(edit_csv, rows).trend("year").periods
    assert [p.count for p in periods[-len(rows) :]] == [count for _, count in rows]
    for before, now in itertools.pairwise(periods):
        assert before.count is not None and now.count is not None
        assert now.change == now.count - before.count
        if before.count:
            assert now.change_pct == (now.count / before.count - 1) * 100
        else:
            assert now.change_pct == (None if now.count == 0 else float("inf"))


def test_a_trend_with_blank_counts_gives_no_changes(edit_csv: Callable[[str, Callable[[str], str]], Path]) -> None:
    rows = [(3000 + n, None if n % 11 == 0 else n % 5) for n in range(300)]
    trend = _with_years(edit_csv, rows).trend("year")
    assert [p.count for p in trend.periods[-len(rows) :]] == [count for _, count in rows]
    assert all(p.change is None and p.change_pct is None for p in trend.periods)
    assert trend.multiple is None


def test_counts_are_the_count_of_each_category(big: DataService) -> None:
    counts = big.counts("year")
    assert tuple(counts) == big.categories("year")
    assert counts == {category: big.count("year", category) for category in big.categories("year")}


def test_a_crosstab_has_no_single_count_per_category() -> None:
    from tui.data.locate import datasets_root

    service = DataService.from_path(datasets_root() / "met-pa-2023")
    (dimension,) = service.crosstabs
    with pytest.raises(KeyError, match="cross-tab") as counts_error:
        service.counts(dimension)
    with pytest.raises(KeyError) as count_error:
        service.count(dimension, service.categories(dimension)[0])
    assert str(counts_error.value) == str(count_error.value)


def _every_answer(service: DataService) -> None:
    for dimension in service.dimensions:
        service.breakdown(dimension)
        service.base_of(dimension)
    service.trend("year"), service.checks, service.claims, service.total_quantity


def test_the_service_keeps_no_copy_of_each_dimensions_rows(big: DataService) -> None:
    """Issue 15: a DataFrame per dimension, kept beside the figures, was a second copy of every row."""
    _every_answer(big)
    frames = [
        value
        for attribute in vars(big).values()
        for value in ((attribute.values() if isinstance(attribute, dict) else ()) or (attribute,))
        if isinstance(value, pd.DataFrame)
    ]
    assert len(frames) == 1 and frames[0] is big._figures


def test_cells_are_indexed_only_once_a_cell_is_asked_for(big: DataService) -> None:
    """Issue 15: a (category, period) index of every row, built with the others, was never used by most screens."""
    by_category = {category: big.count("year", category) for category in big.categories("year")}
    big.breakdown("year"), big.trend("year")
    assert big._index("year").cells is None
    assert {c: big.count("year", c, c) for c in big.categories("year")} == by_category
    assert big._index("year").cells is not None
    with pytest.raises(KeyError):
        big.count("year", "3005", "3006")


def test_figures_of_one_count_share_one_share(big: DataService) -> None:
    """Thousands of periods with a handful of distinct counts: a share per distinct count, not per figure."""
    figures = [f for f in big.breakdown("year").figures if f.share is not None]
    assert len(figures) > EXTRA_YEARS
    assert len({id(f.share) for f in figures}) == len({f.share for f in figures}) <= 7 + 4
    assert all(f.share == f.count / big.total for f in figures if f.count is not None)
