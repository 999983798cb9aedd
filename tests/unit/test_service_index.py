"""The service answers from an index: asking more questions never means scanning the figures again.

No timings here: the test counts how often the figures' DataFrame is read, which must not grow
with the number of questions or claims (it grew once per question when each one scanned).
"""

from __future__ import annotations

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
