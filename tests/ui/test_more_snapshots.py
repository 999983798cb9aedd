"""Snapshots at 80x24 of the More screen: a cross-tab (grouped bars, then its two-way table) and a by-force chart."""

from __future__ import annotations

import pytest

from tests.ui.test_snapshots import keys_then_settle
from tui.app import FoiApp, build_app
from tui.data import DataService
from tui.data.locate import datasets_root


def more_app(name: str) -> FoiApp:
    """The app on the More screen of a bundled dataset."""
    return build_app(DataService.from_path(datasets_root() / name), screen="more", dataset_name=name)


@pytest.mark.parametrize("view", ["chart", "table"])
def test_crosstab(snap_compare, view: str) -> None:
    keys = ("t",) if view == "table" else ()
    assert snap_compare(more_app("met-pa-2023"), terminal_size=(80, 24), run_before=keys_then_settle(*keys))


def test_crosstab_stacked(snap_compare) -> None:
    assert snap_compare(more_app("met-pa-2023"), terminal_size=(80, 24), run_before=keys_then_settle("g"))


@pytest.mark.parametrize("view", ["chart", "table"])
def test_by_force(snap_compare, view: str) -> None:
    keys = ("t",) if view == "table" else ()
    assert snap_compare(more_app("uk-pa-2014"), terminal_size=(80, 24), run_before=keys_then_settle(*keys))
