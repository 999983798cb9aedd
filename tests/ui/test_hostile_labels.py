"""A hostile label (escape sequences, markup) in the data: nothing of it reaches the terminal or the clipboard.

The bar status line, the focused-figure card, ``y``'s OSC 52 line and ``e``'s files are where the
explorer writes text from data of its own accord; each shows the label as written, made harmless.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.ui.conftest import plain, settle, wait_until
from tui.app import FoiApp, build_app
from tui.data import DataService
from tui.export.clipboard import osc52
from tui.export.target import EXPORT_DIR_VARIABLE
from tui.screens import ProvenanceScreen
from tui.screens.choice import ChoiceScreen
from tui.terminal import Terminal
from tui.widgets import BarChart, ProvenanceBar

HOSTILE = "pc [/] [@click=app.quit] \x1b]52;c;ZXZpbA==\x07 \x1b[2J\x9b31m x"
"""A rank trying a markup close tag, a click action, a clipboard write, a screen clear and a C1 CSI."""

MARKUP = "[/] [@click=app.quit]"

CONTROL = {chr(c) for c in (*range(0x20), 0x7F, *range(0x80, 0xA0))} - {"\n"}


@pytest.fixture
def hostile_app(edit_csv: Callable[[str, Callable[[str], str]], Path]) -> FoiApp:
    """The app on the ranks screen of a dataset whose first rank is :data:`HOSTILE`, without colour."""
    folder = edit_csv("figures.csv", lambda text: text.replace("police constable", HOSTILE))
    return build_app(DataService.from_path(folder), screen="ranks", terminal=Terminal(colours="none"))


def _status(app: FoiApp) -> str:
    return app.screen.query_one(ProvenanceBar).status


async def test_hostile_label_in_status_line_card_and_clipboard(hostile_app: FoiApp) -> None:
    app = hostile_app
    copied: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
        chart = app.focused
        assert isinstance(chart, BarChart)
        await pilot.press("right")
        await wait_until(pilot, lambda: "160 officers" in _status(app), what="the bar's status line")
        status = _status(app)
        assert not CONTROL & set(status) and status.startswith(f"pc {MARKUP} ␛")  # the long label cut, then the count
        shown = app.screen.query_one(ProvenanceBar).render()
        assert MARKUP in getattr(shown, "plain", "")  # shown as text, not read as markup
        assert not CONTROL & set("".join(chart.labels))

        await pilot.press("y")
        await wait_until(pilot, lambda: bool(copied), what="the copy")
        assert not CONTROL & set(copied[0]) and copied[0].startswith(f"pc {MARKUP} ␛]52;c;ZXZpbA==␇ ␛[2J")
        sequence = osc52(copied[0])
        assert sequence.count("\x1b") == 1 and sequence.count("\x07") == 1
        assert not CONTROL & set(_status(app))

        await pilot.press("s")
        await wait_until(pilot, lambda: isinstance(app.screen, ProvenanceScreen), what="the card")
        card = plain(app.screen.query_one("#figure-card"), width=200)
        assert MARKUP in card and "␛]52;c;ZXZpbA==␇" in card and not CONTROL & set(card)
        assert app.is_running  # the click markup was text, not an action


@pytest.mark.parametrize(("key", "suffix"), [("c", ".csv"), ("j", ".json"), ("m", ".md")])
async def test_hostile_label_in_exported_files(
    hostile_app: FoiApp, key: str, suffix: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "exports"
    folder.mkdir()
    monkeypatch.setenv(EXPORT_DIR_VARIABLE, str(folder))
    app = hostile_app
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await wait_until(pilot, lambda: isinstance(app.screen, ChoiceScreen), what="the format question")
        await pilot.press(key)
        await wait_until(pilot, lambda: any(folder.iterdir()), what="the export")
        await wait_until(pilot, lambda: _status(app).startswith("Exported to"), what="the confirmation")
        (written,) = folder.iterdir()
        text = written.read_text(encoding="utf-8")
        assert written.suffix == suffix and not CONTROL & set(text)
        assert f"{MARKUP} ␛]52;c;ZXZpbA==␇" in text
        if suffix == ".json":
            assert json.loads(text)["rows"][0]["rank"].startswith(f"pc {MARKUP} ␛]52")
