"""Every figure of the ten further datasets equals the research table it was built from.

Each research row is found in its dataset (same count, qualifier, unit and period);
rows the research marks as worked out are checked against what the app works out;
and the vendored copies in tests/fixtures/upstream match ../shared/data when it exists.
"""

from __future__ import annotations

import csv
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tui.data import DataService, load_dataset
from tui.data.locate import datasets_root

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "upstream"
SHARED = ROOT.parent / "shared" / "data"

RESEARCH = {
    "met-guardian-2022": "met_guardian_2022_412_officers.csv",
    "met-pa-2023": "met_pa_2023_507_complaints.csv",
    "met-guardian-2013": "met_guardian_2013_75_officers.csv",
    "met-independent-2013": "met_independent_2013_75_officers.csv",
    "northumbria-2016-2020": "northumbria_593_20.csv",
    "uk-pa-2014": "uk_pa_2014_828_cases.csv",
    "uk-dailymail-2021": "uk_dailymail_2021_999_officers.csv",
    "uk-opendemocracy-2022": "uk_opendemocracy_2022.csv",
    "uk-sundaytimes-2022": "uk_sundaytimes_2022.csv",
    "uk-2023": "uk_2023_1000_officers.csv",
}

# research dimension (or dimension and unit) -> dataset dimension, where they differ
DIMENSIONS: dict[str, dict[object, str]] = {
    "met-guardian-2022": {"outcome": "sanction"},
    "met-pa-2023": {"allegation_type": "allegation"},
    "met-guardian-2013": {
        "outcome_of_proven": "sanction",
        ("total", "staff"): "staff_total",
        ("outcome", "staff"): "staff_outcome",
    },
    "met-independent-2013": {
        "outcome": "sanction",
        ("outcome", "staff"): "staff_outcome",
        ("outcome", "people"): "people",
    },
    "uk-pa-2014": {("force", "forces"): "coverage"},
    "uk-dailymail-2021": {("outcome", "percent"): "outcome_percent"},
    "uk-opendemocracy-2022": {("outcome", "allegations"): "force"},
}

# (dataset dimension, research category) -> (dataset dimension, dataset category): names made shorter
RENAMED: dict[str, dict[tuple[str, str], tuple[str, str]]] = {
    "met-guardian-2022": {
        (
            "total",
            "investigated (texts, WhatsApp, Facebook, Twitter, Snapchat, dating apps, LinkedIn, other)",
        ): ("total", "officers investigated"),
        ("sanction", "any formal or informal action"): ("action", "any formal or informal action"),
        ("sanction", "any formal or informal action (percent)"): ("action_percent", "any formal or informal action"),
        ("sanction", "would have been dismissed (resigned/retired)"): ("sanction", "would have been dismissed"),
    },
    "met-pa-2023": {
        ("total", "complaints about behaviour on WhatsApp, Facebook, Twitter, Instagram, texts"): (
            "total",
            "complaints about online behaviour",
        ),
        ("ratio", "online sexism/racism complaints vs five years earlier"): (
            "ratio",
            "online sexism and racism complaints, 2022 against 2018",
        ),
    },
    "met-guardian-2013": {("total", "investigated"): ("total", "officers investigated")},
    "met-independent-2013": {("sanction", "formal action (all)"): ("action", "formal action (all)")},
    "uk-opendemocracy-2022": {("total", "disciplined or dismissed"): ("total", "officers disciplined or dismissed")},
    "northumbria-2016-2020": {
        ("platform", "Facebook and WhatsApp (split not given)"): ("platform", "Facebook and WhatsApp")
    },
}

Derivation = Callable[[DataService], int | None]


def _remainder(dimension: str) -> Derivation:
    return lambda s: next(f.count for f in s.breakdown(dimension).figures if f.derived)


# research rows that are stated as sums or worked out: what the app derives instead of storing
DERIVED: dict[tuple[str, str], Derivation] = {
    ("met-guardian-2022", "other actions not visible in stored text"): _remainder("sanction"),
    ("met-pa-2023", "sum of listed ranks"): lambda s: s.breakdown("rank").listed,
    ("met-guardian-2013", "not accounted for in text"): _remainder("finding"),
    ("uk-pa-2014", "not assigned in visible text"): _remainder("population"),
    ("uk-pa-2014", "four Yorkshire forces"): lambda s: s.breakdown("force").groups[0].count,
}


