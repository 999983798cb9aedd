"""Importing a journalist's own FoI spreadsheet (CSV, XLSX, ODS) as a dataset. UI-free.

``import_file`` reads a file, finds its header and shape, maps its vocabularies and returns
an :class:`Import`: the dataset (served directly by ``--data FILE``) and the row log that
accounts for every input row. ``write_package`` saves it as a Data Package folder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from tui.data.loader import Dataset
from tui.data.spreadsheet_files import is_spreadsheet
from tui.importer.errors import ImportFileError
from tui.importer.options import ImportOptions, MapError, parse_maps
from tui.importer.package import build_dataset
from tui.importer.reading import MAX_FILE_BYTES, check_file, read_grid
from tui.importer.result import Imported, RowLog
from tui.importer.shapes import detect
from tui.importer.vocabulary import Vocabulary
from tui.importer.writer import write_package as _write

__all__ = [
    "MAX_FILE_BYTES",
    "Import",
    "ImportFileError",
    "ImportOptions",
    "MapError",
    "RowLog",
    "check_file",
    "import_file",
    "is_spreadsheet",
    "parse_maps",
    "slug_of",
    "write_package",
]


@dataclass(frozen=True)
class Import:
    """A finished import: the dataset, what was converted, and how the file was read."""

    dataset: Dataset
    imported: Imported
    read_as: str

    @property
    def log(self) -> RowLog:
        """The row log (imported, skipped with reasons)."""
        return self.imported.log

    def summary_lines(self) -> list[str]:
        """The summary: how the file was read, the row count line, skipped rows, checks and notes."""
        lines = [f"{self.read_as}; {self.imported.shape} table", self.log.summary()]
        lines += [f"  skipped row {s.row}: {s.reason}" for s in self.log.skipped[:20]]
        if len(self.log.skipped) > 20:
            lines.append(f"  ... and {len(self.log.skipped) - 20} more skipped rows (see skipped.csv)")
        lines += [f"  check: {c}" for c in self.imported.checks]
        lines += [f"  note: {n}" for n in self.imported.notes]
        for header in self.imported.unrecognised:
            lines.append(f"  not recognised: column '{header}' (to count it: --map '{header}=ROLE')")
        return lines


def import_file(
    path: Path | str, options: ImportOptions | None = None, on_step: Callable[[str], object] | None = None
) -> Import:
    """Import the spreadsheet at ``path`` in memory.

    ``on_step`` is told what the import does next, e.g. "counting 1,000,000 rows" (for a status line).

    Raises:
        ImportFileError: the file cannot be read or holds nothing to import; names file, row, column.
    """
    from tui.importer import per_case, tables

    step = on_step or (lambda _: None)
    options = options or ImportOptions()
    step("reading the file")
    grid = read_grid(Path(path), options.sheet)
    step(f"finding the header among {len(grid.cells):,} rows")
    vocabulary = Vocabulary.bundled(options.vocabulary)
    layout = detect(grid.head(), options.headers, vocabulary)
    if layout.header_index >= len(grid.cells) - 1 and grid.bad_rows == []:
        row = int(grid.rows.iloc[layout.header_index]) if len(grid.rows) else 1
        raise ImportFileError(grid.path, "only a header row: no data rows to import", row=row + 1)
    converters = {
        "per-case": per_case.convert,
        "aggregate": tables.convert_aggregate,
        "wide": tables.convert_wide,
        "cross-tab": tables.convert_crosstab,
    }
    step(f"counting {len(grid.cells) - layout.header_index - 1:,} rows ({layout.shape} table)")
    imported = converters[layout.shape](grid, layout, vocabulary)
    header_row = int(grid.rows.iloc[layout.header_index])
    if header_row > 1:
        imported.notes.insert(0, f"header on row {header_row}; the {header_row - 1} row(s) above it are not table rows")
    if not imported.tallies:
        raise ImportFileError(
            grid.path, f"no figures found below the header row ({imported.log.summary()})", row=header_row
        )
    step("building the dataset")
    dataset = build_dataset(grid, imported, options)
    return Import(dataset, imported, grid.describe())


def write_package(result: Import, out: Path | str) -> Path:
    """Write an import as a dataset folder at ``out`` (atomically; an existing ``out`` is refused)."""
    return _write(result.dataset, result.imported, Path(out))


def slug_of(result: Import) -> str:
    """The default folder name of an import: its dataset name."""
    return str(result.dataset.metadata["name"])
