"""The data service answers every view correctly, immutably and once."""

from __future__ import annotations

import dataclasses

import pytest

from tui.data import DataService


def test_total_and_dimensions(service: DataService) -> None:
    assert service.total == 184
    assert service.dimensions == ("year", "rank", "finding", "sanction")


def test_shares_are_of_the_right_base(service: DataService) -> None:
    ranks = service.breakdown("rank")
    assert ranks.base == 184
    assert ranks.figures[0].share == pytest.approx(160 / 184)
    sanctions = service.breakdown("sanction")
    assert sanctions.base == 37
    assert "case to answer" in sanctions.base_label
    assert sanctions.figures[0].share == pytest.approx(1 / 37)


def test_not_stated_rank_is_kept(service: DataService) -> None:
    assert service.count("rank", "not stated") == 4


def test_derived_lines(service: DataService) -> None:
    (group,) = service.breakdown("rank").groups
    assert (group.category, group.count, group.derived) == ("sergeant or above", 20, True)
    finding = service.breakdown("finding").figures[-1]
    assert (finding.category, finding.count, finding.derived) == ("no finding recorded", 83, True)
    remainder = service.breakdown("sanction").figures[-1]
    assert (remainder.category, remainder.count) == ("not explained", 16)


def test_trend(service: DataService) -> None:
    trend = service.trend("year")
    assert [p.count for p in trend.periods] == [14, 16, 62, 92]
    assert [p.change for p in trend.periods] == [None, 2, 46, 30]
    assert trend.periods[2].change_pct == pytest.approx(46 / 16 * 100)
    assert (trend.peak_period, trend.peak_count) == ("2021", 92)
    assert trend.multiple == pytest.approx(92 / 14)
    assert trend.total == 184


def test_results_are_memoised_and_frozen(service: DataService) -> None:
    assert service.breakdown("rank") is service.breakdown("rank")
    assert service.trend() is service.trend()
    assert service.checks is service.checks
    with pytest.raises(dataclasses.FrozenInstanceError):
        service.breakdown("rank").base = 1  # type: ignore[misc]
    assert isinstance(service.breakdown("rank").figures, tuple)


def test_unknown_figure_raises_key_error(service: DataService) -> None:
    with pytest.raises(KeyError):
        service.count("rank", "chief constable")
    with pytest.raises(KeyError):
        service.breakdown("colour")


def test_provenance_bar_fits_80_columns(service: DataService) -> None:
    line = f"{service.provenance.name} · {service.provenance.one_line()}"  # as ProvenanceBar draws it
    assert len(line) <= 78
    assert "FoI ref not stated" in line


def test_definitions_cover_every_category(service: DataService) -> None:
    terms = {d.term for d in service.definitions}
    for dimension in ("rank", "finding", "sanction"):
        breakdown = service.breakdown(dimension)
        for figure in breakdown.figures + breakdown.groups:
            assert figure.category in terms, figure.category
    assert {"suppressed", "not recorded", "investigated"} <= terms
