"""A figure as a source gives it: a number, how exact it is, and what it counts.

Sources rarely give plain counts. They give floors ("999 or more"), loose figures
("almost three quarters"), rounded shares ("26%"), or name a thing without a number.
:class:`Quantity` keeps all of that, shows it the same way everywhere, and refuses
sums that would hide it: no adding different units, no adding shares, and a sum with a
floor in it is itself only a floor.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

EXACT = "exact"
AT_LEAST = "at_least"
MORE_THAN = "more_than"
APPROX = "approx"
PERCENT = "percent"
NOT_GIVEN = "not_given"
SUPPRESSED = "suppressed"
DERIVED = "derived"

QUALIFIERS = (EXACT, AT_LEAST, MORE_THAN, APPROX, PERCENT, NOT_GIVEN, SUPPRESSED)
BLANK_QUALIFIERS = frozenset({NOT_GIVEN, SUPPRESSED})
"""Qualifiers whose count is left blank: the number is unknown, never zero."""

_PREFIX = {AT_LEAST: "≥ ", MORE_THAN: "> ", APPROX: "≈ "}
_WORDS = {
    EXACT: "exact",
    AT_LEAST: "at least",
    MORE_THAN: "more than",
    APPROX: "approximately",
    PERCENT: "a percentage",
    NOT_GIVEN: "not given",
    SUPPRESSED: "suppressed",
    DERIVED: "derived",
}


class NotAddable(ValueError):
    """Figures that must not be added together, with the reason in plain words."""


@dataclass(frozen=True, slots=True)
class Quantity:
    """One figure: ``value`` (None when not given or suppressed), its qualifier and unit."""

    value: int | None
    qualifier: str
    unit: str

    @property
    def known(self) -> bool:
        """True when there is a number at all."""
        return self.value is not None

    @property
    def is_percent(self) -> bool:
        """True when the number is a percentage, not a count."""
        return self.qualifier == PERCENT or self.unit.startswith("percent")

    @property
    def is_exact_count(self) -> bool:
        """True for a plain count (exact or worked out from exact counts)."""
        return self.known and self.qualifier in (EXACT, DERIVED) and not self.is_percent

    def display(self) -> str:
        """The figure as shown everywhere: '412', '≥ 999', '> 1000', '≈ 75 %', '26 %', 'not given'."""
        return display(self.value, self.qualifier, self.unit)

    def describe(self) -> str:
        """The figure with its unit, e.g. '≥ 999 officers reported' or '26 % of officers investigated'."""
        if not self.known:
            return f"{self.display()} ({self.unit})"
        if self.is_percent:
            unit = self.unit.removeprefix("percent").strip()
            return f"{self.display()} {unit}".rstrip()
        return f"{self.display()} {self.unit}".rstrip()


def display(value: int | None, qualifier: str = EXACT, unit: str = "") -> str:
    """Show a number with its qualifier; a blank number is named, never shown as zero."""
    if value is None:
        return "suppressed" if qualifier == SUPPRESSED else "not given"
    text = f"{_PREFIX.get(qualifier, '')}{value}"
    if qualifier == PERCENT or unit.startswith("percent"):
        return f"{text} %"
    if unit == "times":
        return f"{text}×"
    return text


def words(qualifier: str) -> str:
    """A qualifier in plain words, e.g. 'at least'."""
    return _WORDS.get(qualifier, qualifier)


def add(quantities: Iterable[Quantity]) -> Quantity:
    """Add counts of one unit, carrying the weakest qualifier.

    Exact + exact is exact; a floor (at least / more than) makes the sum a floor; an
    approximate figure makes it approximate; a blank count makes it unknown.

    Raises:
        NotAddable: the figures are of different units, are percentages, or mix a
            floor with an approximate figure (the sum would mean nothing).
    """
    items = list(quantities)
    if not items:
        raise NotAddable("nothing to add")
    units = sorted({q.unit for q in items})
    if len(units) > 1:
        raise NotAddable(f"different units ({' and '.join(units)}) are never added")
    if any(q.is_percent for q in items):
        raise NotAddable("percentages are shares of different bases and are never added")
    qualifiers = {q.qualifier for q in items}
    if qualifiers & {AT_LEAST, MORE_THAN} and APPROX in qualifiers:
        raise NotAddable("a floor and an approximate figure cannot be added")
    if any(not q.known for q in items):
        blank = SUPPRESSED if SUPPRESSED in qualifiers else NOT_GIVEN
        return Quantity(None, blank, units[0])
    total = sum(q.value for q in items if q.value is not None)
    if MORE_THAN in qualifiers:
        qualifier = MORE_THAN
    elif AT_LEAST in qualifiers:
        qualifier = AT_LEAST
    elif APPROX in qualifiers:
        qualifier = APPROX
    elif DERIVED in qualifiers:
        qualifier = DERIVED
    else:
        qualifier = EXACT
    return Quantity(total, qualifier, units[0])
