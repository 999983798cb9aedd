"""What the first frame does without is imported after it, a module at a time, and never ahead of a key (issue 15)."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable

import pytest

from tests.ui.conftest import settle, wait_until
from tui import app as app_module
from tui.app import LATER_MODULES, FoiApp
from tui.screen_registry import SCREENS

MakeApp = Callable[..., FoiApp]

NOT_AT_START = (
    "pandas",
    "numpy",
    "jsonschema",
    *(spec.class_path.partition(":")[0] for spec in SCREENS),
    *LATER_MODULES,
    "tui.export.target",
)
"""Modules ``import tui.app`` must leave for later: the data's libraries, every screen's module, pop-ups,
the palette, the picker and the export code (the first screen's module comes with its mode)."""


def test_importing_the_app_leaves_the_screens_pop_ups_and_data_libraries_for_later() -> None:
    code = f"import sys, tui.app\nprint(','.join(m for m in {NOT_AT_START!r} if m in sys.modules))\n"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == ""


def test_a_cached_start_reads_its_answers_and_builds_the_app_without_the_loader_and_the_service() -> None:
    """The loader, the service and their checks come once a question no cache file answers is asked."""
    later = ("tui.data.service", "tui.data.loader", "tui.data.csv_table", "tui.data.checks", "tui.data.claims")
    code = (
        "import sys, tui.cli, tui.app, tui.data.answer_cache, tui.data.catalog, tui.terminal.first_frame\n"
        f"print(','.join(m for m in {(*later, *NOT_AT_START)!r} if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert result.stdout.strip() == ""


def test_every_module_left_for_later_imports() -> None:
    """A name mistyped in the list would only fail in the background, after the first frame."""
    code = f"import importlib\nfor m in {app_module.LATER_MODULES!r}: importlib.import_module(m)\n"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


async def test_the_modules_left_out_are_imported_after_the_first_frame_one_at_a_time(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    later = ("tests.ui.not_a_module_1", "tests.ui.not_a_module_2")
    imported: list[tuple[str, bool]] = []
    app = make_app()

    def import_module(name: str) -> None:
        imported.append((name, app.first_screen_complete()))

    monkeypatch.setattr(app_module, "LATER_MODULES", later)
    monkeypatch.setattr(app_module, "import_module", import_module)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: later[-1] in dict(imported), what="the modules left out imported")
    assert [name for name, _ in imported if name in later] == list(later)
    assert all(shown for _, shown in imported), "a module was imported before the first screen had its figures"


async def test_a_key_goes_before_the_modules_left_out(make_app: MakeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    imported: list[str] = []
    keys_coming = [True]
    app = make_app()
    monkeypatch.setattr(app_module, "LATER_MODULES", ("tests.ui.not_a_module",))
    monkeypatch.setattr(app_module, "import_module", imported.append)
    monkeypatch.setattr(app, "since_key", lambda: 0.0 if keys_coming[0] else 1.0)  # a key just came, and again
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, app.first_screen_complete, what="the first screen")
        await settle(pilot)
        assert not imported, "a module was imported while keys were being answered"
        keys_coming[0] = False
        await wait_until(pilot, lambda: "tests.ui.not_a_module" in imported, what="the module left out imported")


async def test_the_screen_textual_builds_as_it_starts_is_noted_styled(
    make_app: MakeApp, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Noted, it needs no refresh of all CSS before the first frame (two more parses of every stylesheet)."""
    noted: list[tuple[str, bool]] = []
    note = app_module.note_first_screen_styled

    def noting(screen: object, app: FoiApp) -> bool:
        done = note(screen, app)  # type: ignore[arg-type]
        noted.append((getattr(screen, "id", ""), done))
        return done

    monkeypatch.setattr(app_module, "note_first_screen_styled", noting)
    app = make_app(screen="ranks")
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, app.first_screen_complete, what="the first screen")
    assert noted[:1] == [("ranks", True)]
