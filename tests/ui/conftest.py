"""App fixtures for Pilot and snapshot tests."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

import pytest
from rich.console import Console
from textual.app import App
from textual.command import CommandList
from textual.pilot import Pilot
from textual.widgets import Static

from tui.app import FoiApp, build_app
from tui.data import DataService
from tui.demo.headless import settle

__all__ = ["make_app", "palette_offers", "plain", "settle", "wait_until"]


async def wait_until(pilot: Pilot[Any], condition: Callable[[], bool], *, what: str, timeout: float = 15.0) -> None:
    """Let the app run until ``condition()`` holds (checked after each idle moment); fail after ``timeout``."""
    loop = asyncio.get_running_loop()
    end = loop.time() + timeout
    while not condition():
        if loop.time() > end:
            raise AssertionError(f"timed out after {timeout} s waiting for {what}")
        await pilot.pause(0.02)


def palette_offers(app: App[Any], query: str) -> bool:
    """True once the command palette's highlighted command matches ``query``, so enter runs it."""
    lists = app.screen.query(CommandList)
    if not lists or lists.first().highlighted is None:
        return False
    command_list = lists.first()
    prompt = command_list.get_option_at_index(command_list.highlighted or 0).prompt
    return query.casefold() in getattr(prompt, "plain", str(prompt)).casefold()


def plain(widget: Static, width: int = 100) -> str:
    """The text a Static shows, whatever renderable it holds."""
    console = Console(width=width, record=True, file=open("/dev/null", "w"))  # noqa: SIM115
    console.print(widget.content)
    return console.export_text()


@pytest.fixture
def make_app(service: DataService) -> Callable[..., FoiApp]:
    """Build the app like the CLI does, over the default dataset."""

    def make(**options: object) -> FoiApp:
        return build_app(service, **options)  # type: ignore[arg-type]

    return make
