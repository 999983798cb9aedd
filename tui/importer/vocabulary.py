"""Vocabularies: the many ways a force writes one rank or outcome, mapped to one canonical name.

The table is data (``vocabulary.csv`` beside this module: ``role, original, canonical``);
``--map "sanction:RPRP=reflective practice"`` adds or overrides entries for one import. Every
original seen in an import is kept with its canonical name, so the mapping can be checked.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from tui.importer.cells import norm

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.csv")
OUTCOME_ROLES = ("finding", "sanction")
"""Roles an outcome cell's items are looked up in, in this order."""


@cache
def _bundled() -> tuple[tuple[str, str, str], ...]:
    with VOCABULARY_FILE.open(encoding="utf-8", newline="") as handle:
        return tuple((row["role"], norm(row["original"]), row["canonical"]) for row in csv.DictReader(handle))


@dataclass
class Vocabulary:
    """Canonical names by role, with the user's own additions (``--map role:original=canonical``)."""

    entries: dict[tuple[str, str], str] = field(default_factory=dict)
    added: set[tuple[str, str]] = field(default_factory=set)

    @classmethod
    def bundled(cls, extra: Iterable[tuple[str, str, str]] = ()) -> Vocabulary:
        """The bundled vocabulary plus ``extra`` (role, original, canonical) entries, which win."""
        vocab = cls({(role, original): canonical for role, original, canonical in _bundled()})
        for role, original, canonical in extra:
            vocab.entries[(role, norm(original))] = canonical
            vocab.added.add((role, norm(original)))
        return vocab

    def lookup(self, role: str, original: str) -> str | None:
        """The canonical name of ``original`` in ``role``, or None when the vocabulary lacks it."""
        return self.entries.get((role, norm(original)))

    def position(self, role: str, original: str) -> int | None:
        """Where ``original``'s canonical name first appears in the vocabulary (for ordering), or None."""
        _, canonical, how = self.route(role, original)
        if how == "as given":
            return None
        order = list(dict.fromkeys(self.entries.values()))
        return order.index(canonical)

    def route(self, role: str, original: str) -> tuple[str, str, str]:
        """(role, canonical, how) for one item of a column of ``role``.

        Outcome, finding and sanction items go to whichever of finding or sanction knows them
        ("No case to answer" in a sanction column is a finding). Unknown items keep their
        column's role and their own text, lower-cased; ``how`` says which happened.
        """
        candidates = (
            (role, *(r for r in OUTCOME_ROLES if r != role)) if role in (*OUTCOME_ROLES, "outcome") else (role,)
        )
        for candidate in candidates:
            canonical = self.lookup(candidate, original)
            if canonical is not None:
                how = "--map" if (candidate, norm(original)) in self.added else "vocabulary"
                return candidate, canonical, how
        home = "finding" if role == "outcome" else role
        return home, norm(original), "as given"
