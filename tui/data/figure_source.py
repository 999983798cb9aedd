"""What checks and claims need to read from a dataset's figures, as a protocol.

:class:`tui.data.service.DataService` provides it; :mod:`tui.data.checks` and :mod:`tui.data.claims`
depend on this protocol rather than on the service, so the service can use them without an import cycle.
"""

from __future__ import annotations

from typing import Any, Protocol

from tui.data.model import Breakdown
from tui.data.quantity import Quantity


class FigureSource(Protocol):
    """Read-only questions about one dataset's figures."""

    @property
    def dimensions(self) -> tuple[str, ...]:
        """The breakdown dimensions, in source order."""
        ...

    @property
    def total(self) -> int:
        """The number of people in the dataset."""
        ...

    @property
    def stated_total(self) -> int | None:
        """The total the source states, or None when it states none."""
        ...

    def dimension_info(self, dimension: str) -> dict[str, Any]:
        """The package's metadata of a dimension."""
        ...

    def label(self, dimension: str) -> str:
        """A short plural name for a dimension."""
        ...

    def categories(self, dimension: str) -> tuple[str, ...]:
        """The categories of a dimension in source order."""
        ...

    @property
    def total_quantity(self) -> Quantity:
        """The total with its qualifier (stated, or worked out)."""
        ...

    def count(self, dimension: str, category: str, period: str | None = None) -> int | None:
        """The count of one category, or of one cell of a cross-tab (None when suppressed or not given)."""
        ...

    def counts(self, dimension: str) -> dict[str, int | None]:
        """Every category's count in source order, as :meth:`count` gives each."""
        ...

    def is_crosstab(self, dimension: str) -> bool:
        """True when the dimension is a count by two dimensions."""
        ...

    def sum(self, dimension: str) -> int:
        """The sum of a dimension's known counts."""
        ...

    def has_suppressed(self, dimension: str) -> bool:
        """True when any count of the dimension is suppressed."""
        ...

    def base_of(self, dimension: str) -> tuple[int | None, str]:
        """The number a dimension's shares are of, and its label."""
        ...

    def breakdown(self, dimension: str) -> Breakdown:
        """Counts and shares of one dimension."""
        ...
