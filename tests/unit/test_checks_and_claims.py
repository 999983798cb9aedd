"""Reconciliation checks and claim verdicts, including ones built to fail."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tui.data import DataService

Edit = Callable[[str, Callable[[str], str]], Path]


def test_reconciliation_checks(service: DataService) -> None:
    checks = {c.id: c for c in service.checks}
    assert checks["year-sum"].status == "holds"
    assert checks["rank-sum"].status == "holds"
    assert checks["rank-sergeant-or-above"].status == "holds"
    assert "12 + 8 = 20" in checks["rank-sergeant-or-above"].detail
    assert checks["finding-sum"].status == "does not hold"
    assert "101 of 184: 83" in checks["finding-sum"].detail
    assert checks["sanction-sum"].status == "does not hold"
    assert "21 of 37: 16" in checks["sanction-sum"].detail


def test_a_complete_breakdown_that_does_not_add_up(edit_csv: Edit) -> None:
    folder = edit_csv("figures.csv", lambda t: t.replace("year,2020,2020,62,exact", "year,2020,2020,60,exact"))
    check = {c.id: c for c in DataService.from_path(folder).checks}["year-sum"]
    assert check.status == "does not hold"
    assert "182 of 184: 2" in check.detail


def test_a_breakdown_over_its_base(edit_csv: Edit) -> None:
    folder = edit_csv(
        "figures.csv",
        lambda t: t.replace("sanction,written warning,2018-2021,7", "sanction,written warning,2018-2021,30"),
    )
    check = {c.id: c for c in DataService.from_path(folder).checks}["sanction-sum"]
    assert check.status == "does not hold"
    assert "more than 37 by 7" in check.detail


EXPECTED = {
    "C1": ("contradicted", "2021 (92)"),
    "C2": ("supported", "92"),
    "C3": ("contradicted", "184"),
    "C4": ("supported", "= 20"),
    "C5": ("supported", "11.4%"),
    "C6": ("contradicted", "64.9%"),
    "C7": ("supported", "184"),
    "C8": ("not checkable", ""),
}


@pytest.mark.parametrize(("claim_id", "expected"), EXPECTED.items())
def test_article_claims(service: DataService, claim_id: str, expected: tuple[str, str]) -> None:
    claim = {c.id: c for c in service.claims}[claim_id]
    assert claim.status == expected[0]
    assert expected[1] in claim.computed
    assert claim.location


def claim_row(kind: str, left: str, right: str, expected: str, tolerance: str = "") -> str:
    return f'X1,"a test claim",{kind},{left},{right},{expected},{tolerance},nowhere\n'


@pytest.mark.parametrize(
    ("row", "status"),
    [
        (claim_row("peak_period", "year", "", "2021"), "supported"),
        (claim_row("peak_period", "year", "", "2019"), "contradicted"),
        (claim_row("approx", "year:2020", "", "60", "0.05"), "supported"),
        (claim_row("approx", "year:2020", "", "100", "0.1"), "contradicted"),
        (claim_row("at_least", "total", "", "100"), "supported"),
        (claim_row("at_least", "total", "", "185"), "contradicted"),
        (claim_row("equals", "rank:*", "", "184"), "supported"),
        (claim_row("equals", "rank:sergeant + rank:not stated", "", "17"), "contradicted"),
        (claim_row("share_at_most", "finding:withdrawn", "total", "0.05"), "supported"),
        (claim_row("share_at_most", "rank:police constable", "total", "0.5"), "contradicted"),
        (claim_row("ratio_approx", "year:2021", "year:2020", "1.5", "0.05"), "supported"),
        (claim_row("ratio_approx", "year:2021", "year:2018", "2", "0.5"), "contradicted"),
        (claim_row("not_checkable", "", "", ""), "not checkable"),
    ],
)
def test_each_claim_kind(edit_csv: Edit, row: str, status: str) -> None:
    folder = edit_csv("claims.csv", lambda t: t.splitlines()[0] + "\n" + row)
    (claim,) = DataService.from_path(folder).claims
    assert claim.status == status


def test_a_long_working_names_how_many_terms_it_leaves_out() -> None:
    from tui.data.checks import MAX_TERMS, _working

    terms = [str(n) for n in range(MAX_TERMS + 5)]
    assert _working(terms[:MAX_TERMS]) == " + ".join(terms[:MAX_TERMS])
    assert _working(terms) == " + ".join(terms[: MAX_TERMS - 1]) + " + 6 more"
