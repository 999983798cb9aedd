"""Snapshot at 80x24 of the compare view (the 2013 pair: 18 against 17 written warnings)."""

from __future__ import annotations

from collections.abc import Callable

from textual.pilot import Pilot

from tests.ui.conftest import settle
from tui.app import FoiApp
from tui.data.catalog import Catalog
from tui.screens.compare import CompareScreen


def test_compare_view(snap_compare, make_app: Callable[..., FoiApp]) -> None:
    async def open_compare(pilot: Pilot[None]) -> None:
        await settle(pilot)
        screen = CompareScreen(Catalog(), "met-guardian-2013")
        pilot.app.push_screen(screen)
        for _ in range(500):
            if screen.comparison is not None and screen.query("FigureTable"):
                break
            await pilot.pause(0.02)
        await settle(pilot)
        await pilot.press("j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j", "j")
        await settle(pilot)

    assert snap_compare(make_app(), terminal_size=(80, 24), run_before=open_compare)
