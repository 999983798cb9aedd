"""Immutable answers the data service gives: plain frozen dataclasses, no pandas."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

CheckStatus = Literal["holds", "does not hold", "cannot be checked"]
ClaimStatus = Literal["supported", "contradicted", "not checkable"]


@dataclass(frozen=True)
class Source:
    """One published source of a dataset's figures."""

    title: str
    url: str
    publisher: str
    published: str


@dataclass(frozen=True)
class Provenance:
    """Where a dataset's figures come from and what to keep in mind when using them."""

    name: str
    title: str
    description: str
    force: str
    publisher: str
    foi_reference: str | None
    foi_reference_note: str
    published: str
    disclosure_date: str
    period: str
    population: str
    unit: str
    licence: str
    sources: tuple[Source, ...]
    caveats: tuple[str, ...]

    @property
    def foi_label(self) -> str:
        """The FoI reference, or a plain statement that there is none."""
        return f"FoI {self.foi_reference}" if self.foi_reference else "FoI ref not stated"

    def one_line(self) -> str:
        """Publisher, FoI reference and period on one short line."""
        return f"{self.publisher} · {self.foi_label} · {self.period}"


@dataclass(frozen=True)
class Figure:
    """One line of a breakdown: a category, its count and its share of the base.

    ``qualifier`` is the source's (exact, at_least, approx, suppressed) or
    ``derived`` for a line this tool worked out from other figures.
    """

    category: str
    count: int | None
    qualifier: str
    share: float | None
    note: str = ""

    @property
    def derived(self) -> bool:
        """True when the figure was computed here, not given by the source."""
        return self.qualifier == "derived"


@dataclass(frozen=True)
class Breakdown:
    """A dimension's figures (e.g. officers by rank) with the base their shares are of."""

    dimension: str
    title: str
    figures: tuple[Figure, ...]
    groups: tuple[Figure, ...]
    base: int | None
    base_label: str
    listed: int

    @property
    def source_figures(self) -> tuple[Figure, ...]:
        """Only the figures the source gives (no derived remainder line)."""
        return tuple(f for f in self.figures if not f.derived)


@dataclass(frozen=True)
class PeriodChange:
    """One period of a trend with its change on the period before."""

    period: str
    count: int | None
    change: int | None
    change_pct: float | None


@dataclass(frozen=True)
class Trend:
    """Counts over time with the total, the peak and the first-to-last multiple."""

    dimension: str
    title: str
    periods: tuple[PeriodChange, ...]
    total: int
    peak_period: str
    peak_count: int
    first_period: str
    last_period: str
    multiple: float | None


@dataclass(frozen=True)
class Check:
    """A reconciliation check of the figures against each other."""

    id: str
    title: str
    status: CheckStatus
    detail: str


@dataclass(frozen=True)
class ClaimResult:
    """One of the article's claims, tested against the figures."""

    id: str
    claim: str
    kind: str
    status: ClaimStatus
    computed: str
    location: str


@dataclass(frozen=True)
class Definition:
    """A term used in the figures and what it means."""

    term: str
    meaning: str
