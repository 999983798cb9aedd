"""``e`` on the Cases screen writes the table on show (filter and group applied, every row) through the export gate."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from textual.widgets import DataTable

from tests.importer import files
from tests.ui.conftest import settle
from tui.app import build_app
from tui.data import DataService
from tui.export.target import EXPORT_DIR_VARIABLE
from tui.importer import import_file, write_package
from tui.screens.cases import PAGE_ROWS, CasesScreen
from tui.screens.choice import ChoiceScreen
from tui.widgets import ProvenanceBar


@pytest.fixture
def package(tmp_path: Path) -> Path:
    """A written package with more cases than the screen lists at once (so "every row" is tested)."""
    from scripts.make_cases import write

    return write_package(import_file(write(tmp_path / "many.csv", PAGE_ROWS * 40 + 7)), tmp_path / "package")


@pytest.fixture
def out(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The export folder."""
    folder = tmp_path / "out"
    folder.mkdir()
    monkeypatch.setenv(EXPORT_DIR_VARIABLE, str(folder))
    return folder


def status(app) -> str:
    return app.screen.query_one(ProvenanceBar).status


async def export(pilot, key: str) -> None:
    await pilot.press("e")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ChoiceScreen)
    await pilot.press(key)
    await settle(pilot)


async def filter_and_pick_first_group(pilot, text: str) -> str:
    """Type ``text`` in the filter, group by the second column, enter its first group; the column grouped."""
    screen = pilot.app.screen
    assert isinstance(screen, CasesScreen)
    await pilot.press("slash", *text, "enter")
    await settle(pilot)
    rows = screen.query_one("#cases-rows", DataTable)
    rows.cursor_coordinate = rows.cursor_coordinate._replace(column=1)
    await pilot.press("g")
    await settle(pilot)
    assert screen.grouped is not None
    column = screen.grouped.column
    await pilot.press("enter")
    await settle(pilot)
    assert screen.grouped is None and screen.where
    return column


async def test_e_writes_every_row_kept_by_the_filter_and_group(package: Path, out: Path) -> None:
    app = build_app(DataService.from_path(package), screen="cases")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        column = await filter_and_pick_first_group(pilot, "case")
        await export(pilot, "c")
        written = list(out.iterdir())
        assert [p.name for p in written] == ["foi-explorer-cases.csv"]
        assert status(app) == f"Exported to {written[0]}"

    expected = DataService.from_path(package).cases()  # the same question asked afresh
    expected.filter("case", {})
    first_group = expected.group_by(column)[0].value
    kept = expected.filter("case", {column: first_group})
    assert kept > PAGE_ROWS  # more than the screen listed
    lines = list(csv.reader(io.StringIO(written[0].read_text(encoding="utf-8"))))
    width = len(expected.columns)
    assert tuple(lines[0][:width]) == expected.columns and lines[0][width] == "derived"
    assert [tuple(line[:width]) for line in lines[1:]] == expected.rows(0, kept)
    assert all(line[lines[0].index("publisher")] for line in lines[1:])


async def test_e_on_the_groups_writes_the_groups(package: Path, out: Path) -> None:
    app = build_app(DataService.from_path(package), screen="cases")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CasesScreen)
        await pilot.press("g")
        await settle(pilot)
        assert screen.grouped is not None
        column = screen.grouped.column
        await export(pilot, "j")
        written = list(out.iterdir())
        assert len(written) == 1 and written[0].suffix == ".json"
        assert status(app) == f"Exported to {written[0]}"

    groups = DataService.from_path(package).cases().group_by(column)
    payload = json.loads(written[0].read_text(encoding="utf-8"))
    assert payload["columns"] == [column, "cases", "share"]
    assert [(row[column], row["cases"].replace(",", "")) for row in payload["rows"]] == [
        (group.value, str(group.count)) for group in groups
    ]
    assert all(row["derived"] for row in payload["rows"]) and payload["provenance"]["publisher"]


async def test_e_on_the_cases_never_overwrites_without_asking(package: Path, out: Path) -> None:
    app = build_app(DataService.from_path(package), screen="cases")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await export(pilot, "m")
        path = next(out.iterdir())
        path.write_text("mine\n")
        await export(pilot, "m")
        assert isinstance(app.screen, ChoiceScreen) and "Replace" in app.screen.question
        await pilot.press("escape")
        await settle(pilot)
        assert path.read_text() == "mine\n" and status(app) == "Not replaced."
        assert [p.name for p in out.iterdir()] == [path.name]  # no temporary file left either


async def test_e_on_the_cases_is_refused_in_restricted_mode_without_an_export_folder(
    package: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv(EXPORT_DIR_VARIABLE, raising=False)
    app = build_app(DataService.from_path(package), screen="cases", restricted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert not isinstance(app.screen, ChoiceScreen)
        assert status(app).startswith("Export refused: exports are off in restricted mode")


HOSTILE = "Face\x1b]52;c;aGk=\x07book\u202e"


async def test_a_hostile_case_value_reaches_neither_the_question_nor_the_file(tmp_path: Path, out: Path) -> None:
    rows = [list(row) for row in files.PER_CASE]
    rows[4][5] = HOSTILE  # C1's platform
    result = import_file(files.write_csv(tmp_path / "cases.csv", rows))
    app = build_app(DataService.from_path(write_package(result, tmp_path / "package")), screen="cases")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"face", "enter")
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
        assert "\x1b" not in app.screen.question and "\u202e" not in app.screen.question
        await pilot.press("c")
        await settle(pilot)
        assert status(app).startswith("Exported to")
    text = next(out.iterdir()).read_text(encoding="utf-8")
    assert "Face" in text and "\x1b" not in text and "\x07" not in text and "\u202e" not in text


async def test_e_while_the_cases_are_read_says_they_are_still_being_read(
    package: Path, out: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Not "nothing to export": the rows are coming; once listed, e exports them."""
    import threading


    release = threading.Event()
    service = DataService.from_path(package)
    read_cases = service.cases

    def slow_cases(progress):
        release.wait(timeout=30)
        return read_cases(progress)

    monkeypatch.setattr(service, "cases", slow_cases)
    app = build_app(service, screen="cases")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, CasesScreen) and app.screen.table is None
        await pilot.press("e")
        await pilot.pause()
        assert "still being read" in status(app), status(app)
        assert not isinstance(app.screen, ChoiceScreen)
        release.set()
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ChoiceScreen)
