"""Immutable answers the data service gives: plain frozen dataclasses, no pandas."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from tui.data.quantity import Quantity

CheckStatus = Literal["holds", "does not hold", "cannot be checked"]
ClaimStatus = Literal["supported", "contradicted", "not checkable"]


@dataclass(frozen=True, slots=True)
class Source:
    """One published source of a dataset's figures."""

    title: str
    url: str
    publisher: str
    published: str


@dataclass(frozen=True, slots=True)
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


@dataclass(frozen=True, slots=True)
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
    unit: str = ""
    period: str = ""

    @property
    def derived(self) -> bool:
        """True when the figure was computed here, not given by the source."""
        return self.qualifier == "derived"

    @property
    def quantity(self) -> Quantity:
        """The figure as a :class:`~tui.data.quantity.Quantity` (number, qualifier, unit)."""
        return Quantity(self.count, self.qualifier, self.unit)

    @property
    def display(self) -> str:
        """The count as shown everywhere: '412', '≥ 999', '≈ 75 %', 'not given'."""
        return self.quantity.display()


@dataclass(frozen=True, slots=True)
class Breakdown:
    """A dimension's figures (e.g. officers by rank) with the base their shares are of."""

    dimension: str
    title: str
    figures: tuple[Figure, ...]
    groups: tuple[Figure, ...]
    base: int | None
    base_label: str
    listed: int
    unit: str = ""
    listed_note: str = ""

    @property
    def source_figures(self) -> tuple[Figure, ...]:
        """Only the figures the source gives (no derived remainder line)."""
        return tuple(f for f in self.figures if not f.derived)


@dataclass(frozen=True, slots=True)
class PeriodChange:
    """One period of a trend with its change on the period before."""

    period: str
    count: int | None
    change: int | None
    change_pct: float | None
    qualifier: str = "exact"


@dataclass(frozen=True, slots=True)
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
    total_qualifier: str = "exact"
    unit: str = ""


@dataclass(frozen=True, slots=True)
class Check:
    """A reconciliation check of the figures against each other."""

    id: str
    title: str
    status: CheckStatus
    detail: str


@dataclass(frozen=True, slots=True)
class ClaimResult:
    """One of the source's claims (an article, a report or the FoI reply itself), tested against the figures."""

    id: str
    claim: str
    kind: str
    status: ClaimStatus
    computed: str
    location: str


@dataclass(frozen=True, slots=True)
class Definition:
    """A term used in the figures and what it means."""

    term: str
    meaning: str


@dataclass(frozen=True, slots=True)
class CrossTab:
    """A count by two dimensions (e.g. allegation type by year), stored as the source gives it.

    ``cells[r][c]`` is the figure for ``rows[r]`` and ``columns[c]``; a cell the source
    does not give is a blank ``not_given`` quantity, never a zero. Totals are only
    given where every cell they need is a count of the same unit.
    """

    dimension: str
    title: str
    row_title: str
    column_title: str
    rows: tuple[str, ...]
    columns: tuple[str, ...]
    cells: tuple[tuple[Quantity, ...], ...]
    row_totals: tuple[Quantity, ...]
    column_totals: tuple[Quantity, ...]
    unit: str

    @property
    def given_columns(self) -> tuple[str, ...]:
        """The columns for which the source gives at least one figure."""
        return tuple(c for i, c in enumerate(self.columns) if any(row[i].known for row in self.cells))

    @property
    def lacks(self) -> str:
        """A sentence on the cells the source leaves out, or '' when it gives them all."""
        missing = [c for c in self.columns if c not in self.given_columns]
        if not missing:
            return ""
        given = ", ".join(self.given_columns) or "none"
        return f"The source gives {self.row_title} for {given} only; {', '.join(missing)}: not given."
