"""The one shared in-memory data service: every view asks it, nothing else reads data."""

from __future__ import annotations

import math
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.data.checks import reconcile
from tui.data.claims import ClaimEvaluator
from tui.data.loader import Dataset, load_dataset
from tui.data.model import (
    Breakdown,
    Check,
    ClaimResult,
    Definition,
    Figure,
    PeriodChange,
    Provenance,
    Source,
    Trend,
)

if TYPE_CHECKING:
    import pandas as pd


class DataService:
    """Answers every question the views ask about one dataset, from pandas, loaded once.

    Results are frozen dataclasses of tuples and are memoised: ask as often as you like.
    """

    def __init__(self, dataset: Dataset) -> None:
        self._dataset = dataset
        self._figures = dataset.figures
        # Every lookup goes through this index, built in one pass: no scan of the figures per question.
        self._by_dimension: dict[str, pd.DataFrame] = {
            str(name): rows for name, rows in self._figures.groupby("dimension", sort=False)
        }
        self._counts: dict[str, dict[str, int | None]] = {}
        self._breakdowns: dict[str, Breakdown] = {}
        self._trends: dict[str, Trend] = {}
        self._claims = ClaimEvaluator(self)
        self._claims.validate(dataset.claims, dataset.path / _claims_file(dataset.metadata))

    @classmethod
    def from_path(cls, path: Path | str) -> DataService:
        """Load, validate and serve the dataset at ``path``.

        Raises:
            DatasetError: the dataset is missing or broken.
        """
        return cls(load_dataset(path))

    # --- metadata -------------------------------------------------------

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

    def dimension_for(self, role: str) -> str | None:
        """The dimension that plays ``role`` (``period``, ``rank``, ``finding``, ``sanction``, ...), or None.

        Roles are declared as ``"role"`` in the package's ``dimensions`` block; screens ask for a role,
        never a dimension name, so a dataset may call its dimensions what it likes, or lack one.
        """
        for dimension in self.dimensions:
            if self.dimension_info(dimension).get("role") == role:
                return dimension
        return None

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
        rows = self._by_dimension.get("total")
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

    def count(self, dimension: str, category: str) -> int | None:
        """The count of one category (None when suppressed).

        Raises:
            KeyError: no such dimension and category.
        """
        counts = self._counts.get(dimension)
        if counts is None:
            counts = {}
            rows = self._rows(dimension)
            for name, value in zip(rows["category"].tolist(), rows["count"].tolist(), strict=True):
                counts.setdefault(str(name), _int(value))  # the first row of a category, as the source orders them
            self._counts[dimension] = counts
        if category not in counts:
            raise KeyError(f"{dimension}:{category}")
        return counts[category]

    def categories(self, dimension: str) -> tuple[str, ...]:
        """The categories of a dimension in source order."""
        return tuple(self._rows(dimension)["category"])

    def has_suppressed(self, dimension: str) -> bool:
        """True when any count of the dimension is suppressed."""
        return bool(self._rows(dimension)["count"].isna().any())

    def sum(self, dimension: str) -> int:
        """The sum of a dimension's known counts (suppressed counts are left out, not zeroed)."""
        return self._sum(dimension)

    def base_of(self, dimension: str) -> tuple[int | None, str]:
        """The number a dimension's shares are of, and a label saying what it is."""
        base_ref = self.dimension_info(dimension).get("base", "total")
        if base_ref == "total":
            return self.total, f"all {self.total} {self.provenance.unit}"
        base_dim, _, base_cat = base_ref.partition(":")
        value = self.count(base_dim, base_cat)
        return value, f"the {value} {self.dimension_info(dimension).get('base_label', f'in {base_cat!r}')}"

    def breakdown(self, dimension: str) -> Breakdown:
        """Counts and shares of one dimension, with derived groups and any unexplained remainder."""
        if dimension not in self._breakdowns:
            self._breakdowns[dimension] = self._build_breakdown(dimension)
        return self._breakdowns[dimension]

    def trend(self, dimension: str = "year") -> Trend:
        """Counts per period with year-on-year change, the peak and the first-to-last multiple."""
        if dimension not in self._trends:
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

    # --- internals ----------------------------------------------------------

    def _rows(self, dimension: str) -> pd.DataFrame:
        rows = self._by_dimension.get(dimension)
        if rows is None or rows.empty:
            raise KeyError(dimension)
        return rows

    def _sum(self, dimension: str) -> int:
        return int(self._rows(dimension)["count"].sum(skipna=True))

    def _build_breakdown(self, dimension: str) -> Breakdown:
        info = self.dimension_info(dimension)
        rows = self._rows(dimension)
        base, base_label = self.base_of(dimension)
        listed = self._sum(dimension)

        def share(count: int | None) -> float | None:
            return None if count is None or not base else count / base

        columns = (rows[name].tolist() for name in ("category", "count", "qualifier", "note"))
        figures = [
            Figure(str(category), _int(count), str(qualifier), share(_int(count)), str(note or ""))
            for category, count, qualifier, note in zip(*columns, strict=True)
        ]
        remainder = info.get("remainder")
        gap = 0 if base is None else base - listed
        if info.get("coverage") == "partial" and remainder and gap > 0 and not self.has_suppressed(dimension):
            figures.append(Figure(remainder, gap, "derived", share(gap), f"{base} - {listed} listed"))
        groups = []
        for group in info.get("groups", []):
            members = [self.count(dimension, m) for m in group["members"]]
            known = None if any(m is None for m in members) else sum(m for m in members if m is not None)
            working = " + ".join("?" if m is None else str(m) for m in members)
            groups.append(Figure(group["name"], known, "derived", share(known), working))
        return Breakdown(
            dimension=dimension,
            title=info.get("title", dimension),
            figures=tuple(figures),
            groups=tuple(groups),
            base=base,
            base_label=base_label,
            listed=listed,
        )

    def _build_trend(self, dimension: str) -> Trend:
        import pandas as pd  # already loaded with the dataset; imported here so importing this module is cheap

        rows = self._rows(dimension)
        counts = rows["count"]
        change = counts.diff()
        pct = counts.astype("Float64").pct_change() * 100
        periods = tuple(
            PeriodChange(
                period=str(p),
                count=_int(c),
                change=_int(d),
                change_pct=None if pd.isna(q) else float(q),
            )
            for p, c, d, q in zip(rows["category"], counts, change, pct, strict=True)
        )
        peak = int(counts.idxmax())  # type: ignore[call-overload]  # pandas-stubs type idxmax as Hashable
        first, last = counts.iloc[0], counts.iloc[-1]
        multiple = None if pd.isna(first) or pd.isna(last) or first == 0 else float(last / first)
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
        )


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
