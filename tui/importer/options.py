"""What the user tells the importer: provenance, the sheet, and ``--map`` entries."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from tui.importer.headers import ROLES

NOT_STATED = "not stated"


class MapError(ValueError):
    """A ``--map`` entry that cannot be understood."""


@dataclass(frozen=True)
class ImportOptions:
    """Provenance given on the command line (None: not stated) and the user's mappings."""

    sheet: str | None = None
    title: str | None = None
    force: str | None = None
    publisher: str | None = None
    foi_ref: str | None = None
    url: str | None = None
    period: str | None = None
    unit: str | None = None
    headers: dict[str, str] = field(default_factory=dict)
    vocabulary: tuple[tuple[str, str, str], ...] = ()


def parse_maps(entries: Iterable[str]) -> tuple[dict[str, str], tuple[tuple[str, str, str], ...]]:
    """Split ``--map`` entries into header roles and vocabulary additions.

    ``HEADER=ROLE`` says what a column holds (ROLE is one of :data:`ROLES`);
    ``ROLE:ORIGINAL=CANONICAL`` adds a vocabulary entry, e.g. ``sanction:RPRP=reflective practice``.

    Raises:
        MapError: an entry of neither form, or an unknown role.
    """
    headers: dict[str, str] = {}
    vocabulary: list[tuple[str, str, str]] = []
    for entry in entries:
        left, sep, right = entry.partition("=")
        if not sep or not left.strip() or not right.strip():
            raise MapError(f"--map '{entry}': expected HEADER=ROLE or ROLE:ORIGINAL=CANONICAL")
        role, colon, original = left.partition(":")
        if colon and role.strip().lower() in ROLES:
            vocabulary.append((role.strip().lower(), original.strip(), right.strip().lower()))
            continue
        target = right.strip().lower()
        if target not in ROLES:
            raise MapError(f"--map '{entry}': unknown role '{right.strip()}' (roles: {', '.join(ROLES)})")
        headers[left.strip()] = target
    return headers, tuple(vocabulary)
