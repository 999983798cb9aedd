"""Which paths name a spreadsheet the importer reads (told by the suffix alone, without pandas)."""

from __future__ import annotations

from pathlib import Path

SPREADSHEET_SUFFIXES = (".csv", ".tsv", ".txt", ".xlsx", ".xlsm", ".ods")


def is_spreadsheet(path: Path) -> bool:
    """True when ``path`` names a file the importer reads (by its suffix), not a dataset folder."""
    return path.suffix.lower() in SPREADSHEET_SUFFIXES and not path.is_dir()
