"""SVG screenshots of the real app, driven headless: every screen, its table, help and the source pop-up.

This module drives Textual, so ``tui.export`` does not re-export it (its other output never imports
Textual). The same code and data give byte-identical files: the title is fixed, the SVG ids are a
hash of the content, and nothing time-based or random is drawn.
"""

from __future__ import annotations

import asyncio
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from tui.app import build_app
from tui.data.service import DataService
from tui.demo.headless import settle
from tui.screen_registry import SCREENS

SIZES: tuple[tuple[int, int], ...] = ((80, 24), (120, 40))
THEME = "textual-dark"
# Read when the app is built and would change what is drawn: screenshots are taken without it.
_RENDER_ENV = ("NO_COLOR",)


@dataclass(frozen=True)
class Shot:
    """One screenshot: open ``screen``, press ``keys``, capture at ``size`` into ``name``-WxH.svg."""

    name: str
    screen: str
    keys: tuple[str, ...]
    size: tuple[int, int]
    caption: str

    @property
    def filename(self) -> str:
        """The file name, e.g. ``trends-chart-80x24.svg``."""
        width, height = self.size
        return f"{self.name}-{width}x{height}.svg"

    @property
    def title(self) -> str:
        """The window title drawn in the SVG."""
        return f"foi-explorer: {self.caption}"


def shots() -> tuple[Shot, ...]:
    """Every screenshot, in a stable order."""
    found: list[Shot] = []
    for size in SIZES:
        for spec in SCREENS:
            if spec.needs:  # screenshots are of the bundled dataset, which has no per-case rows
                continue
            screen, first = spec.mode, spec.first_view
            found.append(Shot(f"{screen}-{first}", screen, (), size, f"{screen}, {first}"))
            found.append(Shot(f"{screen}-table", screen, ("t",), size, f"{screen}, table"))
        found.append(Shot("help", "trends", ("question_mark",), size, "help"))
        found.append(Shot("source-popup", "ranks", ("t", "j", "s"), size, "where a figure comes from"))
    return tuple(found)


async def render_shot(service: DataService, shot: Shot) -> str:
    """The SVG of one screenshot, from a fresh app."""
    app = build_app(service, screen=shot.screen, theme=THEME)
    async with app.run_test(size=shot.size) as pilot:
        await settle(pilot)
        for key in shot.keys:
            await pilot.press(key)
            await settle(pilot)
        return app.export_screenshot(title=shot.title, simplify=True)


@contextmanager
def _plain_environment() -> Iterator[None]:
    """Take screenshots as if no colour or animation settings were in the environment."""
    saved = {name: os.environ.pop(name) for name in _RENDER_ENV if name in os.environ}
    try:
        yield
    finally:
        os.environ.update(saved)


async def _render_all(service: DataService, selected: tuple[Shot, ...]) -> dict[str, str]:
    return {shot.filename: await render_shot(service, shot) for shot in selected}


def write_screenshots(service: DataService, directory: Path) -> list[Path]:
    """Write every screenshot into ``directory`` (created if needed); return the paths written."""
    directory.mkdir(parents=True, exist_ok=True)
    with _plain_environment():
        rendered = asyncio.run(_render_all(service, shots()))
    written = []
    for filename, svg in rendered.items():
        path = directory / filename
        path.write_text(svg, encoding="utf-8", newline="\n")
        written.append(path)
    return written
