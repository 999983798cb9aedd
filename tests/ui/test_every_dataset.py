"""Every screen of every bundled dataset opens at 80x24, in both views, without an error."""

from __future__ import annotations

import pytest
from textual.widgets import Static

from tests.ui.conftest import plain, settle
from tui.app import build_app
from tui.data import DataService
from tui.data.catalog import Catalog
from tui.screen_registry import SCREENS

NAMES = Catalog().names


@pytest.mark.parametrize("name", NAMES)
async def test_every_screen_in_both_views(name: str) -> None:
    entry = Catalog().get(name)
    app = build_app(DataService.from_path(entry.path), dataset_name=name)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for spec in (s for s in SCREENS if s.mode in app.modes_shown):  # Cases only with per-case rows
            await pilot.press(spec.key)
            await settle(pilot)
            assert app.screen.id == spec.mode
            assert plain(app.screen.query_one("#provenance", Static), width=80).startswith(f"{name} · ")
            await pilot.press("t")
            await settle(pilot)
            await pilot.press("t")
            await settle(pilot)
        assert app.return_code is None  # still running: nothing failed


@pytest.mark.parametrize("name", NAMES)
def test_every_table_has_distinct_column_names(name: str) -> None:
    from tui.data.views import breakdown_table, crosstab_table

    service = DataService.from_path(Catalog().get(name).path)
    for dimension in service.dimensions:
        crosstab = service.is_crosstab(dimension)
        table = crosstab_table(service, dimension) if crosstab else breakdown_table(service, dimension)
        assert len(set(table.columns)) == len(table.columns), (dimension, table.columns)
