"""The Cases screen: per-case rows filtered as you type, grouped by a column, and back to a group's rows."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Input, Static

from tests.importer import files
from tests.ui.conftest import plain, settle
from tui.app import build_app
from tui.data import DataService
from tui.importer import import_file, write_package


@pytest.fixture
def cases_service(tmp_path: Path) -> DataService:
    """A written package of the per-case fixture (its cases read from cases.csv by the screen)."""
    result = import_file(files.write_csv(tmp_path / "cases.csv", files.PER_CASE))
    return DataService.from_path(write_package(result, tmp_path / "package"))


def status(app) -> str:
    return plain(app.screen.query_one("#cases-status", Static), width=200)


def first_column(app, table_id: str = "#cases-rows") -> list[str]:
    table = app.screen.query_one(table_id, DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


async def test_rows_listed_then_filtered_as_you_type(cases_service: DataService) -> None:
    app = build_app(cases_service)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "5 Cases" in plain(app.screen.query_one("#nav", Static))
        await pilot.press("5")
        await settle(pilot)
        assert app.screen.id == "cases"
        assert "6 of 6 cases" in status(app)
        assert first_column(app) == ["4", "5", "6", "7", "9", "10"]
        await pilot.press("slash")
        assert isinstance(app.focused, Input)
        await pilot.press(*"faceb")
        await settle(pilot)
        assert "2 of 6 cases" in status(app) and "containing 'faceb'" in status(app)
        assert first_column(app) == ["4", "6"]
        await pilot.press("enter")
        assert isinstance(app.focused, DataTable)
        await pilot.press("escape")
        await settle(pilot)
        assert "6 of 6 cases" in status(app)


async def test_group_by_the_cursor_column_then_back_to_a_group(cases_service: DataService) -> None:
    app = build_app(cases_service, screen="cases")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        rows = app.screen.query_one("#cases-rows", DataTable)
        rows.cursor_coordinate = rows.cursor_coordinate._replace(column=2)  # the canonical rank column
        await pilot.press("g")
        await settle(pilot)
        groups = app.screen.query_one("#cases-groups", DataTable)
        assert groups.display and not rows.display
        listed = [tuple(str(c) for c in groups.get_row_at(i)) for i in range(groups.row_count)]
        assert listed == [
            ("inspector and above", "2", "33.3%"),
            ("police constable", "2", "33.3%"),
            ("not stated", "1", "16.7%"),
            ("sergeant", "1", "16.7%"),
        ]
        await pilot.press("enter")  # the first group's rows
        await settle(pilot)
        assert rows.display and not groups.display
        assert "2 of 6 cases" in status(app) and "rank = inspector and above" in status(app)
        assert first_column(app) == ["7", "10"]
        await pilot.press("escape")
        await settle(pilot)
        assert "6 of 6 cases" in status(app)


async def test_no_cases_screen_without_cases(service: DataService) -> None:
    app = build_app(service)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "Cases" not in plain(app.screen.query_one("#nav", Static))
        await pilot.press("5")
        await settle(pilot)
        assert app.screen.id == "trends"
    with pytest.raises(ValueError, match="no cases screen"):
        build_app(service, screen="cases")


def test_cases_screen_snapshot(cases_service: DataService, snap_compare) -> None:
    """The Cases screen at 80x24 with the per-case fixture's rows."""

    async def loaded(pilot) -> None:
        await settle(pilot)

    assert snap_compare(build_app(cases_service, screen="cases"), terminal_size=(80, 24), run_before=loaded)


async def test_a_slash_typed_in_the_filter_is_text(cases_service: DataService) -> None:
    app = build_app(cases_service, screen="cases")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"2019", "slash", "2")
        await settle(pilot)
        assert app.screen.query_one("#cases-filter", Input).value == "2019/2"
        assert "1 of 6 cases" in status(app)


async def test_more_rows_are_listed_as_the_cursor_reaches_the_last(tmp_path: Path) -> None:
    from scripts.make_cases import write
    from tui.screens.cases import PAGE_ROWS

    service = DataService(import_file(write(tmp_path / "many.csv", PAGE_ROWS * 2 + 10)).dataset)
    app = build_app(service, screen="cases")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        rows = app.screen.query_one("#cases-rows", DataTable)
        assert rows.row_count == PAGE_ROWS
        assert f"{PAGE_ROWS} listed, more as you scroll down" in status(app)
        await pilot.press("ctrl+end")
        await settle(pilot)
        assert rows.row_count == PAGE_ROWS * 2
        await pilot.press("ctrl+end")
        await settle(pilot)
        assert rows.row_count == PAGE_ROWS * 2 + 10
        assert "listed" not in status(app)
