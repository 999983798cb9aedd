"""Spreadsheets as forces send them, made by the tests: one per shape the importer reads.

The values are made up for the tests; each test checks every count against what is written here.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

Rows = Sequence[Sequence[object]]


def write_csv(path: Path, rows: Rows, *, encoding: str = "utf-8", delimiter: str = ",") -> Path:
    """Write rows as a CSV file in the given encoding and delimiter."""
    with path.open("w", encoding=encoding, newline="") as handle:
        csv.writer(handle, delimiter=delimiter).writerows(rows)
    return path


def write_xlsx(path: Path, sheets: dict[str, Rows], merges: dict[str, list[str]] | None = None) -> Path:
    """Write an XLSX workbook, one sheet per entry; ``merges`` lists ranges like 'A1:E1' per sheet."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
        for cells in (merges or {}).get(name, []):
            sheet.merge_cells(cells)
    book.save(path)
    return path


def write_ods(path: Path, sheets: dict[str, Rows]) -> Path:
    """Write an ODS workbook through pandas and odfpy."""
    import pandas as pd

    with pd.ExcelWriter(path, engine="odf") as writer:
        for name, rows in sheets.items():
            width = max(len(r) for r in rows)
            pd.DataFrame([list(r) + [None] * (width - len(r)) for r in rows]).to_excel(
                writer, sheet_name=name, header=False, index=False
            )
    return path


PER_CASE = [
    ["Freedom of Information request 01.FOI.22.123456"],
    [],
    ["Case ref", "Year", "Rank", "Outcome", "Sanction", "Platform"],
    ["C1", "2019", "PC", "Case to answer", "2x Written warning", "Facebook"],
    ["C2", "2019/20", "DC", "No case to answer", "", "Twitter"],
    ["C3", "2020", "PS", "live", "", "Facebook"],
    ["C4", "2020", "Inspector +", "Case to answer", "WW; MA", "WhatsApp"],
    [],
    ["C5", "2021", "", "ongoing", "", ""],
    ["C6", "2021", "Insp and above", "Case to answer", "Final written warning x2", "Instagram"],
    ["Total", "", "", "", "", ""],
    ["Note: figures taken from the case management system on 1 March 2022"],
]
"""A per-case sheet: a title and a blank line above the header, a blank row, a Total line and a note."""

AGGREGATE = [
    ["Sanction", "Number of officers"],
    ["Written warning", "7"],
    ["FWW", "4"],
    ["Management advice", "<5"],
    ["RPRP", "n/a"],
    ["Dismissed", "1"],
    ["Total", "17"],
]

AGGREGATE_BY_YEAR = [
    ["Year", "Allegation type", "Complaints"],
    ["2018", "Discriminatory behaviour", "1"],
    ["2018", "Sexual conduct", "2"],
    ["2022", "Discriminatory behaviour", "15"],
    ["2022", "Sexual conduct", "*"],
]

WIDE = [
    ["Officers investigated over social media use"],
    ["Outcome", "2019", "2020", "2021", "Total"],
    ["Written warning", "2", "<5", "1", ""],
    ["Final written warning", "1", "0", "2", "3"],
    ["Outcomes", "2x WW", "3x Management advice", "1x RPRP", ""],
    ["No case to answer", "4", "-", "6", "10"],
    ["Total", "9", "8", "10", "27"],
]
"""The issue's acceptance shape: a wide table of outcomes by year with a Total row, a "<5" and a "2x WW"."""

CROSSTAB = [
    ["Rank", "WW", "FWW", "MA", "Total"],
    ["PC", "5", "2", "3", "10"],
    ["PS", "1", "<5", "0", "2"],
    ["Inspector +", "0", "1", "1", "2"],
    ["Total", "6", "4", "4", "14"],
]


def write_ods_merged(path: Path, rows: Rows, merged: tuple[int, int, int]) -> Path:
    """Write a one-sheet ODS with odfpy, the cell at (row, column) merged over ``span`` rows below it."""
    from odf.opendocument import OpenDocumentSpreadsheet
    from odf.table import CoveredTableCell, Table, TableCell, TableRow
    from odf.text import P

    row_at, column_at, span = merged
    document = OpenDocumentSpreadsheet()
    table = Table(name="Sheet1")
    for r, row in enumerate(rows):
        table_row = TableRow()
        for c, value in enumerate(row):
            if c == column_at and row_at < r < row_at + span:
                table_row.addElement(CoveredTableCell())
                continue
            attributes = {"numberrowsspanned": span} if (r, c) == (row_at, column_at) else {}
            cell = TableCell(valuetype="string", **attributes)
            if value not in ("", None):
                cell.addElement(P(text=str(value)))
            table_row.addElement(cell)
        table.addElement(table_row)
    document.spreadsheet.addElement(table)
    document.save(str(path))
    return path
