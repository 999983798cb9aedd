"""The service's growth for the further datasets: roles, units, cross-tabs, by-force, what is missing."""

from __future__ import annotations

import pytest

from tui.data import DataService
from tui.data.locate import datasets_root
from tui.data.quantity import NotAddable
from tui.data.views import all_tables, crosstab_table


def service_for(name: str) -> DataService:
    return DataService.from_path(datasets_root() / name)


def test_dimension_for_reads_the_role_of_each_dimension(service: DataService) -> None:
    assert service.dimension_for("period") == "year"
    assert service.dimension_for("sanction") == "sanction"
    assert service.dimension_for("force") is None
    assert service.dimension_for("total") == "total"
    assert service_for("uk-pa-2014").dimension_for("force") == "force"


def test_officers_and_staff_are_never_summed() -> None:
    s = service_for("met-guardian-2013")
    assert s.total_quantity.unit == "officers" and s.total == 75
    staff = s.breakdown("staff_outcome")
    assert staff.unit == "staff" and staff.base == 12
    assert s.quantity("staff_total", "investigated").unit == "staff"
    assert all(f.unit == "officers" for f in s.breakdown("sanction").figures)


def test_a_dimension_of_mixed_units_refuses_to_add(tmp_path) -> None:
    import shutil

    target = tmp_path / "mixed"
    shutil.copytree(datasets_root() / "met-guardian-2013", target)
    figures = target / "figures.csv"
    figures.write_text(
        figures.read_text(encoding="utf-8").replace("staff_outcome,sacked", "sanction,sacked staff"), encoding="utf-8"
    )
    s = DataService.from_path(target)
    with pytest.raises(NotAddable, match="different units"):
        s.sum_quantity("sanction")
    assert "different units" in s.breakdown("sanction").listed_note


def test_shares_are_refused_across_units() -> None:
    s = service_for("met-pa-2023")
    ranks = s.breakdown("rank")
    assert ranks.base is None and all(f.share is None for f in ranks.figures)
    assert "complaints" in ranks.base_label and ranks.listed == 441


def test_shares_are_refused_of_a_floor() -> None:
    s = service_for("uk-sundaytimes-2022")
    assert s.stated_total is None
    assert s.total_quantity.display() == "≥ 370"
    assert s.breakdown("year").base is None
    trend = s.trend("year")
    assert trend.total_qualifier == "at_least" and trend.multiple is None
    assert all(p.change is None for p in trend.periods)


def test_percent_figures_are_not_counts() -> None:
    s = service_for("uk-dailymail-2021")
    assert s.quantity("outcome_percent", "serious enough for disciplinary action").display() == "≈ 75 %"
    assert s.total_quantity.display() == "≥ 999"
    assert s.breakdown("force").base is None


def test_not_given_is_kept_visible() -> None:
    s = service_for("northumbria-2016-2020")
    platform = s.quantity("platform", "Facebook and WhatsApp")
    assert platform.value is None and platform.display() == "not given"


def test_crosstab_keeps_years_the_source_does_not_give() -> None:
    s = service_for("met-pa-2023")
    assert s.crosstabs == ("allegation",)
    tab = s.crosstab("allegation")
    assert tab.columns == ("2018", "2019", "2020", "2021", "2022")
    assert tab.rows == ("inappropriate sexual conduct", "discriminatory behaviour")
    assert [c.display() for c in tab.cells[0]] == ["2", "not given", "not given", "not given", "19"]
    assert [c.display() for c in tab.column_totals] == ["3", "not given", "not given", "not given", "34"]
    assert all(t.value is None for t in tab.row_totals)
    assert tab.given_columns == ("2018", "2022") and "not given" in tab.lacks
    assert s.count("allegation", "discriminatory behaviour", "2022") == 15
    with pytest.raises(KeyError):
        s.count("allegation", "discriminatory behaviour")
    with pytest.raises(KeyError):
        s.crosstab("rank")


def test_crosstab_table_is_two_way() -> None:
    table = crosstab_table(service_for("met-pa-2023"), "allegation")
    assert table.columns[1:-1] == ("2018", "2019", "2020", "2021", "2022")
    assert table.rows[1][1] == "1" and table.rows[1][5] == "15"


def test_by_force_is_sorted_with_the_unnamed_remainder_last() -> None:
    forces = service_for("uk-pa-2014").by_force()
    assert forces is not None
    counts = [f.count for f in forces.source_figures]
    assert counts == sorted(counts, reverse=True)
    assert forces.figures[0].category == "Greater Manchester Police"
    assert forces.figures[-1].derived and forces.figures[-1].count == 480
    assert service_for("met-2018-2021").by_force() is None


def test_by_force_in_another_unit_has_no_shares() -> None:
    forces = service_for("uk-dailymail-2021").by_force()
    assert forces is not None and forces.unit == "allegations"
    assert [f.count for f in forces.figures] == [277, 126] and forces.base is None


def test_lacks_says_what_a_dataset_does_not_give(service: DataService) -> None:
    assert service.lacks == ("no breakdown by force",)
    lacks = service_for("uk-2023").lacks
    assert "no breakdown by year" in lacks and "no breakdown by rank" in lacks


@pytest.mark.parametrize("name", [p.name for p in sorted(datasets_root().iterdir()) if p.is_dir()])
def test_every_dataset_gives_tables_checks_and_claims(name: str) -> None:
    s = service_for(name)
    assert all_tables(s)
    assert all(c.status in ("holds", "does not hold", "cannot be checked") for c in s.checks)
    assert all(c.status in ("supported", "contradicted", "not checkable") for c in s.claims)
    assert s.provenance.sources and s.provenance.caveats


def test_claims_can_name_a_crosstab_cell() -> None:
    claim = next(c for c in service_for("met-pa-2023").claims if c.id == "C1")
    assert claim.status == "supported" and "11.3×" in claim.computed


def test_known_verdicts_of_the_new_datasets() -> None:
    verdicts = {c.id: c.status for c in service_for("met-guardian-2022").claims}
    assert verdicts == {"C1": "supported", "C2": "supported", "C3": "supported"}
    checks = {c.id: c.status for c in service_for("met-guardian-2022").checks}
    assert checks["sanction-sum"] == "does not hold"
    yorkshire = next(c for c in service_for("uk-pa-2014").checks if "Yorkshire" in c.title)
    assert yorkshire.status == "holds" and "117" in yorkshire.detail


def test_dataset_summary_says_what_is_given_and_what_is_not() -> None:
    from tui.data.views import dataset_summary

    text = dataset_summary(service_for("met-guardian-2022"))
    assert text.startswith("met-guardian-2022: 412 officers investigated, 2017 – Aug 2022 (2022 partial).")
    assert "Not given: breakdown by year, breakdown by rank, findings, breakdown by force." in text
    assert dataset_summary(service_for("uk-2023")).startswith("uk-2023: > 1000 officers investigated")


def test_more_dimensions_are_what_the_first_screens_leave_out(service: DataService) -> None:
    from tui.data.views import more_dimensions

    assert more_dimensions(service) == ()
    assert more_dimensions(service_for("met-guardian-2013")) == ("staff_total", "staff_outcome")
    assert more_dimensions(service_for("uk-pa-2014")) == ("population", "outcome", "coverage")
    assert more_dimensions(service_for("met-pa-2023")) == ("ratio",)
