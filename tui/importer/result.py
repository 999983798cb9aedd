"""What an import produces: figure rows, the row log that accounts for every input row, and notes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from tui.importer.cells import period_sort_key

MAX_AS_GIVEN = 1000
"""Most values read as given that the vocabulary mapping lists for one dimension."""


@dataclass(frozen=True)
class Skipped:
    """One input row not imported, and why."""

    row: int
    reason: str


@dataclass
class RowLog:
    """Every row read after the header: imported, or skipped with its row number and reason."""

    read: int = 0
    imported: int = 0
    skipped: list[Skipped] = field(default_factory=list)

    def skip(self, row: int, reason: str) -> None:
        """Record a skipped row."""
        self.skipped.append(Skipped(row, reason))

    def summary(self) -> str:
        """'412 rows: 409 imported, 3 skipped'."""
        rows = "row" if self.read == 1 else "rows"
        return f"{self.read} {rows}: {self.imported} imported, {len(self.skipped)} skipped"

    @property
    def balanced(self) -> bool:
        """True when imported + skipped = read: every row accounted for."""
        return self.imported + len(self.skipped) == self.read


@dataclass
class Tally:
    """Counts being gathered for one dimension: by (category, period), with suppressed and missing parts."""

    counts: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    suppressed: dict[tuple[str, str], int] = field(default_factory=lambda: defaultdict(int))
    not_given: set[tuple[str, str]] = field(default_factory=set)
    notes: dict[tuple[str, str], list[str]] = field(default_factory=lambda: defaultdict(list))
    order: list[tuple[str, str]] = field(default_factory=list)

    def _see(self, key: tuple[str, str]) -> None:
        if key not in self.counts and key not in self.suppressed and key not in self.not_given:
            self.order.append(key)

    def add(self, category: str, period: str, count: int, note: str = "") -> None:
        """Add a known count."""
        key = (category, period)
        self._see(key)
        self.counts[key] += count
        if note:
            self.notes[key].append(note)

    def add_suppressed(self, category: str, period: str, note: str = "") -> None:
        """Add a count the source suppressed ("<5", "*")."""
        key = (category, period)
        self._see(key)
        self.suppressed[key] += 1
        if note:
            self.notes[key].append(note)

    def add_not_given(self, category: str, period: str, note: str = "") -> None:
        """Record a cell that gives no count ("-", "n/a", blank)."""
        key = (category, period)
        self._see(key)
        self.not_given.add(key)
        if note:
            self.notes[key].append(note)


@dataclass
class Imported:
    """A converted table: figures by dimension, per-case rows if any, the mapping used and the row log."""

    shape: str
    tallies: dict[str, Tally] = field(default_factory=dict)
    dimension_info: dict[str, dict[str, Any]] = field(default_factory=dict)
    stated_total: int | None = None
    cases: pd.DataFrame | None = None
    mapping: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    log: RowLog = field(default_factory=RowLog)
    notes: list[str] = field(default_factory=list)
    checks: list[str] = field(default_factory=list)
    unrecognised: list[str] = field(default_factory=list)
    as_given: dict[str, int] = field(default_factory=dict)

    def tally(self, dimension: str) -> Tally:
        """The tally of ``dimension``, created on first use."""
        return self.tallies.setdefault(dimension, Tally())

    def remember(self, dimension: str, original: str, canonical: str, how: str) -> None:
        """Record that ``original`` was read as ``canonical`` in ``dimension`` (and how).

        Values kept as given are recorded up to :data:`MAX_AS_GIVEN` a dimension (a free-text
        column would list every case); vocabulary and ``--map`` readings always are.
        """
        if how == "as given":
            seen = self.as_given.get(dimension, 0)
            if seen >= MAX_AS_GIVEN or (dimension, original) in self.mapping:
                return
            self.as_given[dimension] = seen + 1
        self.mapping.setdefault((dimension, original), (canonical, how))

    @property
    def periods(self) -> list[str]:
        """Every period named in the figures, in time order."""
        found = {p for tally in self.tallies.values() for _, p in tally.order if p}
        return sorted(found, key=period_sort_key)
