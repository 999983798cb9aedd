"""``e`` export, ``y`` copy, ``%`` and bar focus on every screen: at 80x24, with NO_COLOR, and restricted."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.widgets import DataTable

from tests.ui.conftest import settle
from tui.app import FoiApp
from tui.export.target import EXPORT_DIR_VARIABLE
from tui.screens import ProvenanceScreen
from tui.screens.choice import ChoiceScreen
from tui.terminal import Terminal
from tui.widgets import BarChart, ProvenanceBar

MakeApp = Callable[..., FoiApp]

MONO = Terminal(colours="none")


def status(app: FoiApp) -> str:
    return app.screen.query_one(ProvenanceBar).status


async def export(pilot, key: str) -> None:
    await pilot.press("e")
    await settle(pilot)
    assert isinstance(pilot.app.screen, ChoiceScreen)
    await pilot.press(key)
    await settle(pilot)


@pytest.mark.parametrize("screen", ["trends", "ranks", "outcomes", "sources"])
async def test_e_exports_the_current_table_with_provenance(
    make_app: MakeApp, screen: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(EXPORT_DIR_VARIABLE, str(tmp_path))
    app = make_app(screen=screen, terminal=MONO)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await export(pilot, "c")
        written = list(tmp_path.iterdir())
        assert len(written) == 1 and written[0].suffix == ".csv"
        assert status(app) == f"Exported to {written[0]}"
        rows = list(csv.DictReader(io.StringIO(written[0].read_text())))
        assert rows and rows[0]["publisher"] == "LondonWorld (NationalWorld)"


async def test_e_never_overwrites_without_asking(make_app: MakeApp, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv(EXPORT_DIR_VARIABLE, str(tmp_path))
    app = make_app(screen="trends")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await export(pilot, "m")
        path = next(tmp_path.iterdir())
        path.write_text("mine\n")
        await export(pilot, "m")
        assert isinstance(app.screen, ChoiceScreen) and "Replace" in app.screen.question
        await pilot.press("escape")
        await settle(pilot)
        assert path.read_text() == "mine\n" and status(app) == "Not replaced."
        await export(pilot, "m")
        await pilot.press("y")
        await settle(pilot)
        assert path.read_text().startswith("# Officers investigated")


async def test_e_is_refused_in_restricted_mode_without_an_export_folder(make_app: MakeApp, monkeypatch) -> None:
    monkeypatch.delenv(EXPORT_DIR_VARIABLE, raising=False)
    app = make_app(screen="ranks", restricted=True, terminal=MONO)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert not isinstance(app.screen, ChoiceScreen)
        assert status(app).startswith("Export refused: exports are off in restricted mode")


@pytest.mark.parametrize("restricted", [False, True])
async def test_y_copies_the_focused_figure_with_its_source(make_app: MakeApp, restricted: bool) -> None:
    app = make_app(screen="trends", restricted=restricted, terminal=MONO)
    copied: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
        await pilot.press("right", "right", "right", "y")
        await settle(pilot)
        assert copied == [copied[0]] and "\n" not in copied[0]
        assert copied[0].startswith("2020: 62 officers · 33.7% of all 184; Source: LondonWorld (NationalWorld)")
        assert "londonworld.com" in copied[0]
        assert status(app).startswith("Copied to the clipboard")
        await pilot.press("t", "j", "y")
        assert copied[-1].startswith("Officers investigated by year: year 2019, officers 16, share 8.7%")


@pytest.mark.parametrize("screen", ["trends", "ranks", "outcomes"])
async def test_every_chart_has_percent_and_bar_focus_at_80x24_without_colour(make_app: MakeApp, screen: str) -> None:
    app = make_app(screen=screen, terminal=MONO)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        chart = app.focused
        assert isinstance(chart, BarChart)
        await pilot.press("percent_sign", "right")
        await settle(pilot)
        assert chart.show_shares and chart.focused_bar == 0
        assert "%" in chart.value_text(0)
        assert status(app) == chart.status_text(0)
        assert (
            chart.bar_marker(0) == chart.style_options.focus_marker != chart.style_options.marker
        )  # seen without colour
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, ProvenanceScreen)
        assert app.screen.row is not None and app.screen.row[1] == chart.figure_cells(0)


async def test_the_source_line_takes_one_row_and_a_status_at_most_two() -> None:
    """A long source line is cut with an ellipsis (``s`` shows it whole) rather than take a row from the figures."""
    from tui.app import build_app
    from tui.data import DataService
    from tui.data.locate import datasets_root

    service = DataService.from_path(datasets_root() / "uk-2023")
    line = f"{service.provenance.name} · {service.provenance.one_line()}"
    assert len(line) > 78  # the case this test is about
    app = build_app(service, screen="sources")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        bar = app.screen.query_one(ProvenanceBar)
        assert bar.size.height == 1 and str(bar.render()) == line  # the dataset's name first
        bar.show_status("x " * 100)
        await settle(pilot)
        assert bar.size.height == 2
        bar.restore()
        await settle(pilot)
        assert bar.size.height == 1


async def test_y_on_the_cases_screen_copies_the_row_under_the_cursor(tmp_path: Path) -> None:
    """The Cases rows are a plain table: ``y`` copies the row under the cursor with its source, not only the title."""
    from tests.importer import files
    from tui.app import build_app
    from tui.data import DataService
    from tui.importer import import_file, write_package

    result = import_file(files.write_csv(tmp_path / "cases.csv", files.PER_CASE))
    app = build_app(DataService.from_path(write_package(result, tmp_path / "package")), screen="cases")
    copied: list[str] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.copy_to_clipboard = copied.append  # type: ignore[method-assign]
        table = app.screen.query_one("#cases-rows", DataTable)
        assert table.row_count
        await pilot.press("down", "y")
        await settle(pilot)
        first_column = str(next(iter(table.columns.values())).label)
        row = [str(cell) for cell in table.get_row_at(1)]
        assert copied and copied[0].startswith(f"{first_column} {row[0]}, ") and "Source:" in copied[0]
