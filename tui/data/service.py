"""The one shared in-memory data service: every view asks it, nothing else reads data."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.data import quantity as qty
from tui.data.checks import reconcile
from tui.data.claims import ClaimEvaluator
from tui.data.gc_pause import gc_paused
from tui.data.loader import Dataset, load_dataset
from tui.data.model import (
    Breakdown,
    Check,
    ClaimResult,
    CrossTab,
    Definition,
    Figure,
    PeriodChange,
    Provenance,
    Source,
    Trend,
)
from tui.data.quantity import NotAddable, Quantity

NO_BASE = "none"
"""The ``base`` of a dimension whose figures are not shares of anything in the dataset."""

if TYPE_CHECKING:
    import pandas as pd

    from tui.data.cases import CaseTable


class DataService:
    """Answers every question the views ask about one dataset, from pandas, loaded once.

    Results are frozen dataclasses of tuples and are memoised: ask as often as you like.
    """

    def __init__(self, dataset: Dataset) -> None:
        self._dataset = dataset
        self._figures = _with_units(dataset.figures, str(dataset.metadata["unit"]))
        # Every lookup goes through this index, built in one pass: no scan of the figures per question.
        # Each dimension's rows are kept as their positions and taken when asked for (rarely: they are
        # indexed once, and each answer is kept): a copy of every row, kept, was 6 MiB at 100,000 rows.
        self._positions: dict[str, Any] = {
            str(name): positions for name, positions in self._figures.groupby("dimension", sort=False).indices.items()
        }
        self._indexes: dict[str, _DimensionIndex] = {}
        self._breakdowns: dict[str, Breakdown] = {}
        self._trends: dict[str, Trend] = {}
        self._claims = ClaimEvaluator(self)
        self._cases: CaseTable | None = None
        self._claims.validate(dataset.claims, dataset.path / _claims_file(dataset.metadata), dataset.claim_lines)

    @classmethod
    def from_path(cls, path: Path | str) -> DataService:
        """Load, validate and serve the dataset at ``path``.

        Raises:
            DatasetError: the dataset is missing or broken.
        """
        return cls(load_dataset(path))

    # --- metadata -------------------------------------------------------

    @property
    def path(self) -> Path:
        """The dataset's folder."""
        return self._dataset.path

    @property
    def dataset(self) -> Dataset:
        """The validated dataset this service answers from (metadata, figures, path)."""
        return self._dataset

    @cached_property
    def provenance(self) -> Provenance:
        """The dataset's source, period, population and caveats."""
        meta = self._dataset.metadata
        licences = meta.get("licenses") or [{}]
        return Provenance(
            name=meta["name"],
            title=meta["title"],
            description=meta.get("description", ""),
            force=meta["force"],
            publisher=meta["publisher"],
            foi_reference=meta.get("foi_reference"),
            foi_reference_note=meta.get("foi_reference_note", ""),
            published=meta.get("published", "not stated"),
            disclosure_date=meta.get("disclosure_date", "not stated"),
            period=meta["period"].get("label", f"{meta['period'].get('start')}–{meta['period'].get('end')}"),
            population=meta["population"],
            unit=meta["unit"],
            licence=licences[0].get("title") or licences[0].get("name", "not stated"),
            sources=tuple(
                Source(
                    title=s.get("title", ""),
                    url=s.get("path", ""),
                    publisher=s.get("publisher", ""),
                    published=s.get("published", ""),
                )
                for s in meta["sources"]
            ),
            caveats=tuple(meta.get("caveats", ())),
        )

    @cached_property
    def dimensions(self) -> tuple[str, ...]:
        """The breakdown dimensions in the order the figures table first lists them."""
        return tuple(d for d in self._figures["dimension"].unique() if d != "total")

    def dimension_info(self, dimension: str) -> dict[str, Any]:
        """The metadata the package gives a dimension (title, base, coverage, groups)."""
        return dict(self._dataset.metadata.get("dimensions", {}).get(dimension, {}))

    def label(self, dimension: str) -> str:
        """A short plural name for a dimension (e.g. 'ranks'), for sentences."""
        return str(self.dimension_info(dimension).get("label", dimension))

    @cached_property
    def definitions(self) -> tuple[Definition, ...]:
        """Plain-words meanings of the terms used in the figures."""
        return tuple(Definition(d["term"], d["meaning"]) for d in self._dataset.definitions)

    # --- figures ----------------------------------------------------------

    @cached_property
    def stated_total(self) -> int | None:
        """The total the source states, if it states one."""
        rows = self._dimension_rows("total")
        return None if rows is None or rows.empty else _int(rows["count"].iloc[0])

    @cached_property
    def total(self) -> int:
        """The number of officers in the dataset: the stated total, else the first full breakdown's sum."""
        if self.stated_total is not None:
            return self.stated_total
        for dimension in self.dimensions:
            if self.dimension_info(dimension).get("coverage", "complete") == "complete":
                return self._sum(dimension)
        return self._sum(self.dimensions[0])

    def count(self, dimension: str, category: str, period: str | None = None) -> int | None:
        """The count of one category (None when suppressed or not given).

        ``period`` picks one cell of a cross-tab (e.g. an allegation type in one year).

        Raises:
            KeyError: no such dimension and category (and period), or a cross-tab
                category asked for without its period.
        """
        return self.quantity(dimension, category, period).value

    def quantity(self, dimension: str, category: str, period: str | None = None) -> Quantity:
        """One figure with its qualifier and unit (see :meth:`count`)."""
        found, several = self._index(dimension).lookup(category, period or "", self._rows)
        if found is None:
            raise KeyError(f"{dimension}:{category}" + (f"@{period}" if period else ""))
        if several:
            raise KeyError(f"{dimension}:{category} (a cross-tab: give a period with @)")
        return found

    def counts(self, dimension: str) -> dict[str, int | None]:
        """Every category's count in source order, as :meth:`count` gives each (one lookup for them all).

        Raises:
            KeyError: no such dimension, or a cross-tab (its categories have a count per period).
        """
        index = self._index(dimension)
        several = next((c for c in index.categories if c in index.several), None)
        if several is not None:
            raise KeyError(f"{dimension}:{several} (a cross-tab: give a period with @)")
        return {category: index.whole[category].value for category in index.categories}

    def categories(self, dimension: str) -> tuple[str, ...]:
        """The categories of a dimension in source order."""
        return self._index(dimension).categories

    def has_suppressed(self, dimension: str) -> bool:
        """True when any count of the dimension is suppressed."""
        return self._index(dimension).suppressed

    def sum(self, dimension: str) -> int:
        """The sum of a dimension's known counts (suppressed counts are left out, not zeroed)."""
        return self._sum(dimension)

    def base_of(self, dimension: str) -> tuple[int | None, str]:
        """The number a dimension's shares are of, and a label saying what it is."""
        info = self.dimension_info(dimension)
        base_ref = info.get("base", "total")
        if base_ref == NO_BASE:
            return None, str(info.get("base_label", "no base: these figures are not shares of anything here"))
        if base_ref == "total":
            base = self.total_quantity
            label = f"all {base.display()} {self.provenance.unit}"
        else:
            base_dim, _, base_cat = base_ref.partition(":")
            base = self.quantity(base_dim, base_cat)
            label = f"the {base.display()} {info.get('base_label', f'in {base_cat!r}')}"
        units = self._index(dimension).units
        if not base.is_exact_count:
            return None, f"no shares: {label} is not an exact count ({qty.words(base.qualifier)})"
        if units != {base.unit}:
            return None, f"no shares: {label} count {base.unit}, these count {' and '.join(sorted(units))}"
        return base.value, label

    def breakdown(self, dimension: str) -> Breakdown:
        """Counts and shares of one dimension, with derived groups and any unexplained remainder."""
        if dimension not in self._breakdowns:
            with gc_paused():
                self._breakdowns[dimension] = self._build_breakdown(dimension)
        return self._breakdowns[dimension]

    def trend(self, dimension: str = "year") -> Trend:
        """Counts per period with year-on-year change, the peak and the first-to-last multiple."""
        if dimension not in self._trends:
            with gc_paused():
                self._trends[dimension] = self._build_trend(dimension)
        return self._trends[dimension]

    @cached_property
    def checks(self) -> tuple[Check, ...]:
        """Reconciliation checks of the figures against each other."""
        return reconcile(self)

    @cached_property
    def claims(self) -> tuple[ClaimResult, ...]:
        """The source's claims, each tested against the figures."""
        return self._claims.evaluate_all(self._dataset.claims)

    # --- roles, units, qualifiers and cross-tabs -----------------------------

    def dimension_for(self, role: str) -> str | None:
        """The first dimension whose package entry has this ``role`` (period, rank, force, …), or None."""
        found = self.dimensions_for(role)
        return found[0] if found else None

    def dimensions_for(self, role: str) -> tuple[str, ...]:
        """Every dimension with this role, in figures order."""
        if role == "total":
            return ("total",) if self.stated_total is not None else ()
        return tuple(d for d in self.dimensions if self.role_of(d) == role)

    def role_of(self, dimension: str) -> str:
        """The role the package gives a dimension (its name when it gives none)."""
        return str(self.dimension_info(dimension).get("role", dimension))

    @cached_property
    def total_quantity(self) -> Quantity:
        """The total with its qualifier: the stated one, else a qualified sum of the first full breakdown.

        A total worked out from floors is itself a floor (e.g. '≥ 370').
        """
        rows = self._figures[self._figures["dimension"] == "total"]
        if not rows.empty:
            row = rows.iloc[0]
            return Quantity(_int(row["count"]), str(row["qualifier"]), str(row["unit"]))
        for dimension in self.dimensions:
            info = self.dimension_info(dimension)
            if info.get("coverage", "complete") == "complete" and info.get("base", "total") == "total":
                listed, _ = self._listed(dimension)
                if listed is not None:
                    qualifier = qty.DERIVED if listed.qualifier == qty.EXACT else listed.qualifier
                    return Quantity(listed.value, qualifier, listed.unit)
        return Quantity(None, qty.NOT_GIVEN, self.provenance.unit)

    def sum_quantity(self, dimension: str) -> Quantity:
        """A dimension's figures added up, qualifier carried.

        Raises:
            NotAddable: the figures are of different units, percentages, or a cross-tab's cells.
        """
        if self.is_crosstab(dimension):
            raise NotAddable("a cross-tab's cells are added only along one of its dimensions")
        return qty.add(self._index(dimension).quantities)

    def is_crosstab(self, dimension: str) -> bool:
        """True when the dimension is a count by two dimensions (its category and its period)."""
        return "crosstab" in self.dimension_info(dimension)

    @cached_property
    def crosstabs(self) -> tuple[str, ...]:
        """The dimensions stored as cross-tabs."""
        return tuple(d for d in self.dimensions if self.is_crosstab(d))

    def crosstab(self, dimension: str) -> CrossTab:
        """The dimension as a two-way table; cells the source does not give are 'not given', not zero.

        Raises:
            KeyError: the dimension is not a cross-tab.
        """
        info = self.dimension_info(dimension)
        if "crosstab" not in info:
            raise KeyError(f"{dimension} is not a cross-tab")
        spec = info["crosstab"]
        rows = self._rows(dimension)
        unit = " and ".join(dict.fromkeys(rows["unit"].tolist()))
        columns = tuple(str(c) for c in spec.get("values") or dict.fromkeys(rows["period"].tolist()))
        names = self.categories(dimension)
        cells = tuple(tuple(self._cell(dimension, name, column, unit) for column in columns) for name in names)
        return CrossTab(
            dimension=dimension,
            title=str(info.get("title", dimension)),
            row_title=str(info.get("label", dimension)),
            column_title=str(spec.get("title", "period")),
            rows=names,
            columns=columns,
            cells=cells,
            row_totals=tuple(_try_add(row) for row in cells),
            column_totals=tuple(_try_add(col) for col in zip(*cells, strict=True)),
            unit=unit,
        )

    def by_force(self) -> Breakdown | None:
        """The by-force figures, largest first (blank counts last), or None when the dataset has none."""
        dimension = self.dimension_for("force")
        if dimension is None:
            return None
        breakdown = self.breakdown(dimension)
        given = sorted(breakdown.source_figures, key=lambda f: (f.count is None, -(f.count or 0), f.category))
        derived = tuple(f for f in breakdown.figures if f.derived)
        return replace(breakdown, figures=(*given, *derived))

    @cached_property
    def lacks(self) -> tuple[str, ...]:
        """What this dataset does not give, as short phrases for screens ('no breakdown by rank')."""
        missing = [f"no {what}" for role, what in _STANDARD_ROLES if not self.dimensions_for(role)]
        if self.stated_total is None:
            missing.append(f"no stated total (worked out: {self.total_quantity.display()})")
        return tuple(missing)

    # --- per-case rows -------------------------------------------------------

    @cached_property
    def has_cases(self) -> bool:
        """True when the dataset has per-case rows (imported from a spreadsheet)."""
        resources = self._dataset.metadata.get("resources", ())
        return self._dataset.cases is not None or any(r.get("name") == "cases" for r in resources)

    def has(self, what: str) -> bool:
        """True when the dataset has ``what`` a screen needs (``cases``: per-case rows)."""
        return what == "cases" and self.has_cases

    def cases(self, progress: Callable[[float], bool] | None = None) -> CaseTable:
        """The per-case rows as a table to filter and group; read from ``cases.csv`` on first use.

        Slow for a big file: call it from a worker; ``progress`` gets the share read so far and
        may return False to stop (see :func:`~tui.data.cases.read_cases`). Raises ``KeyError``
        when there are none, :class:`DatasetError` when the file cannot be read.
        """
        from tui.data.cases import CaseTable, read_cases  # only for datasets with cases

        if self._cases is None:
            frame = self._dataset.cases
            if frame is None:
                resource = next((r for r in self._dataset.metadata.get("resources", ()) if r["name"] == "cases"), None)
                if resource is None:
                    raise KeyError("cases")
                frame = read_cases(self._dataset.path / resource["path"], progress)
            self._cases = CaseTable(frame)
        return self._cases

    # --- internals ----------------------------------------------------------

    def _listed(self, dimension: str) -> tuple[Quantity | None, str]:
        """The qualified sum of a dimension, or None with the reason it cannot be added."""
        try:
            return self.sum_quantity(dimension), ""
        except NotAddable as exc:
            return None, str(exc)

    def _cell(self, dimension: str, category: str, period: str, unit: str) -> Quantity:
        try:
            return self.quantity(dimension, category, period)
        except KeyError:
            return Quantity(None, qty.NOT_GIVEN, unit)

    def _rows(self, dimension: str) -> pd.DataFrame:
        rows = self._dimension_rows(dimension)
        if rows is None or rows.empty:
            raise KeyError(dimension)
        return rows

    def _dimension_rows(self, dimension: str) -> pd.DataFrame | None:
        """The dimension's rows in source order (a copy, taken now), or None when it has none."""
        positions = self._positions.get(dimension)
        return None if positions is None else self._figures.take(positions)

    def _sum(self, dimension: str) -> int:
        return self._index(dimension).known_sum

    def _index(self, dimension: str) -> _DimensionIndex:
        """The dimension's lookups, built by one scan of its rows the first time it is asked about."""
        index = self._indexes.get(dimension)
        if index is None:
            with gc_paused():
                index = self._indexes[dimension] = _DimensionIndex.scan(dimension, self._rows(dimension))
        return index

    def _build_breakdown(self, dimension: str) -> Breakdown:
        info = self.dimension_info(dimension)
        rows = self._rows(dimension)
        base, base_label = self.base_of(dimension)
        listed = self._sum(dimension)
        listed_quantity, listed_note = self._listed(dimension)
        unit = " and ".join(dict.fromkeys(rows["unit"].tolist()))

        def share(found: Quantity) -> float | None:
            return None if found.value is None or not base or not found.is_exact_count else found.value / base

        shares: dict[int, float | None] = {}  # one share per distinct figure (index quantities are shared)

        def shared_share(found: Quantity) -> float | None:
            key = id(found)
            if key not in shares:
                shares[key] = share(found)
            return shares[key]

        crosstab = self.is_crosstab(dimension)
        columns = (rows[name].tolist() for name in ("category", "note", "period"))
        quantities = self._index(dimension).quantities
        figures = [
            Figure(
                f"{category} ({period})" if crosstab else str(category),
                found.value,
                found.qualifier,
                shared_share(found),
                str(note or ""),
                found.unit,
                str(period),
            )
            for (category, note, period), found in zip(zip(*columns, strict=True), quantities, strict=True)
        ]
        remainder = info.get("remainder")
        exact_listed = listed_quantity is not None and listed_quantity.is_exact_count
        gap = 0 if base is None or not exact_listed else base - listed
        if info.get("coverage") == "partial" and remainder and gap > 0 and not self.has_suppressed(dimension):
            gap_share = share(Quantity(gap, "exact", unit))
            figures.append(Figure(remainder, gap, "derived", gap_share, f"{base} - {listed} listed", unit))
        groups = []
        for group in info.get("groups", []):
            members = [self.count(dimension, m) for m in group["members"]]
            known = None if any(m is None for m in members) else sum(m for m in members if m is not None)
            working = " + ".join("?" if m is None else str(m) for m in members)
            groups.append(Figure(group["name"], known, "derived", share(Quantity(known, "exact", unit)), working, unit))
        return Breakdown(
            dimension=dimension,
            title=info.get("title", dimension),
            figures=tuple(figures),
            groups=tuple(groups),
            base=base,
            base_label=base_label,
            listed=listed,
            unit=unit,
            listed_note=listed_note,
        )

    def _build_trend(self, dimension: str) -> Trend:
        rows = self._rows(dimension)
        index = self._index(dimension)
        counts = rows["count"]
        exact = bool((rows["qualifier"] == qty.EXACT).all())
        changes = _known(counts.diff().tolist()) if exact else [None] * len(rows)
        percents = _known((counts.astype("Float64").pct_change() * 100).tolist()) if exact else [None] * len(rows)
        found = index.quantities
        periods = tuple(  # the fields in PeriodChange's order: period, count, change, change_pct, qualifier
            map(
                PeriodChange,
                map(str, rows["category"].tolist()),
                [q.value for q in found],
                changes,
                [None if q is None else float(q) for q in percents],
                [q.qualifier for q in found],
            )
        )
        peak = int(counts.idxmax())  # type: ignore[call-overload]  # pandas-stubs type idxmax as Hashable
        first, last = periods[0].count, periods[-1].count
        multiple = None if first is None or last is None or first == 0 or not exact else last / first
        listed, _ = self._listed(dimension)
        return Trend(
            dimension=dimension,
            title=self.dimension_info(dimension).get("title", dimension),
            periods=periods,
            total=self._sum(dimension),
            peak_period=str(rows.loc[peak, "category"]),
            peak_count=int(rows.loc[peak, "count"]),
            first_period=periods[0].period,
            last_period=periods[-1].period,
            multiple=multiple,
            total_qualifier=listed.qualifier if listed is not None else qty.NOT_GIVEN,
            unit=" and ".join(dict.fromkeys(rows["unit"].tolist())),
        )


