"""One short monkey burst at the installed app in a real pty (the long run is ``bench/monkey.py``)."""

from __future__ import annotations

import os

import pytest

from tests.e2e.monkey import run

pytestmark = pytest.mark.e2e

SEED = int(os.environ.get("FOI_MONKEY_SEED", "14"))
EVENTS = int(os.environ.get("FOI_MONKEY_PTY_EVENTS", "600"))


@pytest.mark.parametrize(("setting", "size"), [("xterm-256color", (80, 24)), ("vt100+LANG=C", (40, 10))])
def test_monkey_burst_in_a_real_pty(setting: str, size: tuple[int, int]) -> None:
    result = run(SEED, EVENTS, setting=setting, size=size, restricted=True)
    assert result.failure is None, result.replay_hint()
    assert result.events_sent == EVENTS
