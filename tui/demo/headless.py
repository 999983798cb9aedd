"""Driving the app headless (screenshots, tests): wait until what is on screen is final."""

from __future__ import annotations

from textual.pilot import Pilot


async def settle(pilot: Pilot[None]) -> None:
    """Wait until every worker is done, animations are over and the screen is drawn.

    Waits on conditions (workers complete, animations finished, the message queue drained), never on time.
    """
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.wait_for_scheduled_animations()
    await pilot.pause()
