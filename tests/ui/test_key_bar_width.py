"""At 80x24 the key bar of every screen still shows ``^p`` (the palette finds every key) and ``?``."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.importer import files
from tests.ui.conftest import plain, settle
from tui.app import build_app
from tui.data import DataService, default_dataset_path
from tui.importer import import_file, write_package
from tui.screen_registry import SCREENS
from tui.widgets import KeyBar
from tui.widgets.key_bar import KEPT, fit


def key_bar(app) -> str:
    return plain(app.screen.query_one(KeyBar), width=80)


def service_for(mode: str, tmp_path: Path) -> DataService:
    """The default dataset, or for a screen it lacks (Cases) the per-case fixture."""
    service = DataService.from_path(default_dataset_path())
    spec = next(s for s in SCREENS if s.mode == mode)
    if spec.needs and not service.has(spec.needs):
        result = import_file(files.write_csv(tmp_path / "cases.csv", files.PER_CASE))
        service = DataService.from_path(write_package(result, tmp_path / "package"))
    return service


@pytest.mark.parametrize("mode", [spec.mode for spec in SCREENS])
async def test_every_screen_shows_the_palette_key_at_80_columns(mode: str, tmp_path: Path) -> None:
    app = build_app(service_for(mode, tmp_path), screen=mode)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert app.screen.id == mode
        keys = key_bar(app)
        assert "^p Commands" in keys and "? Help" in keys, keys


def test_quit_and_copy_give_way_first_and_the_kept_keys_never() -> None:
    items = [(k, d, True) for k, d in [("s", "Source"), ("y", "Copy"), ("d", "Dataset"), ("q", "Quit")]]
    items += [("?", "Help", True), ("^p", "Commands", True)]
    full = len("  ".join(f"{k} {d}" for k, d, _ in items))
    assert [d for _, d, _ in fit(items, full)] == [d for _, d, _ in items]
    assert [d for _, d, _ in fit(items, full - 1)] == ["Source", "Copy", "Dataset", "Help", "Commands"]
    assert [d for _, d, _ in fit(items, full - 9)] == ["Source", "Dataset", "Help", "Commands"]
    assert [d for _, d, _ in fit(items, 1)] == [d for _, d, _ in items if d in KEPT]
