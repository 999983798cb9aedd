"""The app in restricted mode: no file-writing palette command, no suspend, no screenshot, no links."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from tests.ui.conftest import settle
from tui.app import FoiApp
from tui.terminal.restricted_app import RESTRICTED_SYSTEM_COMMANDS

MakeApp = Callable[..., FoiApp]


def system_command_titles(app: FoiApp) -> set[str]:
    return {command.title for command in app.get_system_commands(app.screen)}


async def test_unrestricted_app_has_textual_screenshot_command(make_app: MakeApp) -> None:
    app = make_app()
    async with app.run_test() as pilot:
        await settle(pilot)
        assert "Screenshot" in system_command_titles(app)
        assert app.check_action("suspend_process", ()) is True


async def test_restricted_palette_has_no_command_that_touches_files(make_app: MakeApp) -> None:
    app = make_app(restricted=True)
    async with app.run_test() as pilot:
        await settle(pilot)
        titles = system_command_titles(app)
        assert "Screenshot" not in titles
        assert titles <= RESTRICTED_SYSTEM_COMMANDS
        assert titles == {"Theme"}  # Quit and Keys repeat our own q and ? (issue 12 #13)


@pytest.mark.parametrize("action", ["screenshot", "suspend_process"])
async def test_restricted_refuses_actions_whoever_asks(make_app: MakeApp, action: str) -> None:
    app = make_app(restricted=True)
    async with app.run_test() as pilot:
        await settle(pilot)
        assert app.check_action(action, ()) is False
        assert await app.run_action(f"app.{action}") is False


async def test_restricted_writes_no_screenshot_and_survives_ctrl_z(
    make_app: MakeApp, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HOME", str(tmp_path))
    app = make_app(restricted=True)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p", *"Screenshot")
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause(0.3)
        app.deliver_screenshot()
        assert app.deliver_text(str(Path(__file__))) is None
        with pytest.raises(PermissionError):
            app.save_screenshot(path=str(tmp_path))
        app.action_suspend_process()
        await pilot.press("escape", "ctrl+z", "2")
        await settle(pilot)
        assert app.is_running and app.current_mode == "ranks"
    assert list(tmp_path.rglob("*")) == []


async def test_restricted_does_not_open_links(make_app: MakeApp, monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[str] = []
    monkeypatch.setattr("webbrowser.open", lambda url, *a, **k: opened.append(url))
    app = make_app(restricted=True)
    async with app.run_test() as pilot:
        await settle(pilot)
        app.open_url("https://example.org/")
        await pilot.pause()
    assert opened == []