@dataclass
class _DimensionIndex:
    """One dimension's figures arranged for lookups: every question about it is answered from here.

    Equal figures share one :class:`Quantity` (a big dimension repeats a few values many times). The
    figure of each (category, period) is indexed when a cell is first asked for: most dimensions are
    never asked by cell, and that index is a tuple and a dict slot per row (9 MiB at 100,000 rows).
    """

    categories: tuple[str, ...]
    """The categories in source order."""
    quantities: tuple[Quantity, ...]
    """Every row's figure, in source order."""
    whole: dict[str, Quantity]
    """The first figure of each category (over every period)."""
    several: frozenset[str | tuple[str, str]]
    """The categories, and (category, period) pairs, with more than one figure."""
    suppressed: bool
    """True when any count is blank."""
    known_sum: int
    """The sum of the known counts."""
    units: frozenset[str]
    """The units of the figures."""
    dimension: str
    """The dimension's name (its rows are taken again to index the cells)."""
    cells: dict[tuple[str, str], Quantity] | None = None
    """The first figure of each (category, period), once a cell was asked for."""

    def lookup(
        self, category: str, period: str, rows: Callable[[str], pd.DataFrame] | None = None
    ) -> tuple[Quantity | None, bool]:
        """The figure of a category (``period`` "": over every period) or of one cell, and whether it has several.

        ``rows`` gives the dimension's rows, to index the cells at the first question about one.
        """
        if not period:
            return self.whole.get(category), category in self.several
        cells = self.cells
        if cells is None:
            if rows is None:
                raise ValueError("the dimension's rows are needed to index its cells")
            with gc_paused():  # a tuple per row, none in a cycle
                cells = self.cells = _cells(rows(self.dimension), self.quantities)
        key = (category, period)
        return cells.get(key), key in self.several

    @classmethod
    def scan(cls, dimension: str, rows: pd.DataFrame) -> _DimensionIndex:
        """Index a dimension's rows in one pass."""
        blank = rows["count"].isna().tolist()
        counts = [None if missing else value for value, missing in zip(_ints(rows["count"]), blank, strict=True)]
        names = list(map(str, rows["category"].tolist()))
        periods = list(map(str, rows["period"].tolist()))
        keys = list(zip(counts, map(str, rows["qualifier"].tolist()), map(str, rows["unit"].tolist()), strict=True))
        made = {key: Quantity(*key) for key in dict.fromkeys(keys)}  # one per distinct figure
        quantities = list(map(made.__getitem__, keys))
        # The first figure of each key wins (the dicts are filled from the last row back).
        whole = dict(zip(reversed(names), reversed(quantities), strict=True))
        several: set[str | tuple[str, str]] = set()
        if len(whole) < len(names):
            several.update(name for name, times in Counter(names).items() if times > 1)
        several.update(name for name, when in zip(names, periods, strict=True) if not when)  # counted twice
        dated = [pair for pair in zip(names, periods, strict=True) if pair[1]]
        if len(set(dated)) < len(dated):
            several.update(pair for pair, times in Counter(dated).items() if times > 1)
        return cls(
            categories=tuple(dict.fromkeys(names)),
            quantities=tuple(quantities),
            whole=whole,
            several=frozenset(several),
            suppressed=any(blank),
            known_sum=sum(c for c in counts if c is not None),
            units=frozenset(made_key[2] for made_key in made),
            dimension=dimension,
        )


