"""Screens ask the service for dimension roles; a dataset without one says so plainly."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from textual.widgets import Static

from tests.ui.conftest import plain, settle
from tui.app import build_app
from tui.data import DataService
from tui.widgets import FigureTable


def _without_rank(dataset: Path) -> Path:
    """The dataset copy with its rank dimension, rank figures and the claim about ranks removed."""
    package = dataset / "datapackage.json"
    meta = json.loads(package.read_text(encoding="utf-8"))
    del meta["dimensions"]["rank"]
    package.write_text(json.dumps(meta), encoding="utf-8")
    for name, drop in (("figures.csv", "rank,"), ("claims.csv", "rank:")):
        path = dataset / name
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        path.write_text("".join(line for line in lines if drop not in line), encoding="utf-8")
    return dataset


@pytest.fixture
def no_rank(dataset_copy: Path) -> DataService:
    return DataService.from_path(_without_rank(dataset_copy))


def test_dimension_for_finds_each_role(service: DataService) -> None:
    roles = {role: service.dimension_for(role) for role in ("period", "rank", "finding", "sanction")}
    assert roles == {"period": "year", "rank": "rank", "finding": "finding", "sanction": "sanction"}


def test_dimension_for_an_absent_role_is_none(no_rank: DataService) -> None:
    assert no_rank.dimension_for("rank") is None
    assert no_rank.dimension_for("period") == "year"


async def test_a_dataset_without_ranks_says_so_on_the_ranks_screen(no_rank: DataService) -> None:
    app = build_app(no_rank, screen="ranks")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        sentences = [plain(s) for s in app.screen.query(".no-breakdown").results(Static)]
        assert sentences and all("This dataset has no breakdown by rank." in s for s in sentences)
        await pilot.press("t")
        await settle(pilot)
        assert app.screen.view_name == "table"
        await pilot.press("1")
        await settle(pilot)
        years = len(no_rank.categories("year"))
        assert app.screen.query_one("#trend-table", FigureTable).row_count == years + 1  # and the total


async def test_outcomes_without_worked_out_figures_have_no_empty_note() -> None:
    """Northumbria's outcomes are all the source's own: no "* worked out here ...:" sentence ending in nothing."""
    from tui.data.locate import datasets_root

    service = DataService.from_path(datasets_root() / "northumbria-2016-2020")
    app = build_app(service, screen="outcomes")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        note = app.screen.query_one("#outcomes-note", Static)
        assert not note.display
