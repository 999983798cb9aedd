"""The Outcomes screen's "* worked out here" line: shown only when a figure is worked out by the app."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.importer import files
from tests.ui.conftest import plain, wait_until
from tui.app import build_app
from tui.data import DataService
from tui.importer import import_file


def note(app) -> Static:
    return app.screen.query_one("#outcomes-note", Static)


async def test_the_note_lists_the_figures_worked_out(service: DataService) -> None:
    """The bundled dataset: findings not recorded are worked out (all investigated minus those listed)."""
    app = build_app(service, screen="outcomes")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: "worked out here" in plain(note(app)), what="the note")
        assert note(app).display
        await pilot.press("q")


async def test_no_note_when_nothing_is_worked_out(tmp_path: Path) -> None:
    imported = DataService(import_file(files.write_csv(tmp_path / "cases.csv", files.PER_CASE)).dataset)
    breakdowns = [imported.breakdown(d) for d in ("finding", "sanction")]
    assert not any(f.derived for b in breakdowns for f in b.figures)
    app = build_app(imported, screen="outcomes")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: not note(app).display, what="the note hidden")
        assert "worked out here" not in plain(note(app))
        await pilot.press("q")
