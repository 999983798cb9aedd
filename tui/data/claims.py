"""Test a source's claims, stored as data, against the figures.

A claim row names a ``kind`` of test and its parameters. ``left`` and ``right``
are figure references:

- ``total``: the dataset's total;
- ``dim:category``: one count, e.g. ``rank:sergeant``;
- ``dim:category@period``: one cell of a cross-tab, e.g. ``allegation:discriminatory behaviour@2022``;
- ``dim:*``: the sum of a dimension; ``dim:max``: its largest count;
- several references joined with `` + `` are added up.

Kinds: ``peak_period`` (left is a dimension; expected the period said to be the
highest), ``approx`` (left within ``tolerance`` × expected of expected),
``at_least``, ``equals``, ``share_at_most`` (left / right ≤ expected),
``ratio_approx`` (left / right within tolerance of expected) and
``not_checkable`` (nothing in the figures can test it).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tui.data.csv_table import parse_number
from tui.data.errors import DatasetError
from tui.data.figure_source import FigureSource
from tui.data.model import ClaimResult, ClaimStatus

NEEDS_RIGHT = {"share_at_most", "ratio_approx"}
NEEDS_TOLERANCE = {"approx", "ratio_approx"}


@dataclass(frozen=True)
class Value:
    """A resolved reference: its number (None if a count is suppressed) and how it was got."""

    number: int | None
    label: str


class ClaimEvaluator:
    """Resolves figure references and gives each claim a verdict."""

    def __init__(self, service: FigureSource) -> None:
        self._service = service

    def validate(self, claims: Iterable[dict[str, Any]], path: Path, lines: Iterable[int] = ()) -> None:
        """Check every claim's references and parameters before any is evaluated.

        ``lines`` gives the line of the file each claim starts on (by default: one line each after the header).

        Raises:
            DatasetError: naming the claims file, the row and the column at fault.
        """
        claims = tuple(claims)
        numbers = tuple(lines) or tuple(range(2, len(claims) + 2))
        for row_number, claim in zip(numbers, claims, strict=True):
            kind = claim["kind"]
            if kind == "not_checkable":
                continue
            columns = ["left", "expected"] + (["right"] if kind in NEEDS_RIGHT else [])
            columns += ["tolerance"] if kind in NEEDS_TOLERANCE else []
            for column in columns:
                if claim.get(column) in (None, ""):
                    raise DatasetError(path, f"a '{kind}' claim needs a value here", row=row_number, column=column)
            try:
                if kind == "peak_period":
                    if claim["expected"] not in self._service.categories(claim["left"]):
                        raise DatasetError(
                            path,
                            f"'{claim['expected']}' is not a category of '{claim['left']}'",
                            row=row_number,
                            column="expected",
                        )
                elif parse_number(claim["expected"]) is None:
                    raise ValueError(claim["expected"])
            except KeyError:
                raise DatasetError(
                    path, f"unknown dimension '{claim['left']}'", row=row_number, column="left"
                ) from None
            except ValueError:
                raise DatasetError(
                    path,
                    f"'{claim['expected']}' is not a finite decimal number",
                    row=row_number,
                    column="expected",
                ) from None
            for column in ("left", "right"):
                if kind != "peak_period" and claim.get(column):
                    try:
                        self.resolve(claim[column])
                    except KeyError as exc:
                        raise DatasetError(path, f"unknown figure {exc}", row=row_number, column=column) from None

    def resolve(self, reference: str) -> Value:
        """Turn a figure reference into a number and a label that shows the working.

        Raises:
            KeyError: the reference names no figure of the dataset.
        """
        parts = [p.strip() for p in reference.split(" + ")]
        if len(parts) > 1:
            values = [self.resolve(p) for p in parts]
            numbers = [v.number for v in values]
            total = None if any(n is None for n in numbers) else sum(n for n in numbers if n is not None)
            return Value(total, " + ".join(v.label for v in values) + f" = {_show(total)}")
        ref = parts[0]
        service = self._service
        if ref == "total":
            return Value(service.total, f"total ({service.total_quantity.display()})")
        dimension, sep, category = ref.partition(":")
        if not sep:
            raise KeyError(ref)
        if category == "*":
            number = None if service.has_suppressed(dimension) else service.sum(dimension)
            return Value(number, f"{service.label(dimension)} listed ({_show(number)})")
        if category == "max":
            counts = service.counts(dimension)
            peak = max(counts, key=lambda c: counts[c] or -1)
            number = counts[peak]
            return Value(number, f"{peak}, the highest {dimension} ({_show(number)})")
        category, _, period = category.partition("@")
        number = service.count(dimension, category, period or None)
        where = f" in {period}" if period else ""
        return Value(number, f"{category}{where} ({_show(number)})")

    def evaluate_all(self, claims: Iterable[dict[str, Any]]) -> tuple[ClaimResult, ...]:
        """Evaluate each claim in order."""
        return tuple(self.evaluate(c) for c in claims)

    def evaluate(self, claim: dict[str, Any]) -> ClaimResult:
        """Give one claim its verdict and the computed figure behind it."""
        kind = claim["kind"]
        status: ClaimStatus
        if kind == "not_checkable":
            status, computed = "not checkable", "no figure in the dataset can test this"
        elif kind == "peak_period":
            status, computed = self._peak(claim["left"], claim["expected"])
        else:
            status, computed = self._compare(kind, claim)
        return ClaimResult(
            id=claim["id"],
            claim=claim["claim"],
            kind=kind,
            status=status,
            computed=computed,
            location=claim.get("location") or "",
        )

    def _peak(self, dimension: str, expected: str) -> tuple[ClaimStatus, str]:
        service = self._service
        counts = service.counts(dimension)
        if any(v is None for v in counts.values()):
            return "not checkable", f"a {dimension} count is suppressed"
        top = max(v for v in counts.values() if v is not None)
        peaks = [c for c, v in counts.items() if v == top]
        said = counts[expected]
        if expected in peaks:
            return "supported", f"{expected} is the highest ({said})"
        return "contradicted", f"the highest is {' and '.join(peaks)} ({top}); {expected} had {said}"

    def _compare(self, kind: str, claim: dict[str, Any]) -> tuple[ClaimStatus, str]:
        left = self.resolve(claim["left"])
        right = self.resolve(claim["right"]) if kind in NEEDS_RIGHT else None
        expected = parse_number(claim["expected"]) or 0.0  # validate() refused anything not a finite number
        tolerance = float(claim.get("tolerance") or 0)
        if left.number is None or (right is not None and right.number is None):
            return "not checkable", f"{left.label}: a count is suppressed"
        value = float(left.number)
        if right is not None:
            if not right.number:
                return "not checkable", f"{right.label}: cannot divide by zero"
            value = left.number / right.number
        computed = _describe(kind, left, right, value, expected)
        holds = {
            "approx": abs(value - expected) <= tolerance * expected,
            "at_least": value >= expected,
            "equals": value == expected,
            "share_at_most": value <= expected,
            "ratio_approx": abs(value - expected) <= tolerance,
        }[kind]
        return ("supported" if holds else "contradicted"), computed


def _describe(kind: str, left: Value, right: Value | None, value: float, expected: float) -> str:
    said = f"{expected:g}"
    if kind == "share_at_most" and right is not None:
        return f"{left.label} of {right.label} = {value:.1%} (said: at most {expected:.0%})"
    if kind == "ratio_approx" and right is not None and expected > 1:
        return f"{left.label} / {right.label} = {value:.1f}× (said: about {said}×)"
    if kind == "ratio_approx" and right is not None:
        return f"{left.label} / {right.label} = {value:.1%} (said: about {expected:.0%})"
    if kind == "at_least":
        return f"{left.label} (said: at least {said})"
    if kind == "approx":
        return f"{left.label} (said: about {said})"
    return f"{left.label} (said: {said})"


def _show(number: int | None) -> str:
    return "suppressed" if number is None else str(number)