def derived_key(name: str, row: dict[str, str]) -> tuple[str, str] | None:
    """The DERIVED key of a research row (by category, or by force for by-force rows), if it has one."""
    for key in ((name, row["category"]), (name, row["force"])):
        if key in DERIVED:
            return key
    return None


def research_rows(name: str) -> list[dict[str, str]]:
    with (FIXTURES / RESEARCH[name]).open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def locate(service: DataService, name: str, row: dict[str, str]) -> tuple[str, str]:
    """The dataset dimension and category a research row was stored as."""
    dims = DIMENSIONS.get(name, {})
    dimension = dims.get((row["dimension"], row["unit"]), dims.get(row["dimension"], row["dimension"]))
    dimension, category = RENAMED.get(name, {}).get((dimension, row["category"]), (dimension, row["category"]))
    role = service.role_of(dimension) if dimension != "total" else "total"
    if role == "force":
        category = row["force"]
    elif role == "period":
        category = row["period"]
    return dimension, category


def stated_rows(name: str) -> list[dict[str, str]]:
    return [r for r in research_rows(name) if derived_key(name, r) is None]


def service_for(name: str) -> DataService:
    return DataService.from_path(datasets_root() / name)


CASES = [(name, i) for name in RESEARCH for i in range(len(stated_rows(name)))]


@pytest.mark.parametrize(("name", "index"), CASES, ids=[f"{n}-{i}" for n, i in CASES])
def test_every_research_figure_is_in_its_dataset(name: str, index: int) -> None:
    row = stated_rows(name)[index]
    service = service_for(name)
    dimension, category = locate(service, name, row)
    figure = service.quantity(dimension, category, row["period"])
    expected = int(row["count"]) if row["count"] else None
    assert (figure.value, figure.qualifier, figure.unit) == (expected, row["qualifier"], row["unit"]), row


@pytest.mark.parametrize("name", list(RESEARCH))
def test_every_dataset_figure_comes_from_the_research(name: str) -> None:
    """Nothing is stored that the research does not give (derived lines are worked out, not stored)."""
    service = service_for(name)
    stored = {(locate(service, name, r), r["period"]) for r in stated_rows(name)}
    figures = load_dataset(datasets_root() / name).figures
    keys = zip(figures["dimension"], figures["category"], figures["period"], strict=True)
    assert {((d, c), p) for d, c, p in keys} == stored


@pytest.mark.parametrize(("name", "category"), [(n, c) for n, c in DERIVED])
def test_derived_research_figures_equal_what_the_app_works_out(name: str, category: str) -> None:
    row = next(r for r in research_rows(name) if derived_key(name, r) == (name, category))
    assert DERIVED[(name, category)](service_for(name)) == int(row["count"])


@pytest.mark.parametrize("name", list(RESEARCH))
def test_provenance_matches_the_research(name: str) -> None:
    rows = research_rows(name)
    p = service_for(name).provenance
    urls = {s.url for s in p.sources}
    assert {r["source_url"] for r in rows} <= urls
    assert p.published == rows[0]["published"]
    assert p.unit == rows[0]["unit"]
    refs = {r["foi_ref"] for r in rows}
    if refs == {"593/20"}:
        assert p.foi_reference == "593/20"
    else:
        assert p.foi_reference is None and p.foi_reference_note.startswith("FoI ref not stated")
    meta = load_dataset(datasets_root() / name).metadata["period"]
    assert min(r["period_start"] for r in rows).startswith(meta["start"])
    assert max(r["period_end"] for r in rows).startswith(meta["end"])


@pytest.mark.parametrize("name", list(RESEARCH))
def test_fixture_copy_matches_shared_research(name: str) -> None:
    shared = SHARED / RESEARCH[name]
    if not shared.exists():
        pytest.skip("../shared/data is not beside this checkout")
    assert (FIXTURES / RESEARCH[name]).read_bytes() == shared.read_bytes()
