"""Which column is which: header names and their synonyms (``headers.csv``), plus ``--map HEADER=ROLE``.

A role says what a column holds. The synonyms are data (``headers.csv`` beside this module,
documented in ``data/README.md``); a header matches a role when, lower-cased and with
spaces tidied, it equals a synonym, or failing that when a synonym appears in it as whole
words ("Year of complaint" is a period). The first role listed wins a tie.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

from tui.importer.cells import norm

ROLES = ("period", "rank", "finding", "sanction", "outcome", "allegation", "platform", "force", "count", "id", "ignore")
"""Every role a column can have. ``count`` holds numbers of an aggregate table; ``id`` is kept, not counted;
``ignore`` leaves the column out."""

DIMENSION_OF_ROLE = {
    "period": "year",
    "rank": "rank",
    "finding": "finding",
    "sanction": "sanction",
    "outcome": "finding",
    "allegation": "allegation",
    "platform": "platform",
    "force": "force",
}
"""The figures dimension each counted role feeds (an outcome column feeds findings and sanctions)."""

HEADERS_FILE = Path(__file__).with_name("headers.csv")


@cache
def synonyms() -> tuple[tuple[str, str], ...]:
    """(synonym, role) pairs from ``headers.csv`` in file order."""
    with HEADERS_FILE.open(encoding="utf-8", newline="") as handle:
        return tuple((norm(row["synonym"]), row["role"]) for row in csv.DictReader(handle))


def recognise(header: str, overrides: Mapping[str, str] | None = None) -> str | None:
    """The role of a column from its header, or None when the header is not recognised."""
    key = norm(header)
    if overrides:
        for name, role in overrides.items():
            if norm(name) == key:
                return role
    return _bundled_role(key) if key else None


@cache
def _bundled_role(key: str) -> str | None:
    for synonym, role in synonyms():
        if key == synonym:
            return role
    for synonym, role in synonyms():
        if len(synonym) > 2 and re.search(rf"(?<![a-z]){re.escape(synonym)}(?![a-z])", key):
            return role
    return None


def score(cells: Iterable[str]) -> int:
    """How many cells of a row are recognised headers (used to find the header row)."""
    return sum(1 for cell in cells if cell and recognise(cell) not in (None, "count"))
