"""Property: any per-case table round-trips. Imported counts equal a pandas value_counts of the
input, and rows imported + rows skipped = rows read."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.importer import files
from tui.importer import import_file

RANKS = {"PC": "police constable", "DC": "police constable", "PS": "sergeant", "Insp": "inspector", "": "not stated"}
YEARS = ("2018", "2019", "2020/21", "")
row = st.tuples(
    st.sampled_from(YEARS),
    st.sampled_from(sorted(RANKS)),
    st.one_of(st.just(""), st.text(alphabet="abcdefgh", min_size=2, max_size=6)),
)
blank = st.just(("", "", ""))
table = st.lists(st.one_of(row, row, row, blank), min_size=1, max_size=60).filter(
    lambda rows: any(any(r) for r in rows)
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(table)
def test_per_case_counts_round_trip(rows: list[tuple[str, str, str]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = files.write_csv(Path(folder) / "cases.csv", [("Year", "Rank", "Allegation"), *rows])
        result = import_file(path)
    frame = pd.DataFrame(rows, columns=["year", "rank", "allegation"])
    kept = frame[(frame != "").any(axis=1)]
    log = result.log
    assert log.read == len(rows)
    assert log.imported + len(log.skipped) == log.read
    assert log.imported == len(kept)
    assert all(s.reason == "blank row" for s in log.skipped)
    figures = result.dataset.figures

    def imported(dimension: str) -> dict[str, int]:
        part = figures[figures["dimension"] == dimension]
        return {str(r.category): int(r.count) for r in part.itertuples()}

    expected_years = kept["year"].replace("", "not stated").value_counts().to_dict()
    assert imported("year") == expected_years
    assert imported("rank") == kept["rank"].map(RANKS).value_counts().to_dict()
    assert imported("allegation") == kept["allegation"].replace("", "not stated").value_counts().to_dict()
    assert imported("total") == {"cases": len(kept)}


cell = st.one_of(st.integers(0, 5000).map(str), st.sampled_from(["<5", "*", "-", "n/a", "redacted"]))
names = st.lists(st.text(alphabet="abcdefgh", min_size=3, max_size=8), min_size=1, max_size=12, unique=True)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(names.flatmap(lambda ns: st.tuples(st.just(ns), st.lists(cell, min_size=len(ns), max_size=len(ns)))))
def test_aggregate_counts_round_trip_and_suppressed_is_never_zero(table: tuple[list[str], list[str]]) -> None:
    labels, values = table
    with tempfile.TemporaryDirectory() as folder:
        path = files.write_csv(Path(folder) / "agg.csv", [("Allegation", "Count"), *zip(labels, values, strict=True)])
        result = import_file(path)
    figures = result.dataset.figures
    part = figures[figures["dimension"] == "allegation"]
    assert result.log.read == len(labels) and result.log.imported == len(labels)
    for label, value, row in zip(labels, values, part.itertuples(), strict=True):
        assert row.category == label
        if value.isdigit():
            assert (row.qualifier, int(row.count)) == ("exact", int(value))
        else:
            assert pd.isna(row.count)
            assert row.qualifier == ("not_given" if value in ("-", "n/a") else "suppressed")
