"""A short monkey burst through Pilot: seeded keys, ctrl keys, pastes, clicks and resizes on every screen.

Fails on any exception, an exit nobody asked for, or an event the app takes more than 5 s to
settle after; the failure names the seed and the events so far. ``FOI_MONKEY_SEEDS=a,b,c`` and
``FOI_MONKEY_EVENTS=N`` run other bursts; the long run in a real pty is ``bench/monkey.py``.
"""

from __future__ import annotations

import asyncio
import os
import random
from collections.abc import Callable

import pytest
from textual import events

from tests.ui.conftest import settle
from tui.app import FoiApp
from tui.terminal import Terminal

MakeApp = Callable[..., FoiApp]

SEEDS = [int(s) for s in os.environ.get("FOI_MONKEY_SEEDS", "1,2,3,4").split(",")]
EVENTS = int(os.environ.get("FOI_MONKEY_EVENTS", "60"))
RESPONSE_TIMEOUT = 5.0

TERMINALS = {
    "xterm-256color": Terminal(colours="256"),
    "xterm+NO_COLOR": Terminal(colours="none"),
    "vt100+LANG=C": Terminal(colours="none", ascii_only=True),
    "dumb+NO_COLOR+LANG=C": Terminal(colours="none", ascii_only=True, low_bandwidth=True),
}

KEYS = [
    *"1234tsjkhl?",
    "enter",
    "escape",
    "tab",
    "shift+tab",
    "up",
    "down",
    "left",
    "right",
    "pageup",
    "pagedown",
    "home",
    "end",
    "space",
    "ctrl+p",
    "f1",
]
CTRL_KEYS = [f"ctrl+{c}" for c in "abdefghijklmnorstuvwxy"]  # not ctrl+c / ctrl+q (quit) nor ctrl+z
PASTE_TEXT = "abc é→£ q\x1bq 1234 ?s\t\n"


def random_action(rng: random.Random) -> tuple[str, object]:
    roll = rng.random()
    if roll < 0.55:
        return "key", rng.choice(KEYS)
    if roll < 0.65:
        return "key", rng.choice(CTRL_KEYS)
    if roll < 0.75:
        return "paste", "".join(rng.choice(PASTE_TEXT) for _ in range(rng.randint(0, 30)))
    if roll < 0.90:
        return "click", (rng.random(), rng.random())
    return "resize", (rng.randint(20, 200), rng.randint(6, 60))


async def play(app: FoiApp, pilot, action: tuple[str, object]) -> None:
    kind, value = action
    if kind == "key":
        await pilot.press(str(value))
    elif kind == "paste":
        app.post_message(events.Paste(str(value)))
    elif kind == "click":
        fx, fy = value  # type: ignore[misc]
        width, height = app.size
        # The last line holds the key bar, whose "q Quit" would end the burst: clicks stay above it.
        await pilot.click(offset=(int(fx * (width - 1)), int(fy * max(height - 2, 0))))
    else:
        await pilot.resize_terminal(*value)  # type: ignore[misc]


@pytest.mark.parametrize("seed", SEEDS)
async def test_monkey_burst(make_app: MakeApp, seed: int) -> None:
    setting = list(TERMINALS)[seed % len(TERMINALS)]
    rng = random.Random(seed)
    app = make_app(terminal=TERMINALS[setting], restricted=bool(seed % 2))
    done: list[tuple[str, object]] = []
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        for _ in range(EVENTS):
            action = random_action(rng)
            done.append(action)
            try:
                await asyncio.wait_for(play(app, pilot, action), RESPONSE_TIMEOUT)
                await asyncio.wait_for(pilot.pause(), RESPONSE_TIMEOUT)
            except TimeoutError:
                pytest.fail(f"seed {seed} ({setting}): no update within {RESPONSE_TIMEOUT}s after {done[-20:]}")
            assert app.return_code is None, f"seed {seed} ({setting}): the app exited after {done[-20:]}"
        await pilot.press("escape", "escape", "1")
        await settle(pilot)
        assert app.screen.id == "trends", f"seed {seed}: '1' did not bring back the trends screen"
