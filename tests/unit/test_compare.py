"""Two datasets side by side: matched by role and category, disagreements marked, units and periods respected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tui.data import DataService, DatasetError
from tui.data.catalog import Catalog
from tui.data.compare import Comparison, compare, load_equivalences
from tui.export.comparison import render_comparison


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return Catalog()


def comparison(catalog: Catalog, a: str, b: str) -> Comparison:
    left, right = catalog.get(a), catalog.get(b)
    return compare(DataService.from_path(left.path), DataService.from_path(right.path), left, right)


def section(c: Comparison, role: str):
    return next(s for s in c.sections if s.role == role)


def test_the_2013_pair_disagree_on_written_warnings(catalog: Catalog) -> None:
    c = comparison(catalog, "met-guardian-2013", "met-independent-2013")
    assert c.same_period and c.same_unit
    (row,) = c.disagreements
    assert row.label == "written warning" and row.status == "disagree"
    assert (row.left.value.value, row.right.value.value) == (18, 17)
    statuses = {r.label: r.status for r in section(c, "sanction").rows}
    assert statuses["sacked"] == "agree" and statuses["management advice"] == "agree"
    assert statuses["management action"] == "only in A"


def test_categories_are_matched_through_a_visible_mapping(catalog: Catalog) -> None:
    c = comparison(catalog, "met-guardian-2013", "met-independent-2013")
    proven = next(r for r in section(c, "finding").rows if r.label == "complaint proven")
    assert proven.right.category == "substantiated" and proven.status == "agree"
    assert proven.mapping == "complaint proven ↔ substantiated (same)"
    assert any(e.left == "complaint proven" for e in c.equivalences_used)
    c2 = comparison(catalog, "met-2018-2021", "met-guardian-2022")
    dismissal = next(r for r in section(c2, "sanction").rows if r.label == "dismissal")
    assert dismissal.right.category == "dismissed" and "dismissal ↔ dismissed" in dismissal.mapping


def test_different_units_give_shares_only_and_say_why(catalog: Catalog) -> None:
    c = comparison(catalog, "met-2018-2021", "met-pa-2023")
    assert not c.same_unit and "different units" in c.unit and "counts cannot be compared" in c.unit
    ranks = section(c, "rank")
    assert not ranks.same_unit
    pc = next(r for r in ranks.rows if r.label == "police constable")
    assert pc.status == "different units" and pc.right.category == "constable"
    assert round(pc.left.share, 3) == round(160 / 184, 3) and round(pc.right.share, 3) == round(383 / 441, 3)
    inspectors = next(r for r in ranks.rows if r.label == "inspector and above")
    assert "(close)" in inspectors.mapping
    assert not c.disagreements


def test_different_periods_are_stated_not_judged(catalog: Catalog) -> None:
    c = comparison(catalog, "met-2018-2021", "met-guardian-2022")
    assert not c.same_period and "overlap" in c.period
    assert {r.status for r in section(c, "sanction").rows} <= {"different periods", "only in A", "only in B"}
    assert not c.disagreements
    apart = comparison(catalog, "met-guardian-2013", "met-2018-2021")
    assert apart.period.startswith("periods do not overlap")


def test_qualified_figures_are_never_judged_as_exact(catalog: Catalog) -> None:
    c = comparison(catalog, "uk-dailymail-2021", "uk-opendemocracy-2022")
    assert all(r.status != "agree" and r.status != "disagree" for s in c.sections for r in s.rows)


def test_nothing_is_added_across_datasets(catalog: Catalog) -> None:
    """Every value in a comparison is one dataset's own figure: none is a sum of both."""
    c = comparison(catalog, "met-guardian-2013", "met-independent-2013")
    for s in c.sections:
        for r in s.rows:
            for side in (r.left, r.right):
                assert side is None or side.value.value in {3, 4, 5, 6, 17, 18, 25, 2, 38, 75}
    text = render_comparison(c)
    assert "never added across datasets" in text and "35" not in text


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_every_format_marks_the_disagreement(catalog: Catalog, fmt: str) -> None:
    out = render_comparison(comparison(catalog, "met-guardian-2013", "met-independent-2013"), fmt)
    if fmt == "json":
        payload = json.loads(out)
        assert payload["disagreements"][0]["label"] == "written warning"
        assert payload["left"]["name"] == "met-guardian-2013"
    else:
        assert "DISAGREE" in out and "A 18 officers against B 17 officers" in out
        assert "The Guardian" in out and "The Independent" in out


def test_equivalences_file_is_checked(tmp_path: Path) -> None:
    bad = tmp_path / "eq.csv"
    bad.write_text("left,right,match,note\nsacked,dismissed,maybe,\n", encoding="utf-8")
    with pytest.raises(DatasetError, match="row 2, column 'match'"):
        load_equivalences(bad)
    assert load_equivalences(tmp_path / "missing.csv") == ()
    assert any(e.left == "sacked" and e.right == "dismissal" for e in load_equivalences())


def test_every_pair_of_datasets_compares_without_adding_or_crashing(catalog: Catalog) -> None:
    services = {name: DataService.from_path(catalog.get(name).path) for name in catalog.names}
    for a in catalog.names:
        for b in catalog.names:
            c = compare(services[a], services[b], catalog.get(a), catalog.get(b))
            for s in c.sections:
                for r in s.rows:
                    assert r.status in {
                        "agree",
                        "disagree",
                        "different periods",
                        "different units",
                        "cannot tell",
                        "only in A",
                        "only in B",
                    }
                    if r.status == "disagree":
                        assert r.left.value.unit == r.right.value.unit and c.same_period
            assert render_comparison(c, "text")
