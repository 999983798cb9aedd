"""``--data FILE.csv``: the app is on screen at once and answers keys while the spreadsheet is imported."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from textual.command import CommandPalette
from textual.widgets import Static

from tests.importer import files
from tests.ui.conftest import plain, wait_until
from tui.app import build_app
from tui.data import DataService
from tui.importer import ImportFileError, import_file
from tui.screens.opening import OPENING_MODE, Opening

RELEASE_TIMEOUT = 60.0
"""Longest a held import waits to be released (so a failing test never leaves its thread for ever)."""


class HeldImport:
    """A test double of a slow import: it reports its first step, then waits until released."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.release = threading.Event()
        self.finished = threading.Event()

    def load(self, on_step: Callable[[str], object]) -> DataService:
        on_step("reading the file")
        self.release.wait(RELEASE_TIMEOUT)
        try:
            return DataService(import_file(self.path, on_step=on_step).dataset)
        finally:
            self.finished.set()


def shown(app, selector: str) -> str:
    """The text of the widget ``selector`` on the screen on show ("" while it is still being built)."""
    return "".join(plain(widget) for widget in app.screen.query(selector).results(Static))


def step_text(app) -> str:
    return shown(app, "#opening-step")


async def test_keys_are_answered_and_q_quits_while_the_import_runs(tmp_path: Path) -> None:
    held = HeldImport(files.write_csv(tmp_path / "response.csv", files.PER_CASE))
    app = build_app(None, opening=Opening("response.csv", held.load))
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_until(pilot, lambda: app.screen.id == OPENING_MODE, what="the opening screen")
            assert "Opening response.csv" in plain(app.screen.query_one("#opening-title", Static))
            await wait_until(pilot, lambda: "reading the file" in step_text(app), what="the step under way")
            await pilot.press("ctrl+p")  # a key handled while the import is held: the command palette opens
            await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette), what="the command palette")
            await pilot.press("escape")
            await wait_until(pilot, lambda: app.screen.id == OPENING_MODE, what="back to the opening screen")
            await pilot.press("1", "question_mark")  # no data screen nor help yet: refused, nothing breaks
            assert app.screen.id == OPENING_MODE
            await pilot.press("q")
            await wait_until(pilot, lambda: not app.is_running, what="the app to quit")
        assert not held.finished.is_set()  # quit while the import was still running
        assert app.return_code == 0 and app.open_error is None
    finally:
        held.release.set()


async def test_the_first_screen_shows_the_imported_figures(tmp_path: Path) -> None:
    held = HeldImport(files.write_csv(tmp_path / "response.csv", files.PER_CASE))
    app = build_app(None, opening=Opening("response.csv", held.load))
    try:
        async with app.run_test(size=(80, 24)) as pilot:
            await wait_until(pilot, lambda: "reading the file" in step_text(app), what="the step under way")
            held.release.set()
            await wait_until(pilot, lambda: app.screen.id == "trends", what="the first screen")
            await wait_until(pilot, lambda: "6 in all" in shown(app, "#summary"), what="the figures")
            assert "5 Cases" in shown(app, "#nav")
            assert OPENING_MODE not in app.modes_shown
            await pilot.press("5")
            await wait_until(pilot, lambda: app.screen.id == "cases", what="the cases screen")
            await pilot.press("q")
        assert app.return_code == 0 and app.open_error is None
    finally:
        held.release.set()


async def test_an_import_error_ends_the_app_with_its_one_line() -> None:
    def load(on_step: Callable[[str], object]) -> DataService:
        on_step("reading the file")
        raise ImportFileError(Path("bad.csv"), "only a header row: no data rows to import", row=2)

    app = build_app(None, opening=Opening("bad.csv", load))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: not app.is_running, what="the app to end")
    assert app.return_code == 2
    assert app.open_error == "bad.csv, row 2: only a header row: no data rows to import"


async def test_a_first_screen_the_data_has_not_ends_the_app(tmp_path: Path) -> None:
    sheet = files.write_csv(tmp_path / "wide.csv", files.WIDE)  # no per-case rows: no Cases screen

    def load(on_step: Callable[[str], object]) -> DataService:
        return DataService(import_file(sheet, on_step=on_step).dataset)

    app = build_app(None, screen="cases", opening=Opening("wide.csv", load))
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: not app.is_running, what="the app to end")
    assert app.return_code == 2
    assert app.open_error is not None and "has no cases screen" in app.open_error

