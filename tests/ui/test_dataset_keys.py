"""The app-wide dataset keys, driven with Pilot: ``d`` picks and switches the dataset, ``c`` compares.

Also the screens a switch brings: the More screen (by force, cross-tabs) and the Sources
screen's list of other datasets on the same force and period.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from pathlib import Path

import pytest
from textual.command import CommandPalette
from textual.widgets import OptionList, Static

from tests.ui.conftest import palette_offers, plain, settle, wait_until
from tui.app import FoiApp, build_app
from tui.data import DataService
from tui.data.catalog import Catalog
from tui.data.locate import datasets_root
from tui.screens import HelpScreen
from tui.screens.compare import CompareScreen
from tui.screens.picker import DatasetPicker
from tui.widgets import FigureTable, GroupedBarChart, HorizontalBarChart, LongBarChart, VerticalBarChart

MakeApp = Callable[..., FoiApp]


def service_for(name: str) -> DataService:
    """The service over one bundled dataset."""
    return DataService.from_path(datasets_root() / name)


def bar_text(app: FoiApp, selector: str) -> str:
    """The text of one of the screen's one-line bars (provenance, keys)."""
    return plain(app.screen.query_one(selector, Static), width=200)


async def open_picker(pilot: object, app: FoiApp) -> DatasetPicker:
    await settle(pilot)  # type: ignore[arg-type]
    await pilot.press("d")  # type: ignore[attr-defined]
    await wait_until(pilot, lambda: isinstance(app.screen, DatasetPicker), what="the picker")  # type: ignore[arg-type]
    await settle(pilot)  # type: ignore[arg-type]
    assert isinstance(app.screen, DatasetPicker)
    return app.screen


async def test_d_switches_the_dataset_without_restarting(make_app: MakeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    loaded_in: list[str] = []
    from_path = DataService.from_path.__func__  # type: ignore[attr-defined]

    def recording(cls: type[DataService], path: Path | str) -> DataService:
        loaded_in.append(threading.current_thread().name)
        return from_path(cls, path)  # type: ignore[no-any-return]

    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        before = app.service
        assert app.screen.query_one(VerticalBarChart).values == (14, 16, 62, 92)
        assert bar_text(app, "#provenance").startswith("met-2018-2021 · ")
        monkeypatch.setattr(DataService, "from_path", classmethod(recording))
        picker = await open_picker(pilot, app)
        assert picker.query_one(OptionList).option_count == len(Catalog().names)
        await pilot.press(*"guardian 2022", "enter")
        await wait_until(pilot, lambda: app.dataset_name == "met-guardian-2022" and not app.swapping, what="the switch")
        await settle(pilot)
        assert loaded_in and threading.main_thread().name not in loaded_in, "the dataset is loaded in a worker"
        assert app.service is not before and app.current_mode == "trends"
        assert bar_text(app, "#provenance").startswith("met-guardian-2022 · The Guardian")
        summary = plain(app.screen.query_one(".dataset-summary", Static))
        assert "412 officers investigated" in summary, summary
        assert "Press 5 for the More screen" in plain(app.screen.query_one(".no-breakdown", Static))
        await pilot.press("3")
        await settle(pilot)
        assert app.screen.service is app.service
        sanction = app.service.dimension_for("sanction")
        expected = [f.count for f in app.service.breakdown(sanction).figures if f.count is not None]
        assert list(app.screen.query_one("#sanction-chart", HorizontalBarChart).values) == expected
        await pilot.press("5")
        await settle(pilot)
        assert "met-guardian-2022: 412 officers investigated" in plain(app.screen.query_one("#more-summary", Static))


async def test_d_then_escape_keeps_the_dataset(make_app: MakeApp) -> None:
    app = make_app(screen="ranks")
    async with app.run_test(size=(80, 24)) as pilot:
        before = app.service
        await open_picker(pilot, app)
        await pilot.press("escape")
        await wait_until(pilot, lambda: not isinstance(app.screen, DatasetPicker), what="the picker to close")
        await settle(pilot)
        assert app.service is before and app.dataset_name == "met-2018-2021" and app.current_mode == "ranks"


async def test_c_compares_the_dataset_on_show(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, CompareScreen), what="the compare view")
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        await wait_until(pilot, lambda: screen.comparison is not None, what="the comparison")
        assert screen.comparison is not None
        assert (screen.comparison.left.name, screen.comparison.right.name) == ("met-2018-2021", "met-guardian-2022")
        await pilot.press("escape")
        await wait_until(pilot, lambda: app.screen is not screen, what="the compare view to close")
        assert app.current_mode == "trends"


