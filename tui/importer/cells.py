"""What one spreadsheet cell says: a count, a suppressed or missing value, a year, or several items.

Pure functions on text; nothing here knows about files or tables.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Literal

CellKind = Literal["count", "suppressed", "not_given", "text"]

SUPPRESSED_MARKERS = frozenset({"*", "**", "***", "redacted", "suppressed", "withheld", "c", "x", "[c]", "[x]"})
"""Cells that stand for a number the publisher chose not to give (small numbers, usually)."""

NOT_GIVEN_MARKERS = frozenset(
    {"", "-", "–", "—", "n/a", "na", "n.a.", "n/k", "nk", "..", "not known", "unknown", "not recorded", "none given"}
)
"""Cells that say nothing: blank, a dash, "n/a". Never read as zero."""

_LESS_THAN = re.compile(r"^(<|&lt;|less than|fewer than|under)\s*\d+$")
_NUMBER = re.compile(r"^\d{1,3}(,\d{3})+$|^\d+(\.0+)?$")
_YEAR = re.compile(r"^(19[5-9]\d|20\d\d)(\.0+)?$")
_FINANCIAL_YEAR = re.compile(r"^(?:fy\s*)?(19[5-9]\d|20\d\d)\s*[/\-–]\s*(\d{2}|\d{4})$")
_DATE_ISO = re.compile(r"^(19[5-9]\d|20\d\d)-\d{1,2}-\d{1,2}(?:[ t].*)?$")
_DATE_UK = re.compile(r"^\d{1,2}[/.\-]\d{1,2}[/.\-](19[5-9]\d|20\d\d)$")
_MONTH_YEAR = re.compile(r"^[a-z]{3,9}\.?\s+(19[5-9]\d|20\d\d)$")
_COUNT_FIRST = re.compile(r"^(\d+)\s*[x×]\s*(.+)$")
_COUNT_LAST = re.compile(r"^(.+?)\s*[x×]\s*(\d+)$")
_COUNT_BRACKETS = re.compile(r"^(.+?)\s*\((\d+)\)$")
_COUNT_COLON = re.compile(r"^(.+?)\s*[:=]\s*(\d+)$")
_SEPARATORS = re.compile(r"\s*(?:;|\n|\r|\||•)\s*")


@dataclass(frozen=True)
class Cell:
    """A cell read as a count: ``count`` is None unless ``kind`` is ``count``."""

    kind: CellKind
    count: int | None = None


def clean(value: object) -> str:
    """A cell's text with surrounding and repeated spaces removed (None and NaN become '')."""
    if value is None:
        return ""
    if isinstance(value, float):
        if value != value:  # NaN
            return ""
        if value.is_integer():
            return str(int(value))
    if isinstance(value, datetime | date):
        return value.isoformat()
    lines = str(value).replace("\xa0", " ").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "\n".join(" ".join(line.split()) for line in lines if line.strip())


def norm(text: str) -> str:
    """A key for matching names: lower case, single spaces, no trailing punctuation."""
    return " ".join(text.lower().replace("_", " ").split()).strip(" .:")


def read_count(text: str) -> Cell:
    """Read a count cell: a whole number, a suppressed marker ("<5", "*"), nothing ("-", "n/a"), or text."""
    key = norm(text)
    if key in NOT_GIVEN_MARKERS or text.strip() in NOT_GIVEN_MARKERS:
        return Cell("not_given")
    if key in SUPPRESSED_MARKERS or _LESS_THAN.match(key):
        return Cell("suppressed")
    if _NUMBER.match(key):
        return Cell("count", int(float(key.replace(",", ""))))
    return Cell("text")


def is_countish(text: str) -> bool:
    """True for a cell a count column could hold (a number, suppressed or missing)."""
    return read_count(text).kind != "text"


def read_period(text: str) -> str | None:
    """A year ("2019"), or a financial year written "2019/20"; None when the text is neither.

    Dates give their year; "2019-20", "2019/2020" and "FY 2019/20" all become "2019/20".
    """
    key = norm(text)
    if m := _YEAR.match(key):
        return m.group(1)
    if m := _FINANCIAL_YEAR.match(key):
        start, end = m.group(1), m.group(2)
        end2 = end[-2:]
        if int(end2) == (int(start) + 1) % 100:
            return f"{start}/{end2}"
        return None
    if m := _DATE_ISO.match(key):
        return m.group(1)
    if m := _DATE_UK.match(key):
        return m.group(1)
    if m := _MONTH_YEAR.match(key):
        return m.group(1)
    return None


def period_sort_key(period: str) -> tuple[int, str]:
    """Periods in time order (years and financial years by their first year)."""
    digits = period[:4]
    return (int(digits), period) if digits.isdigit() else (10_000, period)


def split_items(text: str) -> list[tuple[int, str]]:
    """The items of a cell with their multiplicities: "2x Written warning; MA" -> [(2, ...), (1, "MA")].

    Understands "2x Written warning", "2 x WW", "Final written warning x2", "WW (2)",
    "WW: 2", and several items separated by ";", "|", "•" or line breaks. A plain cell is
    one item.
    """
    items: list[tuple[int, str]] = []
    for part in _SEPARATORS.split(text.strip()):
        part = part.strip(" ,.")
        if not part:
            continue
        items.append(_counted(part))
    return items


def _counted(part: str) -> tuple[int, str]:
    for pattern, count_group in ((_COUNT_FIRST, 1), (_COUNT_LAST, 2), (_COUNT_BRACKETS, 2), (_COUNT_COLON, 2)):
        if m := pattern.match(part):
            label = m.group(2 if count_group == 1 else 1).strip(" ,.-")
            if label and not label.isdigit():
                return int(m.group(count_group)), label
    return 1, part