def _cells(rows: pd.DataFrame, quantities: tuple[Quantity, ...]) -> dict[tuple[str, str], Quantity]:
    """The first figure of each (category, period) of a dimension's rows (``quantities``: theirs, in order)."""
    pairs = zip(map(str, rows["category"].tolist()), map(str, rows["period"].tolist()), strict=True)
    dated = [(pair, found) for pair, found in zip(pairs, quantities, strict=True) if pair[1]]
    return dict(reversed(dated))  # filled from the last row back: the first figure of each pair wins


_STANDARD_ROLES = (
    ("period", "breakdown by year"),
    ("rank", "breakdown by rank"),
    ("finding", "findings"),
    ("sanction", "sanctions"),
    ("force", "breakdown by force"),
)


def _try_add(quantities: Any) -> Quantity:
    """A worked-out sum of cross-tab cells, or 'not given' when they cannot be added."""
    items = tuple(quantities)
    try:
        added = qty.add(items)
    except NotAddable:
        return Quantity(None, qty.NOT_GIVEN, items[0].unit if items else "")
    if added.qualifier == qty.EXACT:
        return Quantity(added.value, qty.DERIVED, added.unit)
    return added


def _with_units(figures: pd.DataFrame, unit: str) -> pd.DataFrame:
    """The figures with a ``unit`` on every row: the package's unit where the row gives none."""
    if "unit" in figures and figures["unit"].fillna("").astype(str).str.strip().all():
        return figures
    import pandas as pd  # already loaded with the dataset

    if "unit" not in figures:  # every row takes the package's unit
        return figures.assign(unit=pd.Series(unit, index=figures.index).astype(str))  # the rest not copied
    return figures.assign(unit=figures["unit"].fillna("").astype(str).str.strip().replace("", unit))


def _ints(counts: pd.Series) -> list[int]:
    """A count column as Python ints, blanks as 0 (take :meth:`~pandas.Series.isna` for which are blank)."""
    return counts.fillna(0).astype("int64").tolist()


def _known(values: list[Any]) -> list[Any]:
    """Values from a pandas column's ``tolist()``, with the missing ones (NA or NaN) as None."""
    import pandas as pd  # already loaded with the dataset

    missing = pd.NA
    return [None if value is missing or value != value else value for value in values]  # NaN != NaN


def _int(value: Any) -> int | None:
    """A pandas cell as an int, or None when it is missing (a suppressed count: NA, NaN or None)."""
    if value is None or (isinstance(value, float) and math.isnan(value)) or type(value).__name__ == "NAType":
        return None
    return int(value)


def _claims_file(metadata: Any) -> str:
    for resource in metadata["resources"]:
        if resource["name"] == "claims":
            return str(resource["path"])
    return "claims.csv"