async def test_c_on_the_2013_guardian_marks_18_against_17_written_warnings() -> None:
    app = build_app(service_for("met-guardian-2013"), dataset_name="met-guardian-2013")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await wait_until(pilot, lambda: isinstance(app.screen, CompareScreen), what="the compare view")
        screen = app.screen
        assert isinstance(screen, CompareScreen)
        await wait_until(pilot, lambda: screen.comparison is not None, what="the comparison")
        rows = [row for t in screen.query(FigureTable) if t.view for row in t.view.rows]
        assert ("written warning", "18", "17", "DISAGREE", "") in rows


async def test_d_and_c_are_in_the_key_bar_help_and_palette(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        keys = bar_text(app, "#key-bar")
        assert "d Dataset" in keys  # c is in help and the palette: the key bar has no room left at 80 columns
        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), what="help")
        await settle(pilot)
        help_text = " ".join(plain(s, width=200) for s in app.screen.query(Static))
        assert "Open another dataset" in help_text and "The dataset on show beside another" in help_text
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: CommandPalette.is_open(app), what="the palette")
        await pilot.press(*"Dataset")
        await wait_until(pilot, lambda: palette_offers(app, "Dataset"), what="the palette to offer Dataset")
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, DatasetPicker), what="the picker from the palette")


async def test_a_data_folder_joins_the_picker(dataset_copy: Path) -> None:
    catalog = Catalog.with_data(dataset_copy)
    app = build_app(DataService.from_path(dataset_copy), catalog=catalog, dataset_name=str(dataset_copy))
    async with app.run_test(size=(80, 24)) as pilot:
        picker = await open_picker(pilot, app)
        options = picker.query_one(OptionList)
        assert options.option_count == len(Catalog().names) + 1
        assert options.get_option_at_index(options.highlighted or 0).id == str(dataset_copy)
        await pilot.press(*"pa 2023", "enter")
        await wait_until(pilot, lambda: app.dataset_name == "met-pa-2023" and not app.swapping, what="the switch")
        await settle(pilot)
        assert bar_text(app, "#provenance").startswith("met-pa-2023 · ")


async def test_more_shows_a_cross_tab_as_bars_and_a_two_way_table() -> None:
    app = build_app(service_for("met-pa-2023"), screen="more")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        chart = app.screen.query_one(GroupedBarChart)
        assert not chart.stacked
        await pilot.press("g")
        assert chart.stacked
        await pilot.press("t")
        await settle(pilot)
        table = app.screen.query_one("#crosstab-table-0", FigureTable)
        assert table.view is not None
        assert table.view.columns == ("allegation types", "2018", "2019", "2020", "2021", "2022", "all years")
        rows = {row[0]: row[1:] for row in table.view.rows}
        assert rows["inappropriate sexual conduct"][0] == "2" and rows["inappropriate sexual conduct"][4] == "19"
        assert rows["discriminatory behaviour"][1] == "not given"
        await pilot.press("1")
        await settle(pilot)
        pointer = plain(app.screen.query_one(".no-breakdown", Static), width=300)
        assert "Complaints by allegation type and year (a cross-tab)" in pointer and "press 5" in pointer.lower()


async def test_more_draws_every_force_sorted_in_a_scroll() -> None:
    service = service_for("uk-pa-2014")
    app = build_app(service, screen="more")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        chart = app.screen.query_one("#force-chart", LongBarChart)
        by_force = service.by_force()
        assert by_force is not None
        given = [f.count for f in by_force.source_figures if f.count is not None]
        assert list(chart.values[: len(given)]) == sorted(given, reverse=True)
        assert chart.left_out == 0


async def test_sources_lists_other_datasets_on_the_same_force(make_app: MakeApp) -> None:
    app = make_app(screen="sources")
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("t")
        await settle(pilot)
        table = app.screen.query_one("#related-table", FigureTable)
        assert table.view is not None
        rows = {row[0]: row for row in table.view.rows}
        assert {"met-guardian-2022", "met-pa-2023"} <= set(rows)
        assert "complaints" in rows["met-pa-2023"][3] and "counts cannot be compared" in rows["met-pa-2023"][3]
        assert "2017 – Aug 2022" in rows["met-guardian-2022"][1]


async def test_a_switch_lets_the_old_datasets_screens_and_figures_go() -> None:
    """The screens replaced by a switch are freed, though the collector's pauses froze them in their cycles.

    (Textual keeps the app's very first screen for good: the test looks at the dataset opened second.)
    """
    app = build_app(service_for("met-2018-2021"))

    async def switch(name: str) -> None:
        app.switch_dataset(name)
        await wait_until(pilot, lambda: app.dataset_name == name and not app.swapping, what=f"the switch to {name}")
        await settle(pilot)

    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await switch("met-guardian-2022")
        old = []
        for key in "1234":
            await pilot.press(key)
            await settle(pilot)
            old.append(weakref.ref(app.screen))
        old_service = weakref.ref(app.service)
        await switch("uk-2023")
        await wait_until(pilot, lambda: old_service() is None, what="the figures of the dataset before to go")
        assert [ref() for ref in old] == [None] * len(old), "a screen of the dataset before is still alive"
