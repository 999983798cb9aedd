"""Every figure of the default dataset equals the research table it was built from."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from tests.conftest import SHARED_UPSTREAM, UPSTREAM
from tui.data import DataService


def upstream_rows(path: Path = UPSTREAM) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def stated(dimension: str) -> dict[str, int]:
    """The figures the article states for a dimension (no stated aggregates, no derived rows)."""
    rows = [r for r in upstream_rows() if r["dimension"] == dimension]
    if dimension == "year":
        return {r["period"]: int(r["count"]) for r in rows if r["period"] != "2018-2021"}
    return {
        r["category"]: int(r["count"])
        for r in rows
        if r["verification"] != "derived_arithmetic" and r["category"] != "sergeant or above"
    }


def test_fixture_copy_matches_shared_research() -> None:
    """The vendored copy of the research table has not drifted from ../shared/data."""
    if not SHARED_UPSTREAM.exists():
        pytest.skip("../shared/data is not beside this checkout")
    assert UPSTREAM.read_text(encoding="utf-8") == SHARED_UPSTREAM.read_text(encoding="utf-8")


@pytest.mark.parametrize("dimension", ["year", "rank", "finding", "sanction"])
def test_every_source_figure_is_in_the_dataset(service: DataService, dimension: str) -> None:
    expected = stated(dimension)
    actual = {f.category: f.count for f in service.breakdown(dimension).source_figures}
    assert actual == expected


def test_total_is_the_stated_total(service: DataService) -> None:
    row = next(r for r in upstream_rows() if r["dimension"] == "year" and r["period"] == "2018-2021")
    assert service.total == service.stated_total == int(row["count"])


def test_derived_figures_equal_the_research_arithmetic(service: DataService) -> None:
    rows = {r["category"]: int(r["count"]) for r in upstream_rows()}
    findings = {f.category: f.count for f in service.breakdown("finding").figures}
    assert findings["no finding recorded"] == rows["no finding recorded"]
    assert service.breakdown("sanction").listed == rows["all sanctions listed"]
    groups = {g.category: g.count for g in service.breakdown("rank").groups}
    assert groups["sergeant or above"] == rows["sergeant or above"]


def test_provenance_matches_the_research(service: DataService) -> None:
    first = upstream_rows()[0]
    p = service.provenance
    assert p.sources[0].url == first["source_url"]
    assert p.force == first["force"]
    assert p.publisher == first["publisher"]
    assert p.foi_reference is None
    assert p.period == "2018-2021"
    assert p.unit == first["unit"]
