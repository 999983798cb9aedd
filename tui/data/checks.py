"""Reconciliation checks: do the figures add up to each other?"""

from __future__ import annotations

from tui.data.figure_source import FigureSource
from tui.data.model import Check, CheckStatus


def reconcile(service: FigureSource) -> tuple[Check, ...]:
    """Check every breakdown against its base, and work out every derived group.

    A complete breakdown (years, ranks) must add up to its base; a partial one
    (findings, sanctions) may fall short, and the shortfall is reported with the
    name the package gives it. A breakdown with a suppressed count cannot be checked.
    """
    checks: list[Check] = []
    for dimension in service.dimensions:
        if service.dimension_info(dimension).get("base") != "none" and not service.is_crosstab(dimension):
            checks.append(_sum_check(service, dimension))
        groups = service.dimension_info(dimension).get("groups", [])
        for group, figure in zip(groups, service.breakdown(dimension).groups, strict=True):
            names = " + ".join(group["members"])
            status: CheckStatus
            if figure.count is None:
                status, detail = "cannot be checked", f"{names}: a member count is suppressed"
            else:
                status, detail = "holds", f"{figure.note} = {figure.count} ({names})"
            checks.append(
                Check(f"{dimension}-{_slug(figure.category)}", f"{figure.category} (derived)", status, detail)
            )
    return tuple(checks)


def _sum_check(service: FigureSource, dimension: str) -> Check:
    info = service.dimension_info(dimension)
    breakdown = service.breakdown(dimension)
    base, base_label = service.base_of(dimension)
    check_id = f"{dimension}-sum"
    parts = _working(["?" if f.count is None else str(f.count) for f in breakdown.source_figures])
    complete = info.get("coverage", "complete") == "complete"
    base_ref = info.get("base", "total")
    what = base_label if base is not None else ("the total" if base_ref == "total" else base_ref.replace(":", " "))
    title = f"{service.label(dimension)} {'add up to' if complete else 'cover'} {what}"
    if service.has_suppressed(dimension):
        return Check(check_id, title, "cannot be checked", f"{parts}: a count is not given, so the sum is unknown")
    if breakdown.listed_note:
        return Check(check_id, title, "cannot be checked", f"{parts}: {breakdown.listed_note}")
    if base_ref == "total" and service.stated_total is None:
        return Check(check_id, title, "cannot be checked", f"{parts}: the source states no total to check against")
    if base is None:
        return Check(check_id, title, "cannot be checked", f"{parts}: {base_label}")
    listed = breakdown.listed
    if listed == base:
        return Check(check_id, title, "holds", f"{parts} = {listed}, equal to {base}")
    if listed < base:
        gap = base - listed
        what = info.get("remainder", "unaccounted for")
        share = f"{gap / base:.0%}"
        return Check(check_id, title, "does not hold", f"{parts} = {listed} of {base}: {gap} ({share}) {what}")
    return Check(check_id, title, "does not hold", f"{parts} = {listed}, more than {base} by {listed - base}")


MAX_TERMS = 12
"""The most numbers a check's working lists; beyond that it names how many more it added."""


def _working(terms: list[str]) -> str:
    """``a + b + c``, or the first terms and ``+ N more`` when there are too many to read."""
    if len(terms) <= MAX_TERMS:
        return " + ".join(terms)
    return " + ".join(terms[: MAX_TERMS - 1]) + f" + {len(terms) - MAX_TERMS + 1} more"


def _slug(text: str) -> str:
    return "-".join(text.lower().split())
