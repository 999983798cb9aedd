"""Play a tour in the real terminal: the app runs as usual while an autopilot presses the tour's keys."""

from __future__ import annotations

import asyncio
from typing import Any

from textual.app import App
from textual.pilot import Pilot

from tui.app import FoiApp
from tui.demo.tour import Tour
from tui.widgets.key_bar import show_caption

_TICK = 0.05


async def play(pilot: Pilot[None], tour: Tour, *, speed: float = 1.0, captions: bool = False) -> None:
    """Press each step's key, caption it if asked, wait its pause; exit with status 0 at the end.

    Stops early, without error, if the person watching quits the app.
    """
    app = pilot.app
    total = len(tour.steps)
    for number, step in enumerate(tour.steps, 1):
        if not app.is_running:
            return
        if captions:  # in the key bar's place: a pop-up toast would cover the bars it describes
            show_caption(app, f"key {step.key_label} {number}/{total}", step.caption)
        await pilot.press(step.key)
        await app.workers.wait_for_complete()
        await _wait(app, step.pause / speed)
    if app.is_running:
        app.exit(return_code=0)


async def _wait(app: App[None], seconds: float) -> None:
    """Sleep ``seconds``, in short ticks so that quitting mid-pause ends the tour at once."""
    loop = asyncio.get_running_loop()
    end = loop.time() + seconds
    while app.is_running and (left := end - loop.time()) > 0:
        await asyncio.sleep(min(_TICK, left))


def run_demo(app: FoiApp, tour: Tour, *, speed: float = 1.0, captions: bool = False) -> int:
    """Run the app in the terminal with the tour as its autopilot; return the exit status."""

    async def autopilot(pilot: Pilot[Any]) -> None:
        await play(pilot, tour, speed=speed, captions=captions)

    app.run(auto_pilot=autopilot)
    return app.return_code or 0
