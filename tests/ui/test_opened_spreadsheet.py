"""A spreadsheet opened with ``--data FILE`` joins the catalog: ``d`` can come back to it, ``c`` compares it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import OptionList, Static

from tests.importer import files
from tests.ui.conftest import plain, settle, wait_until
from tui.app import FoiApp, build_app
from tui.data import DataService
from tui.data.locate import datasets_root
from tui.importer import import_file
from tui.screens.compare import CompareScreen
from tui.screens.opening import Opening
from tui.screens.picker import DatasetPicker

DEFAULT = "met-2018-2021"


def summary(app: FoiApp) -> str:
    return "".join(plain(w) for w in app.screen.query("#summary").results(Static))


def opened_app(path: Path) -> FoiApp:
    def load(on_step: Callable[[str], object]) -> DataService:
        return DataService(import_file(path, on_step=on_step).dataset)

    return build_app(None, opening=Opening(path.name, load))


async def pick(pilot: object, app: FoiApp, name: str) -> None:
    """Press d, filter the list down to ``name`` and open it."""
    await pilot.press("d")  # type: ignore[attr-defined]
    await wait_until(pilot, lambda: isinstance(app.screen, DatasetPicker), what="the picker")  # type: ignore[arg-type]
    await settle(pilot)  # type: ignore[arg-type]
    await pilot.press(*name)  # type: ignore[attr-defined]
    options = app.screen.query_one(OptionList)
    highlighted = options.get_option_at_index(options.highlighted or 0)
    assert highlighted.id == name, f"the picker highlights {highlighted.id}, not {name}"
    await pilot.press("enter")  # type: ignore[attr-defined]


async def test_d_comes_back_to_the_spreadsheet_after_another_dataset(tmp_path: Path) -> None:
    path = files.write_csv(tmp_path / "response.csv", files.PER_CASE)
    app = opened_app(path)
    bundled_total = DataService.from_path(datasets_root() / DEFAULT).total
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.screen.id == "trends", what="the first screen")
        mine = app.dataset_name
        own_total = app.service.total
        await wait_until(pilot, lambda: f"{own_total} in all" in summary(app), what="the spreadsheet's figures")
        assert mine in app.catalog.names

        await pick(pilot, app, DEFAULT)
        await wait_until(pilot, lambda: app.dataset_name == DEFAULT, what="the bundled dataset")
        await wait_until(pilot, lambda: f"{bundled_total} in all" in summary(app), what="its figures")

        await pilot.press("d")
        await wait_until(pilot, lambda: isinstance(app.screen, DatasetPicker), what="the picker")
        await settle(pilot)
        options = app.screen.query_one(OptionList)
        prompts = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert any(mine in p and "your spreadsheet" in p for p in prompts), prompts
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, DatasetPicker), what="the picker to close")

        await pick(pilot, app, mine)
        await wait_until(pilot, lambda: app.dataset_name == mine, what="the spreadsheet again")
        await wait_until(pilot, lambda: f"{own_total} in all" in summary(app), what="the spreadsheet's figures again")


async def test_c_compares_the_spreadsheet_with_a_bundled_dataset(tmp_path: Path) -> None:
    path = files.write_csv(tmp_path / "response.csv", files.PER_CASE)
    app = opened_app(path)
    async with app.run_test(size=(100, 40)) as pilot:
        await wait_until(pilot, lambda: app.screen.id == "trends", what="the first screen")
        await settle(pilot)
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, CompareScreen), what="the compare view")
        screen = app.screen
        assert isinstance(screen, CompareScreen)

        def text() -> str:
            return " ".join(plain(w, width=100) for w in screen.query(Static).results(Static))

        await wait_until(pilot, lambda: app.dataset_name in text(), what="the spreadsheet in the comparison")
        assert "unknown dataset" not in text()


async def test_sources_says_a_spreadsheet_without_a_force_matches_none(tmp_path: Path) -> None:
    path = files.write_csv(tmp_path / "response.csv", files.PER_CASE)
    app = opened_app(path)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: app.screen.id == "trends", what="the first screen")
        await settle(pilot)
        await pilot.press("4", "t")

        def note() -> str:
            return "".join(plain(w, width=200) for w in app.screen.query("#related-note").results(Static))

        await wait_until(pilot, lambda: "states no force" in note(), what="the note on related datasets")
