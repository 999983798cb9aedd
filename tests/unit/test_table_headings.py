"""Table headings: the count column is named by the unit's first word, never by a cut-off bracket."""

from __future__ import annotations

from pathlib import Path

from tests.importer import files
from tui.data import DataService
from tui.data.views import breakdown_table, short_unit, trend_table
from tui.importer import import_file


def test_short_unit_is_the_first_word() -> None:
    assert short_unit("officers investigated") == "officers"
    assert short_unit("cases (unit not stated)") == "cases"


def test_short_unit_without_a_word_is_count() -> None:
    assert short_unit("") == "count"
    assert short_unit("(unit not stated)") == "count"


def test_an_import_without_a_unit_has_a_count_column(tmp_path: Path) -> None:
    service = DataService(import_file(files.write_csv(tmp_path / "wide.csv", files.WIDE)).dataset)
    assert service.provenance.unit == "(unit not stated)"
    assert trend_table(service, "year").columns[1] == "count"
    assert breakdown_table(service, "finding").columns[1] == "count"
