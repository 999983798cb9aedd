"""Screen regression: every screen in chart and table form at 80x24 and 120x40, plus pop-ups.

Review changes with ``pytest tests/ui/test_snapshots.py`` (it writes snapshot_report.html),
then accept them with ``--snapshot-update``.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from textual.pilot import Pilot

from tests.ui.conftest import settle
from tui.app import FoiApp
from tui.screen_registry import SCREEN_MODES, spec_for

SIZES = [(80, 24), (120, 40)]
SCREENS = [mode for mode in SCREEN_MODES if not spec_for(mode).needs]  # the bundled dataset has no cases


def keys_then_settle(*keys: str) -> Callable[[Pilot[None]], object]:
    async def run_before(pilot: Pilot[None]) -> None:
        await settle(pilot)
        if keys:
            await pilot.press(*keys)
            await settle(pilot)

    return run_before


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("view", ["chart", "table"])
@pytest.mark.parametrize("screen", SCREENS)
def test_screen(snap_compare, make_app: Callable[..., FoiApp], screen: str, view: str, size: tuple[int, int]) -> None:
    keys = ("t",) if view == "table" else ()
    assert snap_compare(make_app(screen=screen), terminal_size=size, run_before=keys_then_settle(*keys))


def test_help(snap_compare, make_app: Callable[..., FoiApp]) -> None:
    assert snap_compare(make_app(), run_before=keys_then_settle("question_mark"))


def test_provenance_popup(snap_compare, make_app: Callable[..., FoiApp]) -> None:
    assert snap_compare(make_app(screen="ranks"), run_before=keys_then_settle("t", "j", "s"))


def test_too_small(snap_compare, make_app: Callable[..., FoiApp]) -> None:
    assert snap_compare(make_app(), terminal_size=(60, 20), run_before=keys_then_settle())
