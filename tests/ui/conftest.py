"""App fixtures for Pilot and snapshot tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from rich.console import Console
from textual.widgets import Static

from tui.app import FoiApp, build_app
from tui.data import DataService
from tui.demo.headless import settle

__all__ = ["make_app", "plain", "settle"]


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
